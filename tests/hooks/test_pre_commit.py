"""The real pre-commit, in a real git repository of articles, running this checkout's hooks
through ``pre-commit try-repo`` (which installs copydesk into pre-commit's own environment)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() or shutil.which("git") is None,
    reason="pre-commit or git is not installed",
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        "GIT_AUTHOR_NAME": "Desk",
        "GIT_AUTHOR_EMAIL": "desk@example.com",
        "GIT_COMMITTER_NAME": "Desk",
        "GIT_COMMITTER_EMAIL": "desk@example.com",
        "COPYDESK_CACHE_DIR": str(home / "copydesk"),
    }


def _try_repo(repo: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(ROOT), hook, "--all-files", "--color", "never"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_hook_fails_on_a_bad_article_and_passes_once_fixed(
    tmp_path: Path, env: dict[str, str]
) -> None:
    repo = tmp_path / "newsroom"
    repo.mkdir()
    _git(repo, "init", "-q")
    story = repo / "story.md"
    line = "The council voted on the the budget , officials said."
    story.write_text(f"# Council vote\n\n{line}\n")
    (repo / "notes.txt").write_text("Nothing wrong here.\n")
    _git(repo, "add", ".")

    proc = _try_repo(repo, "copydesk", env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert (
        f"story.md:3:{line.index('the the') + 1}: MEC001 error 'the' is repeated." in proc.stdout
    ), proc.stdout
    assert f"story.md:3:{line.index(' ,') + 1}: MEC003 warning" in proc.stdout, proc.stdout
    assert "notes.txt:" not in proc.stdout  # the clean file has no findings

    story.write_text("# Council vote\n\nThe council voted on the budget, officials said.\n")
    _git(repo, "add", ".")
    proc = _try_repo(repo, "copydesk", env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_fix_hook_corrects_the_article(tmp_path: Path, env: dict[str, str]) -> None:
    repo = tmp_path / "desk"
    repo.mkdir()
    _git(repo, "init", "-q")
    story = repo / "story.md"
    story.write_text("The council voted on the the budget , officials said.\n")
    _git(repo, "add", ".")
    proc = _try_repo(repo, "copydesk-fix", env)
    assert proc.returncode == 1  # pre-commit fails a hook that changed files
    assert story.read_text() == "The council voted on the budget, officials said.\n"
