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

import re
from collections.abc import Iterator
from typing import Any, Final

from copydesk import literals, patterncache
from copydesk.document.model import fold

_STYLE = literals.Style(
    ascii_only=False, max_product=256, min_literal=2, transparent_lookarounds=True
)

_MEMO: dict[str, frozenset[str] | None] = {}

# The rule packs' cache stores these answers under a key that includes this number (see
# ``registry.load_pack``): raise it whenever the extraction learns more.
EXTRACTION = "2"


def seed(known: dict[str, list[str] | None]) -> None:
    _MEMO.update({p: None if v is None else frozenset(v) for p, v in known.items()})


def computed(patterns: list[str]) -> dict[str, list[str] | None]:
    """The requirements of ``patterns`` in a JSON-friendly form, for the registry's cache."""
    out: dict[str, list[str] | None] = {}
    for p in patterns:
        req = required_literals(p)
        out[p] = None if req is None else sorted(req)
    return out


def required_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings of which every match of ``pattern`` contains one, or None when the
    pattern guarantees none (then the rule must always run). Case-folding both sides makes
    the answer hold with or without IGNORECASE."""
    if pattern not in _MEMO:
        _MEMO[pattern] = _extract(pattern, _STYLE)
    return _MEMO[pattern]


def _extract(pattern: str, style: literals.Style) -> frozenset[str] | None:
    try:
        found = literals.required(literals.parse(pattern), style)
    except Exception:  # the real compile reports the error with the rule's name
        return None
    return frozenset(fold(s) for s in found) if found else None


_ONE_CHARACTER = _STYLE._replace(min_literal=1)


def required_characters(pattern: str) -> frozenset[str] | None:
    """``required_literals``, or when there are none, single characters of which every match
    contains one: too common to be worth a search in most rules, but a consistency rule asks
    only whether each spelling occurs at all ('"' against '“”', "'" against "’")."""
    found = required_literals(pattern)
    return found if found is not None else _extract(pattern, _ONE_CHARACTER)


def union(requirements: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The requirement of an alternation of patterns: None if any of them has none."""
    out: set[str] = set()
    for req in requirements:
        if req is None:
            return None
        out |= req
    return frozenset(out) if out else None


def may_match(required: frozenset[str] | None, folded_text: str) -> bool:
    # map over the bound method keeps the loop in C: some rules require one of 130 stems
    return required is None or any(map(folded_text.__contains__, required))


def common_part(required: frozenset[str] | None) -> str:
    """The longest string every one of ``required`` contains ("" when none, or when there is
    no requirement): a text without it holds none of them."""
    if not required:
        return ""
    shortest = min(required, key=len)
    for size in range(len(shortest), 0, -1):
        for at in range(len(shortest) - size + 1):
            part = shortest[at : at + size]
            if all(part in r for r in required):
                return part
    return ""


# A rule whose entries together make a pattern longer than this is matched entry by entry:
# compiling one large alternation costs tens of milliseconds at every start-up, while an
# entry is compiled only once a story holds one of its literals.
SPLIT_ABOVE: Final = 2000


class EntryScanner:
    """The entries of a large regex rule, each compiled on first need and tried only on
    texts that hold one of its required literals. ``finditer`` yields (entry index, match)
    without overlaps, leftmost first and, at one position, the longest."""

    def __init__(self, entries: list[str], flags: int) -> None:
        # the entries as the rule file writes them: their literals are in the pack's cache
        self.patterns = [f"(?:{e})" for e in entries]
        self.flags = flags
        self.required = [required_literals(e) for e in entries]
        self._scanners: dict[int, Any] = {}

    def finditer(self, masked: str, folded: str) -> Iterator[tuple[int, re.Match[str]]]:
        found: list[tuple[int, int, int, re.Match[str]]] = []
        for i, need in enumerate(self.required):
            if not may_match(need, folded):
                continue
            scanner = self._scanners.get(i)
            if scanner is None:
                scanner = self._scanners[i] = literals.Scanner(
                    patterncache.compile(self.patterns[i], self.flags)
                )
            for m in scanner.finditer(masked, folded=folded):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), i, m))
        found.sort(key=lambda f: f[:3])
        free = 0
        for start, _, i, m in found:
            if start >= free:
                free = m.end()
                yield i, m
