"""Turning the paths given on the command line into the files to check. Folders are walked
with ``.gitignore`` respected (through git when the folder is in a repository) and config
``exclude`` globs applied; explicit files are always read, even with an unusual extension."""

from __future__ import annotations

import os
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from copydesk.document.read import SUPPORTED_EXTENSIONS

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


def expand(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    listed = _git_files(path)
    if listed is not None and (listed or not _git_ignored(path)):
        yield from (p for p in listed if p.suffix.lower() in SUPPORTED_EXTENSIONS)
        return
    yield from _walk(path)


# A checked-out repository's own config is not to be trusted: settings that name a command
# for git to run (the file-system monitor hook, hooks) are switched off for every call, so
# checking a folder never runs code from the repository. The user's global ignore settings
# (core.excludesFile) and the repository's .gitignore files still apply.
GIT_SAFE = (
    "git",
    "--no-pager",
    "-c", "core.fsmonitor=false",
    "-c", "core.hooksPath=/dev/null",
    "-c", "core.untrackedCache=false",
    "-c", "protocol.allow=never",
)  # fmt: skip


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    env["GIT_OPTIONAL_LOCKS"] = "0"  # a listing must not rewrite the repository's index
    env["GIT_TERMINAL_PROMPT"] = "0"
    return env


def _git_files(folder: Path) -> list[Path] | None:
    import subprocess  # only for folders: a pre-commit run names files and never needs it

    try:
        out = subprocess.run(
            [*GIT_SAFE, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            check=True,
            timeout=30,
            env=_git_env(),
            stdin=subprocess.DEVNULL,
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
                [*GIT_SAFE, "check-ignore", "-q", "."],
                cwd=folder,
                capture_output=True,
                timeout=30,
                env=_git_env(),
                stdin=subprocess.DEVNULL,
            ).returncode
            == 0
        )
    except (OSError, subprocess.SubprocessError):
        return False


def _walk(root: Path) -> Iterator[Path]:
    """Walk without git, honouring the .gitignore files found on the way (common patterns:
    names, globs, folder patterns ending in /, negation is not supported)."""
    rules: list[tuple[Path, str]] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        here = Path(folder)
        ignore_file = here / ".gitignore"
        if ignore_file.is_file():
            try:
                for line in ignore_file.read_text(encoding="utf-8").splitlines():
                    line = line.strip()
                    if line and not line.startswith(("#", "!")):
                        rules.append((here, line))
            except (OSError, UnicodeDecodeError):
                pass
        dirs[:] = sorted(
            d for d in dirs if d not in SKIP_DIRS and not _ignored(here / d, rules, True)
        )
        for name in sorted(files):
            p = here / name
            if p.suffix.lower() in SUPPORTED_EXTENSIONS and not _ignored(p, rules, False):
                yield p


def _ignored(path: Path, rules: list[tuple[Path, str]], is_dir: bool) -> bool:
    for base, pattern in rules:
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        pat = pattern
        if pat.endswith("/"):
            if not is_dir:
                continue
            pat = pat[:-1]
        if "/" in pat.strip("/"):
            if fnmatch(rel, pat.lstrip("/")):
                return True
        elif fnmatch(path.name, pat.lstrip("/")):
            return True
    return False
