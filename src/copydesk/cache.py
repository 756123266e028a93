"""The result cache: findings of a file are kept in ``.copydesk_cache/`` under a key made of
the file's bytes, its displayed path, the config, the rule packs and the copydesk version, so
an unchanged file is not parsed or linted again.

Entries live in 256 bucket files (``results/<first two hex digits of the key>.jsonl``), one
line per entry: the key, a tab, the JSON payload. A file per entry made a cold run create and
rename thousands of files (a tenth of its time); now an entry is one ``os.write`` to an
``O_APPEND`` descriptor kept open for the run, which the kernel places whole at the end of the file even when several
processes (``--jobs``, or an editor and a pre-commit hook) append to the same bucket at once.

Readers trust nothing: an entry counts only if its key starts a line and the line ends with a
newline and parses, so a line torn by a crash, or one glued to the tail of a torn line, is a
miss (and is written again). The newest entry of a key wins. A bucket that grows past
``limit`` bytes is rewritten atomically keeping the newest entries, one per key, up to half the
limit, so the cache cannot grow without bound and is not rewritten on every append."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.atomic import digest, write_atomic
from copydesk.model import Finding

CACHE_DIR_NAME = ".copydesk_cache"
BUCKET_SUFFIX = ".jsonl"


class ResultCache:
    limit = 1 << 20  # bytes per bucket: 256 MiB at most in all, far beyond a newsroom's archive

    def __init__(self, root: Path) -> None:
        self.root = root / CACHE_DIR_NAME / "results"
        self._read: dict[str, bytes] = {}  # bucket -> b"\n" + its bytes, read once per process
        self._fds: dict[str, int] = {}
        self._writable: bool | None = None  # None: not tried yet; False: read-only, stop trying

    @staticmethod
    def key(data: bytes, shown: str, settings: str) -> str:
        return digest(__version__, settings, shown, data)

    def _bucket(self, key: str) -> Path:
        return self.root / f"{key[:2]}{BUCKET_SUFFIX}"

    def get(self, key: str) -> tuple[list[Finding], int] | None:
        name = key[:2]
        data = self._read.get(name)
        if data is None:
            try:
                # the leading newline lets the first entry be found like every other
                data = b"\n" + self._bucket(key).read_bytes()
            except OSError:
                data = b"\n"
            self._read[name] = data
        needle = b"\n" + key.encode("ascii") + b"\t"
        at = data.rfind(needle)
        if at < 0:
            return None
        start = at + len(needle)
        end = data.find(b"\n", start)
        if end < 0:
            return None  # torn: the write that began this line never finished
        try:
            return _entry(json.loads(data[start:end]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None  # another version's or a hand-edited entry: a miss, written again

    def put(self, key: str, findings: list[Finding], words: int) -> None:
        if self._writable is False:
            return
        payload: dict[str, Any] = {"words": words, "findings": [f.to_dict() for f in findings]}
        try:
            text = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: escaped, it round-trips
            text = json.dumps(payload).encode("ascii")
        line = b"%s\t%s\n" % (key.encode("ascii"), text)
        name = key[:2]
        try:
            fd = self._fds.get(name)
            if fd is None:
                fd = self._open(name)
            os.write(fd, line)  # one write, so concurrent appenders cannot interleave within it
            if os.fstat(fd).st_size > self.limit:
                self._compact(name)
        except OSError:
            self._writable = False  # a read-only checkout still lints, only without the cache

    def _open(self, name: str) -> int:
        if self._writable is None:
            self.root.mkdir(parents=True, exist_ok=True)
            ignore = self.root.parent / ".gitignore"
            if not ignore.exists():
                ignore.write_text("*\n", encoding="utf-8")
            self._writable = True
        fd = os.open(
            self.root / f"{name}{BUCKET_SUFFIX}", os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666
        )
        self._fds[name] = fd
        return fd

    def _compact(self, name: str) -> None:
        path = self.root / f"{name}{BUCKET_SUFFIX}"
        lines = path.read_bytes().split(b"\n")
        lines.pop()  # after the last newline: empty, or a line still being written
        kept: list[bytes] = []
        seen: set[bytes] = set()
        size = 0
        for line in reversed(lines):
            key, tab, _ = line.partition(b"\t")
            if not tab or key in seen:
                continue
            seen.add(key)
            size += len(line) + 1
            if size > self.limit // 2:
                break
            kept.append(line)
        kept.reverse()
        kept.append(b"")
        # appends that land between the read and the rename are lost: only misses next time
        write_atomic(path, b"\n".join(kept), keep_mode=False, durable=False)
        os.close(self._fds.pop(name))

    def close(self) -> None:
        for fd in self._fds.values():
            os.close(fd)
        self._fds.clear()


_INT_FIELDS = ("offset", "end_offset", "line", "column", "end_line", "end_column")
_STR_FIELDS = ("path", "code", "name", "level", "message", "excerpt")


def _entry(raw: Any) -> tuple[list[Finding], int] | None:
    """A cached entry, or None unless it has exactly the shape ``put`` writes: the reporters
    slice and sort by these values, so a wrong type must not get past here."""
    if not isinstance(raw, dict) or not isinstance(raw.get("findings"), list):
        return None
    words = raw.get("words")
    if not isinstance(words, int) or isinstance(words, bool) or words < 0:
        return None
    findings = []
    for d in raw["findings"]:
        if not isinstance(d, dict):
            return None
        if not all(_is_count(d.get(k)) for k in _INT_FIELDS):
            return None
        if not all(isinstance(d.get(k), str) for k in _STR_FIELDS):
            return None
        if d["offset"] > d["end_offset"] or min(d["line"], d["column"]) < 1:
            return None
        fix = d.get("fix")
        if fix is not None:
            edits = fix.get("edits") if isinstance(fix, dict) else None
            if not isinstance(edits, list) or not all(
                isinstance(e, dict)
                and _is_count(e.get("offset"))
                and _is_count(e.get("end_offset"))
                and e["offset"] <= e["end_offset"]
                and isinstance(e.get("replacement"), str)
                for e in edits
            ):
                return None
        suggestions = d.get("suggestions", [])
        if not isinstance(suggestions, list) or not all(isinstance(x, str) for x in suggestions):
            return None
        if not isinstance(d.get("help_uri"), str | None):
            return None
        findings.append(Finding.from_dict(d))
    return findings, words


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
