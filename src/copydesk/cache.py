"""The result cache: findings of a file are kept in ``.copydesk_cache/`` under a key made of
the file's bytes, its displayed path, the config, the rule packs and the copydesk version, so
an unchanged file is not parsed or linted again. Entries are written atomically; a damaged
entry is a miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.atomic import digest, write_atomic
from copydesk.model import Finding

CACHE_DIR_NAME = ".copydesk_cache"


class ResultCache:
    def __init__(self, root: Path) -> None:
        self.root = root / CACHE_DIR_NAME / "results"

    @staticmethod
    def key(data: bytes, shown: str, settings: str) -> str:
        return digest(__version__, settings, shown, data)

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
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            write_atomic(path, data, keep_mode=False, durable=False)
        except OSError:
            pass  # a read-only checkout still lints, only without the cache
