"""The real pre-commit, in a real git repository of articles, running this checkout's hooks
through ``pre-commit try-repo`` (which installs copydesk into pre-commit's own environment)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
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


def _readme_hook_blocks() -> list[str]:
    """The YAML blocks of the README's pre-commit section, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### As a pre-commit hook", 1)[1].split("\n### ", 1)[0]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


@pytest.fixture(scope="module")
def hosted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout as a newsroom would host it: a git repository with the release tag the
    README tells people to create."""
    host = tmp_path_factory.mktemp("host") / "copydesk"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (host / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, host / name)
    env = {**os.environ, "GIT_AUTHOR_NAME": "Desk", "GIT_AUTHOR_EMAIL": "d@example.com"}
    env |= {"GIT_COMMITTER_NAME": "Desk", "GIT_COMMITTER_EMAIL": "d@example.com"}
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "copydesk"]):
        subprocess.run(["git", *args], cwd=host, check=True, capture_output=True, env=env)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    tag = f"v{version}"
    # as the README says: git tag v<version> (the push is to the host, which this is)
    subprocess.run(["git", "tag", tag], cwd=host, check=True, capture_output=True, env=env)
    return host, tag


def _newsroom(tmp_path: Path, config: str) -> Path:
    repo = tmp_path / "newsroom"
    repo.mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(config)
    (repo / "vocab").mkdir()
    (repo / "vocab" / "reject.txt").write_text("alright\n")
    (repo / "copydesk.toml").write_text('[spelling]\nreject = ["vocab/reject.txt"]\n')
    (repo / "story.md").write_text(
        "# Vote\n\nThe council voted on the the budget , officials said.\n"
    )
    (repo / "notes.txt").write_text("Call the the mayor , alright.\n")
    _git(repo, "add", ".")
    return repo


def _run(repo: Path, env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PRE_COMMIT), "run", "--all-files", "--color", "never", *extra],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_readme_snippet_works_as_written(
    tmp_path: Path, env: dict[str, str], hosted: tuple[Path, str]
) -> None:
    host, tag = hosted
    blocks = _readme_hook_blocks()
    assert len(blocks) == 2, blocks
    snippet, errors_only = blocks
    assert f"rev: {tag}" in snippet, "the README's rev must be the tag it tells people to create"
    assert "args: [--fail-level, error]" in errors_only
    config = re.sub(r"repo: \S+", f"repo: {host}", snippet)

    repo = _newsroom(tmp_path / "plain", config)
    proc = _run(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "story.md:3:" in proc.stdout and "MEC001 error" in proc.stdout, proc.stdout
    assert "notes.txt" not in proc.stdout  # plain text only when asked
    assert "reject.txt" not in proc.stdout  # word lists never

    # the errors-only variant, put where the README's indentation says: in place of the hook
    lines = config.splitlines()
    at = next(i for i, line in enumerate(lines) if "- id: copydesk" in line)
    config_errors = "\n".join([*lines[:at], errors_only.rstrip("\n")]) + "\n"
    repo = _newsroom(tmp_path / "errors", config_errors)
    (repo / "story.md").write_text("# Vote\n\nThe council voted on the budget , officials said.\n")
    _git(repo, "add", ".")
    proc = _run(repo, env, "--verbose")
    assert proc.returncode == 0, proc.stdout + proc.stderr  # MEC003 is only a warning
    assert "MEC003 warning" in proc.stdout, proc.stdout  # ... still reported


def test_fix_hook_never_rewrites_word_lists(
    tmp_path: Path, env: dict[str, str], hosted: tuple[Path, str]
) -> None:
    host, tag = hosted
    # the fix hook, with plain text asked for as the README says
    config = (
        f"repos:\n  - repo: {host}\n    rev: {tag}\n    hooks:\n      - id: copydesk-fix\n"
        "        types_or: [markdown, html, plain-text]\n"
    )
    repo = _newsroom(tmp_path, config)
    proc = _run(repo, env)
    assert proc.returncode == 1, proc.stdout + proc.stderr  # files were changed
    assert (repo / "vocab" / "reject.txt").read_text() == "alright\n"
    assert "the the" not in (repo / "notes.txt").read_text()  # asked for, so fixed
    assert "the the" not in (repo / "story.md").read_text()
