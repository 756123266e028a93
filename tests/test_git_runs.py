"""How a folder walk runs git: its listing when it answers, the walk of its own when git is
missing, fails or hangs (a hung git is stopped), and the same answers through ``subprocess``
where there is no ``posix_spawn``."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest

from copydesk import files

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "drafts").mkdir(parents=True)
    (repo / "story.md").write_text("A story.\n")
    (repo / "drafts" / "old.md").write_text("An old one.\n")
    (repo / ".gitignore").write_text("drafts/\n")
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    return repo


def _names(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in files.expand(folder))


def test_git_lists_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path)
    (repo / "new.md").write_text("Not yet added.\n")
    assert _names(repo) == ["new.md", "story.md"]
    status, out = files._run_git(["ls-files", "-z", "--others", "--", "."], repo) or (1, b"")
    assert status == 0 and set(out.split(b"\0")) >= {b"new.md", b"story.md"}
    monkeypatch.delattr(os, "posix_spawnp")  # the subprocess way answers the same
    assert _names(repo) == ["new.md", "story.md"]
    assert files._run_git(["check-ignore", "-q", "drafts"], repo) == (0, b"")


def _fake_git(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    git = bin_dir / "git"
    git.write_text(f"#!/bin/sh\n{body}\n")
    git.chmod(git.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_a_hung_git_is_stopped_and_the_folder_walked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path)
    _fake_git(tmp_path, f"exec {shutil.which('sleep')} 30", monkeypatch)
    monkeypatch.setattr(files, "GIT_TIMEOUT", 0.5)
    started = time.monotonic()
    assert files._run_git(["ls-files"], repo) is None
    assert _names(repo) == ["story.md"]  # .gitignore still honoured by the walk
    assert time.monotonic() - started < 10


def test_a_failing_or_missing_git_means_a_walk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _repo(tmp_path)
    _fake_git(tmp_path, "echo noise; exit 128", monkeypatch)
    assert files._run_git(["ls-files"], repo) == (128, b"noise\n")
    assert _names(repo) == ["story.md"]
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert files._run_git(["ls-files"], repo) is None
    assert _names(repo) == ["story.md"]
