"""The fast paths of rule matching against the straightforward algorithms they replace: any
difference would change a finding."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.api import default_registry
from copydesk.document import parse_document
from copydesk.document.model import TOKEN_RE, Document, fold
from copydesk.kinds import Context, kind_module
from copydesk.kinds._words import _FINDER_AFTER, PhraseBook, _phrase_finder, compile_alternation
from copydesk.kinds.balance import _LABEL, _is_label
from copydesk.kinds.prefilter import common_part, may_match
from copydesk.literals import FOLDS_TO_ASCII, Scanner, first_chars, first_class

PHRASES: list[tuple[list[str], bool]] = [
    (["per cent", "percent", "per say"], True),
    (["a mute question", "mute point", "it's", "re-run", "K9"], True),
    (["For all", "pre-Madonna", "tow the line"], False),
]

PIECES = ["per", "Per", "PER", "cent", "percent", "say", "a", "A", "mute", "question", "point",
          "it's", "it’s", "IT'S", "re-run", "re", "-", "run", "k9", "\u212a9", "For", "for",
          "all", "pre-Madonna", "pre-madonna", "tow", "the", "line", "x", "'", "’", "—", "(",
          ".", "\u0130", "\u03a3", "_", "9"]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", "\n\n", "", "-", "'", "\t"]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def reference_hits(doc: Document, book: PhraseBook) -> dict[int, list[tuple[int, int, str]]]:
    """The PhraseBook as first written: the whole document tokenised, a lookup per token."""
    masked = doc.masked
    spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(masked)]
    texts = [t.replace("’", "'") for _, _, t in spans]
    norms = [t.lower().replace("’", "'") for _, _, t in spans]
    found: dict[int, list[tuple[int, int, str]]] = {}
    free: dict[int, int] = {}
    for i, norm in enumerate(norms):
        done = -1
        for owner, words, phrase, icase in book.first.get(norm, []):
            if owner == done or free.get(owner, 0) > i:
                continue
            k = len(words)
            seq = norms if icase else texts
            if i + k > len(norms) or tuple(seq[i : i + k]) != words:
                continue
            end = spans[i + k - 1][1]
            start = spans[i][0]
            if (
                k > 1
                and "\n" in masked[start:end]
                and doc.block_at(start) is not doc.block_at(end - 1)
            ):
                continue
            found.setdefault(owner, []).append((start, end, phrase))
            free[owner] = i + k
            done = owner
    return found


def _book(phrases: list[tuple[list[str], bool]], finder: bool = True) -> PhraseBook:
    """A book; with ``finder`` one that has scanned enough documents to use its finder."""
    book = PhraseBook()
    for words, icase in phrases:
        book.register(words, icase)
    if finder:
        book._scans = _FINDER_AFTER
    return book


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["markdown", "text"]))
def test_phrasebook_matches_reference(text: str, kind: str) -> None:
    doc = parse_document(text, "x.md" if kind == "markdown" else "x.txt", kind)
    for phrases in (PHRASES, [*PHRASES, (["café (x)"], True)]):  # the second cannot use the finder
        for finder in (True, False):  # a batch run, and the first documents of any run
            book = _book(phrases, finder)
            got = {o: book.hits(doc, o) for o in range(book.owners)}
            want = reference_hits(doc, book)
            assert {o: h for o, h in got.items() if h} == want


def test_phrasebook_finds_across_line_breaks_and_curly_apostrophes() -> None:
    doc = parse_document("It’s up 5 per\ncent, IT'S said.", "x.txt", "text")
    book = _book(PHRASES)
    assert book.hits(doc, 0) == [(10, 18, "per cent")]
    assert [h[:2] for h in book.hits(doc, 1)] == [(0, 4), (20, 24)]


FINDER_WORDS = ["per", "cent", "percent", "a", "an", "and", "it's", "re-run", "k9", "mute", "m"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(FINDER_WORDS), min_size=1, max_size=3).map(tuple),
        min_size=1,
        max_size=8,
    ),
    texts,
)
def test_phrase_finder_tree_finds_what_the_plain_alternation_finds(
    phrases: list[tuple[str, ...]], text: str
) -> None:
    """The finder writes the phrases as a tree of shared beginnings (and drops a phrase that a
    shorter one begins): its matches are those of every phrase listed in turn."""
    plain = "|".join(
        r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase) for phrase in phrases
    )
    reference = re.compile(f"[^a-z0-9_](?=(?:{plain}))")
    low = "\n" + text.lower()
    finder = _phrase_finder(phrases)
    assert [m.end() for m in finder.finditer(low)] == [m.end() for m in reference.finditer(low)]


def _rule_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every regular expression a word-list rule scans documents with, as the kinds build it."""
    out = []
    for rule in default_registry():
        if not rule.options.get("regex"):
            continue
        if rule.kind == "substitution":
            out.append((rule.code, kind_module("substitution").Kind(rule, Context()).pattern))
        elif rule.kind == "existence":
            ignorecase = rule.options.get("ignorecase", True)
            out.append((rule.code, compile_alternation(rule.options["tokens"], True, ignorecase)))
        elif rule.kind == "consistency":
            ignorecase = rule.options.get("ignorecase", True)
            for group in rule.options["groups"]:
                out.extend((rule.code, compile_alternation([v], True, ignorecase)) for v in group)
    return out


RULE_PATTERNS = _rule_patterns()
HAND_PATTERNS = [
    re.compile(  # the sentence splitter's
        r"(?P<blank>\n[^\S\n]*\n\s*)|(?P<stop>(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*)(?P<gap>\s+)"
    ),
    re.compile(r"\bk\w+", re.IGNORECASE),  # the Kelvin sign is a k
    re.compile(  # GRA001's: "A" or "a", searched for apart
        r"(?<![\w'’.-])(?P<art>an?)(?P<gap>\s+)(?P<next>[\w'’]+(?:[-.][\w'’]+)*)", re.IGNORECASE
    ),
    re.compile(r"(?:(?<=[a-z]{2})(?P<mark>[.!?])(?=[A-Z][a-z]{2,}\b))"),
    re.compile(r"(?<!\w)[tI]\w*"),  # a match may run past the other finder's next hit
    re.compile(r"(['(])\w+\1?"),  # a back-reference: the first characters alone are looked for
    re.compile(r"(?<![\w.])[^\W\d_]{2,}s\b"),
    re.compile(r"(?:^|(?<=\n))\d+\.", re.MULTILINE),
    re.compile(r"(?:(?<=\()|(?<=\[))\s*x+"),
    re.compile(r"[^a-z]b", re.IGNORECASE),
    re.compile(r"(?<!\w)(?:it|kt)['’]?s\b", re.IGNORECASE),  # found at its literals
    re.compile(r"\b(?:Mr|Mrs)\.?(?=\s)|\bIt(?:s|['’]s)"),
]
NOISE = [
    "the",
    " ",
    "\n",
    "(",
    ")",
    "It",
    "its",
    "a",
    "An",
    ". ",
    "!",
    "?",
    "'",
    "\u212a",
    "\u017f",
    "İ",
    "12",
    "1,000",
    ".",
    "’",
]


def _scanner(pattern: re.Pattern[str]) -> Scanner:
    scanner = Scanner(pattern)
    scanner._uses = Scanner.BUILD_AFTER  # use the finder from the first document on
    return scanner


def test_every_rule_pattern_gets_a_finder() -> None:
    """Not needed for correctness, but a pattern without one is scanned the slow way."""
    assert RULE_PATTERNS
    slow = [code for code, p in RULE_PATTERNS if first_class(p.pattern, p.flags) is None]
    assert slow == []


@pytest.mark.parametrize(
    "pattern",
    [p for _, p in RULE_PATTERNS] + HAND_PATTERNS,
    ids=[c for c, _ in RULE_PATTERNS] + [f"hand{i}" for i in range(len(HAND_PATTERNS))],
)
def test_scanner_finds_what_finditer_finds(pattern: re.Pattern[str]) -> None:
    pieces = st.one_of(st.from_regex(pattern), st.sampled_from(NOISE))

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(pieces, max_size=6).map("".join))
    def check(text: str) -> None:
        want = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groups()) for m in _scanner(pattern).finditer(text)]
        assert got == want
        pos, endpos = len(text) // 3, len(text) - len(text) // 4  # a stretch, as a sentence
        want = [(m.span(), m.groups()) for m in pattern.finditer(text, pos, endpos)]
        got = [(m.span(), m.groups()) for m in _scanner(pattern).finditer(text, pos, endpos)]
        assert got == want
        # as the word-list kinds call it, with the text case-folded (its literals' haystack)
        folded = fold(text)
        scanner = _scanner(pattern)
        got = [(m.span(), m.groups()) for m in scanner.finditer(text, pos, endpos, folded)]
        assert got == want

    check()


def test_first_class_declines_what_it_cannot_bound() -> None:
    assert first_class(r"a*", 0) is None  # may be empty
    assert first_class(r".x", 0) is None
    assert first_class(r"(?i)ab", 0) is None  # global inline flags
    assert first_class(r"(?i:a)b", 0) is None
    assert first_class(r"\bt\w+", 0) == "[\\U00000074]"


def test_first_chars_are_exact() -> None:
    assert first_chars(r"(?<!\w)an?\s", re.IGNORECASE, 5) == "Aa"
    assert first_chars(r"\n\n|[.!?]+\s|…", 0, 5) == "\n!.?…"
    assert first_chars(r"[a-f]", 0, 5) is None  # too many
    assert first_chars(r"\bk", re.IGNORECASE, 5) == "Kk\u212a"
    assert first_chars(r"\d", 0, 5) is None  # a category
    assert first_chars(r"[^a]", 0, 5) is None
    assert first_chars(r"é", re.IGNORECASE, 5) is None


def test_folds_to_ascii_are_all_there_are() -> None:
    """Ignoring case, no other character beyond ASCII matches an ASCII one."""
    ascii_char = re.compile("[\x00-\x7f]", re.IGNORECASE).fullmatch
    found = "".join(ch for ch in map(chr, range(128, 0x110000)) if ascii_char(ch))
    assert found == FOLDS_TO_ASCII


_SMALL_WORDS = {"of", "the", "and", "for", "on", "in", "to", "de", "du", "des", "la", "le", "&",
                "a", "an", "at", "by"}  # fmt: skip


def _reference_defined(text: str, abbr: str, upto: int) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text[:upto])
    letters = [w for w in words if w.lower() not in _SMALL_WORDS]
    caps = [w[0].upper() for w in letters]
    n = len(abbr)
    return any(
        caps[i : i + n] == list(abbr) and all(w[0].isupper() for w in letters[i : i + n])
        for i in range(len(caps) - n + 1)
    )


def reference_abbreviations(doc: Document, kind: object) -> list[tuple[int, int]]:
    """ABR003 as first written: the words before each new abbreviation found afresh."""
    text = doc.masked
    seen: set[str] = set()
    out = []
    for m in kind.token.pattern.finditer(text):  # type: ignore[attr-defined]
        abbr = m.group("abbr")
        if abbr in seen or abbr in kind.known:  # type: ignore[attr-defined]
            continue
        if any(b.start <= m.start() < b.end for b in doc.blocks if b.scope == "heading"):
            continue
        block = doc.block_at(m.start())
        if block is not None:
            letters = [c for c in text[block.start : block.end] if c.isalpha()]
            if letters and sum(c.isupper() for c in letters) > 0.6 * len(letters):
                continue
        seen.add(abbr)
        if text[m.start() - 1 : m.start()] == "(" and _reference_defined(text, abbr, m.start()):
            continue
        after = text[m.end() : m.end() + 120]
        if after.lstrip().startswith("(") and _reference_defined(after, abbr, len(after)):
            continue
        if _reference_defined(text, abbr, m.start()):
            continue
        out.append((m.start(), m.start() + len(abbr)))
    return out


ABR_PIECES = ["Financial", "Services", "Authority", "of", "the", "FSA", "(FSA)", "FSAs", "(", ")",
              "financial", "SA", "F", "A", "BBC", "NHS", "Trust", "NT", "F-S", "Fs", "# ", "\n\n",
              "UN", "United", "Nations", "UN's", "Court", "for", "Sport", "(CAS)", "CAS", "fOr", "ofa", "O'Neil", "Sa", "ÉA", "X.Y", "&", "FTSE"]  # fmt: skip


LONG_FORM = [
    "Court",
    "of",
    "Of",
    "for",
    "Sport",
    "CS",
    "(CS)",
    "COS",
    "(COS)",
    "CFS",
    "ofS",
    "(",
    "the",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.lists(st.sampled_from(ABR_PIECES), max_size=40).map(" ".join),
        st.lists(st.sampled_from(LONG_FORM), max_size=12).map(" ".join),
    )
)
def test_abbreviation_matches_reference(text: str) -> None:
    rule = default_registry().rules["ABR003"]
    kind = kind_module("abbreviation").Kind(rule, Context())
    doc = parse_document(text, "x.md", "markdown")
    assert [(m.start, m.end) for m in kind.run(doc)] == reference_abbreviations(doc, kind)


def test_abbreviation_long_form_with_small_words() -> None:
    rule = default_registry().rules["ABR003"]
    kind = kind_module("abbreviation").Kind(rule, Context())
    doc = parse_document("The Court of Arbitration for Sport (CAS) ruled. CAS said.", "x.md")
    assert list(kind.run(doc)) == []


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a)", "iv)", "12)", "123)", " ", "\n", "x", "(", ")", "b", "v"])).map(
        "".join
    ),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_bracket_labels_match_a_scan(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(0, len(text) - cut_end)
    want = {m.end() - 1 for m in _LABEL.finditer(text, start, end)}
    got = {p for p in range(start, end) if text[p] == ")" and _is_label(text, p, start, end)}
    assert got == want


@given(
    st.frozensets(st.text("abiz", min_size=1, max_size=5), min_size=1, max_size=6),
    st.text("abiz ", max_size=30),
)
def test_common_part_is_in_every_literal(required: frozenset[str], text: str) -> None:
    part = common_part(required)
    assert all(part in r for r in required)
    if part not in text:
        assert not may_match(required, text)


def test_common_part_examples() -> None:
    assert common_part(frozenset({"organiz", "realiz", "civiliz"})) == "iz"
    assert common_part(frozenset({"ab", "cd"})) == ""
    assert common_part(None) == ""


@given(st.text(alphabet="aAzZ 1._-\nÉé\u01c5£“’\u00a0"))
def test_in_capitals_counts_as_the_letters_say(chunk: str) -> None:
    from copydesk.document.model import ascii_stand_in
    from copydesk.kinds.abbreviation import _in_capitals

    letters = [c for c in chunk if c.isalpha()]
    want = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
    assert _in_capitals(chunk) == want
    assert _in_capitals(chunk, ascii_stand_in(chunk)) == want


@given(st.text(alphabet="ab1_'’- ,.\n\t(é£“\u00a0", max_size=120), st.integers(0, 12))
def test_overlong_units_match_a_word_count(text: str, most: int) -> None:
    """MEC006 counts words only where a cheap bound cannot rule the unit out."""
    rule = default_registry().rules["MEC006"]
    rule = rule._replace(options={**rule.options, "max_words": most, "unit": "paragraph"})
    doc = parse_document(text, "x.txt", "text")
    got = [
        (m.start, m.end, m.data["words"])
        for m in kind_module("metric").Kind(rule, Context()).run(doc)
    ]
    word = re.compile(r"[\w'’-]+")
    want = [
        (b.start, b.end, n)
        for b in doc.blocks
        if (n := len(word.findall(doc.masked, b.start, b.end))) > most
    ]
    assert got == want


@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "The",
                "a",
                "A",
                " ",
                "\n",
                "\t",
                "(",
                "'",
                "’",
                "-",
                "1",
                ",",
                "\x1c",
                "é",
                "K",
                "£",
                "“",
                "\u00a0",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_repetition_prefilter_lets_every_doubled_word_through(text: str) -> None:
    from copydesk.document.model import ascii_stand_in
    from copydesk.kinds.repetition import _REPEAT, _may_repeat

    if re.search(_REPEAT, text, re.IGNORECASE) or re.search(_REPEAT, text):
        assert _may_repeat(ascii_stand_in(text))


@pytest.mark.parametrize("index", [0, 2, 3, 4, 5])
def test_few_first_characters_get_a_finder_each(index: int) -> None:
    scanner = _scanner(HAND_PATTERNS[index])
    list(scanner.finditer("x"))
    assert scanner._finders is not None and len(scanner._finders) > 1
