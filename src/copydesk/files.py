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
    ran = _run_git(
        ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."], folder
    )
    if ran is None or ran[0] != 0:
        return None
    names = sorted({n for n in ran[1].decode("utf-8", "surrogateescape").split("\0") if n})
    files = [folder / n for n in names]
    return [
        f
        for f in files
        if f.is_file() and not any(p in SKIP_DIRS for p in f.relative_to(folder).parts[:-1])
    ]


def _git_ignored(folder: Path) -> bool:
    """A folder named on the command line is checked even when git ignores it."""
    ran = _run_git(["check-ignore", "-q", "."], folder)
    return ran is not None and ran[0] == 0


GIT_TIMEOUT = 30.0  # seconds
_SIGKILL = 9  # the same on every POSIX system; the signal module would cost an import


def _run_git(args: list[str], folder: Path) -> tuple[int, bytes] | None:
    """(exit status, standard output) of git run in ``folder`` with no input and its errors
    dropped, or None when it cannot be started or runs past ``GIT_TIMEOUT``. Where the system
    has ``posix_spawn`` git is started with it: importing ``subprocess`` (with ``threading``,
    ``selectors`` and ``signal``) costs a run over a folder more than listing it."""
    argv = [GIT_SAFE[0], "-C", str(folder), *GIT_SAFE[1:], *args]
    import select

    if not hasattr(os, "posix_spawnp") or not hasattr(select, "poll"):
        return _run_git_subprocess(argv)
    import time

    read, write = os.pipe()  # not inherited: only the duplicates below reach git
    null = os.open(os.devnull, os.O_RDWR)
    try:
        pid = os.posix_spawnp(
            argv[0],
            argv,
            _git_env(),
            file_actions=[
                (os.POSIX_SPAWN_DUP2, null, 0),
                (os.POSIX_SPAWN_DUP2, write, 1),
                (os.POSIX_SPAWN_DUP2, null, 2),
            ],
        )
    except OSError:
        os.close(read)
        return None
    finally:
        os.close(write)
        os.close(null)
    chunks: list[bytes] = []
    deadline = time.monotonic() + GIT_TIMEOUT
    waiting = select.poll()  # not select.select: a descriptor may be numbered past 1023
    waiting.register(read, select.POLLIN)
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not waiting.poll(left * 1000):
                os.kill(pid, _SIGKILL)
                os.waitpid(pid, 0)
                return None
            chunk = os.read(read, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), b"".join(chunks)


def _run_git_subprocess(argv: list[str]) -> tuple[int, bytes] | None:
    import subprocess

    try:
        done = subprocess.run(
            argv,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            env=_git_env(),
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.returncode, done.stdout


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
