"""Flag spellings that change within one document ("per cent" here, "percent" there)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import (
    PhraseBook,
    PhraseIndex,
    compile_alternation,
    match_case,
    normalise,
)
from copydesk.kinds.prefilter import common_part, may_match, required_characters
from copydesk.literals import Scanner

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "groups": ("list[list[str]]", REQUIRED),
    "regex": ("bool", False),
    "ignorecase": ("bool", True),
    "prefer": ("str", "majority"),  # majority | first
}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.regex: bool = option(rule, "regex")
        self.prefer: str = option(rule, "prefer")
        self.ignorecase: bool = option(rule, "ignorecase")
        self.names: list[list[str]] = option(rule, "groups")
        self.scanners: dict[str, Scanner] = {}
        self.phrases: PhraseIndex | None = None
        if self.regex:
            self.required = {v: required_characters(v) for g in self.names for v in g}
            self.shared = {v: common_part(r) for v, r in self.required.items()}
        else:
            # one index over every variant of every group: one pass over the document
            self.phrases = PhraseIndex(
                [v for g in self.names for v in g],
                self.ignorecase,
                ctx.tool("phrasebook", PhraseBook),
            )
            self.where = {v: (n, i) for n, g in enumerate(self.names) for i, v in enumerate(g)}

    def _hits(self, doc: Document) -> list[list[list[tuple[int, int]]]]:
        """For each group, for each variant, where it occurs."""
        if self.regex:
            return [self._regex_hits(doc, g) for g in self.names]
        hits: list[list[list[tuple[int, int]]]] = [[[] for _ in g] for g in self.names]
        assert self.phrases is not None
        for start, end, variant in self.phrases.finditer(doc):
            n, i = self.where[variant]
            hits[n][i].append((start, end))
        return hits

    def _regex_hits(self, doc: Document, group: list[str]) -> list[list[tuple[int, int]]]:
        # One spelling alone is consistent: nothing to scan for. The part all of a variant's
        # literals share ("iz" of the -ize stems) rules most variants out at the cost of one
        # search, before their literals are tried one by one.
        folded = doc.folded
        shared = [self.shared[v] in folded for v in group]
        if sum(shared) < 2:
            return [[] for _ in group]
        possible: list[bool] = []
        for n, v in enumerate(group):
            possible.append(shared[n] and may_match(self.required[v], folded))
            if sum(possible) + len(group) - n - 1 < 2:
                return [[] for _ in group]
        out: list[list[tuple[int, int]]] = []
        for variant, maybe in zip(group, possible, strict=True):
            if not maybe:
                out.append([])
                continue
            if variant not in self.scanners:
                pattern = compile_alternation([variant], True, self.ignorecase)
                self.scanners[variant] = Scanner(pattern)
            out.append(
                [m.span() for m in self.scanners[variant].finditer(doc.masked, folded=folded)]
            )
        return out

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        all_hits = self._hits(doc)
        for n, names in enumerate(self.names):
            hits = all_hits[n]
            used = [i for i, h in enumerate(hits) if h]
            if len(used) < 2:
                continue
            if self.prefer == "first":
                preferred = min(used, key=lambda i: hits[i][0][0])
            else:
                preferred = max(used, key=lambda i: (len(hits[i]), -hits[i][0][0]))
            for i in used:
                if i == preferred:
                    continue
                # a regex variant is shown as the story wrote it, not as the pattern
                shown = text[slice(*hits[preferred][0])] if self.regex else names[preferred]
                for start, end in hits[i]:
                    found = text[start:end]
                    target = names[preferred] if not self.regex else ""
                    yield Match(
                        start,
                        end,
                        {"match": found, "preferred": shown, "count": len(hits[preferred])},
                        (match_case(found, target),)
                        if target and normalise(found) != normalise(target)
                        else (),
                    )
