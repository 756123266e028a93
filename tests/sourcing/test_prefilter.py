"""The sentence prefilters must never change a result, only skip work.

A probe marked unsafe lets every scan run (the checker's behaviour before prefilters), so
each test compares that with the filtered path on random sentences built from the words the
patterns look for.
"""

from __future__ import annotations

import random
import re

import pytest

from copydesk.sourcing import SourcingChecker
from copydesk.sourcing.attribution import find_cues, quoted_spans, speech_tag
from copydesk.sourcing.figures import (
    _has_number_word,
    _may_hold_figure,
    _patterns,
    _prev_word,
    find_figures,
)
from copydesk.sourcing.options import DEFAULT_OPTIONS, SourcingOptions, _alternation, _ordered_words
from copydesk.sourcing.prefilter import (
    Probe,
    TextIndex,
    WordMatcher,
    literals,
    matches_at,
    regex_hints,
    text_is_safe,
    validate,
)

OPTS = SourcingOptions.from_mapping({})


def _words(blob: str) -> set[str]:
    return set(blob.split())


_LISTS = (
    "reporting_verbs",
    "active_only_verbs",
    "attribution_phrases",
    "speech_verbs",
    "vague_subjects",
    "vague_quantities",
    "sports_terms",
    "carryover_markers",
)
_VOCAB = sorted(
    {w for key in _LISTS for w in DEFAULT_OPTIONS[key]}
    | _words(
        """
        the a an of in out every to is was are were be been it he she they we some many
        one two three four ten twelve twenty forty ninety hundred thousand million billion
        dozen half third quarters fifths tenfold twice doubled double treble quadrupling
        whether or sure certain per cent percent Channel Top Big Group nations club summit
        estimated expected reportedly widely reported understood conference meeting told
        heard according sources close year-old aged At GMT am May June Street No number
        page goals points clear yards 12 3.5 1,200 2004 1990s 9/11 3-1 £4bn $2m 300p 45%
        10km 6ft 22nd two's one-horse nine times out of ten café Naïve
        """
    )
)
_SEPARATORS = (" ", " ", " ", "  ", ", ", ". ", "; ", " - ", "-", "\n", ' "', '" ', "“", "”", "’")


def _sentences(seed: int, count: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        words = []
        for _ in range(rnd.randint(1, 14)):
            word = rnd.choice(_VOCAB)
            roll = rnd.random()
            if roll < 0.15:
                word = word.capitalize()
            elif roll < 0.2:
                word = word.upper()
            words.append(word + rnd.choice(_SEPARATORS))
        out.append("".join(words).strip() + rnd.choice((".", "", "!", " he said.")))
    return out


SENTENCES = _sentences(1, 1500)


def _unsafe(text: str) -> Probe:
    return Probe(text, 0, len(text), safe=False)


def test_sentences_exercise_both_paths() -> None:
    safe = [Probe(s, 0, len(s)).safe for s in SENTENCES]
    assert any(safe) and not all(safe)


@pytest.mark.parametrize("chunk", range(5))
def test_figures_unchanged_by_prefilters(chunk: int) -> None:
    for text in SENTENCES[chunk::5]:
        probe = Probe(text, 0, len(text))
        assert find_figures(OPTS, text, 0, len(text), probe) == find_figures(
            OPTS, text, 0, len(text), _unsafe(text)
        ), text


def test_number_word_prefilter_is_exact() -> None:
    for text in SENTENCES:
        probe = Probe(text, 0, len(text))
        expected = probe.has_digit or _has_number_word(text)
        assert _may_hold_figure(probe) == expected, text


@pytest.mark.parametrize("chunk", range(3))
def test_cues_unchanged_by_prefilters(chunk: int) -> None:
    for text in SENTENCES[chunk::3]:
        (quoted,) = quoted_spans(text, [(0, len(text))])
        filtered = find_cues(OPTS, text, 0, len(text), quoted, Probe(text, 0, len(text)))
        plain = find_cues(OPTS, text, 0, len(text), quoted, _unsafe(text))
        assert filtered == plain, text
        assert speech_tag(
            OPTS, filtered, text, 0, len(text), quoted, Probe(text, 0, len(text))
        ) == speech_tag(OPTS, plain, text, 0, len(text), quoted, _unsafe(text))


def test_checker_unchanged_by_prefilters(monkeypatch: pytest.MonkeyPatch) -> None:
    article = " ".join(SENTENCES[:300])
    checker = SourcingChecker({})
    filtered = checker.check(article, [])
    import copydesk.sourcing.checker as checker_module
    import copydesk.sourcing.prefilter as prefilter_module

    monkeypatch.setattr(checker_module, "text_is_safe", lambda text: False)
    monkeypatch.setattr(prefilter_module, "_is_safe", lambda text, lo, hi: False)
    assert SourcingChecker({}).check(article, []) == filtered


@pytest.mark.parametrize(
    "key", ["reporting_verbs", "active_only_verbs", "attribution_phrases", "speech_verbs"]
)
def test_word_matcher_finds_what_the_pattern_finds(key: str) -> None:
    ordered = _ordered_words(DEFAULT_OPTIONS[key])
    pattern = re.compile(rf"\b(?:{_alternation(ordered)})\b", re.IGNORECASE)
    matcher = WordMatcher.build(ordered)
    assert matcher is not None
    rnd = random.Random(key)
    for text in SENTENCES:
        lo = rnd.randint(0, len(text) // 3)
        hi = rnd.randint(lo, len(text))
        probe = Probe(text, lo, hi)
        expected = [m.span() for m in pattern.finditer(text, lo, hi)]
        assert OPTS.word_spans(key, probe) == expected, (text, lo, hi)
        if probe.safe and probe.aligned:
            assert matcher.spans(probe, lo) == expected, (text, lo, hi)


def test_text_index_probes_see_what_sentence_probes_see() -> None:
    # Documents of random sentences, cut at random places (some inside a word or a number).
    rnd = random.Random(7)
    for start in range(0, len(SENTENCES) - 40, 40):
        text = " ".join(SENTENCES[start : start + 40]) + " 12"
        low = text.lower()
        if not text_is_safe(text) or len(low) != len(text):
            continue
        index = TextIndex(text, low)
        for _ in range(60):
            lo = rnd.randint(0, len(text))
            hi = rnd.randint(lo, min(len(text), lo + 200))
            plain = Probe(text, lo, hi, low[lo:hi], True)
            shared = Probe(text, lo, hi, index=index)
            assert (shared.low, shared.safe, shared.aligned) == (plain.low, True, plain.aligned)
            assert shared.digit_at == plain.digit_at, (text, lo, hi)
            assert shared.digit_starts() == plain.digit_starts(), (text, lo, hi)
            assert shared.tokens == plain.tokens, (text, lo, hi)


def test_amounts_are_tried_where_runs_of_digits_begin() -> None:
    pattern = _patterns()["digit"]
    rnd = random.Random(11)
    alphabet = "1234 ,.-/'’a£$%\n٣"
    texts = [*SENTENCES, *("".join(rnd.choice(alphabet) for _ in range(16)) for _ in range(3000))]
    for text in texts:
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        probe = Probe(text, lo, hi)
        expected = [m.span() for m in pattern.finditer(text, lo, hi)]
        found = [m.span() for m in matches_at(pattern, text, probe.digit_starts(), hi)]
        assert found == expected, (text, lo, hi)


def test_word_matcher_edge_entries() -> None:
    words = ["a b", "a  b", "ab", "a-b", "half-time", "etc.", "x'y", "point", "pointed out", "b_c"]
    ordered = _ordered_words(words)
    pattern = re.compile(rf"\b(?:{_alternation(ordered)})\b", re.IGNORECASE)
    matcher = WordMatcher.build(ordered)
    assert matcher is not None
    rnd = random.Random(3)
    vocab = [*words, "A", "B", "x", "out", "Pointed", "1", "_", "etc"]
    for _ in range(5000):
        text = "".join(rnd.choice(vocab) + rnd.choice(_SEPARATORS) for _ in range(6))
        lo = rnd.randint(0, 5)
        probe = Probe(text, lo, len(text))
        if probe.safe and probe.aligned:
            expected = [m.span() for m in pattern.finditer(text, lo, len(text))]
            assert matcher.spans(probe, lo) == expected, (text, lo)
    assert WordMatcher.build(["'s"]) is None
    assert WordMatcher.build(["café"]) is None


def test_prev_word_finds_what_the_pattern_finds() -> None:
    pattern = _patterns()["prev_word"]
    rnd = random.Random(5)
    alphabet = "aZ1_ .'’&-\n,é£x9"
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        lo = rnd.randint(0, len(text))
        pos = rnd.randint(lo, len(text))
        m = pattern.search(text, lo, pos)
        assert _prev_word(text, lo, pos) == (m.groups() if m else None), (text, lo, pos)


def test_regex_hints_of_the_default_patterns() -> None:
    assert OPTS.agentless_literals is not None
    assert "an estimated" not in OPTS.agentless_literals  # "estimated" covers it
    assert OPTS.name_literals is not None and "channel " in OPTS.name_literals
    assert regex_hints([r"\d+"]) is None
    assert regex_hints([r"(?<=abc)x"]) is None  # a look-behind may read before the sentence
    assert literals(["Said", "said", "unsaid", "put"]) == ("put", "said")


@pytest.mark.parametrize(
    "pattern",
    ["(", "(?<=a+)b", "(?<!ab|c)d", "a{2,1}", r"\1(a)", "[z-a]", "x(?i)y", "(?<=a{3})b", "ok"],
)
def test_validate_fails_as_compile_does(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        with pytest.raises(re.error, match=re.escape(str(exc))):
            validate(pattern)
    else:
        validate(pattern)


def test_case_folding_facts_the_probes_rely_on() -> None:
    word = re.compile(r"\w")
    non_word = "".join(
        ch for ch in map(chr, range(0x80, 0x110000)) if not word.match(ch) and ch.isprintable()
    )
    # No non-word character lower-cases to ASCII, or matches an ASCII character ignoring case.
    assert not any(c.isascii() for c in non_word.lower())
    assert re.search(r"[ -~]", non_word, re.IGNORECASE) is None
