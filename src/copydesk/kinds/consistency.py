"""Flag spellings that change within one document ("per cent" here, "percent" there)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import compile_alternation, match_case, normalise

if TYPE_CHECKING:
    import re

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
        ignorecase = option(rule, "ignorecase")
        self.groups: list[list[re.Pattern[str]]] = [
            [compile_alternation([v], self.regex, ignorecase) for v in group]
            for group in option(rule, "groups")
        ]
        self.names = option(rule, "groups")

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        for names, patterns in zip(self.names, self.groups, strict=True):
            hits = [[(m.start(), m.end()) for m in p.finditer(text)] for p in patterns]
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
                for start, end in hits[i]:
                    found = text[start:end]
                    target = names[preferred] if not self.regex else ""
                    yield Match(
                        start,
                        end,
                        {"match": found, "preferred": names[preferred], "count": len(hits[preferred])},
                        (match_case(found, target),) if target and normalise(found) != normalise(target) else (),
                    )
