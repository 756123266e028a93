"""One finding per problem. Two checkers that see the same slip on the same words make one
finding: a LanguageTool match (``GRM:<id>``) under one of copydesk's own findings (both see a
doubled "the the" or a misspelt word; copydesk's finding wins, since it carries the house's
rule, level and fix), or two of copydesk's grammar rules whose spans nest ("more important then
ever" and its "then"). The finding kept names the others in ``duplicates`` (JSON, SARIF)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from copydesk.model import Applicability, Finding, Span

GRAMMAR_PREFIX = "GRM:"


def one_per_problem(findings: Sequence[Finding]) -> list[Finding]:
    own = sorted(
        (f.span.start, max(f.span.end, f.span.start + 1))
        for f in findings
        if not f.code.startswith(GRAMMAR_PREFIX)
    )
    if len(own) == len(findings):
        return list(findings)
    ends = _running_max_ends(own)
    starts = [s for s, _ in own]
    kept: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for f in findings:
        if f.code.startswith(GRAMMAR_PREFIX):
            start, end = f.span.start, max(f.span.end, f.span.start + 1)
            # an own finding overlaps when one starting before this end reaches past its start
            i = bisect_left(starts, end)
            if i and ends[i - 1] > start:
                continue
            if (start, end) in seen:  # two LanguageTool rules on the very same words
                continue
            seen.add((start, end))
        kept.append(f)
    return kept


def _running_max_ends(spans: list[tuple[int, int]]) -> list[int]:
    out: list[int] = []
    best = -1
    for _, end in spans:
        best = max(best, end)
        out.append(best)
    return out


OWN_GRAMMAR_PREFIX = "GRA"
# the linter's notes on its own configuration share spans with real findings by design
_META = ("CDK001", "CDK002")


def merge_duplicates(findings: list[Finding]) -> list[Finding]:
    """Both merges, on findings sorted by position (the output stays sorted)."""
    if any(f.code.startswith(OWN_GRAMMAR_PREFIX) for f in findings):
        findings = merge_nested_grammar(findings)
    if any(f.code.startswith(GRAMMAR_PREFIX) for f in findings):
        findings = merge_grammar_duplicates(findings)
    return findings


def merge_grammar_duplicates(findings: list[Finding]) -> list[Finding]:
    """A LanguageTool match over words that one of copydesk's own rules already flags is
    dropped, and the copydesk finding (with its documented rule and safer fix) names it."""
    own = [i for i, f in enumerate(findings) if not f.code.startswith(GRAMMAR_PREFIX)]
    dropped: set[int] = set()
    extra: dict[int, list[str]] = {}
    for i, f in enumerate(findings):
        if not f.code.startswith(GRAMMAR_PREFIX):
            continue
        for j in own:
            g = findings[j]
            if g.span.start >= f.span.end:
                break
            if g.span.end > f.span.start and g.code not in _META:
                dropped.add(i)
                extra.setdefault(j, []).append(f.code)
                break
    return _merged(findings, dropped, extra)


def merge_nested_grammar(findings: list[Finding]) -> list[Finding]:
    """Two grammar findings are one problem when one span lies within the other and both
    point at the same characters: what their fixes change (or, without a fix, the whole span)
    overlaps. "then" inside "more important then ever" is one problem; "had went" inside a
    phrase whose fix changes only its "then" is another. The stronger is kept: the higher
    level, then the more trusted fix, then the wider span (it says more)."""
    grammar = [i for i, f in enumerate(findings) if f.code.startswith(OWN_GRAMMAR_PREFIX)]
    dropped: set[int] = set()
    extra: dict[int, list[str]] = {}
    for n, i in enumerate(grammar):
        if i in dropped:
            continue
        a = findings[i]
        for j in grammar[n + 1 :]:
            b = findings[j]
            if b.span.start >= a.span.end:
                break
            if j in dropped or not _same_problem(a, b):
                continue
            keep, drop = (i, j) if _strength(a) >= _strength(b) else (j, i)
            dropped.add(drop)
            extra.setdefault(keep, []).extend(
                [findings[drop].code, *extra.pop(drop, []), *findings[drop].duplicates]
            )
            if drop == i:
                break
    return _merged(findings, dropped, extra)


def _same_problem(a: Finding, b: Finding) -> bool:
    if not (_within(a.span, b.span) or _within(b.span, a.span)):
        return False
    (s1, e1), (s2, e2) = _changed(a), _changed(b)
    return s1 < max(e2, s2 + 1) and s2 < max(e1, s1 + 1)


def _within(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _changed(f: Finding) -> tuple[int, int]:
    """The characters a finding's fix changes (its whole span when it has no fix)."""
    if f.fix is None or len(f.fix.edits) != 1 or f.fix.edits[0].span != f.span:
        return f.span.start, f.span.end
    old, new = f.excerpt, f.fix.edits[0].replacement
    if len(old) != f.span.end - f.span.start:  # a shortened excerpt: no character diff
        return f.span.start, f.span.end
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return f.span.start + head, f.span.end - tail


def _strength(f: Finding) -> tuple[int, int, int]:
    trusted = f.fix.applicability if f.fix else Applicability.DISPLAY_ONLY - 1
    return (f.level, trusted, f.span.end - f.span.start)


def _merged(
    findings: list[Finding], dropped: set[int], extra: dict[int, list[str]]
) -> list[Finding]:
    out = []
    for i, f in enumerate(findings):
        if i in dropped:
            continue
        if i in extra:
            codes = [c for c in dict.fromkeys([*f.duplicates, *extra[i]]) if c != f.code]
            f = f._replace(duplicates=tuple(codes))
        out.append(f)
    return out
