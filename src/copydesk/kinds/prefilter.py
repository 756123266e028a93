"""Literal prefilters for regular-expression rules.

Most rules find nothing in most articles, yet each would scan the whole text with a pattern
that starts with a look-behind, which defeats the regex engine's own prefix search. From the
parsed pattern we derive a set of literal strings of which every match must contain at least
one; when none of them occurs in the (case-folded) text, the rule cannot match and its pattern
is neither run nor even compiled. This is the literal extraction that grep-like tools do, cut
down to what rule patterns use.

Parsing a pattern costs about as much as compiling it, so the answers are memoised here and
the registry stores them with its cache of parsed rule packs (``seed``/``computed``)."""

from __future__ import annotations

from re import _constants as c  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

from copydesk.document.model import fold

MIN_LITERAL = 2  # a one-letter requirement filters nothing
MAX_PRODUCT = 256  # alternatives a stretch of literals may multiply into before it stops

_MEMO: dict[str, frozenset[str] | None] = {}


def seed(known: dict[str, list[str] | None]) -> None:
    _MEMO.update({p: None if v is None else frozenset(v) for p, v in known.items()})


def computed(patterns: list[str]) -> dict[str, list[str] | None]:
    """The requirements of ``patterns`` in a JSON-friendly form, for the registry's cache."""
    out: dict[str, list[str] | None] = {}
    for p in patterns:
        req = required_literals(p)
        out[p] = None if req is None else sorted(req)
    return out


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Case-folded strings of which every match of ``pattern`` contains one, or None when the
    pattern guarantees none (then the rule must always run). Case-folding both sides makes
    the answer hold with or without IGNORECASE."""
    if pattern in _MEMO:
        return _MEMO[pattern]
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # the real compile reports the error with the rule's name
        result = None
    else:
        found = _sequence(list(parsed))
        ok = found and min(len(s) for s in found) >= MIN_LITERAL
        result = frozenset(fold(s) for s in found) if ok and found else None
    _MEMO[pattern] = result
    return result


def _literal_alternatives(op: Any, av: Any) -> set[str] | None:
    """The strings a node can match when they are all plain literals, else None."""
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN and all(o is c.LITERAL for o, _ in av):
        return {chr(a) for _, a in av}
    if op is c.SUBPATTERN:
        return _literal_sequence(list(av[-1]))
    if op is c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            alt = _literal_sequence(list(branch))
            if alt is None:
                return None
            out |= alt
        return out
    return None


def _literal_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    strings = {""}
    for op, av in items:
        alt = _literal_alternatives(op, av)
        if alt is None or len(strings) * len(alt) > MAX_PRODUCT:
            return None
        strings = {s + a for s in strings for a in alt}
    return strings


def _sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Best requirement of a sequence: the stretch of literals (with small alternations
    multiplied out) or sub-requirement whose shortest member is longest."""
    candidates: list[set[str]] = []
    stretch = {""}

    def end_stretch() -> None:
        nonlocal stretch
        if stretch != {""}:
            candidates.append(stretch)
        stretch = {""}

    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero width: the literals on either side stay adjacent
        alt = _literal_alternatives(op, av)
        if alt is not None and len(stretch) * len(alt) <= MAX_PRODUCT:
            stretch = {s + a for s in stretch for a in alt}
            continue
        end_stretch()
        if alt is not None:
            candidates.append(alt)
        elif op is c.SUBPATTERN:
            req = _sequence(list(av[-1]))
            if req:
                candidates.append(req)
        elif op is c.BRANCH:
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
            inner = list(av[2])
            alt = _literal_sequence(inner)
            if alt is not None and len(alt) == 1:
                candidates.append({next(iter(alt)) * min(av[0], 8)})  # ",{2,}" needs ",,"
                continue
            req = _sequence(inner)
            if req:
                candidates.append(req)
    end_stretch()
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
