"""Unsourced figures through ``copydesk.sourcing``. The checker reads the merged options of
every sourcing rule (cue lists live in the rule files); each rule reports its own findings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {"*": ("any", None)}  # options belong to the checker


class Kind:
    default_quotes = "check"  # a quote is evidence of a source, so the checker must see it

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.rule = rule
        self.ctx = ctx

    def _results(self, doc: Document) -> list[Any]:
        def checker() -> Any:
            from copydesk.sourcing import SourcingChecker

            return SourcingChecker(self.ctx.sourcing)

        def check() -> list[Any]:
            blocks = [(b.start, b.end) for b in doc.blocks]
            sentences = [(s.start, s.end) for s in doc.sentences]
            results: list[Any] = self.ctx.tool("sourcing", checker).check(
                doc.masked, blocks, sentences, doc.source
            )
            return results

        return self.ctx.per_document("sourcing", doc, check)

    def run(self, doc: Document) -> Iterator[Match]:
        for issue in self._results(doc):
            if issue.rule == self.rule.name:
                yield Match(
                    issue.start,
                    issue.end,
                    {"match": issue.figure, "message": issue.message},
                    message=issue.message,
                )
