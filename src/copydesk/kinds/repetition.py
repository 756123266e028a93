"""Flag a word repeated by mistake ("the the"), across line breaks and masked markup."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice
from operator import eq
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import Context, Match, option
from copydesk.model import Span

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "exceptions": ("list[str]", []),
    "ignorecase": ("bool", True),
}

# The word and the gap are possessive: a shorter word is followed by a letter and a shorter
# gap by white space, neither of which can start the gap or the word again, so giving back
# never finds a match; it only cost a step back per letter of every word in the text.
_REPEAT = r"(?<![\w'’-])(?P<word>[^\W\d_]++)(?P<gap>\s++)(?P<again>(?P=word))(?![\w'’-])"

# ASCII text with what ``_REPEAT`` tells apart kept: letters (lower-cased), digits, "_", "'" and
# "-" stay, everything else (white space, other punctuation) becomes a space.
_SHAPE = bytes(
    ord(chr(c).lower()) if chr(c).isalnum() or chr(c) in "_'-" else ord(" ") for c in range(128)
) + bytes(range(128, 256))


def _may_repeat(raw: bytes | None) -> bool:
    """False when ``_REPEAT`` surely finds nothing in the text whose ``ascii_stand_in`` is
    ``raw`` (None lets every text through): both words of a match stand alone between spaces
    in the shape above, one right after the other and equal. Splitting and comparing
    neighbours stays in C, where the pattern is tried at every place."""
    if raw is None:
        return True
    pieces = raw.translate(_SHAPE).split()
    return any(map(eq, pieces, islice(pieces, 1, None)))


_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "from",
        "is",
        "was",
        "it",
        "as",
        "that",
        "this",
    ]
)


def _apart(doc: Document, start: int, end: int) -> bool:
    """Whether a gap of markup is more than markup between two words: a block boundary (two
    table cells, two paragraphs) or a code span or formula that reads as a word of its own
    ("to `false` to")."""
    if doc.block_at(start) is not doc.block_at(end):
        return True
    spans = doc.code_spans
    i = bisect_left(spans, Span(start, start))
    return i < len(spans) and spans[i].start < end


class Kind:
    default_quotes = "check"  # a doubled word in a quote is a typing slip, not the speaker's
    spans_markup = True  # "the *the*" is still a doubled word, though its fix is left to a person

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.pattern = patterncache.compile(
            _REPEAT, re.IGNORECASE if option(rule, "ignorecase") else 0
        )
        self.exceptions = {e.lower() for e in option(rule, "exceptions")}

    def run(self, doc: Document) -> Iterator[Match]:
        masked = doc.masked
        if not _may_repeat(doc.ascii):
            return
        for m in self.pattern.finditer(masked):
            word = m.group("word")
            if word.lower() in self.exceptions:
                continue
            if (
                word[0].isupper()
                and m.group("again")[0].isupper()
                and word.lower() not in _FUNCTION_WORDS
            ):
                continue  # "Spend Spend Spend", "Bora Bora": names and slogans repeat on purpose
            # a sentence or block boundary between the two is not a repetition
            gap = m.group("gap")
            if len(gap) > 1 and _apart(doc, m.end("word"), m.start("again")):
                continue
            if _separated(doc, m.end("word"), m.start("again")):
                continue
            yield Match(
                m.start(),
                m.end(),
                {"match": m.group(), "word": word},
                (word,),
            )


def _separated(doc: Document, start: int, end: int) -> bool:
    """Whether masked markup between two words stands for something read between them: a code
    span ("to `x` to") or a table's cell border ("name | Name")."""
    if "|" in doc.source[start:end]:
        return True
    return any(s.start < end and start < s.end for s in doc.code_spans)
