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
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, NamedTuple

from copydesk import literals, patterncache
from copydesk.document.model import fold

_STYLE = literals.Style(
    ascii_only=False, max_product=256, min_literal=2, transparent_lookarounds=True
)

_MEMO: dict[str, frozenset[str] | None] = {}
# The packs' cached answers as stored, made into sets on first lookup: a one-file run asks
# about a few hundred of the thousands of patterns its packs hold.
_RAW: dict[str, list[str] | None] = {}

# The rule packs' cache stores these answers under a key that includes this number (see
# ``registry.load_pack``): raise it whenever the extraction learns more.
EXTRACTION = "4"


def seed(known: dict[str, list[str] | None]) -> None:
    _RAW.update(known)


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
    try:
        return _MEMO[pattern]
    except KeyError:
        pass
    if pattern in _RAW:
        raw = _RAW[pattern]
        found = None if raw is None else frozenset(raw)
    else:
        found = _extract(pattern, _STYLE)
    _MEMO[pattern] = found
    return found


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


# An entry that may start at more places than this in a text, for each of its required
# literals, is tried there only if the text holds one of them: one search of the text in C
# costs less than a dozen tries, but an entry of two hundred literals costs two hundred.
TRY_AT_MOST: Final = 12


def worth_searching(places: int, required: frozenset[str] | None) -> bool:
    """Whether looking for ``required`` in a text costs less than trying a compiled entry at
    ``places`` places (None, no requirement: nothing to look for)."""
    return required is not None and places > TRY_AT_MOST * len(required)


class EntryScanner:
    """The entries of a large regex rule, each compiled on first need and tried only where
    the text's words say it may start (``StartIndex``; an entry whose starts are not known
    in words, only on texts that hold one of its required literals). ``finditer`` yields
    (entry index, match) without overlaps, leftmost first and, at one position, the longest;
    each entry's own matches are those of its ``finditer``."""

    def __init__(self, entries: list[str], flags: int) -> None:
        # the entries as the rule file writes them: their literals are in the pack's cache
        self.entries = entries
        self.patterns = [f"(?:{e})" for e in entries]
        self.flags = flags
        self._index: StartIndex | None = None
        self._required: dict[int, frozenset[str] | None] = {}
        self._compiled: dict[int, re.Pattern[str]] = {}
        self._scanners: dict[int, Any] = {}

    def _pattern(self, i: int) -> re.Pattern[str]:
        pattern = self._compiled.get(i)
        if pattern is None:
            pattern = self._compiled[i] = patterncache.compile(self.patterns[i], self.flags)
        return pattern

    def finditer(self, masked: str, folded: str) -> Iterator[tuple[int, re.Match[str]]]:
        if self._index is None:
            seed_from_cache(self.entries)
            self._index = StartIndex(self.entries)
            self._required = {i: required_literals(self.entries[i]) for i in self._index.unknown}
        index = word_index(masked)
        found: list[tuple[int, int, int, re.Match[str]]] = []
        for i, places in self._index.starts(index).items():
            need = self._index.required(i)
            # an entry not yet compiled is looked for first: compiling costs more than a search
            search = (
                worth_searching(len(places), need)
                if i in self._compiled
                else len(places) > TRY_AT_MOST
            )
            if search and not may_match(need, folded):
                continue
            match = self._pattern(i).match
            pos = 0
            for at in sorted(set(places)):
                if at >= pos and (m := match(masked, at)) is not None:
                    pos = m.end()
                    if pos > at:
                        found.append((at, at - pos, i, m))
        for i, need in self._required.items():
            if not self._index.may_hold(i, index) or not may_match(need, folded):
                continue
            scanner = self._scanners.get(i)
            if scanner is None:
                scanner = self._scanners[i] = literals.Scanner(self._pattern(i))
            for m in scanner.finditer(masked, folded=folded):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), i, m))
        found.sort(key=lambda f: f[:3])
        free = 0
        for start, _, i, m in found:
            if start >= free:
                free = m.end()
                yield i, m


class AlternationScanner:
    """``pattern.finditer`` for a pattern that is the alternation of a rule's entries, the
    pattern tried only where one of them may start: where the text's words say
    (``StartIndex``), and for an entry whose starts are not known in words, where a finder
    of its own says it matches (only in texts that hold one of its required literals).
    ``usable`` is False when that cannot be exact: an entry may match the empty string."""

    def __init__(self, entries: list[str], flags: int) -> None:
        self.entries = entries
        self.flags = flags
        self.index = StartIndex(entries)
        # worth it for rules of words; a rule of punctuation keeps ``literals.Scanner``
        self.usable = self.index.wordy and all(_never_empty(entries[i]) for i in self.index.unknown)
        self._required = {i: required_literals(entries[i]) for i in self.index.unknown}
        self._finders: dict[int, re.Pattern[str]] = {}

    def finditer(
        self, pattern: Callable[[], re.Pattern[str]], masked: str, folded: str
    ) -> Iterator[re.Match[str]]:
        """The matches of ``pattern()``, compiled only when there is a place to try it."""
        index = word_index(masked)
        places: set[int] = set()
        for i, found in self.index.starts(index).items():
            if len(found) <= TRY_AT_MOST or may_match(self.index.required(i), folded):
                places.update(found)
        for i, need in self._required.items():
            if self.index.may_hold(i, index) and may_match(need, folded):
                places.update(m.start() for m in self._finder(i).finditer(masked))
        if not places:
            return
        match = pattern().match
        pos = 0
        for at in sorted(places):
            if at >= pos and (m := match(masked, at)) is not None:
                yield m
                pos = m.end()  # never empty: no entry matches the empty string

    def _finder(self, i: int) -> re.Pattern[str]:
        """A pattern that matches one character at each place where entry ``i`` matches:
        the engine scans for its first character class in C."""
        finder = self._finders.get(i)
        if finder is None:
            entry = self.entries[i]
            first = literals.first_class(f"(?:{entry})", self.flags)
            try:
                if first is None:
                    raise re.error("no first character class")
                finder = patterncache.compile(
                    f"(?-i:{first})(?<=(?=(?:{entry}))(?s:.))", self.flags
                )
            except re.error:  # a back-reference cannot stand in a look-behind
                finder = patterncache.compile(f"(?=(?:{entry}))", self.flags)
            self._finders[i] = finder
        return finder


def _never_empty(entry: str) -> bool:
    try:
        return bool(literals.parse(entry).getwidth()[0] >= 1)
    except Exception:  # the real compile reports the error with the rule's name
        return False


_WORDS_RE = patterncache.compile(r"\w+")
# what a case-insensitive pattern takes for an ASCII letter, as that letter (the Kelvin sign
# lower-cases to "k" by itself); each is one character, so offsets stay those of the text
_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def _lowered(text: str) -> str:
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):  # "İ" lower-cases to two characters
        low = text.translate(_TO_ASCII).lower()
    if "\u0131" in low or "\u017f" in low:
        low = low.translate(_TO_ASCII)
    return low


class WordIndex:
    """The words of one text, for ``StartIndex``: the text lower-cased character for
    character (so offsets are the text's), where each of its words stands, and on demand
    where a stem or a mark does. Its words are the regex engine's (``\\w+``), so a word
    start here is a place where ``\\b`` holds before a word character."""

    __slots__ = ("_at", "_stems", "low", "places", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = _lowered(text)
        # one pass over the words: cheaper than a search per word wanted, since the words
        # rules start with are the common ones ("the", "a", "to")
        places: dict[str, list[int]] = {}
        for m in _WORDS_RE.finditer(self.low):
            word = m.group()
            found = places.get(word)
            if found is None:
                places[word] = [m.start()]
            else:
                found.append(m.start())
        self.places = places
        self.words = frozenset(places)
        self._stems: dict[int, frozenset[str]] = {}
        self._at: dict[tuple[str, int], list[int]] = {}

    def stems(self, size: int) -> frozenset[str]:
        """The first ``size`` characters of each word that long or longer."""
        found = self._stems.get(size)
        if found is None:
            found = self._stems[size] = frozenset(w[:size] for w in self.words if len(w) >= size)
        return found

    def where(self, key: str, how: int) -> list[int]:
        """Where ``key`` stands (ascending): ``STEM``, at the start of a word; ``MARK``,
        anywhere. (A whole word's places are in ``places``.)"""
        found = self._at.get((key, how))
        if found is not None:
            return found
        low = self.low
        found = []
        at = low.find(key)
        while at >= 0:
            if how == MARK or at == 0 or not _is_word(low[at - 1]):
                found.append(at)
            at = low.find(key, at + 1)
        self._at[(key, how)] = found
        return found


WORD, STEM, MARK = 0, 1, 2


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


_LAST: list[WordIndex] = []


def word_index(text: str) -> WordIndex:
    """The index of ``text``, shared by all the rules that check it: rules run document by
    document, so the last one built is the one asked for again."""
    last = _LAST[0] if _LAST else None  # read once: a server may check in several threads
    if last is not None and last.text is text:
        return last
    index = WordIndex(text)
    _LAST[:] = [index]
    return index


class Entry(NamedTuple):
    """What the word index needs to know of one entry (``literals.word_starts`` and
    ``literals.word_gates``)."""

    starts: literals.WordStarts | None
    gates: frozenset[str] | None


_ENTRY_MEMO: dict[str, Entry] = {}
# as the packs' cache stores them, made into an ``Entry`` on first lookup (see ``_RAW``)
_ENTRY_RAW: dict[str, list[Any]] = {}


def seed_entries(patterns: Iterable[str], known: list[list[Any]]) -> None:
    """Memoise ``entry`` from the pack cache's list, in the order of ``patterns``."""
    keys = list(patterns)
    if len(keys) != len(known):
        raise ValueError("the cache's entries do not match its patterns")
    _ENTRY_RAW.update(zip(keys, known, strict=True))


def entry(pattern: str) -> Entry:
    """Where ``pattern`` may start and the words it needs, memoised (the rule packs' cache
    seeds it)."""
    found = _ENTRY_MEMO.get(pattern)
    if found is None:
        raw = _ENTRY_RAW.get(pattern)
        if raw is not None:
            words, stems, marks, at_start, gates = raw
            found = Entry(
                None
                if words is None
                else literals.WordStarts(
                    frozenset(words.split()), frozenset(stems.split()), frozenset(marks), at_start
                ),
                None if gates is None else frozenset(gates.split()),
            )
        else:
            found = Entry(literals.word_starts(pattern), literals.word_gates(pattern))
        _ENTRY_MEMO[pattern] = found
    return found


def computed_entries(patterns: Iterable[str]) -> list[list[Any]]:
    """``entry`` of each of ``patterns`` in a compact JSON-friendly form, for the registry's
    cache (words hold no spaces, so a string of them is cheaper to read than a list)."""
    out: list[list[Any]] = []
    for p in patterns:
        ws, gates = entry(p)
        out.append(
            [
                None if ws is None else " ".join(sorted(ws.words)),
                None if ws is None else " ".join(sorted(ws.stems)),
                None if ws is None else sorted(ws.marks),
                ws is not None and ws.at_start,
                None if gates is None else " ".join(sorted(gates)),
            ]
        )
    return out


def seed_from_cache(patterns: Iterable[str]) -> None:
    """Memoise ``entry`` and ``required_literals`` for patterns the rule packs' cache does not
    hold (a kind that writes its entries out at run time, from word classes), from the pattern
    cache: working them out parses every pattern, which would cost a one-file run more than
    checking the file."""
    missing = [p for p in dict.fromkeys(patterns) if p not in _ENTRY_MEMO and p not in _ENTRY_RAW]
    if not missing:
        return
    key = f"entries-{EXTRACTION}\n" + "\n\0".join(missing)

    def compute() -> list[Any]:
        return [computed(missing), computed_entries(missing)]

    required, entries = patterncache.derived(key, compute)
    seed(required)
    seed_entries(missing, entries)


class StartIndex:
    """Where each entry of a regex rule can start matching in a text, found through the
    text's ``WordIndex`` by set intersections, so that a text pays per word it has and per
    place an entry may start there, not per entry. An entry that needs one of some words
    (its gates: "loosing" in ``\\b(is|are|was)\\s+loosing\\b``) is looked at only in texts
    that have one; the others are picked by the words they start with. Entries whose starts
    are not known in words (``unknown``) are left to the caller."""

    def __init__(self, entries: list[str]) -> None:
        self.entries = entries
        by_gate, gated, by_word, by_stem, by_mark, at_start, unknown, gates = _start_tables(entries)
        self.by_gate: dict[str, list[int]] = by_gate
        self.gated: dict[int, literals.WordStarts] = {
            i: literals.WordStarts(*ws) for i, ws in gated.items()
        }
        self.by_word: dict[str, list[int]] = by_word
        self.by_stem: dict[int, dict[str, list[int]]] = by_stem
        self.by_mark: dict[str, list[int]] = by_mark
        self.at_start: list[int] = at_start
        self.unknown: list[int] = unknown
        self.gates: dict[int, frozenset[str]] = gates
        self.gate_words = frozenset(self.by_gate)
        self.words = frozenset(self.by_word)
        # a rule of words, which the index serves; one of punctuation has none of these
        self.wordy = bool(self.by_gate or self.by_word or self.by_stem)

    def required(self, i: int) -> frozenset[str] | None:
        return required_literals(self.entries[i])

    def may_hold(self, i: int, index: WordIndex) -> bool:
        """Whether the text has one of entry ``i``'s gates (if it has gates)."""
        gates = self.gates.get(i)
        return gates is None or not gates.isdisjoint(index.words)

    def starts(self, index: WordIndex) -> dict[int, list[int]]:
        """Entry -> the places (unsorted, maybe repeated) where it may start, for the entries
        with starts known in words that can start somewhere in the text."""
        out: dict[int, list[int]] = {}
        places = index.places
        opened: set[int] = set()
        for word in index.words & self.gate_words:
            opened.update(self.by_gate[word])
        for i in opened:
            ws = self.gated[i]
            found = [at for w in ws.words & index.words for at in places[w]]
            for stem in ws.stems:
                found.extend(index.where(stem, STEM))
            for mark in ws.marks:
                found.extend(index.where(mark, MARK))
            if ws.at_start:
                found.append(0)
            if found:
                out[i] = found
        for word in index.words & self.words:
            for i in self.by_word[word]:
                out.setdefault(i, []).extend(places[word])
        for size, table in self.by_stem.items():
            # a few stems are each looked for; many, through the text's stems of their size
            stems = table.keys() if len(table) <= _FEW_STEMS else index.stems(size) & table.keys()
            for stem in stems:
                if found := index.where(stem, STEM):
                    for i in table[stem]:
                        out.setdefault(i, []).extend(found)
        for mark, owners in self.by_mark.items():
            if found := index.where(mark, MARK):
                for i in owners:
                    out.setdefault(i, []).extend(found)
        for i in self.at_start:
            out.setdefault(i, []).append(0)
        return out


_FEW_STEMS = 8


def _start_tables(entries: list[str]) -> list[Any]:
    """``StartIndex``'s tables for ``entries``, kept in the pattern cache under them: a rule
    of a thousand entries would otherwise look each one up at every run."""
    joined = patterncache.joined(entries)
    if joined is None:
        return _compute_start_tables(entries)
    return patterncache.derived(
        f"start-index-{EXTRACTION}\n{joined}", lambda: _compute_start_tables(entries)
    )


def _compute_start_tables(entries: list[str]) -> list[Any]:
    by_gate: dict[str, list[int]] = {}
    gated: dict[int, tuple[Any, ...]] = {}
    by_word: dict[str, list[int]] = {}
    by_stem: dict[int, dict[str, list[int]]] = {}
    by_mark: dict[str, list[int]] = {}
    at_start: list[int] = []
    unknown: list[int] = []
    gates: dict[int, frozenset[str]] = {}
    for i, pattern in enumerate(entries):
        ws, needs = entry(pattern)
        if needs is not None:
            gates[i] = needs
        if ws is None:
            unknown.append(i)
        elif needs is not None:
            gated[i] = tuple(ws)
            for w in needs:
                by_gate.setdefault(w, []).append(i)
        else:
            for w in ws.words:
                by_word.setdefault(w, []).append(i)
            for s in ws.stems:
                by_stem.setdefault(len(s), {}).setdefault(s, []).append(i)
            for m in ws.marks:
                by_mark.setdefault(m, []).append(i)
            if ws.at_start:
                at_start.append(i)
    return [by_gate, gated, by_word, by_stem, by_mark, at_start, unknown, gates]
