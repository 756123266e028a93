"""Literal extraction from regular expressions: from a pattern's parse tree, a set of strings
of which every match must contain at least one. Two prefilters use it: the word-list rules'
(``copydesk.kinds.prefilter``) and the sourcing checker's (``copydesk.sourcing.prefilter``).

It reads the tree of the regex engine's own parser (private, but stable since Python 3.11
named it so); anything surprising in a tree only costs the prefilter, never a match."""

from __future__ import annotations

import heapq
import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any, NamedTuple

from copydesk import patterncache

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")


class Style(NamedTuple):
    """How a caller's prefilter reads literals."""

    ascii_only: bool  # literals beyond ASCII make a node opaque
    max_product: int  # how far a stretch of small alternations may multiply out
    min_literal: int  # a requirement with a shorter member filters too little
    transparent_lookarounds: bool  # skip look-arounds inside a stretch of literals


def parse(pattern: str) -> Any:
    return _parser.parse(pattern, 0)


def required(parsed: Any, style: Style) -> set[str] | None:
    """Strings (case as written) of which every match contains one; None when unknown."""
    return _sequence(list(parsed), style)


def _literal_alternatives(op: Any, av: Any, style: Style) -> set[str] | None:
    """The strings a node can match when they are all plain literals, else None."""
    if op is _c.LITERAL:
        return None if style.ascii_only and av >= 128 else {chr(av)}
    if (
        op is _c.IN
        and av
        and all(o is _c.LITERAL and (a < 128 or not style.ascii_only) for o, a in av)
    ):
        return {chr(a) for _, a in av}
    if op is _c.SUBPATTERN:
        return _literal_sequence(list(av[-1]), style)
    if op is _c.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            alt = _literal_sequence(list(branch), style)
            if alt is None:
                return None
            out |= alt
        return out
    return None


def _literal_sequence(items: list[tuple[Any, Any]], style: Style) -> set[str] | None:
    strings = {""}
    for op, av in items:
        if style.transparent_lookarounds and op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        alt = _literal_alternatives(op, av, style)
        if alt is None or len(strings) * len(alt) > style.max_product:
            return None
        strings = {s + a for s in strings for a in alt}
    return strings


def _sequence(items: list[tuple[Any, Any]], style: Style) -> set[str] | None:
    """The best requirement of a sequence: the stretch of literals, or the requirement of one
    of its parts, whose shortest member is longest."""
    candidates: list[set[str]] = []
    stretch = {""}

    def end_stretch() -> None:
        nonlocal stretch
        if stretch != {""}:
            candidates.append(stretch)
        stretch = {""}

    def extended(alt: set[str]) -> set[str] | None:
        if len(stretch) * len(alt) > style.max_product:
            return None
        return {s + a for s in stretch for a in alt}

    whole_text = style.transparent_lookarounds
    zero_width = (_c.AT, _c.ASSERT, _c.ASSERT_NOT) if whole_text else (_c.AT,)
    for op, av in _flat(items) if whole_text else items:
        if op is _c.ASSERT and whole_text and (seen := _literal_sequence(list(av[1]), style)):
            # The caller tests the whole text, where a look-around's literals stand next to
            # the match: a look-behind's end where a stretch begins, a look-ahead's start
            # after the stretch so far (which goes on from the same place).
            if av[0] < 0 and stretch == {""}:
                stretch = seen
            elif av[0] > 0 and (ahead := extended(seen)):
                candidates.append(ahead)
            continue
        if op in zero_width:
            continue  # the literals on either side stay adjacent
        alt = _literal_alternatives(op, av, style)
        if alt is not None and (longer := extended(alt)) is not None:
            stretch = longer
            continue
        rep = _repeated_literals(op, av, style) if whole_text else None
        if rep is not None:
            # the first repetition ends the stretch, the last one begins the next
            first = extended(rep)
            end_stretch()
            if first is not None:
                candidates.append(first)
            stretch = rep
            continue
        end_stretch()
        req: set[str] | None = None
        if alt is not None:
            req = alt
        elif op is _c.SUBPATTERN:
            req = _sequence(list(av[-1]), style)
        elif op is _c.ATOMIC_GROUP:
            req = _sequence(list(av), style)
        elif op is _c.ASSERT and av[0] == 1:
            req = _sequence(list(av[1]), style)  # what a look-ahead needs is in the text too
        elif op is _c.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sub = _sequence(list(branch), style)
                if not sub:
                    union = set()
                    break
                union |= sub
            req = union
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            req = _sequence(list(av[2]), style)
        if req:
            candidates.append(req)
    end_stretch()
    usable = [cand for cand in candidates if min(len(s) for s in cand) >= style.min_literal]
    if not usable:
        return None
    return max(usable, key=lambda cand: (min(len(s) for s in cand), -len(cand)))


def _flat(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """The items with groups (those without flags of their own) opened: a group changes
    nothing about the text a match covers."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        if op is _c.SUBPATTERN and not (av[1] or av[2]):
            out.extend(_flat(list(av[3])))
        else:
            out.append((op, av))
    return out


def _repeated_literals(op: Any, av: Any, style: Style) -> set[str] | None:
    """What each repetition of a repeat that must happen at least once can be, when that is
    a few literals: one literal repeated stands for as many copies as the minimum asks."""
    if op not in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) or av[0] < 1:
        return None
    lit = _literal_sequence(list(av[2]), style)
    if lit is not None and len(lit) == 1:
        return {next(iter(lit)) * min(av[0], 8)}  # ",{2,}" needs ",,"
    return lit


_PREFIX_STYLE = Style(ascii_only=False, max_product=64, min_literal=2, transparent_lookarounds=True)


def start_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` starts with (lower-cased when it
    ignores case), when there are a few, each of two characters or more, made of characters
    that fold one for one (ASCII, or uncased: "’"); else None. Kept in the pattern cache:
    the answer costs a parse of the pattern."""
    return patterncache.derived(
        f"start-literals-1\n{pattern.flags}\n{pattern.pattern}", lambda: _start_literals(pattern)
    )


def _start_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    try:
        found = _prefixes(list(_parser.parse(pattern.pattern, pattern.flags)))
    except (re.error, RecursionError):
        return None
    if not found or len(found) > 16 or min(map(len, found)) < 2:
        return None
    if not all(c.isascii() or c.lower() == c == c.upper() for s in found for c in s):
        return None
    if pattern.flags & re.IGNORECASE:
        found = {s.lower() for s in found}
    return tuple(sorted(found))


def _prefixes(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Strings one of which a match of ``items`` starts with, or None (or {""}) when unknown."""
    strings = {""}
    for op, av in _flat(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # they consume nothing
        if not _unscoped(op, av):
            break  # "(?i:...)": literals as written would not say what it matches
        alt = _literal_alternatives(op, av, _PREFIX_STYLE)
        last = False
        if alt is None and op is _c.BRANCH:
            subs = [_prefixes(list(branch)) or {""} for branch in av[1]]
            if all("" not in sub for sub in subs):
                alt, last = set().union(*subs), True  # branches go on in their own ways
        if alt is None or len(strings) * len(alt) > _PREFIX_STYLE.max_product:
            break
        strings = {s + a for s in strings for a in alt}
        if last:
            break
    return None if "" in strings else strings


def _unscoped(op: Any, av: Any) -> bool:
    """No group with flags of its own where ``_literal_alternatives`` reads literals."""
    if op is _c.SUBPATTERN:
        return not (av[1] or av[2]) and all(_unscoped(o, a) for o, a in av[3])
    if op is _c.BRANCH:
        return all(_unscoped(o, a) for branch in av[1] for o, a in branch)
    return True


class _Unknown(Exception):
    pass


class _Firsts:
    """Character-class items, and the code points they name (for the case test)."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self.points: list[tuple[int, int]] = []
        self.negated = False
        self.categories = False  # a class holds \d, \w or the like


def first_class(pattern: str, flags: int) -> str | None:
    """A character class (pattern text, to be compiled without IGNORECASE) holding the first
    character of every match of ``pattern`` compiled with ``flags``; None when a match may be
    empty or start with anything this does not follow (``.``, a back-reference, inline flags).
    Look-arounds and anchors at the start are skipped: they consume nothing."""
    firsts = _firsts(pattern, flags)
    if firsts is None:
        return None
    cased = flags & _c.SRE_FLAG_IGNORECASE and any(
        b - a > 5000
        or any(chr(c).lower() != chr(c) or chr(c).upper() != chr(c) for c in range(a, b + 1))
        for a, b in firsts.points
    )
    if not (cased or firsts.negated):
        return "[" + "".join(firsts.items) + "]"
    # Case-insensitive letters or a negated class: list the ASCII characters that qualify,
    # asking the regex engine itself, and let everything beyond ASCII through (a superset
    # only costs time).
    union = _union(firsts, flags)
    ascii_members = "".join(f"\\x{c:02x}" for c in range(128) if union.fullmatch(chr(c)))
    return f"[{ascii_members}\\x80-\\U0010ffff]"


# The characters beyond ASCII that the regex engine, ignoring case, takes for an ASCII letter:
# "İ" and "ı" for "i", "ſ" for "s", the Kelvin sign for "k".
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def first_chars(pattern: str, flags: int, most: int) -> str | None:
    """The characters (sorted) that the matches of ``pattern`` compiled with ``flags`` may
    start with, exactly, when they are at most ``most`` (letters ignoring case count with
    their other cases); None when unknown or more, or when the first character may be one
    of a category (``\\d``) or a negated class."""
    firsts = _firsts(pattern, flags)
    if firsts is None or firsts.negated or firsts.categories:
        return None
    if sum(b - a + 1 for a, b in firsts.points) > 4 * most:
        return None  # ignoring case at most doubles a point, and "k" or "s" triples it
    points = {c for a, b in firsts.points for c in range(a, b + 1)}
    if not flags & _c.SRE_FLAG_IGNORECASE:
        chars = sorted(map(chr, points))
    elif max(points) < 128:
        union = _union(firsts, flags)
        candidates = [*map(chr, range(128)), *FOLDS_TO_ASCII]
        chars = [ch for ch in candidates if union.fullmatch(ch)]
    else:
        return None  # the other cases of a letter beyond ASCII are not looked for
    return "".join(chars) if len(chars) <= most else None


def _firsts(pattern: str, flags: int) -> _Firsts | None:
    """The class items a match may start with (see ``first_class``), or None."""
    if flags & (_c.SRE_FLAG_VERBOSE | _c.SRE_FLAG_LOCALE):
        return None
    firsts = _Firsts()
    try:
        parsed = _parser.parse(pattern, flags)
        if parsed.state.flags & ~(flags | _c.SRE_FLAG_UNICODE) or parsed.getwidth()[0] < 1:
            return None  # global inline flags
        if _first(list(parsed), firsts):
            return None
    except (_Unknown, re.error, RecursionError):
        return None
    return firsts


def _union(firsts: _Firsts, flags: int) -> re.Pattern[str]:
    """One character of any of the items, as the pattern's flags read them."""
    return re.compile("|".join(f"[{i}]" for i in firsts.items), flags)


_CLASS_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def _char(code: int) -> str:
    return f"\\U{code:08x}"


def _class_items(av: Any, firsts: _Firsts) -> str:
    """The inside of a character class for an IN node (with a leading ^ when negated)."""
    out = []
    for op, arg in av:
        if op is _c.LITERAL:
            out.append(_char(arg))
            firsts.points.append((arg, arg))
        elif op is _c.RANGE:
            out.append(f"{_char(arg[0])}-{_char(arg[1])}")
            firsts.points.append(arg)
        elif op is _c.CATEGORY and str(arg) in _CLASS_CATEGORIES:
            out.append(_CLASS_CATEGORIES[str(arg)])
            firsts.categories = True
        elif op is _c.NEGATE and not out:
            out.append("^")
            firsts.negated = True
        else:
            raise _Unknown
    return "".join(out)


def _first(items: list[tuple[Any, Any]], firsts: _Firsts) -> bool:
    """Add the class items a match of ``items`` may start with; True when the sequence may
    match the empty string (then what follows it may start the match too)."""
    for op, av in items:
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.LITERAL:
            firsts.items.append(_char(av))
            firsts.points.append((av, av))
            return False
        if op is _c.NOT_LITERAL:
            firsts.items.append("^" + _char(av))
            firsts.negated = True
            return False
        if op is _c.IN:
            firsts.items.append(_class_items(av, firsts))
            return False
        if op is _c.SUBPATTERN:
            if av[1] or av[2]:
                raise _Unknown  # scoped flags
            if not _first(list(av[3]), firsts):
                return False
        elif op is _c.ATOMIC_GROUP:
            if not _first(list(av), firsts):
                return False
        elif op is _c.BRANCH:
            empty = False
            for branch in av[1]:
                empty = _first(list(branch), firsts) or empty
            if not empty:
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _first(list(av[2]), firsts) and av[0] >= 1:
                return False
        else:
            raise _Unknown  # ANY, back-references, conditionals
    return True


class Scanner:
    """``pattern.finditer``, with the same matches, faster for the usual rule pattern: one that
    starts with a look-behind or ``\\b``, or case-insensitively, which leaves the regex engine
    trying the whole pattern at every position.

    When every match starts with one of a few literals ("could", "should" ...), ``str.find``
    finds where they stand and the pattern is tried there alone; a case-insensitive pattern
    needs the text case-folded for that (``folded``, of the text's length). Else, from the
    pattern we derive the class of characters a match can start with (``first_class``) and
    search for ``[class](?<=(?=pattern).)``, which the engine scans for in C, matching the
    pattern only where the class matches; the pattern then gives the match itself. A pattern
    with a back-reference cannot be wrapped so: then only the class is searched for.

    The engine scans for a class by calling a routine per character of text, for a literal
    character in a tight loop, many times cheaper: a class of a few characters (``[Aa]``) is
    searched for as that many finders, one per character, whose hits are merged in order.

    The finders cost a second compile, so they are built only once the pattern has served a
    few documents: a run over one article never pays for them."""

    BUILD_AFTER = 8
    # each literal scans the text once more: the splitter's five characters pay (its "…" costs
    # nothing in text without characters beyond U+00FF), the nine of [1-9] cost more than one class
    SPLIT_MOST = 5

    __slots__ = ("_finders", "_starts", "_uses", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._finders: tuple[re.Pattern[str], ...] | None = None
        self._starts: tuple[str, ...] | None = None
        self._uses = 0

    def build_now(self) -> None:
        """Build the finders at the next use: a text long enough repays them at once."""
        self._uses = max(self._uses, self.BUILD_AFTER)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, folded: str | None = None
    ) -> Iterator[re.Match[str]]:
        if self._uses <= self.BUILD_AFTER:
            self._uses += 1
            if self._uses <= self.BUILD_AFTER:
                return self.pattern.finditer(text, pos, endpos)
            self._starts = start_literals(self.pattern)
            if self._starts is None:
                self._finders = _finders(self.pattern, self.SPLIT_MOST)
        if self._starts is not None:
            if not self.pattern.flags & re.IGNORECASE:
                return self._at_literals(self._starts, text, text, pos, endpos)
            if folded is not None and len(folded) == len(text):
                return self._at_literals(self._starts, folded, text, pos, endpos)
            if self._finders is None:
                self._finders = _finders(self.pattern, self.SPLIT_MOST)
        if self._finders is None:
            return self.pattern.finditer(text, pos, endpos)
        return self._hops(self._finders, text, pos, endpos)

    def _at_literals(
        self, starts: tuple[str, ...], hay: str, text: str, pos: int, endpos: int
    ) -> Iterator[re.Match[str]]:
        # every match starts where one of ``starts`` stands in ``hay`` (the text, or the text
        # case-folded one for one), so trying the pattern there alone finds them all
        found: list[int] = []
        for literal in starts:
            at = hay.find(literal, pos, endpos)
            while at >= 0:
                found.append(at)
                at = hay.find(literal, at + 1, endpos)
        match = self.pattern.match
        for at in sorted(set(found)):
            if at >= pos and (m := match(text, at, endpos)) is not None:
                yield m
                pos = m.end()  # never empty: it holds a literal

    def _hops(
        self, finders: tuple[re.Pattern[str], ...], text: str, pos: int, endpos: int
    ) -> Iterator[re.Match[str]]:
        # Each finder matches only where the pattern does (one of first characters alone
        # may stop where none starts); a match is never empty, so, as in finditer, the next
        # one is looked for from where this one ends. Each finder's next hit waits in a heap
        # (no two start together: each looks for another character), and one that the last
        # match went past is searched again from its end: a search depends on its start only
        # in stopping before it (look-behinds see the text before).
        searches = [finder.search for finder in finders]
        match = self.pattern.match
        heap = [
            (hit.start(), i)
            for i, search in enumerate(searches)
            if (hit := search(text, pos, endpos)) is not None
        ]
        heapq.heapify(heap)
        while heap:
            at, i = heap[0]
            if at < pos:
                if (hit := searches[i](text, pos, endpos)) is None:
                    heapq.heappop(heap)
                else:
                    heapq.heapreplace(heap, (hit.start(), i))
                continue
            m = match(text, at, endpos)
            if m is None:
                pos = at + 1
                continue
            yield m
            pos = m.end()


def _finders(pattern: re.Pattern[str], split_most: int) -> tuple[re.Pattern[str], ...] | None:
    # what the finders are is kept in the pattern cache: working it out costs a parse
    specs = patterncache.derived(
        f"finders-1\n{pattern.flags}\n{split_most}\n{pattern.pattern}",
        lambda: _finder_specs(pattern, split_most),
    )
    return None if specs is None else tuple(patterncache.compile(p, f) for p, f in specs)


def _finder_specs(pattern: re.Pattern[str], split_most: int) -> tuple[tuple[str, int], ...] | None:
    """The finders' patterns and flags."""
    chars = first_chars(pattern.pattern, pattern.flags, split_most)
    if chars is not None and len(chars) > 1:
        firsts = [_char(ord(ch)) for ch in chars]
    elif (first := first_class(pattern.pattern, pattern.flags)) is not None:
        firsts = [first]
    else:
        return None
    specs = tuple(
        (f"(?-i:{first})(?<=(?=(?:{pattern.pattern}))(?s:.))", pattern.flags) for first in firsts
    )
    try:
        for spec in specs:
            patterncache.compile(*spec)
    except (re.error, RecursionError):
        # A back-reference cannot stand in a look-behind: look for the first characters
        # alone, and try the pattern at each (worth it only where they are rare).
        return tuple((first, 0) for first in firsts)
    return specs


class WordStarts(NamedTuple):
    """Where the matches of a pattern can begin, in the text lower-cased: at the start of a
    word that is one of ``words``, or of one that begins with one of ``stems``; where one of
    ``marks`` (strings that begin with a character other than a word character) stands; with
    ``at_start``, also at the very start of the text."""

    words: frozenset[str]
    stems: frozenset[str]
    marks: frozenset[str]
    at_start: bool


# how many literal beginnings one pattern may spell out before the rest count as stems
_MOST_LEADS = 256
_UNSUPPORTED = _c.SRE_FLAG_ASCII | _c.SRE_FLAG_LOCALE  # a narrower \b than the text's words


def word_starts(pattern: str, flags: int = 0) -> WordStarts | None:
    """Words every match of ``pattern`` (compiled with ``flags``, with or without IGNORECASE)
    starts with, or None when a match may start anywhere else: inside a word, at a
    punctuation mark, after an anchor this does not follow.

    A match starts at a word when the pattern begins with ``\\b`` or a look-behind that
    refuses a word character, and then a literal word character. The literals that follow
    give the word, whole when something after them cannot be a word character (``\\b``,
    ``\\s``, a space, a look-ahead refusing ``\\w``), else as a stem the word begins with.
    Keys are ASCII lower case: the text is compared lower-cased, with the four characters
    beyond ASCII that a case-insensitive pattern takes for an ASCII letter replaced by it."""
    try:
        parsed = _parser.parse(pattern, flags & ~_c.SRE_FLAG_IGNORECASE)
        if (parsed.state.flags | flags) & _UNSUPPORTED or parsed.getwidth()[0] < 1:
            return None
        multiline = bool(parsed.state.flags & _c.SRE_FLAG_MULTILINE)
        leads = _Leads()
        if not _word_leads(_flat(list(parsed)), False, multiline, leads):
            return None
    except (re.error, RecursionError, _Unknown):
        return None
    return WordStarts(
        frozenset(leads.words), frozenset(leads.stems), frozenset(leads.marks), leads.at_start
    )


class _Leads:
    def __init__(self) -> None:
        self.words: set[str] = set()
        self.stems: set[str] = set()
        self.marks: set[str] = set()
        self.at_start = False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # the regex engine's \w for str patterns


def _word_leads(items: list[tuple[Any, Any]], boundary: bool, multiline: bool, out: _Leads) -> bool:
    """Add to ``out`` where matches of ``items`` start; False when that is unknown.
    ``boundary``: a word boundary (or a look-behind refusing \\w) stands right before."""
    for i, (op, av) in enumerate(items):
        if op is _c.AT:
            if av is _c.AT_BOUNDARY:
                boundary = True
            elif av is _c.AT_BEGINNING_STRING or (av is _c.AT_BEGINNING and not multiline):
                out.at_start = True
                return True
            continue  # the other anchors only narrow where a match starts
        if op is _c.ASSERT_NOT and av[0] < 0 and _refuses_word(list(av[1])):
            boundary = True
            continue
        if op is _c.ASSERT and av[0] < 0 and _ends_not_word(list(av[1])):
            boundary = True
            continue
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            continue
        if op is _c.BRANCH:
            rest = items[i + 1 :]
            return all(
                _word_leads(_flat([*branch, *rest]), boundary, multiline, out) for branch in av[1]
            )
        leads = _literal_leads(items[i:])
        if not leads:
            return False
        for lead, closed in leads:
            if not _is_word(lead[0]):
                if not all(ch.isascii() or ch.lower() == ch == ch.upper() for ch in lead):
                    return False
                out.marks.add(lead.lower())
                continue
            if not boundary:
                return False
            end = 0
            while end < len(lead) and _is_word(lead[end]):
                end += 1
            word = lead[:end]
            if not word or not word.isascii():
                return False
            if end < len(lead):
                after = lead[end]
                if after.lower() != after.upper():
                    return False  # a case-insensitive match might read a letter there
                out.words.add(word.lower())
            elif closed:
                out.words.add(word.lower())
            else:
                out.stems.add(word.lower())
        return True
    return False


def _literal_leads(items: list[tuple[Any, Any]]) -> set[tuple[str, bool]] | None:
    """The literal strings a match of ``items`` starts with, each with whether what follows
    it in the match cannot be a word character; None when a match may start otherwise."""
    strings = {""}
    stop = len(items)
    for i, (op, av) in enumerate(items):
        if op is _c.AT and av is _c.AT_BOUNDARY and strings != {""}:
            return {(s, True) for s in strings}  # the word the literals end ends here
        if op is _c.ASSERT_NOT and av[0] > 0 and _refuses_word(list(av[1])) and strings != {""}:
            return {(s, True) for s in strings}
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: the literals on either side stay adjacent
        alt = _literal_alternatives(op, av, _PREFIX_STYLE)
        if alt is not None and len(strings) * len(alt) <= _MOST_LEADS:
            strings = {s + a for s in strings for a in alt}
            continue
        if alt is None and op is _c.BRANCH:
            rest = items[i + 1 :]
            subs = [_literal_leads(_flat([*branch, *rest])) for branch in av[1]]
            if all(subs):
                joined = {
                    (s + t, closed) for s in strings for sub in subs if sub for t, closed in sub
                }
                if len(joined) <= _MOST_LEADS:
                    return joined
        stop = i
        break
    if "" in strings:
        return None
    closed = stop < len(items) and _no_word_first(items[stop:])
    return {(s, closed) for s in strings}


def _refuses_word(items: list[tuple[Any, Any]]) -> bool:
    """A look-around body that matches every word character (so refusing it refuses them)."""
    if len(items) != 1:
        return False
    op, av = items[0]
    if op is _c.IN:
        return any(o is _c.CATEGORY and a is _c.CATEGORY_WORD for o, a in av) and not any(
            o is _c.NEGATE for o, _ in av
        )
    if op is _c.BRANCH:
        return any(_refuses_word(list(branch)) for branch in av[1])
    return False


_NOT_WORD_CATEGORIES = (_c.CATEGORY_SPACE, _c.CATEGORY_NOT_WORD)


def _ends_not_word(items: list[tuple[Any, Any]]) -> bool:
    """A look-behind body whose last character cannot be a word character."""
    return bool(items) and _no_word_first(items[-1:])


def _no_word_first(items: list[tuple[Any, Any]]) -> bool:
    """Whether ``items`` must start with a character that is not a word character."""
    for op, av in _flat(items):
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            if op is _c.AT and av is _c.AT_BOUNDARY:
                return False  # after a non-word character a boundary needs a word
            continue
        if op is _c.LITERAL:
            return not _is_word(chr(av))
        if op is _c.IN:
            for o, a in av:
                if o is _c.LITERAL:
                    ok = not _is_word(chr(a))
                elif o is _c.RANGE:
                    ok = a[1] - a[0] < 512 and not any(
                        _is_word(chr(c)) for c in range(a[0], a[1] + 1)
                    )
                else:
                    ok = o is _c.CATEGORY and a in _NOT_WORD_CATEGORIES
                if not ok:
                    return False
            return True
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if not _no_word_first(list(av[2])):
                return False
            if av[0] >= 1:
                return True
            continue  # repeated no times: what follows comes first
        if op is _c.BRANCH:
            return all(_no_word_first(list(branch)) for branch in av[1])
        return False
    return False


def word_gates(pattern: str) -> frozenset[str] | None:
    """Words (ASCII lower case) one of which every match of ``pattern`` holds as a whole
    word, or None when this finds none: the stretch of literal word characters in the
    pattern's main sequence that has a non-word character or a boundary on both sides and
    whose shortest word is longest (``\\b(is|are|was)\\s+loosing\\b`` gives "loosing").
    A text without any of them as a word cannot match, whatever the case."""
    try:
        parsed = _parser.parse(pattern, 0)
        if parsed.state.flags & _UNSUPPORTED:
            return None
        items = _flat(list(parsed))
    except (re.error, RecursionError):
        return None
    best: set[str] | None = None
    before = False  # the character before items[i] is not a word character (or there is none)
    i = 0
    while i < len(items):
        op, av = items[i]
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            before = before or _not_word_behind(op, av, parsed.state.flags)
            i += 1
            continue
        alt = _literal_alternatives(op, av, _PREFIX_STYLE)
        if alt and all(s and all(map(_is_word, s)) for s in alt):
            strings, j = alt, i + 1
            while j < len(items):
                more = _literal_alternatives(*items[j], _PREFIX_STYLE)
                if not more or len(strings) * len(more) > _PREFIX_STYLE.max_product:
                    break
                if not all(all(map(_is_word, m)) for m in more):  # "" when "a|an" is "a(|n)"
                    break
                strings = {s + m for s in strings for m in more}
                j += 1
            if (
                before
                and j < len(items)
                and _word_ends(items[j:])
                and all(s.isascii() for s in strings)
                and (best is None or min(map(len, strings)) > min(map(len, best)))
            ):
                best = {s.lower() for s in strings}
            before, i = False, j
            continue
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] == 0:
            before = before and _no_word_first(list(av[2])[-1:])  # it may be left out
        elif alt is not None:
            before = bool(alt) and all(s and not _is_word(s[-1]) for s in alt)
        else:
            before = _no_word_first([(op, av)]) if op is not _c.BRANCH else False
        i += 1
    return frozenset(best) if best else None


def _not_word_behind(op: Any, av: Any, flags: int) -> bool:
    """Whether a zero-width item says that no word character stands before a word
    character that follows it (``\\b``, a start, a look-behind refusing one)."""
    if op is _c.AT:
        return av in (_c.AT_BOUNDARY, _c.AT_BEGINNING_STRING) or (
            av is _c.AT_BEGINNING and not flags & _c.SRE_FLAG_MULTILINE
        )
    if op is _c.ASSERT_NOT:
        return bool(av[0] < 0 and _refuses_word(list(av[1])))
    return bool(op is _c.ASSERT and av[0] < 0 and _ends_not_word(list(av[1])))


def _word_ends(rest: list[tuple[Any, Any]]) -> bool:
    """Whether a word character cannot follow: a boundary, a look-ahead refusing one, or a
    character that is not one."""
    for op, av in rest:
        if op is _c.AT and av is _c.AT_BOUNDARY:
            return True
        if op is _c.ASSERT_NOT and av[0] > 0 and _refuses_word(list(av[1])):
            return True
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue
        return _no_word_first(rest)
    return False
