"""Flag words or phrases that have a preferred replacement, and offer it as a fix."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import PhraseBook, PhraseIndex, match_case, normalise, phrase_pattern
from copydesk.kinds.prefilter import (
    SPLIT_ABOVE,
    AlternationScanner,
    EntryScanner,
    may_match,
    required_literals,
    union,
)
from copydesk.literals import Scanner
from copydesk.model import Applicability

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "swap": ("dict[str,str]", REQUIRED),
    "regex": ("bool", False),
    # every form of each phrase (copydesk.wordforms), expanded when the pack is loaded
    "forms": ("bool", False),
    "ignorecase": ("bool", True),
    "exceptions": ("list[str]", []),
}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        swap: dict[str, str] = option(rule, "swap")
        self.regex: bool = option(rule, "regex")
        flags = re.IGNORECASE if option(rule, "ignorecase") else 0
        self.flags = flags
        self.keys = list(swap)
        self.values = [swap[k] for k in self.keys]
        self.exceptions = {normalise(e) for e in option(rule, "exceptions")}
        self.phrases = (
            None
            if self.regex
            else PhraseIndex(self.keys, bool(flags), ctx.tool("phrasebook", PhraseBook))
        )
        self.by_key = dict(zip(self.keys, self.values, strict=True))
        self._pattern: re.Pattern[str] | None = None
        self._scanner: Scanner | None = None
        self._entries: dict[int, re.Pattern[str]] = {}
        self._alternation: AlternationScanner | None = None
        self._split = (
            EntryScanner(self.keys, flags)
            if self.regex and sum(len(k) for k in self.keys) > SPLIT_ABOVE
            else None
        )

    @cached_property
    def required(self) -> frozenset[str] | None:
        """Literals one of which every match holds (for a rule the word index cannot serve),
        worked out on first need: most rules are served by the index."""
        return union([required_literals(p) for p in self.keys]) if self.regex else None

    @property
    def pattern(self) -> re.Pattern[str]:
        """All entries in one pattern, one named group each, so a match says which entry it
        was; compiled on first need, since most rules match nothing in most texts."""
        if self._pattern is None:
            order = sorted(range(len(self.keys)), key=lambda i: len(self.keys[i]), reverse=True)
            self._pattern = patterncache.compile(
                "|".join(f"(?P<s{i}>{phrase_pattern(self.keys[i], True)})" for i in order),
                self.flags,
            )
        return self._pattern

    def _entry(self, index: int) -> re.Pattern[str]:
        """The pattern of one entry alone, for expanding its own group references."""
        if index not in self._entries:
            self._entries[index] = patterncache.compile(
                phrase_pattern(self.keys[index], True), self.flags
            )
        return self._entries[index]

    def _inner(self, index: int, text: str, m: re.Match[str]) -> re.Match[str] | None:
        """The entry's own match at the same place, read in the whole text so that a
        look-ahead or look-behind at its edges still sees the words around it."""
        inner = self._entry(index).match(text, m.start())
        return inner if inner is not None and inner.end() == m.end() else None

    def run(self, doc: Document) -> Iterator[Match]:
        if self.phrases is not None:
            for start, end, key in self.phrases.finditer(doc):
                yield from self._match(doc.masked[start:end], start, end, self.by_key[key])
            return
        if self._split is not None:
            for index, m in self._split.finditer(doc.masked, doc.folded):
                inner = self._inner(index, doc.masked, m)
                target = self.values[index]
                yield from self._match(
                    m.group(), m.start(), m.end(), inner.expand(target) if inner else target
                )
            return
        if self._alternation is None:
            self._alternation = AlternationScanner(self.keys, self.flags)
        if self._alternation.usable:
            matches = self._alternation.finditer(lambda: self.pattern, doc.masked, doc.folded)
        elif not may_match(self.required, doc.folded):
            return
        else:
            if self._scanner is None:
                self._scanner = Scanner(self.pattern)
            matches = self._scanner.finditer(doc.masked, folded=doc.folded)
        for m in matches:
            index = int((m.lastgroup or "s0")[1:])
            inner = self._inner(index, doc.masked, m)
            target = self.values[index]
            yield from self._match(
                m.group(), m.start(), m.end(), inner.expand(target) if inner else target
            )

    def _match(self, text: str, start: int, end: int, target: str) -> Iterator[Match]:
        if not text or normalise(text) in self.exceptions:
            return
        candidates = tuple(match_case(text, c.strip()) for c in target.split("|"))
        yield Match(
            start,
            end,
            {"match": text, "replacement": "' or '".join(candidates)},
            candidates,
            applicability=Applicability.DISPLAY_ONLY if len(candidates) > 1 else None,
        )
