"""Turning the paths given on the command line into the files to check. Folders are walked
with ``.gitignore`` respected (through git when the folder is in a repository, through the same
matching rules otherwise) and config ``exclude`` globs applied; explicit files are always read,
even with an unusual extension. A folder walk takes Markdown, HTML and Word documents, and
plain text only when asked: a ``.txt`` in a newsroom's repository is as likely a word list or notes as an article."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from copydesk.document.read import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, TEXT_EXTENSIONS
from copydesk.document.wordproc import WORD_EXTENSIONS

SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        ".venv",
        "venv",
        "__pycache__",
        ".copydesk_cache",
        ".tox",
    }
)


def walked_extensions(include_text: bool) -> frozenset[str]:
    """The extensions a folder walk collects."""
    found = MARKDOWN_EXTENSIONS | HTML_EXTENSIONS | WORD_EXTENSIONS
    return found | TEXT_EXTENSIONS if include_text else found


def expand(path: Path, extensions: frozenset[str] | None = None) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    wanted = walked_extensions(False) if extensions is None else extensions
    listed = _git_files(path)
    if listed is not None and (listed or not _git_ignored(path)):
        yield from (p for p in listed if p.suffix.lower() in wanted)
        return
    yield from _walk(path, wanted)


def _git_files(folder: Path) -> list[Path] | None:
    import subprocess  # only for folders: a pre-commit run names files and never needs it

    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    names = sorted({n for n in out.decode("utf-8", "surrogateescape").split("\0") if n})
    files = [folder / n for n in names]
    return [
        f
        for f in files
        if f.is_file() and not any(p in SKIP_DIRS for p in f.relative_to(folder).parts[:-1])
    ]


def _git_ignored(folder: Path) -> bool:
    """A folder named on the command line is checked even when git ignores it."""
    import subprocess

    try:
        return (
            subprocess.run(
                ["git", "check-ignore", "-q", "."], cwd=folder, capture_output=True, timeout=30
            ).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


def _walk(root: Path, wanted: frozenset[str]) -> Iterator[Path]:
    """Walk without git, honouring every .gitignore on the way as git does: gitwildmatch
    patterns (negation, anchoring, ``**``, folder-only patterns), the deeper file deciding
    first, and nothing re-included inside an ignored folder (it is never entered)."""
    levels: list[tuple[Path, Any]] = []  # (folder, its .gitignore as a spec), outermost first
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        levels = [(base, pats) for base, pats in levels if base == here or base in here.parents]
        spec = _read_gitignore(here / ".gitignore")
        if spec is not None:
            levels.append((here, spec))
        dirs[:] = sorted(
            d for d in dirs if d not in SKIP_DIRS and not _ignored(here / d, levels, True)
        )
        for name in sorted(files):
            p = here / name
            if p.suffix.lower() in wanted and not _ignored(p, levels, False):
                yield p


def _read_gitignore(path: Path) -> Any:
    if not path.is_file():
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    from pathspec import GitIgnoreSpec  # only for walks outside git

    return GitIgnoreSpec.from_lines(lines) or None


def _ignored(path: Path, levels: list[tuple[Path, Any]], is_dir: bool) -> bool:
    """Whether the last matching pattern, deepest .gitignore first, ignores the path."""
    for base, spec in reversed(levels):
        rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        verdict = spec.check_file(rel).include
        if verdict is not None:
            return bool(verdict)
    return False
