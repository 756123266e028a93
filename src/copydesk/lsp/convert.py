"""Findings as LSP diagnostics: exact ranges in the client's position encoding, the rule code
with a link to its page, the finding's level as severity."""

from __future__ import annotations

from collections.abc import Iterable

from lsprotocol import types

from copydesk.engine.registry import Registry
from copydesk.engine.rules import RuleSpec
from copydesk.links import rule_page_url
from copydesk.lsp.text import Lines
from copydesk.model import Finding, Level

SOURCE = "copydesk"
SEVERITY = {
    Level.ERROR: types.DiagnosticSeverity.Error,
    Level.WARNING: types.DiagnosticSeverity.Warning,
    Level.SUGGESTION: types.DiagnosticSeverity.Information,
}


def rule_of(finding: Finding, registry: Registry) -> RuleSpec | None:
    rule = registry.rules.get(finding.code)
    if rule is None:  # GRM:<LanguageTool id> findings belong to the grammar rule
        rule = next((r for r in registry if r.name == finding.name), None)
    return rule


def to_range(lines: Lines, start: int, end: int) -> types.Range:
    a, b = lines.position(start), lines.position(end)
    return types.Range(types.Position(a[0], a[1]), types.Position(b[0], b[1]))


def diagnostic(
    finding: Finding, lines: Lines, registry: Registry, rules_url: str | None
) -> types.Diagnostic:
    rule = rule_of(finding, registry)
    link = types.CodeDescription(href=rule_page_url(rule, rules_url)) if rule else None
    return types.Diagnostic(
        range=to_range(lines, finding.span.start, finding.span.end),
        message=finding.message,
        severity=SEVERITY[finding.level],
        code=finding.code,
        code_description=link,
        source=SOURCE,
        data={"offset": finding.span.start, "end": finding.span.end, "code": finding.code},
    )


def diagnostics(
    findings: Iterable[Finding],
    lines: Lines,
    registry: Registry,
    rules_url: str | None,
    min_level: Level = Level.SUGGESTION,
) -> list[types.Diagnostic]:
    return [diagnostic(f, lines, registry, rules_url) for f in findings if f.level >= min_level]
