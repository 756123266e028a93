"""One finding per problem when LanguageTool's matches (``GRM:<id>``) join copydesk's own.

Both see a doubled "the the" or a misspelt word; a writer should be told once. copydesk's own
finding wins, since it carries the house's rule, level and fix."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from copydesk.model import Finding

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
