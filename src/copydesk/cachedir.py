"""The user cache folder, where copydesk keeps what it works out once per machine (parsed rule
packs, compiled patterns). A module of its own so that any module may compile its patterns
through the cache at import, before the engine is loaded."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("COPYDESK_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "copydesk" if base else Path.home() / ".cache" / "copydesk"
