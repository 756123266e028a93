"""Literal prefilters for regular-expression rules.

Most rules find nothing in most articles, yet each would scan the whole text with a pattern
that starts with a look-behind, which defeats the regex engine's own prefix search. From the
parsed pattern we derive a set of literal strings of which every match must contain at least
one; when none of them occurs in the (case-folded) text, the rule cannot match and its pattern
is neither run nor even compiled. This is the literal extraction that grep-like tools do, cut
down to what rule patterns use."""

from __future__ import annotations

from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

MIN_LITERAL = 2  # a one-letter requirement filters nothing


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Case-folded strings of which every match of ``pattern`` contains one, or None when the
    pattern guarantees none (then the rule must always run)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # the real compile reports the error with the rule's name
        return None
    found = _sequence(list(parsed))
    if not found or min(len(s) for s in found) < MIN_LITERAL:
        return None
    return frozenset(s.casefold() for s in found)


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Best requirement of a sequence: the literal run or sub-requirement whose shortest
    member is longest."""
    candidates: list[set[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append({"".join(run)})
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the literals on either side stay adjacent
        elif op is c.SUBPATTERN:
            inner = list(av[-1])
            if all(o is c.LITERAL for o, _ in inner):
                run.extend(chr(a) for _, a in inner)
            else:
                end_run()
                req = _sequence(inner)
                if req:
                    candidates.append(req)
        elif op is c.BRANCH:
            end_run()
            union: set[str] = set()
            for branch in av[1]:
                req = _sequence(list(branch))
                if not req:
                    union = set()
                    break
                union |= req
            if union:
                candidates.append(union)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            end_run()
            inner = list(av[2])
            if len(inner) == 1 and inner[0][0] is c.LITERAL:
                candidates.append({chr(inner[0][1]) * min(av[0], 8)})  # ",{2,}" needs ",,"
                continue
            req = _sequence(inner)
            if req:
                candidates.append(req)
        else:
            end_run()
    end_run()
    usable = [cand for cand in candidates if cand and min(len(s) for s in cand) >= MIN_LITERAL]
    if not usable:
        return None
    return max(usable, key=lambda cand: (min(len(s) for s in cand), -len(cand)))


def union(requirements: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The requirement of an alternation of patterns: None if any of them has none."""
    out: set[str] = set()
    for req in requirements:
        if req is None:
            return None
        out |= req
    return frozenset(out) if out else None


def may_match(required: frozenset[str] | None, folded_text: str) -> bool:
    return required is None or any(s in folded_text for s in required)
