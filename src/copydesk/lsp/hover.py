"""Hover on a finding: the rule's summary, why it fired here, what would fix it."""

from __future__ import annotations

from collections.abc import Sequence

from copydesk.engine.registry import Registry
from copydesk.links import rule_page_url
from copydesk.lsp.convert import rule_of
from copydesk.model import Finding


def at(findings: Sequence[Finding], offset: int) -> list[Finding]:
    """Findings whose span holds ``offset`` (an empty span holds its own position)."""
    return [f for f in findings if f.span.start <= offset < max(f.span.end, f.span.start + 1)]


def hover_markdown(findings: Sequence[Finding], registry: Registry, rules_url: str | None) -> str:
    parts = []
    for f in findings:
        rule = rule_of(f, registry)
        lines = [f"**{f.code}** `{f.name}` · {f.level}"]
        if rule is not None:
            lines += ["", rule.summary]
        lines += ["", f"**Why:** {f.message}"]
        single = f.fix is not None and len(f.fix.edits) == 1 and f.fix.edits[0].span == f.span
        first = [f.fix.edits[0].replacement] if f.fix is not None and single else []
        choices = list(dict.fromkeys(first + list(f.suggestions)))
        if choices:
            shown = ", ".join(f"`{c}`" if c else "(delete)" for c in choices[:5])
            lines += ["", f"**Suggestions:** {shown}"]
        if rule is not None:
            lines += ["", f"[Rule page]({rule_page_url(rule, rules_url)})"]
        parts.append("\n".join(lines))
    return "\n\n---\n\n".join(parts)
