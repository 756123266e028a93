"""An abbreviation used with no definition earlier in the document.

An all-capital token of ``min_length`` to ``max_length`` letters counts as defined when it
appears in brackets after its long form ("the Financial Services Authority (FSA)"), when the
long form's initials spell it in the text before its first use, or when it appears in brackets
itself with the long form before ("... Authority (FSA)"). Tokens on the ``known`` list
(abbreviations every reader knows: BBC, UK, US, EU, NHS...) are never flagged. Only the first
undefined use is reported; later uses are the same problem.
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
    "known": ("list[str]", []),
    "min_length": ("int", 2),
    "max_length": ("int", 5),
    "skip_headings": ("bool", True),
}

_SMALL = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "in",
    "to",
    "de",
    "du",
    "des",
    "la",
    "le",
    "&",
    "a",
    "an",
    "at",
    "by",
}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.known = {k.upper() for k in option(rule, "known")}
        low: int = option(rule, "min_length")
        high: int = option(rule, "max_length")
        self.token = re.compile(
            rf"(?<![\w'’&.-])(?P<abbr>[A-Z]{{{low},{high}}})(?:s|'s|’s)?(?![\w&.-]|['’][A-Za-rt-z])"
        )
        self.skip_headings: bool = option(rule, "skip_headings")

    def _defined_by_initials(self, text: str, abbr: str, upto: int) -> bool:
        """The long form's initials spell the abbreviation somewhere before ``upto``."""
        words = re.findall(r"[A-Za-z][\w'’-]*", text[:upto])
        letters = [w for w in words if w.lower() not in _SMALL]
        caps = [w[0].upper() for w in letters]
        target = list(abbr)
        n = len(target)
        for i in range(len(caps) - n + 1):
            if caps[i : i + n] == target and all(w[0].isupper() for w in letters[i : i + n]):
                return True
        return False

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        seen: set[str] = set()
        heading_spans = [(b.start, b.end) for b in doc.blocks if b.scope == "heading"]
        for m in self.token.finditer(text):
            abbr = m.group("abbr")
            if abbr in seen or abbr in self.known:
                continue
            if self.skip_headings and any(s <= m.start() < e for s, e in heading_spans):
                continue
            block = doc.block_at(m.start())
            if block is not None:
                chunk = text[block.start : block.end]
                letters = [c for c in chunk if c.isalpha()]
                if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
                    continue  # a line set in capitals is not a run of abbreviations
            seen.add(abbr)
            # defined here: "(FSA)" right after its long form
            if text[m.start() - 1 : m.start()] == "(" and self._defined_by_initials(
                text, abbr, m.start()
            ):
                continue
            # defined after: "FSA (the Financial Services Authority)"
            after = text[m.end() : m.end() + 120]
            if after.lstrip().startswith("(") and self._defined_by_initials(
                after, abbr, len(after)
            ):
                continue
            # defined earlier in the text by its initials
            if self._defined_by_initials(text, abbr, m.start()):
                continue
            yield Match(m.start(), m.start() + len(abbr), {"match": abbr})
