"""Cheap necessary conditions for the sourcing patterns, so that most scans are skipped.

Most sentences hold no figure, and most sentences with a figure hold no cue of a given list.
The cue and figure patterns start with ``\\b`` and run case-insensitively, which defeats the
regex engine's own prefix search, so a scan costs about as much whether or not it finds
anything. A sentence *probe* answers "can this pattern match here at all?" from the words
(maximal runs of ``\\w``) or the literal strings the sentence contains; when the answer is no
the scan is skipped, and when it is yes the original pattern runs exactly as before. A probe
may let through a sentence the pattern does not match, but never turns away one it does.

Lower-casing is exact only for sentences whose word characters are all ASCII: an ASCII
letter matches, case-insensitively, only itself in either case and four non-ASCII letters
(``İ ı ſ K``), and no character outside ``\\w`` lower-cases to ASCII. Any sentence with a
non-ASCII word character (``café``) is therefore never turned away. Symbols such as ``£``,
``€`` or curly quotes do not count: they are not word characters.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable
from typing import Any, Final

from copydesk import literals as _lit
from copydesk import patterncache

__all__ = [
    "Probe",
    "TextIndex",
    "WordMatcher",
    "literals",
    "matches_at",
    "regex_hints",
    "text_is_safe",
    "validate",
    "word_hints",
    "word_starts",
]

_NONASCII: Final = patterncache.compile(r"[^\x00-\x7f]+")
_RUN: Final = patterncache.compile(r"[a-z0-9_]+")
_WORD_ASCII: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
_DIGIT: Final = patterncache.compile(r"\d")
# Runs of digits: spelt so that the search skips to a digit (the regex engine does that for a
# pattern that starts with a character class, not for one that starts with a repeat).
_DIGITS: Final = patterncache.compile(r"\d\d*")
# Bytes that are not ASCII word characters, as spaces (see ``TextIndex.clean``).
_CLEAN: Final = bytes(b if chr(b) in _WORD_ASCII else 32 for b in range(256))
# Bytes as their class, for ``TextIndex.shape``: ASCII digits as "0", capitals as "A", small
# letters as "a", white space as " ", anything else as itself.
_SHAPE: Final = bytes.maketrans(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f",
    b"0" * 10 + b"A" * 26 + b"a" * 26 + b" " * 9,
)
_PIECE: Final = r"\w+"

# The regex engine's own parser (private, but stable since Python 3.11 named it so): the
# hints are read off its parse trees. Any surprise in a tree only costs the hint.
_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")
_MAXCODE: Final[int] = importlib.import_module("re._compiler").MAXCODE
MIN_LITERAL: Final = 2  # a one-letter requirement filters nothing
MAX_PRODUCT: Final = 64  # how far a stretch of small alternations may multiply out
# Hints are lower-cased ASCII and matched only against ASCII sentences; a look-around may
# reach outside the sentence, so it breaks a stretch of literals instead of being skipped.
_STYLE = _lit.Style(
    ascii_only=True, max_product=MAX_PRODUCT, min_literal=MIN_LITERAL, transparent_lookarounds=False
)


class TextIndex:
    """Facts about a whole document that the probes of its sentences share, each found in one
    pass over the text rather than one pass per sentence (a call per sentence costs more than
    the scan itself). Only for a document whose word characters are all ASCII and whose
    lower-cased text lines up with it, so that every probe of it is ``safe`` and ``aligned``.
    """

    __slots__ = ("_shape", "clean", "digit_ends", "digit_starts", "low", "memo", "text")

    def __init__(self, text: str, low: str) -> None:
        self.text, self.low = text, low
        self._shape: str | None = None
        # What a caller works out once per document from the index (the scans it can skip).
        self.memo: dict[str, Any] = {}
        # ``low`` with every character that is not an ASCII word character as a space: the
        # words (maximal runs of ``[a-z0-9_]``) of a slice are then the slice's ``split()``.
        # ``encode`` turns each non-ASCII character into one "?", so offsets are kept.
        self.clean = low.encode("ascii", "replace").translate(_CLEAN).decode("ascii")
        self.digit_starts: list[int] = []
        self.digit_ends: list[int] = []
        for m in _DIGITS.finditer(text):
            self.digit_starts.append(m.start())
            self.digit_ends.append(m.end())

    @property
    def shape(self) -> str:
        """The text with every character as its class, at the same offsets: an ASCII digit
        as "0", a capital as "A", a small letter as "a", white space (what ``\\s`` matches)
        as " ", other ASCII as itself and other characters as "?". A pattern whose every
        match has one of some strings in its shape (``\\d{3}-\\d{4}``: "000-0") cannot match
        a stretch whose shape holds none of them."""
        if self._shape is None:
            text = self.text
            raw = bytearray(text.encode("ascii", "replace").translate(_SHAPE))
            if not text.isascii():
                for m in _NONASCII.finditer(text):
                    for at, ch in enumerate(m.group(0), m.start()):
                        if ch.isspace():
                            raw[at] = 32
            self._shape = raw.decode("ascii")
        return self._shape

    def first_digit(self, lo: int, hi: int) -> int:
        """Where ``\\d`` first matches in ``text[lo:hi]``, or -1."""
        i = bisect.bisect_right(self.digit_starts, lo) - 1
        if i >= 0 and self.digit_ends[i] > lo and lo < hi:
            return lo  # a run of digits that began before the sentence reaches into it
        i += 1
        if i < len(self.digit_starts) and self.digit_starts[i] < hi:
            return self.digit_starts[i]
        return -1


class Probe:
    """What one sentence ``text[lo:hi]`` contains, computed once and shared by the scans.

    ``low`` is the lower-cased sentence; ``safe`` says whether it has no non-ASCII word
    character (only then are the token and literal tests used); ``tokens`` are its lower-cased
    ASCII word runs, computed on first use. ``index`` (optional) is the document's
    :class:`TextIndex`; given one, ``low`` and ``safe`` are taken from it.
    """

    __slots__ = ("_tokens", "aligned", "digit_at", "hi", "index", "lo", "low", "safe", "text")

    def __init__(
        self,
        text: str,
        lo: int,
        hi: int,
        low: str | None = None,
        safe: bool | None = None,
        index: TextIndex | None = None,
    ) -> None:
        self.text, self.lo, self.hi, self.index = text, lo, hi, index
        self._tokens: frozenset[str] | None = None
        if index is not None:
            self.low = index.low[lo:hi]
            self.safe = self.aligned = True
            self.digit_at = index.first_digit(lo, hi)
            return
        self.low = text[lo:hi].lower() if low is None else low
        self.safe = _is_safe(text, lo, hi) if safe is None else safe
        self.aligned = len(self.low) == hi - lo
        digit = _DIGIT.search(text, lo, hi)
        self.digit_at = -1 if digit is None else digit.start()

    @property
    def has_digit(self) -> bool:
        return self.digit_at >= 0

    def digit_starts(self) -> list[int]:
        """Where the runs of digits of the sentence begin: the first digit and every digit
        after a character that is not one."""
        if self.digit_at < 0:
            return []
        index = self.index
        if index is None:
            return [m.start() for m in _DIGITS.finditer(self.text, self.digit_at, self.hi)]
        starts = index.digit_starts
        first = bisect.bisect_right(starts, self.digit_at)
        return [self.digit_at, *starts[first : bisect.bisect_left(starts, self.hi, first)]]

    @property
    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            if self.index is not None:
                self._tokens = frozenset(self.index.clean[self.lo : self.hi].split())
            else:
                self._tokens = frozenset(_RUN.findall(self.low))
        return self._tokens

    def has_token(self, words: frozenset[str] | None) -> bool:
        """False only when the sentence surely has none of ``words`` as a whole word."""
        return words is None or not self.safe or not self.tokens.isdisjoint(words)

    def skip_to(self, starts: frozenset[str] | None) -> int:
        """Where a scan for a pattern whose matches begin with one of ``starts`` (whole
        words) may start: no match begins before the first place one of them occurs. The
        scan keeps ``hi`` as its end, and ``\\b`` and look-behinds see the text before the
        start, so it finds exactly what a scan from ``lo`` finds."""
        if starts is None or not self.safe or not self.aligned:
            return self.lo
        present = self.tokens & starts
        if not present:
            return self.hi
        low = self.low
        return self.lo + min(low.find(word) for word in present)

    def word_positions(self, words: frozenset[str]) -> list[int] | None:
        """Where one of ``words`` occurs as a whole word, in order; None when the probe cannot
        tell (the sentence is not safe, or its lower-cased text does not line up)."""
        if not self.safe or not self.aligned:
            return None
        low, lo = self.low, self.lo
        size_all = len(low)
        found: list[int] = []
        for word in self.tokens & words:
            size = len(word)
            at = low.find(word)
            while at != -1:
                end = at + size
                if (at == 0 or low[at - 1] not in _WORD_ASCII) and (
                    end == size_all or low[end] not in _WORD_ASCII
                ):
                    found.append(lo + at)
                at = low.find(word, at + 1)
        found.sort()
        return found

    def has_literal(self, literals: tuple[str, ...] | None) -> bool:
        """False only when the sentence surely contains none of ``literals`` (any case)."""
        if literals is None or not self.safe:
            return True
        return any(map(self.low.__contains__, literals))


def _is_safe(text: str, lo: int, hi: int) -> bool:
    # Few characters are not ASCII (a pound sign, curly quotes): test just those for \w.
    for m in _NONASCII.finditer(text, lo, hi):
        for ch in m.group(0):
            if ch.isalnum() or ch == "_":  # exactly the regex \w
                return False
    return True


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int], hi: int
) -> list[re.Match[str]]:
    """What ``pattern.finditer(text, min(starts), hi)`` yields, when every match of the
    pattern begins at one of ``starts`` (sorted): the pattern is tried only there. Each try is
    ``pattern.match(text, start, hi)``, which sees the text before ``start`` as a scan does;
    after a match the next try is at or after its end. The patterns never match empty text.
    """
    found: list[re.Match[str]] = []
    pos = -1
    for start in starts:
        if start < pos:
            continue
        m = pattern.match(text, start, hi)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def text_is_safe(text: str) -> bool:
    """Whether every word character of ``text`` is ASCII (then every sentence of it is)."""
    return text.isascii() or _is_safe(text, 0, len(text))


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # exactly the regex \\w of a str pattern


class WordMatcher:
    r"""The matches of a word-list pattern, ``\b(?:e1|e2|...)\b`` case-insensitive with each
    entry escaped and each space widened to ``\s+`` (``options._words_pattern``), found in a
    safe sentence without running (or compiling) the pattern.

    Every match begins with the first word of its entry as a whole word, so only the places
    where such a word occurs are tried, and there the entries in the pattern's own order
    (``ordered``, longest first), exactly as the regex engine tries its alternatives: the
    first entry that matches with a word boundary at both ends wins, and the scan goes on
    after it. :meth:`build` returns None for lists it cannot treat this way (an entry that is
    not ASCII, that does not start with a word character, or that holds a tab or newline);
    their pattern is run instead.
    """

    __slots__ = ("by_first", "firsts")

    def __init__(self, by_first: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]]):
        # first word -> entries in pattern order, each as its literal parts and the number
        # of spaces (so the least number of whitespace characters) after each part.
        self.by_first = by_first
        self.firsts = frozenset(by_first)

    @classmethod
    def build(cls, ordered: Iterable[str]) -> WordMatcher | None:
        by_first: dict[str, list[tuple[tuple[str, ...], tuple[int, ...]]]] = {}
        for entry in ordered:
            if not entry.isascii() or not _is_word(entry[0]):
                return None
            if any(ch.isspace() and ch != " " for ch in entry):
                return None
            parts = tuple(p.lower() for p in entry.split(" ") if p)
            gaps = tuple(len(g) for g in re.findall(" +", entry))
            first = re.match(_PIECE, entry)
            if first is None:
                return None
            by_first.setdefault(first.group(0).lower(), []).append((parts, gaps))
        return cls(by_first)

    def spans(self, probe: Probe, start: int) -> list[tuple[int, int]]:
        """The spans ``pattern.finditer(probe.text, start, probe.hi)`` would give, for a
        ``safe`` and ``aligned`` probe."""
        present = probe.tokens & self.firsts
        if not present:
            return []
        text, lo, hi, low = probe.text, probe.lo, probe.hi, probe.low
        candidates: list[tuple[int, str]] = []
        for word in present:
            at = low.find(word, start - lo)
            while at != -1:
                candidates.append((lo + at, word))
                at = low.find(word, at + 1)
        candidates.sort()
        found: list[tuple[int, int]] = []
        pos = start
        for s, word in candidates:
            if s < pos or (s > 0 and _is_word(text[s - 1])):
                continue
            for parts, gaps in self.by_first[word]:
                end = _match_entry(text, low, lo, hi, s, parts, gaps)
                if end != -1:
                    found.append((s, end))
                    pos = end
                    break
        return found


def _match_entry(
    text: str, low: str, lo: int, hi: int, s: int, parts: tuple[str, ...], gaps: tuple[int, ...]
) -> int:
    """Where the entry ends when it matches at ``s`` with a word boundary after it, or -1."""
    i = s
    last = len(parts) - 1
    for k, part in enumerate(parts):
        if not low.startswith(part, i - lo) or i + len(part) > hi:
            return -1
        i += len(part)
        if k < last:
            gap = i
            while i < hi and text[i].isspace():
                i += 1
            if i - gap < gaps[k]:
                return -1
    # \b after the match: one side of it a word character, the other not (or the end).
    after = i < hi and _is_word(text[i])
    return i if _is_word(text[i - 1]) != after else -1


def word_starts(words: Iterable[str]) -> frozenset[str] | None:
    """The first whole words of the entries of a word-list pattern (see :func:`word_hints`),
    or None when an entry does not start with one."""
    out: set[str] = set()
    for raw in words:
        entry = raw.strip()
        if not entry:
            continue
        m = re.match(_PIECE, entry)
        if m is None or not m.group(0).isascii() or not entry[m.end() : m.end() + 1].isascii():
            return None
        out.add(m.group(0).lower())
    return frozenset(out)


def word_hints(words: Iterable[str]) -> frozenset[str] | None:
    """Whole words of which a sentence matching a word-list pattern holds at least one.

    The pattern is ``\\b(?:w1|w2|...)\\b`` with each entry escaped and its spaces widened to
    ``\\s+`` (see ``options._words_pattern``), so any run of ASCII word characters in an entry
    that is bounded by ASCII non-word characters or by the entry's ends is a whole word of
    the matched text. The longest such run of each entry is taken; an entry with none makes
    the list unfilterable (None).
    """
    out: set[str] = set()
    for raw in words:
        entry = raw.strip()
        if not entry:
            continue
        best = ""
        for m in re.finditer(_PIECE, entry):
            piece = m.group(0)
            before = entry[m.start() - 1] if m.start() else " "
            after = entry[m.end()] if m.end() < len(entry) else " "
            if piece.isascii() and before.isascii() and after.isascii() and len(piece) > len(best):
                best = piece
        if not best:
            return None
        out.add(best.lower())
    return frozenset(out)


# Parse trees and hints by pattern. Case-insensitivity changes neither: hints are lower-cased.
_PARSED: dict[str, Any] = {}
_MEMO: dict[str, frozenset[str] | None] = {}


def literals(strings: Iterable[str]) -> tuple[str, ...]:
    """Lower-cased ``strings`` without those that contain another (which add nothing)."""
    ordered = sorted({s.lower() for s in strings}, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return tuple(kept)


def validate(pattern: str) -> None:
    """Raise ``re.error`` exactly when ``re.compile(pattern)`` would, for about half the cost,
    and keep the parse tree for the pattern's hints.

    Compiling is parsing and then code generation; the only errors code generation adds
    (besides internal ones) are about look-behinds, checked here as it checks them.
    """
    parsed = _parser.parse(pattern, 0)
    if "(?<" in pattern:
        _check_lookbehinds(parsed)
    _PARSED[pattern] = parsed


def _check_lookbehinds(node: Any) -> None:
    if isinstance(node, _parser.SubPattern):
        for op, av in node.data:
            if op in (_c.ASSERT, _c.ASSERT_NOT) and av[0] < 0:
                lo, hi = av[1].getwidth()
                if lo > _MAXCODE:
                    raise re.error("looks too much behind")
                if lo != hi:
                    raise re.error("look-behind requires fixed-width pattern")
            _check_lookbehinds(av)
    elif isinstance(node, (list, tuple)):
        for item in node:
            _check_lookbehinds(item)


def regex_hints(patterns: Iterable[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings of which every match of the alternation of ``patterns``
    contains one, or None when no such set is known (then the pattern must always run)."""
    out: set[str] = set()
    for pattern in patterns:
        if pattern not in _MEMO:
            _MEMO[pattern] = _hints_of(pattern)
        found = _MEMO[pattern]
        if found is None:
            return None
        out |= found
    return literals(out)


def _hints_of(pattern: str) -> frozenset[str] | None:
    try:
        parsed = _PARSED.pop(pattern, None) or _lit.parse(pattern)
        found = _lit.required(parsed, _STYLE)
    except Exception:  # a bad pattern (reported by the real compile) or a surprising tree
        return None
    if not found:
        return None
    return frozenset(s.lower() for s in found)
