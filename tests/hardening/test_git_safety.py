"""Checking a folder lists its files through git, and a cloned repository's own config must not
make that run code: its file-system monitor hook and hooks are switched off, while its
.gitignore and the user's global excludes still apply."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from copydesk.cli import main

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def hostile_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    (home / "global-ignore").write_text("private.md\n")
    _git(home, "config", "--global", "core.excludesFile", str(home / "global-ignore"))

    repo = tmp_path / "repo"
    repo.mkdir()
    marker = tmp_path / "ran"
    _git(repo, "init", "-q")
    hook = repo / "monitor.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n")
    hook.chmod(0o755)
    _git(repo, "config", "core.fsmonitor", str(hook))
    _git(repo, "config", "core.hooksPath", str(repo))
    (repo / "story.md").write_text("The the council met.\n")
    (repo / "private.md").write_text("The the secret.\n")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "d.md").write_text("The the draft.\n")
    (repo / ".gitignore").write_text("drafts/\n")
    _git(repo, "add", "story.md", ".gitignore")
    _git(repo, "-c", "core.fsmonitor=false", "-c", "user.name=t", "-c", "user.email=t@e",
         "commit", "-qm", "x", "--no-verify")  # fmt: skip
    marker.unlink(missing_ok=True)
    return repo, marker


def test_fsmonitor_hook_of_a_checked_folder_never_runs(
    hostile_repo: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    repo, marker = hostile_repo
    assert main(["check", "--no-color", "--select", "MEC001", str(repo)]) == 1
    out = capsys.readouterr().out
    assert not marker.exists(), "copydesk ran the repository's core.fsmonitor command"
    assert "story.md" in out
    # the repository's .gitignore and the user's global excludes are still respected
    assert "drafts" not in out and "private.md" not in out


def test_git_is_really_reached(hostile_repo: tuple[Path, Path]) -> None:
    # the hook above does run for plain git: the test above would notice if copydesk stopped
    # using the safe settings
    repo, marker = hostile_repo
    subprocess.run(["git", "status", "--porcelain"], cwd=repo, capture_output=True, env=os.environ)
    assert marker.exists()
