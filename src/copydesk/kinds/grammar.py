"""Grammar through LanguageTool (``copydesk.grammar``), when a server or local install is
configured. Each LanguageTool match becomes a finding coded ``GRM:<rule id>``; its replacements
are unsafe fixes. When LanguageTool cannot be reached, the run notes why and goes on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match
from copydesk.model import Applicability, Level

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        from copydesk.grammar import GrammarSettings

        self.settings = GrammarSettings.from_config({"language": ctx.variant, **ctx.grammar})
        self.ctx = ctx

    def run(self, doc: Document) -> Iterator[Match]:
        from copydesk.grammar import check_document

        result = check_document(doc.masked, [(b.start, b.end) for b in doc.blocks], self.settings)
        if result.skipped:
            notes: list[str] = self.ctx.shared.setdefault("notes", [])
            if result.skipped not in notes:
                notes.append(result.skipped)
        for m in result.matches:
            yield Match(
                m.start,
                m.end,
                {"match": doc.source[m.start : m.end], "rule_id": m.rule_id},
                tuple(m.replacements[:1]),
                applicability=Applicability.UNSAFE,
                message=m.message,
                level=Level.parse(m.level),
                code=f"GRM:{m.rule_id}",
                suggestions=tuple(m.replacements),
            )
