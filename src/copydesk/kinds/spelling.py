"""Spelling through copydesk's news-aware speller (``copydesk.spelling``). One speller serves
every spelling rule of a run; each rule reports one kind of reason."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match, option
from copydesk.model import Applicability
from copydesk.spelling.code import not_words

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "reason": ("str", "unknown-word"),  # unknown-word | known-misspelling | name-variant
}


class Kind:
    default_quotes = "check"  # spelling applies inside quotes: a reporter typed them
    # a word may run through markup ("Secre<em>taray"): reported, its fix only shown
    spans_markup = True

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.reason: str = option(rule, "reason")
        self.ctx = ctx

    def _results(self, doc: Document) -> list[Any]:
        def speller() -> Any:
            from copydesk.spelling import Speller

            technical = self.ctx.profile == "docs"
            return Speller(self.ctx.variant, self.ctx.accept, self.ctx.reject, technical)

        def check() -> list[Any]:
            skip = [(s.start, s.end) for s in doc.sic_spans]
            skip += not_words(doc.source, [(s.start, s.end) for s in doc.code_spans])
            if not doc.absent:
                results: list[Any] = self.ctx.tool("speller", speller).check(doc.masked, skip)
                return results
            # words that markup runs through ("Secre<em>taray") are read whole
            joined = doc.joined
            back = joined.to_source
            found = self.ctx.tool("speller", speller).check(joined.text, [])
            results = []
            for typo in found:
                start, end = back(typo.start), back(typo.end, end=True)
                if any(s <= start < e for s, e in skip):
                    continue
                # a fix would rewrite the markup inside the word too: shown, never applied
                safe = typo.safe and end - start == typo.end - typo.start
                results.append(typo._replace(start=start, end=end, safe=safe))
            return results

        return self.ctx.per_document("spelling", doc, check)

    def run(self, doc: Document) -> Iterator[Match]:
        for typo in self._results(doc):
            if typo.reason != self.reason:
                continue
            best = typo.suggestions[0] if typo.suggestions else ""
            yield Match(
                typo.start,
                typo.end,
                {
                    "match": typo.word,
                    "suggestion": best,
                    "suggestions": ", ".join(typo.suggestions[:3]),
                    "detail": typo.detail,
                    "hint": f": did you mean '{best}'?" if best else ".",
                },
                typo.suggestions[:1],
                applicability=Applicability.SAFE if typo.safe else Applicability.DISPLAY_ONLY,
                suggestions=tuple(typo.suggestions),
            )
