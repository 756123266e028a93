"""Rule patterns compiled once per machine, not once per run.

Python's regex compiler is written in Python: a rule pattern of a thousand characters costs a
few milliseconds to parse and compile, and a one-article run compiles a dozen of them (the
rule entries the story's words call for). The compiler's output, a list of integers that the
C matcher runs, is kept in the user cache, one small file per pattern, and handed straight to
the matcher on the next run. The C side validates that code before it accepts it, and the
cache is keyed by the interpreter's version, so a stale or damaged file is only a miss.

A run reads some hundreds of these files; opening each costs more than reading it. So the
entries a run used are also written together into one bundle (``save_bundle``, at the end of
a check), which the next run reads with a single ``read`` before it looks for any one file.
Every entry in the bundle is checked as its own file is, so a stale one is only a miss."""

from __future__ import annotations

import marshal
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from copydesk.atomic import digest, write_atomic

_folder: str | None = None
T = TypeVar("T")


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when an earlier run compiled it."""
    folder = _cache_folder()
    if not folder:
        return re.compile(pattern, flags)
    name = digest(pattern, str(int(flags)), size=12)
    path = os.path.join(folder, name)
    try:
        data = _stored(folder, name)
        stored = marshal.loads(data)
        if stored[0] == pattern and stored[1] == int(flags):
            built = _build(pattern, *stored[2:])
            _used[name] = data
            return built
    except (OSError, ValueError, EOFError, TypeError, IndexError, RuntimeError):
        pass
    try:
        parts = _compile_parts(pattern, int(flags))
    except Exception:  # a bad pattern raises the usual error here; other internals fall back
        return re.compile(pattern, flags)
    compiled = _build(pattern, *parts)
    try:
        os.makedirs(folder, exist_ok=True)
        from pathlib import Path

        data = marshal.dumps((pattern, int(flags), *parts))
        _used[name] = data
        write_atomic(Path(path), data, keep_mode=False, durable=False)
    except OSError:
        pass  # no writable cache: still correct, only slower
    return compiled


def compile_built(key: str, build: Callable[[], str], flags: int = 0) -> re.Pattern[str]:
    """``re.compile(build(), flags)`` for a pattern that ``key`` alone decides and that costs
    time to write out (a tree of thousands of phrases): from the cache, neither is done again.
    ``key`` names the builder and everything it reads."""
    return compile(derived(key, build), flags)


def derived(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, kept in the cache under ``key`` (which names the computation and
    everything it reads): what a rule pattern's parse tree says about it, for instance, costs
    a parse at every run otherwise. The value must be one ``marshal`` stores."""
    folder = _cache_folder()
    if not folder:
        return compute()
    # The file is named by a digest of the key and holds its length and beginning, not the
    # whole key: some keys (a rule's thousand entries) are as long as the value they name.
    check = (len(key), key[:_KEY_HEAD])
    name = "derived-" + digest(key, size=12)
    path = os.path.join(folder, name)
    try:
        data = _stored(folder, name)
        stored = marshal.loads(data)
        if stored[0] == check:
            _used[name] = data
            return stored[1]  # type: ignore[no-any-return]
    except (OSError, ValueError, EOFError, TypeError, IndexError):
        pass
    value = compute()
    try:
        os.makedirs(folder, exist_ok=True)
        from pathlib import Path

        stored_value: Any = value
        data = marshal.dumps((check, stored_value))
        _used[name] = data
        write_atomic(Path(path), data, keep_mode=False, durable=False)
    except (OSError, ValueError):  # ValueError: a value marshal cannot store
        pass  # no writable cache: still correct, only slower
    return value


def save_bundle() -> None:
    """Write the entries this run used into the bundle the next run reads first, when the
    bundle lacks any of them. The bundle keeps the entries it had (runs over different stories
    use different ones) until it would pass ``_BUNDLE_LIMIT`` bytes; then it starts again from
    this run's entries."""
    folder = _cache_folder()
    if not folder or not _used:
        return
    bundle = (_bundle if _bundle_folder == folder else None) or {}
    if all(bundle.get(name) == data for name, data in _used.items()):
        return
    merged = {**bundle, **_used}
    if sum(map(len, merged.values())) > _BUNDLE_LIMIT:
        merged = dict(_used)
    try:
        from pathlib import Path

        path = Path(folder) / _BUNDLE_NAME
        write_atomic(path, marshal.dumps(merged), keep_mode=False, durable=False)
    except (OSError, ValueError):
        pass  # no writable cache: the files are still there


def _stored(folder: str, name: str) -> bytes:
    """The bytes stored under ``name``: from the bundle when it holds them, else the file."""
    global _bundle, _bundle_folder
    if _bundle is None or _bundle_folder != folder:
        _bundle, _bundle_folder = _read_bundle(folder), folder
    data = _bundle.get(name)
    if data is not None:
        return data
    with open(os.path.join(folder, name), "rb") as fh:
        return fh.read()


def _read_bundle(folder: str) -> dict[str, bytes]:
    try:
        with open(os.path.join(folder, _BUNDLE_NAME), "rb") as fh:
            found = marshal.loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(found, dict) or not all(
        isinstance(k, str) and isinstance(v, bytes) for k, v in found.items()
    ):
        return {}
    return found


# the bundle as read (name: the bytes of that name's file), and what this run used
_bundle: dict[str, bytes] | None = None
_bundle_folder = ""
_used: dict[str, bytes] = {}
_BUNDLE_NAME = "bundle"
_BUNDLE_LIMIT = 8 << 20


def joined(parts: list[str]) -> str | None:
    """``parts`` joined by NULs, for a key of ``derived``; None when one of them holds a NUL
    itself, so that two different lists never make one key."""
    key = "\0".join(parts)
    return key if key.count("\0") == max(len(parts) - 1, 0) else None


_KEY_HEAD = 200


def _build(
    pattern: str, flags: int, code: list[int], groups: int, groupindex: dict[str, int],
    indexgroup: tuple[str | None, ...],
) -> re.Pattern[str]:  # fmt: skip
    import _sre

    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


def _compile_parts(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:  # fmt: skip
    """What ``re._compiler.compile`` passes to the C matcher."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    tree: Any = _parser.parse(pattern, flags)
    # opcodes are int subclasses, which marshal does not store
    code = list(map(int, _compiler._code(tree, flags)))
    groupindex: dict[str, int] = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _cache_folder() -> str:
    """The cache folder for this interpreter, or "" where the matcher's code is not CPython's."""
    global _folder
    if _folder is None:
        if sys.implementation.name != "cpython":
            _folder = ""
        else:
            import _sre

            from copydesk.cachedir import cache_dir

            key = digest(sys.version, str(_sre.MAGIC), str(_sre.CODESIZE), size=6)
            _folder = str(cache_dir() / f"patterns-{key}")
    return _folder
