"""Spans that rules leave alone by default: quoted speech and text marked ``[sic]``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from copydesk import patterncache
from copydesk.model import Span


class Extent(Protocol):
    """A stretch of the text, such as a document's block."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


QUOTE_MARKS = patterncache.compile(r"[\"“”]")
_SIC = patterncache.compile(r"\[\s*sic\s*\]", re.IGNORECASE)
_WORD_BEFORE = patterncache.compile(r"[\w'’.-]+[\"”’']?\s*$")


def find_quotes(masked: str, blocks: Sequence[Extent]) -> list[Span]:
    """Double-quoted passages, one span each including the marks. A quote still open at the end
    of a block runs to the block's end: news copy opens each paragraph of a long quote again and
    closes only the last."""
    spans: list[Span] = []
    for block in blocks:
        open_at: int | None = None
        for m in QUOTE_MARKS.finditer(masked, block.start, block.end):
            ch = m.group()
            pos = m.start()
            if ch == "“" or (ch == '"' and open_at is None):
                if open_at is None:
                    open_at = pos
            elif open_at is not None:
                spans.append(Span(open_at, pos + 1))
                open_at = None
        if open_at is not None:
            end = block.end
            while end > open_at and masked[end - 1].isspace():
                end -= 1
            spans.append(Span(open_at, end))
    return spans


def find_sic(masked: str, quotes: Sequence[Span]) -> list[Span]:
    """The word before each ``[sic]`` and the marker itself; a quote that holds a ``[sic]`` is
    exempt whole, since the writer has vouched for its wording."""
    spans: list[Span] = []
    for m in _SIC.finditer(masked):
        before = _WORD_BEFORE.search(masked, max(0, m.start() - 60), m.start())
        start = before.start() if before else m.start()
        spans.append(Span(start, m.end()))
        spans.extend(q for q in quotes if q.start <= m.start() < q.end)
    return sorted(set(spans))
