"""Flag units that are too long: sentences over a word limit (or paragraphs, by option)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.document.model import count_words
from copydesk.kinds import Context, Match, option
from copydesk.model import Span

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "unit": ("str", "sentence"),  # sentence | paragraph
    "max_words": ("int", 40),
}

# a piece that is all letters and digits (``str.isalnum``, which is ``\w`` less "_") is one word
_WORD = patterncache.compile(r"[\w'’-]+")
# ASCII characters a word is made of. Each word after the first has at least one character
# that is none of these before it: a unit with few others (in ``Document.ascii``, where the
# stand-ins for characters beyond ASCII are words' characters just when those are) has few words.
_ASCII_WORD = bytes(c for c in range(128) if re.fullmatch(r"[\w'’-]", chr(c)))


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.unit: str = option(rule, "unit")
        if self.unit not in ("sentence", "paragraph"):
            raise ValueError(f"{rule.path}: option 'unit' must be sentence or paragraph")
        self.max_words: int = option(rule, "max_words")

    def run(self, doc: Document) -> Iterator[Match]:
        units = (
            doc.sentences if self.unit == "sentence" else [Span(b.start, b.end) for b in doc.blocks]
        )
        masked, most, raw = doc.masked, self.max_words, doc.ascii
        for unit in units:
            if unit.end - unit.start <= 2 * most:
                continue  # words stand a character apart: too short to hold more than most
            between = raw[unit.start : unit.end].translate(None, _ASCII_WORD) if raw else None
            if between is not None and len(between) < most:
                continue  # words <= 1 + the characters between them <= most
            words = count_words(masked[unit.start : unit.end], _WORD, str.isalnum)
            if words > most:
                yield Match(
                    unit.start,
                    unit.end,
                    {
                        "words": words,
                        "max": self.max_words,
                        "match": doc.source[unit.start : unit.end],
                    },
                )
