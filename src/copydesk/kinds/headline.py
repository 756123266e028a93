"""Headings in the house case: sentence case ("Council backs new bridge") or title case
("Council Backs New Bridge").

Sentence case: a heading of four or more words in which every word of four letters or more
starts with a capital, after the first, is flagged (names alone do not make that pattern).
Title case: a heading in which a word of four or more letters, other than after a colon or
the first, starts with a small letter is flagged. Short words (a, of, the...) never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match, option

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "style": ("str", "sentence"),  # sentence | title
    "min_words": ("int", 4),
}

_WORD = re.compile(r"[A-Za-z][\w'’-]*")


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.style: str = option(rule, "style")
        if self.style not in ("sentence", "title"):
            raise ValueError("option 'style' must be sentence or title")
        self.min_words: int = option(rule, "min_words")

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        for block in doc.blocks:
            if block.scope != "heading":
                continue
            start, end = block.start, block.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            words = list(_WORD.finditer(text, start, end))
            if len(words) < self.min_words:
                continue
            if text[start:end].isupper():
                continue  # all capitals: a label, not a case choice
            long_words = [w for w in words[1:] if len(w.group()) >= 4 and not w.group().isupper()]
            if len(long_words) < 2:
                continue
            heading = text[start:end]
            if self.style == "sentence":
                if all(w.group()[0].isupper() for w in long_words):
                    yield Match(start, end, {"match": heading, "style": "sentence case"})
            else:
                after_colon = {
                    w.start() for w in words if re.search(r":\s*$", text[start : w.start()])
                }
                lower = [
                    w for w in long_words if w.group()[0].islower() and w.start() not in after_colon
                ]
                if lower:
                    yield Match(
                        start,
                        end,
                        {"match": heading, "style": "title case", "word": lower[0].group()},
                    )
