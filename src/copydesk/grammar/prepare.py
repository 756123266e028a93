"""Turning masked prose into LanguageTool request texts, and LanguageTool offsets back into
positions in the masked text.

Three offset systems meet here: code points of the masked file, code points of the text
actually sent (masked runs collapsed, CR dropped, paragraphs joined), and the UTF-16 code
units LanguageTool counts in, because it measures Java strings. Each request keeps the
pieces it was assembled from, so mapping back is a binary search, not a re-scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = ["Request", "build_requests", "prepare_block", "utf16_len"]

# What needs rewriting before LanguageTool sees a block: runs of two or more spaces (left by
# blanked markup), single spaces at the block's edges or touching a line break, and the CR
# of a CRLF, so CRLF and LF checkouts send the same text and share cache entries.
_REWRITE: Final = re.compile(r" {2,}|\A | \Z| (?=\r?\n)|(?<=\n) |\r(?=\n)")
# A blanked run next to these goes entirely: "see [the docs](url)." masks to "see  the
# docs       ." and must not become "docs ." for the space-before-punctuation rule.
_CLOSERS: Final = frozenset(".,;:!?)]}»”’…")
_OPENERS: Final = frozenset("([{«“‘")
_HAS_WORD: Final = re.compile(r"[^\W\d_]")
_PARAGRAPH_BREAK: Final = "\n\n"
# Where an oversized block may be cut, best first: after a sentence, at a line break, at
# any space. The lookbehind keeps the punctuation on the left-hand side.
_CUTS: Final = (
    re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+"),
    re.compile(r"\n+"),
    re.compile(r"\s+"),
)


def utf16_len(text: str) -> int:
    """Length as Java (and so LanguageTool) counts it: characters outside the Basic
    Multilingual Plane, such as most emoji, are two UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


@dataclass(frozen=True, slots=True)
class _Piece:
    """``length`` characters that sit at ``sent`` in the request and at ``masked`` in the
    masked text, unchanged and contiguous in both."""

    sent: int
    masked: int
    length: int


@dataclass(slots=True)
class Request:
    """One text to send, with what is needed to map LanguageTool's answer back."""

    text: str
    pieces: list[_Piece]
    _sent_starts: list[int] | None = None
    _astral_units: list[int] | None = None

    def to_masked(self, offset_u16: int, length_u16: int) -> tuple[int, int] | None:
        """Map a LanguageTool offset and length to a half-open range of masked code points,
        or ``None`` when it falls wholly on text copydesk added (paragraph breaks)."""
        if offset_u16 < 0 or length_u16 < 0:
            return None
        start_cp = self._code_point(offset_u16, round_up=False)
        end_cp = self._code_point(offset_u16 + length_u16, round_up=True)
        end_cp = min(end_cp, len(self.text))
        if start_cp > len(self.text):
            return None
        start = self._masked_start(start_cp)
        if end_cp <= start_cp:
            return (start, start)
        end = self._masked_end(end_cp)
        if end <= start:
            return None
        return (start, end)

    def _code_point(self, unit: int, *, round_up: bool) -> int:
        if self._astral_units is None:
            units: list[int] = []
            position = 0
            for ch in self.text:
                if ord(ch) > 0xFFFF:
                    units.append(position)
                    position += 2
                else:
                    position += 1
            self._astral_units = units
        if not self._astral_units:
            return unit
        before = bisect_left(self._astral_units, unit)
        code_point = unit - before
        # An offset between the two halves of a surrogate pair lands on the character; an
        # end there must include it rather than cut it in half.
        if round_up and before and self._astral_units[before - 1] == unit - 1:
            code_point += 1
        return code_point

    def _starts(self) -> list[int]:
        if self._sent_starts is None:
            self._sent_starts = [p.sent for p in self.pieces]
        return self._sent_starts

    def _masked_start(self, i: int) -> int:
        k = bisect_right(self._starts(), i) - 1
        if k < 0:
            return self.pieces[0].masked
        piece = self.pieces[k]
        if i < piece.sent + piece.length:
            return piece.masked + (i - piece.sent)
        if k + 1 < len(self.pieces):
            return self.pieces[k + 1].masked
        return piece.masked + piece.length

    def _masked_end(self, j: int) -> int:
        last = j - 1
        k = bisect_right(self._starts(), last) - 1
        if k < 0:
            return self.pieces[0].masked
        piece = self.pieces[k]
        if last < piece.sent + piece.length:
            return piece.masked + (last - piece.sent) + 1
        return piece.masked + piece.length


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[_Piece] = []
        self.length = 0

    def emit(self, masked_at: int, text: str) -> None:
        if not text:
            return
        if self.pieces:
            last = self.pieces[-1]
            if last.masked + last.length == masked_at and last.sent + last.length == self.length:
                self.pieces[-1] = _Piece(last.sent, last.masked, last.length + len(text))
                self.parts.append(text)
                self.length += len(text)
                return
        self.pieces.append(_Piece(self.length, masked_at, len(text)))
        self.parts.append(text)
        self.length += len(text)

    def glue(self, text: str) -> None:
        """Add text that exists only in the request, mapped to nothing."""
        self.parts.append(text)
        self.length += len(text)

    def extend(self, other: Request) -> None:
        base = self.length
        self.pieces.extend(_Piece(p.sent + base, p.masked, p.length) for p in other.pieces)
        self.parts.append(other.text)
        self.length += len(other.text)

    def build(self) -> Request:
        return Request("".join(self.parts), self.pieces)


def _rewrite(block: str, run: re.Match[str]) -> str:
    found = run.group()
    if found == "\r":
        return ""
    before = block[run.start() - 1] if run.start() else "\n"
    after = block[run.end()] if run.end() < len(block) else "\n"
    if before in "\r\n" or after in "\r\n":
        return ""
    if len(found) > 1 and (after in _CLOSERS or before in _OPENERS):
        return ""
    return " "


def prepare_block(masked: str, start: int, end: int) -> Request | None:
    """The text LanguageTool should see for one prose block, or ``None`` if it holds no
    words at all (a rule line, a table border, an image alone)."""
    block = masked[start:end]
    if not _HAS_WORD.search(block):
        return None
    # Line breaks and blanks around the block are not part of the prose.
    stripped = block.lstrip()
    start += len(block) - len(stripped)
    block = stripped.rstrip()
    builder = _Builder()
    at = 0
    for run in _REWRITE.finditer(block):
        builder.emit(start + at, block[at : run.start()])
        builder.emit(start + run.start(), _rewrite(block, run))
        at = run.end()
    builder.emit(start + at, block[at:])
    request = builder.build()
    return request if request.text else None


def _slice(request: Request, begin: int, stop: int) -> Request:
    builder = _Builder()
    for piece in request.pieces:
        lo = max(piece.sent, begin)
        hi = min(piece.sent + piece.length, stop)
        if lo < hi:
            builder.emit(piece.masked + (lo - piece.sent), request.text[lo:hi])
    return builder.build()


def _cut_point(text: str, limit: int) -> tuple[int, int]:
    """Where to end the first part and start the second so the first fits ``limit`` UTF-16
    units; the whitespace between them is not sent."""
    fit = min(len(text), limit)
    while fit > 1 and utf16_len(text[:fit]) > limit:
        fit -= max(1, (utf16_len(text[:fit]) - limit) // 2)
    floor = fit // 2  # a cut too near the start would only move the problem along
    for pattern in _CUTS:
        best: tuple[int, int] | None = None
        for gap in pattern.finditer(text, floor, fit + 1):
            if gap.start() > floor and gap.start() <= fit:
                best = (gap.start(), gap.end())
        if best is not None:
            return best
    return (fit, fit)


def _fit(request: Request, limit: int) -> list[Request]:
    parts: list[Request] = []
    while utf16_len(request.text) > limit:
        stop, resume = _cut_point(request.text, limit)
        parts.append(_slice(request, 0, stop))
        request = _slice(request, resume, len(request.text))
    if request.text:
        parts.append(request)
    return parts


def _ordered(blocks: Iterable[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Blocks clipped to the text, empty ones dropped, overlapping ones merged, in order, so
    no character is sent (or reported) twice."""
    clean: list[tuple[int, int]] = []
    for start, end in sorted((max(0, s), min(size, e)) for s, e in blocks):
        if start >= end:
            continue
        if clean and start < clean[-1][1]:
            clean[-1] = (clean[-1][0], max(clean[-1][1], end))
        else:
            clean.append((start, end))
    return clean


def build_requests(masked: str, blocks: Sequence[tuple[int, int]], limit: int) -> list[Request]:
    """Pack the prose blocks, in order, into as few requests as fit ``limit`` UTF-16 units,
    never splitting a block unless it alone exceeds the limit."""
    prepared: list[Request] = []
    for start, end in _ordered(blocks, len(masked)):
        block = prepare_block(masked, start, end)
        if block is not None:
            prepared.extend(_fit(block, limit))
    requests: list[Request] = []
    builder = _Builder()
    used = 0
    for block in prepared:
        size = utf16_len(block.text)
        if builder.pieces and used + len(_PARAGRAPH_BREAK) + size > limit:
            requests.append(builder.build())
            builder, used = _Builder(), 0
        if builder.pieces:
            builder.glue(_PARAGRAPH_BREAK)
            used += len(_PARAGRAPH_BREAK)
        builder.extend(block)
        used += size
    if builder.pieces:
        requests.append(builder.build())
    return requests
