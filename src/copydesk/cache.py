"""The result cache: findings of a file are kept in ``.copydesk_cache/`` under a key made of
the file's bytes, its displayed path, the config, the rule packs and the copydesk version, so
an unchanged file is not parsed or linted again. Entries are written atomically; a damaged
entry is a miss."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.model import Finding

CACHE_DIR_NAME = ".copydesk_cache"


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root / CACHE_DIR_NAME / "results"

    @staticmethod
    def key(data: bytes, shown: str, settings: str) -> str:
        import hashlib

        h = hashlib.blake2b(digest_size=20)
        for part in (__version__.encode(), settings.encode(), shown.encode("utf-8", "surrogateescape"), data):
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[Finding], int] | None:
        try:
            raw = json.loads(self._path(key).read_text(encoding="utf-8"))
            return [Finding.from_dict(d) for d in raw["findings"]], int(raw["words"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, findings: list[Finding], words: int) -> None:
        path = self._path(key)
        payload: dict[str, Any] = {"words": words, "findings": [f.to_dict() for f in findings]}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not (self.root.parent / ".gitignore").exists():
                (self.root.parent / ".gitignore").write_text("*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(payload, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only checkout still lints, only without the cache
