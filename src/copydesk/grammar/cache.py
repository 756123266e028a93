"""An on-disk cache of LanguageTool answers, one JSON file per request text.

An entry is keyed by the text sent, the LanguageTool version that answered and the settings
that shape the answer, so upgrading the server or changing ``[grammar]`` never serves stale
matches. The version is only known from an answer, so the last version seen at each endpoint
is remembered too; it expires after a day, which bounds how long a server upgrade can go
unnoticed by a repository whose text has not changed. Every failure here (unwritable
directory, a half-deleted file) just means a miss: the cache must never stop a check.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any, Final

__all__ = ["GrammarCache"]

_FORMAT: Final = 1
VERSION_TTL_SECONDS: Final = 24 * 60 * 60


def _digest(value: object) -> str:
    blob = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _write_atomically(path: Path, payload: object) -> None:
    """Write to a temporary file beside ``path`` and rename it over, so a reader (another
    copydesk running in parallel, say) sees the old file or the new one, never half."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(payload, stream, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as stream:
            return json.load(stream)
    except (OSError, ValueError):
        return None


class GrammarCache:
    def __init__(self, directory: Path, endpoint: str, settings: dict[str, object]) -> None:
        self._root = directory / f"v{_FORMAT}"
        self._endpoint = endpoint
        self._settings = settings

    def _entry(self, text: str, version: str) -> Path:
        key = _digest([text, version, self._settings])
        return self._root / key[:2] / f"{key}.json"

    def _version_file(self) -> Path:
        return self._root / f"endpoint-{_digest(self._endpoint)[:24]}.json"

    def known_version(self) -> str | None:
        record = _read(self._version_file())
        if not isinstance(record, dict) or record.get("endpoint") != self._endpoint:
            return None
        seen = record.get("seen")
        version = record.get("version")
        if not isinstance(seen, int | float) or not isinstance(version, str):
            return None
        if not 0 <= time.time() - seen < VERSION_TTL_SECONDS:
            return None
        return version

    def remember_version(self, version: str) -> None:
        _write_atomically(
            self._version_file(),
            {"endpoint": self._endpoint, "version": version, "seen": time.time()},
        )

    def get(self, text: str, version: str) -> list[dict[str, Any]] | None:
        record = _read(self._entry(text, version))
        if not isinstance(record, dict) or record.get("version") != version:
            return None
        matches = record.get("matches")
        if not isinstance(matches, list) or not all(isinstance(m, dict) for m in matches):
            return None
        return matches

    def put(self, text: str, version: str, matches: list[dict[str, Any]]) -> None:
        _write_atomically(self._entry(text, version), {"version": version, "matches": matches})
