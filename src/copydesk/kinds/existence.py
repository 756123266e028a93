"""Flag any occurrence of listed words, phrases or patterns."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import compile_alternation, normalise

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "tokens": ("list[str]", REQUIRED),
    "regex": ("bool", False),
    "ignorecase": ("bool", True),
    "exceptions": ("list[str]", []),
    "replacement": ("str", ""),
}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.pattern = compile_alternation(
            option(rule, "tokens"), option(rule, "regex"), option(rule, "ignorecase")
        )
        self.exceptions = {normalise(e) for e in option(rule, "exceptions")}
        self.replacement: str = option(rule, "replacement")

    def run(self, doc: Document) -> Iterator[Match]:
        for m in self.pattern.finditer(doc.masked):
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
