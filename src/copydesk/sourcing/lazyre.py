"""A regular expression compiled on first use: a one-article run pays only for the
patterns its text reaches, not for every pattern at import."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from copydesk import patterncache

__all__ = ["LazyPattern"]


class LazyPattern:
    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = patterncache.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.compiled.match(text, *args)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.compiled.search(text, *args)

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, *args)

    def sub(self, repl: str, text: str) -> str:
        return self.compiled.sub(repl, text)
