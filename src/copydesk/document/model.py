"""The document model every rule reads. Offsets are code points into ``source``; ``masked`` has
the same length, with everything that is not prose replaced by spaces (line breaks kept), so a
regex match on ``masked`` is already a position in the source."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import cached_property
from itertools import filterfalse
from typing import NamedTuple

from copydesk import patterncache
from copydesk.model import Span

SCOPES = (
    "heading",
    "paragraph",
    "list_item",
    "blockquote",
    "caption",
    "table_cell",
)

_WORD = patterncache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# words (with inner hyphens and apostrophes) and single punctuation marks: the units that
# literal phrases in rule files are matched on
TOKEN_RE = patterncache.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")


def count_words(text: str, word: re.Pattern[str], whole: Callable[[str], bool]) -> int:
    """``len(word.findall(text))`` for a ``word`` pattern that never matches white space nor
    looks beyond its match, where ``whole(piece)`` says that a piece of text between white
    space is exactly one match. Most pieces are plain words: splitting and testing them stays
    in C, and only the rest (joined by spaces, which keep them apart) is left to the pattern."""
    pieces = text.split()
    rest = list(filterfalse(whole, pieces))
    return len(pieces) - len(rest) + (len(word.findall(" ".join(rest))) if rest else 0)


# Characters beyond ASCII common in news copy, each with a one-byte ASCII stand-in that the
# patterns of the kinds reading ``Document.ascii`` treat alike: punctuation that is no word
# character, apostrophe nor white space ("#"), the curly apostrophe, the no-break space.
_STAND_INS = (
    *((ch.encode(), b"#") for ch in "£€“”‘—–…«»"),
    ("’".encode(), b"'"),
    ("\u00a0".encode(), b" "),
)


def ascii_stand_in(text: str) -> bytes | None:
    """``text`` as ASCII bytes, one per character (so offsets hold), with the stand-ins above;
    None when it has other characters beyond ASCII."""
    if text.isascii():
        return text.encode("ascii")
    raw = text.encode("utf-8")
    for found, instead in _STAND_INS:
        raw = raw.replace(found, instead)
    return raw if raw.isascii() else None


# ASCII text as _WORD sees it: letters "a", apostrophes "'", everything else a space
_AS_WORDS = bytes(
    ord("a") if chr(c).isalpha() else ord("'") if c == ord("'") else ord(" ") for c in range(256)
)


def _ascii_word_count(raw: bytes) -> int:
    """``len(_WORD.findall(text))`` for the text's ``ascii_stand_in``, counted in C: a word
    starts with a run of letters after a space, after an apostrophe that follows no letter,
    or at the start."""
    shape = raw.translate(_AS_WORDS)
    return (
        shape.count(b" a")
        + shape.count(b" 'a")
        + shape.count(b"''a")
        + shape.startswith(b"a")
        + shape.startswith(b"'a")
    )


class Block(NamedTuple):
    start: int
    end: int
    scope: str


class Suppression(NamedTuple):
    """An inline directive. ``codes`` empty means every rule. ``end`` is where it stops applying
    (exclusive offset); ``line`` is where the directive itself stands, for reporting."""

    action: str  # disable | disable-next-line | disable-file
    codes: tuple[str, ...]
    start: int
    end: int
    directive: Span


def fold(text: str) -> str:
    """Case-fold so that whatever a case-insensitive regex treats as a letter appears as that
    letter: casefold() covers the long s and the Kelvin sign, but leaves the dotless i."""
    return text.casefold().replace("ı", "i")


class LineIndex:
    """Maps offsets to 1-based (line, column) with one bisect. ``\\r\\n``, ``\\n`` and a lone
    ``\\r`` each end a line, as editors count them."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_span(self, line: int, text: str) -> tuple[int, int]:
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    @property
    def count(self) -> int:
        return len(self._starts)


class Joined:
    """A text with stretches taken out, and the way back to the offsets of the original."""

    __slots__ = ("_cuts", "_shift", "text")

    def __init__(self, text: str, cuts: list[int], shift: list[int]) -> None:
        self.text = text
        self._cuts = cuts  # offsets in ``text`` from which ``shift`` characters were cut before
        self._shift = shift

    @classmethod
    def build(cls, text: str, absent: list[Span]) -> Joined:
        pieces: list[str] = []
        cuts: list[int] = []
        shift: list[int] = []
        pos = removed = 0
        for span in absent:
            start = max(span.start, pos)
            if span.end <= start:
                continue
            pieces.append(text[pos:start])
            removed += span.end - start
            cuts.append(start - (removed - (span.end - start)))
            shift.append(removed)
            pos = span.end
        pieces.append(text[pos:])
        return cls("".join(pieces), cuts, shift)

    def to_source(self, offset: int, end: bool = False) -> int:
        """The original offset of ``offset``; an ``end`` offset at a cut stays before it."""
        i = bisect_right(self._cuts, offset - 1 if end else offset) - 1
        return offset + (self._shift[i] if i >= 0 else 0)


class Document:
    def __init__(
        self,
        path: str,
        source: str,
        masked: str,
        blocks: list[Block],
        code_spans: list[Span] | None = None,
        suppressions: list[Suppression] | None = None,
        kind: str = "text",
        absent: list[Span] | None = None,
    ) -> None:
        if len(masked) != len(source):
            raise AssertionError("masked text must have the source's length")
        self.path = path
        self.source = source
        self.masked = masked
        self.blocks = blocks
        self.code_spans = code_spans or []
        self.suppressions = suppressions or []
        self.kind = kind
        # masked stretches a word reads through: an inline tag inside a word ("Secre<em>taray")
        # or the rest of an entity whose character the masked text shows at its first offset
        self.absent = absent or []
        self.bom = False
        self.encoding = "utf-8"

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    @cached_property
    def sentences(self) -> list[Span]:
        from copydesk.document.segment import split_sentences

        out: list[Span] = []
        for block in self.blocks:
            out.extend(Span(s, e) for s, e in split_sentences(self.masked, block.start, block.end))
        return out

    @cached_property
    def quotes(self) -> list[Span]:
        from copydesk.document.exempt import find_quotes

        return find_quotes(self.masked, self.blocks)

    @cached_property
    def sic_spans(self) -> list[Span]:
        from copydesk.document.exempt import find_sic

        return find_sic(self.masked, self.quotes)

    @cached_property
    def folded(self) -> str:
        """The masked text case-folded, for literal prefilters (only membership is asked of
        it, so that folding may change its length does not matter)."""
        return fold(self.masked)

    @cached_property
    def ascii(self) -> bytes | None:
        """``ascii_stand_in(masked)``: most news copy is ASCII but for a pound sign or a curly
        quote, and bytes let a few kinds count characters in C."""
        return ascii_stand_in(self.masked)

    @cached_property
    def word_count(self) -> int:
        if self.ascii is not None:
            return _ascii_word_count(self.ascii)
        return count_words(self.masked, _WORD, str.isalpha)

    @cached_property
    def joined(self) -> Joined:
        """The masked text with the ``absent`` stretches taken out, for kinds that read words:
        a match there maps back to the source with ``Joined.to_source``."""
        return Joined.build(self.masked, self.absent)

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        i = bisect_right(self._block_starts, offset) - 1
        if i >= 0 and offset < self.blocks[i].end:
            return self.blocks[i]
        return None
