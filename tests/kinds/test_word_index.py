"""The word index that large regex rules are matched through (``StartIndex``, ``WordIndex``,
``literals.word_starts`` and ``word_gates``) may offer places where an entry does not match,
but must never miss one where it does: checked on strings that hypothesis builds from every
regex in the rule packs, and the scanners built on it against the plain regex engine."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk import literals
from copydesk.api import default_registry
from copydesk.kinds import regex_patterns
from copydesk.kinds.prefilter import (
    AlternationScanner,
    EntryScanner,
    StartIndex,
    WordIndex,
    word_index,
)

from .pack_patterns import pack_patterns

# beside the packs' patterns, shapes they may come to use
TRICKY = [
    r"\brecieve[sd]?\b",
    r"\bfoo\w*",
    r"\b(?:a|an)\s+(\w+)ly\b",
    r"\b(me|us)(,?)\s+to\b",
    r"\bcan(?=not)",
    r"\b(?:[Nn]eed\s+not|[Nn]eedn['’]t)\s+to\b",
    r"\b(?:the|a)\s+(?:big\s+)?deal(?:s|ers)?\b",
    r"(?<![\w-])well(?:-| )known\b",
    r"\bout\s*of",
    r"\bin(?:to)?\b",
    r"(?<=\.\s)so\s+to\s+say\b",
    r"\bK\w+",
    r"(?i:\bSIS\b)",
]
EXAMPLES = {rule.code: [ex.text for ex in rule.fail] for rule in default_registry()}
PATTERNS = pack_patterns() + [("tricky", p, f) for p in TRICKY for f in (0, re.IGNORECASE)]


def _starts(pattern: str) -> tuple[set[str], set[str], set[str], bool] | None:
    found = literals.word_starts(pattern)
    if found is None:
        return None
    return set(found.words), set(found.stems), set(found.marks), found.at_start


def test_where_matches_start() -> None:
    # a boundary, then literal words: whole words when a non-word character must follow
    assert _starts(r"\b(could|should)\s+of\b") == ({"could", "should"}, set(), set(), False)
    assert _starts(r"\b([Aa])lot\b") == ({"alot"}, set(), set(), False)
    assert _starts(r"(?<![\w-])([Tt])heir(?!\w)") == ({"their"}, set(), set(), False)
    # the word part of a literal with an apostrophe
    assert _starts(r"\b([Ii])t['’]s\s+own\b") == ({"it"}, set(), set(), False)
    # a word that may go on is a stem
    assert _starts(r"\brecieve[sd]?\b") == (set(), {"recieve"}, set(), False)
    assert _starts(r"\bfoo\w*") == (set(), {"foo"}, set(), False)
    # a sentence start: the start of the text, or after a full stop and a space
    assert _starts(r"(?:^|(?<=[.!?]\s))(?:Is|Was)\s+you\b") == ({"is", "was"}, set(), set(), True)
    # marks: strings that begin with a character that is not a word character
    assert _starts(r"\b(?:am|['’]m)\s+agree\b") == ({"am"}, set(), {"'m", "’m"}, False)
    # no boundary before the word, a class, a dot, a case-insensitive letter beyond ASCII
    assert _starts(r"alot\b") is None
    assert _starts(r"\b[A-Z]{2,}'s") is None
    assert _starts(r"\b.oo") is None
    assert _starts(r"\bcafé\b") is None
    assert _starts(r"(?a)\bfoo\b") is None  # an ASCII-only \b sees other words
    assert _starts(r"(?m)^foo") is None  # every line start
    assert _starts(r"\b(?:foo)?") is None  # may be empty


def test_words_every_match_holds() -> None:
    assert literals.word_gates(r"\b(is|are|was)\s+loosing\b") == frozenset({"loosing"})
    assert literals.word_gates(r"\b([Tt]he|[Aa])\s+principle\s+(?:reason|cause)\b") == frozenset(
        {"principle"}
    )
    assert literals.word_gates(r"^(\s*)May\s+be\s*,") == frozenset({"may"})
    # a word that may go on, or that may stand inside another, is no gate
    assert literals.word_gates(r"\btake\s+a\s+breath") is not None  # "take", "a"
    assert literals.word_gates(r"breath\b") is None
    assert literals.word_gates(r"\bbreath") is None
    assert literals.word_gates(r"\b(?:a|an)\s+(\w+)ly\b") == frozenset({"a", "an"})


@pytest.mark.parametrize(
    ("code", "pattern", "flags"), PATTERNS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(PATTERNS)]
)
def test_the_index_never_misses_a_match(code: str, pattern: str, flags: int) -> None:
    index = StartIndex([pattern])
    gates = literals.word_gates(pattern)
    if index.unknown and gates is None:
        return
    compiled = re.compile(pattern, flags)

    def holds(text: str) -> None:
        where = word_index(text)
        places = set(index.starts(where).get(0, []))
        for at in range(len(text) + 1):
            if compiled.match(text, at):
                assert index.may_hold(0, where), (pattern, text)
                if not index.unknown:
                    assert at in places, (pattern, text, at)

    if "(?<=\\b" in pattern:
        # an entry that starts at its keyword keeps the words before it in look-behinds,
        # which random strings never satisfy: the rule's own flagged examples stand in
        texts = [t for t in EXAMPLES.get(code, []) if compiled.search(t)]
        for text in texts:
            holds(text)
        return

    @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(compiled), st.sampled_from(["", "x ", "Ünï ", "— ", "İſ "]))
    def check(text: str, before: str) -> None:
        holds(before + text)

    check()


def test_lower_case_keeps_offsets() -> None:
    text = "İstanbul ıs ſo KELVIN \u212a Straße"
    index = WordIndex(text)
    assert len(index.low) == len(text)
    assert index.low.startswith("istanbul is so kelvin k ")
    assert index.places["straße"] == [text.index("Straße")]
    # words are the regex engine's: a word start is where \b stands before a word character
    starts = sorted(at for ats in index.places.values() for at in ats)
    assert starts == [m.start() for m in re.finditer(r"\b\w", text)]


def _reference(entries: list[str], flags: int, text: str) -> Iterator[tuple[int, int, int]]:
    """Each entry's own finditer, then leftmost first, longest at a place, no overlaps."""
    found = []
    for i, entry in enumerate(entries):
        for m in re.finditer(f"(?:{entry})", text, flags):
            if m.end() > m.start():
                found.append((m.start(), -(m.end() - m.start()), i, m.end()))
    found.sort()
    free = 0
    for start, _, i, end in found:
        if start >= free:
            free = end
            yield i, start, end


def _rules() -> list[tuple[str, list[str], int]]:
    out = []
    for rule in default_registry():
        entries = regex_patterns(rule)
        if len(entries) > 1:
            flags = re.IGNORECASE if rule.options.get("ignorecase", True) else 0
            out.append((rule.code, entries, flags))
    return out


RULES = _rules()


@pytest.mark.parametrize(("code", "entries", "flags"), RULES, ids=[c for c, _, _ in RULES])
def test_scanners_find_what_the_regex_engine_finds(
    code: str, entries: list[str], flags: int
) -> None:
    """Texts made of matches of several of a rule's entries, with words between them."""
    compiled = [re.compile(e, flags) for e in entries]
    split = EntryScanner(entries, flags)
    alternation = AlternationScanner(entries, flags)
    whole = re.compile("|".join(f"(?:{e})" for e in entries), flags)
    pieces = st.one_of(
        *(st.from_regex(c) for c in compiled),
        st.sampled_from([" ", ". ", " the ", "\n", " and ", "İ", "ſ", " it's "]),
    )

    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(pieces, min_size=1, max_size=6))
    def check(parts: list[str]) -> None:
        text = "".join(parts)
        folded = text.casefold().replace("ı", "i")
        got = [(i, m.start(), m.end()) for i, m in split.finditer(text, folded)]
        assert got == list(_reference(entries, flags, text)), text
        if alternation.usable:
            spans = [m.span() for m in alternation.finditer(lambda: whole, text, folded)]
            assert spans == [m.span() for m in whole.finditer(text)], text

    check()
