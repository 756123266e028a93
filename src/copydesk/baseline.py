"""Baselines: accept today's findings so that only new ones are reported from now on.

Entries name a finding by path, rule, flagged text and the words around it (see
``copydesk.fingerprint``), never by line, so an article can be edited elsewhere and its old,
accepted findings stay hidden. Identical entries are counted: a baseline holding two of a
finding hides at most two, and a third copy added later is reported.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from copydesk.atomic import write_atomic
from copydesk.fingerprint import identify
from copydesk.model import FileResult

FORMAT_VERSION = 1

_Key = tuple[str, str, str, str]  # path, code, flagged text, context digest


def normalise_path(path: str) -> str:
    """One spelling per file, so a baseline written on Windows or with ``./`` still matches."""
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


class Baseline:
    """Accepted findings, counted per identity; ``filter`` removes them from a file's result."""

    __slots__ = ("_counts",)

    def __init__(self, counts: Counter[_Key] | None = None) -> None:
        self._counts: Counter[_Key] = counts if counts is not None else Counter()

    def __len__(self) -> int:
        return sum(self._counts.values())

    def filter(self, result: FileResult) -> FileResult:
        """A copy of ``result`` without the findings this baseline accepts."""
        if not result.findings or not self._counts:
            return result
        path = normalise_path(result.path)
        # A fresh allowance per call: filtering the same file twice gives the same answer.
        allowance: Counter[_Key] = Counter()
        kept = []
        for finding, ident in zip(
            result.findings, identify(result.findings, result.source), strict=True
        ):
            key = (path, ident.code, ident.text, ident.context_digest())
            if allowance[key] < self._counts.get(key, 0):
                allowance[key] += 1
            else:
                kept.append(finding)
        if len(kept) == len(result.findings):
            return result
        return result._replace(findings=kept)


def _entries(results: Iterable[FileResult]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for result in results:
        path = normalise_path(result.path)
        for ident in identify(result.findings, result.source):
            entries.append(
                {
                    "path": path,
                    "code": ident.code,
                    "text": ident.text,
                    "context_hash": ident.context_digest(),
                    "occurrence": ident.occurrence,
                }
            )
    return entries


def write_baseline(results: Iterable[FileResult], path: str | os.PathLike[str]) -> int:
    """Record every finding in ``results`` at ``path``; returns how many were recorded.

    The file is replaced atomically, so an interrupted run leaves the old baseline intact.
    """
    entries = _entries(results)
    entries.sort(
        key=lambda e: (e["path"], e["code"], e["text"], e["context_hash"], e["occurrence"])
    )
    document = {"tool": "copydesk", "version": FORMAT_VERSION, "entries": entries}
    text = json.dumps(document, ensure_ascii=False, indent=1) + "\n"
    write_atomic(Path(path), text.encode("utf-8"), keep_mode=False)
    return len(entries)


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline written by ``write_baseline``; any problem is one ValueError line."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"baseline {os.fspath(path)}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ValueError(f"baseline {os.fspath(path)}: cannot read it ({reason})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"baseline {os.fspath(path)}: not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    return Baseline(_parse(document, os.fspath(path)))


def _parse(document: Any, where: str) -> Counter[_Key]:
    if not isinstance(document, dict) or "entries" not in document:
        raise ValueError(f"baseline {where}: not a copydesk baseline (no 'entries')")
    version = document.get("version")
    if version != FORMAT_VERSION:
        raise ValueError(
            f"baseline {where}: unsupported version {version!r} (expected {FORMAT_VERSION})"
        )
    entries = document["entries"]
    if not isinstance(entries, list):
        raise ValueError(f"baseline {where}: 'entries' must be a list")
    counts: Counter[_Key] = Counter()
    for n, entry in enumerate(entries, 1):
        names = ("path", "code", "text", "context_hash")
        fields = [entry.get(k) for k in names] if isinstance(entry, dict) else []
        strings = [v for v in fields if isinstance(v, str)]
        if len(strings) != len(names):
            raise ValueError(
                f"baseline {where}: entry {n} needs string path, code, text and context_hash"
            )
        counts[(normalise_path(strings[0]), strings[1], strings[2], strings[3])] += 1
    return counts
