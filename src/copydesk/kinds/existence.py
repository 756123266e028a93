"""Flag any occurrence of listed words, phrases or patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import (
    PhraseBook,
    PhraseIndex,
    compile_alternation,
    match_case,
    normalise,
)
from copydesk.kinds.prefilter import (
    SPLIT_ABOVE,
    AlternationScanner,
    EntryScanner,
    may_match,
    required_literals,
    union,
)
from copydesk.literals import Scanner

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "tokens": ("list[str]", REQUIRED),
    "regex": ("bool", False),
    # every form of each phrase (copydesk.wordforms), expanded when the pack is loaded
    "forms": ("bool", False),
    "ignorecase": ("bool", True),
    "exceptions": ("list[str]", []),
    "replacement": ("str", ""),
}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        tokens, ignorecase = option(rule, "tokens"), option(rule, "ignorecase")
        self.regex: bool = option(rule, "regex")
        self.tokens: list[str] = tokens
        self.ignorecase: bool = ignorecase
        self._scanner: Scanner | None = None
        self._compiled: re.Pattern[str] | None = None
        self._alternation: AlternationScanner | None = None
        self._split = (
            EntryScanner(tokens, re.IGNORECASE if ignorecase else 0)
            if self.regex and sum(len(t) for t in tokens) > SPLIT_ABOVE
            else None
        )
        self.phrases = (
            None
            if self.regex
            else PhraseIndex(tokens, ignorecase, ctx.tool("phrasebook", PhraseBook))
        )
        self.exceptions = {normalise(e) for e in option(rule, "exceptions")}
        self.replacement: str = option(rule, "replacement")

    @cached_property
    def required(self) -> frozenset[str] | None:
        """Literals one of which every match holds (for a rule the word index cannot serve),
        worked out on first need: most rules are served by the index."""
        return union([required_literals(p) for p in self.tokens]) if self.regex else None

    def _pattern(self) -> re.Pattern[str]:
        # compiled on first need: most rules never match most texts
        if self._compiled is None:
            self._compiled = compile_alternation(self.tokens, True, self.ignorecase)
        return self._compiled

    def run(self, doc: Document) -> Iterator[Match]:
        if self.phrases is not None:
            for start, end, _ in self.phrases.finditer(doc):
                text = doc.masked[start:end]
                if normalise(text) not in self.exceptions:
                    fixes = (match_case(text, self.replacement),) if self.replacement else ()
                    yield Match(start, end, {"match": text}, fixes)
            return
        matches: Iterator[re.Match[str]]
        if self._split is not None:
            matches = (m for _, m in self._split.finditer(doc.masked, doc.folded))
        else:
            if self._alternation is None:
                flags = re.IGNORECASE if self.ignorecase else 0
                self._alternation = AlternationScanner(self.tokens, flags)
            if self._alternation.usable:
                matches = self._alternation.finditer(self._pattern, doc.masked, doc.folded)
            elif not may_match(self.required, doc.folded):
                return
            else:
                if self._scanner is None:
                    self._scanner = Scanner(self._pattern())
                matches = self._scanner.finditer(doc.masked, folded=doc.folded)
        for m in matches:
            if m.end() == m.start() or normalise(m.group()) in self.exceptions:
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            replacement = m.expand(self.replacement) if self.replacement else None
            yield Match(
                m.start(),
                m.end(),
                {"match": m.group(), **groups},
                (replacement,) if replacement is not None else (),
            )
