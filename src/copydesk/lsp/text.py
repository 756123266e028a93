"""Positions as the Language Server Protocol counts them: lines end at ``\\r\\n``, ``\\n`` or
``\\r`` (as copydesk's own line index does), and a character is a code unit of the encoding
agreed at start-up (UTF-16 unless the client offers UTF-8 or UTF-32)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

_EOL = re.compile(r"\r\n|\r|\n")


def units(text: str, encoding: str) -> int:
    if encoding == "utf-32" or text.isascii():
        return len(text)
    if encoding == "utf-8":
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Lines:
    __slots__ = ("_starts", "encoding", "text")

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.encoding = encoding
        self._starts = [0, *(m.end() for m in _EOL.finditer(text))]

    def _line_end(self, line: int) -> int:
        """Offset of the line's end, before its line break."""
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)
        while end > self._starts[line] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def offset(self, line: int, character: int) -> int:
        """Code-point offset of an LSP position; past a line's end means its end."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[line], self._line_end(line)
        if self.encoding == "utf-32" or self.text[start:end].isascii():
            return min(start + max(character, 0), end)
        count = 0
        for i in range(start, end):
            if count >= character:
                return i
            count += units(self.text[i], self.encoding)
        return end

    def position(self, offset: int) -> tuple[int, int]:
        """LSP (line, character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        return line, units(self.text[self._starts[line] : offset], self.encoding)

    def line_start(self, line: int) -> int:
        return self._starts[line]

    def line_end(self, line: int) -> int:
        return self._line_end(line)


def apply_changes(text: str, changes: Iterable[Any], encoding: str) -> str:
    """Apply ``textDocument/didChange`` content changes in order: ranged ones edit, the rest
    replace the whole text."""
    for change in changes:
        rng = getattr(change, "range", None)
        if rng is None:
            text = change.text
            continue
        lines = Lines(text, encoding)
        start = lines.offset(rng.start.line, rng.start.character)
        end = lines.offset(rng.end.line, rng.end.character)
        text = text[:start] + change.text + text[max(start, end) :]
    return text
