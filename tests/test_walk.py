"""Which files a folder walk checks: .gitignore honoured as git honours it, whether or not the
folder is in a git repository; plain text only when asked; configured word lists never."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from copydesk.cli import main

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

# (path, contents); every .md file says "the the" so that it has a finding
TREE = {
    ".gitignore": "*.md\n!keep.md\n/top.html\nbuild/\ndrafts/**/*.html\n# a comment\n\\#hash.md\n",
    "keep.md": "",
    "gone.md": "",
    "top.html": "",
    "deep/top.html": "",
    "deep/keep.md": "",
    "deep/.gitignore": "!gone.md\nlocal.html\n",
    "deep/gone.md": "",
    "deep/local.html": "",
    "build/keep.md": "",  # inside an ignored folder nothing is re-included
    "drafts/a/b/x.html": "",
    "drafts/y.html": "",
    "notes.txt": "",
    "docs/page.htm": "",
    "docs/sub/page.html": "",
}


def _make(root: Path) -> None:
    for name, text in TREE.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if name.endswith(".gitignore"):
            p.write_text(text)
        elif name.endswith((".html", ".htm")):
            p.write_text("<p>The the end.</p>\n")
        else:
            p.write_text("The the end.\n")


def _checked(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    cwd = os.getcwd()
    os.chdir(root)
    try:
        main(["check", "--format", "json", "--select", "MEC001", *extra, "."])
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    return sorted(Path(f["path"]).as_posix() for f in json.loads(out)["files"])


def _git(root: Path, *args: str) -> list[str]:
    proc = subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True)
    return proc.stdout.split("\0")


EXPECTED = [
    "deep/gone.md",
    "deep/keep.md",
    "deep/top.html",
    "docs/page.htm",
    "docs/sub/page.html",
    "keep.md",
    "notes.txt",
]


def test_gitignore_outside_git(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _make(tmp_path)
    assert _checked(tmp_path, capsys) == EXPECTED


@needs_git
def test_same_files_with_and_without_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _make(tmp_path)
    without = _checked(tmp_path, capsys)
    _git(tmp_path, "init", "-q")
    # git's own answer, for the same extensions
    listed = _git(tmp_path, "ls-files", "-z", "--others", "--exclude-standard")
    by_git = sorted(n for n in listed if n.endswith((".md", ".html", ".htm", ".txt")))
    assert _checked(tmp_path, capsys) == without == by_git == EXPECTED


@needs_git
@pytest.mark.parametrize("in_git", [False, True])
def test_plain_text_unless_turned_off(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], in_git: bool
) -> None:
    _make(tmp_path)
    if in_git:
        _git(tmp_path, "init", "-q")
    assert "notes.txt" in _checked(tmp_path, capsys)
    assert "notes.txt" not in _checked(tmp_path, capsys, "--no-include-text")
    (tmp_path / "copydesk.toml").write_text("include-text = false\n")
    assert "notes.txt" not in _checked(tmp_path, capsys)
    assert "notes.txt" in _checked(tmp_path, capsys, "--include-text")


def test_a_named_text_file_is_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.txt").write_text("The the end.\n")
    assert main(["check", "--select", "MEC001", str(tmp_path / "notes.txt")]) == 1


@pytest.mark.parametrize("include_text", [False, True])
def test_word_lists_are_never_checked_or_fixed(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    include_text: bool,
) -> None:
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    accept = "Brightwater\nthe the\n"
    reject = "alright\nirregardless\n"
    (vocab / "accept.txt").write_text(accept)
    (vocab / "reject.txt").write_text(reject)
    (tmp_path / "copydesk.toml").write_text(
        f"include-text = {str(include_text).lower()}\n"
        '[spelling]\naccept = ["vocab/accept.txt"]\nreject = ["vocab/reject.txt"]\n'
    )
    (tmp_path / "story.txt").write_text("It was alright, irregardless of the the rain.\n")
    monkeypatch.chdir(tmp_path)
    # a folder, and the files named one by one as a pre-commit hook names them
    for args in (["."], ["story.txt", "vocab/accept.txt", "vocab/reject.txt"]):
        main(["fix", "--unsafe-fixes", "--format", "json", "-o", "r.json", *args])
        checked = [f["path"] for f in json.loads(Path("r.json").read_text())["files"]]
        assert all("vocab" not in p for p in checked), checked
        assert (vocab / "accept.txt").read_text() == accept
        assert (vocab / "reject.txt").read_text() == reject
    assert "the the" not in (tmp_path / "story.txt").read_text()  # the article was fixed
