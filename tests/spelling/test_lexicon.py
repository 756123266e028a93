"""The shipped lexicon and its helpers."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest

from copydesk.spelling import Speller, lexicon
from copydesk.spelling.lexicon import (
    F_GB,
    F_MISSPELLING,
    F_US,
    Lexicon,
    encode_lexicon,
    load_lexicon,
    load_ranking,
    variant_of,
)
from copydesk.spelling.suggest import damerau, edit_shape, far_words, keep_case, near_words


def test_round_trip_encoding() -> None:
    raw = encode_lexicon({"colour": (F_GB, ""), "color": (F_US, ""), "teh": (F_MISSPELLING, "the")})
    lex = Lexicon(raw)
    assert lex.flags("colour") == F_GB
    assert lex.entry("teh") == (F_MISSPELLING, "the")
    assert lex.entry("nothing") is None
    assert lex.flags("nothing") == 0


def test_shipped_lexicon_knows_both_variants() -> None:
    lex = load_lexicon()
    assert lex.flags("colour") & F_GB
    assert lex.flags("color") & F_US
    assert lex.flags("Secretaray") == 0


def test_shipped_lexicon_has_british_forms_scowl_lists_lack() -> None:
    # From LibreOffice's en_GB dictionary: standard British, missing from SCOWL's Debian lists.
    lex = load_lexicon()
    for word in ("leant", "neurone", "whizzy", "commoditising"):
        assert lex.flags(word) & F_GB, word
    assert variant_of("leant") == "en-GB"
    # Only its lower-case words are taken; the misspellings list keeps its own entries.
    assert lex.flags("recieve") == 0


def test_lexicon_ranks_match_ranking() -> None:
    lex, ranking = load_lexicon(), load_ranking()
    for word in ("the", "secretary", "labour", "programme"):
        assert lex.rank(word) == ranking.rank(word) is not None
    assert lex.rank("secretaray") is None


def test_near_words_finds_correction() -> None:
    assert near_words("secretaray")[0][1] == "secretary"
    assert near_words("secretaray", load_lexicon().rank) == near_words("secretaray")


def test_near_words_never_turn_an_apostrophe_into_a_letter() -> None:
    # A name such as "Ca'e" is no slip for "case" or "care".
    assert not {"case", "care"} & {c for _, c, _ in near_words("ca'e")}
    assert "were" in [c for _, c, _ in near_words("wer'e")]  # a stray one is still dropped


def test_near_and_far_words_same_with_either_rank_lookup() -> None:
    # near_words takes a fast path for the ranking dict's get; any other lookup must agree.
    rank = load_lexicon().rank
    for word in ("secretaray", "goverment", "tthe", "caf\u00e9", "a", ""):
        assert near_words(word, rank) == near_words(word)
        assert far_words(word, 2, rank) == far_words(word, 2)


def _osa_full_table(a: str, b: str) -> int:
    d = [[i + j if not i * j else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i, j in product(range(1, len(a) + 1), range(1, len(b) + 1)):
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def test_damerau_strips_shared_ends_without_changing_distance() -> None:
    words = ["".join(p) for n in range(5) for p in product("abc", repeat=n)]
    for a, b in product(words, repeat=2):
        assert damerau(a, b, 3) == min(_osa_full_table(a, b), 3), (a, b)


def test_edit_shapes() -> None:
    assert edit_shape("hvae", "have", "transposition") == "swap"
    assert edit_shape("bankk", "bank", "insertion") == "double"
    assert edit_shape("secretsry", "secretary", "substitution") == "key"
    assert edit_shape("comitee", "committee", "deletion") == "undouble"


def test_damerau_and_case() -> None:
    assert damerau("abcd", "abdc") == 1
    assert damerau("kitten", "sitting", 5) == 3
    assert keep_case("Secretaray", "secretary") == "Secretary"
    assert keep_case("BANKK", "bank") == "BANK"
    assert keep_case("teh", "the") == "the"


@pytest.mark.parametrize(
    ("loader", "name"),
    [
        (lexicon.load_misspellings, "MISSPELLINGS_FILE"),
        (lexicon.load_web, "WEB_FILE"),
        (lexicon.load_deletes, "DELETES_FILE"),
    ],
)
def test_optional_data_files_may_be_left_out(
    monkeypatch: pytest.MonkeyPatch, loader: Any, name: str
) -> None:
    # A distribution may drop the separately licensed files (SOURCES.md): the speller then
    # runs without that evidence instead of failing.
    monkeypatch.setattr(lexicon, name, "no-such-file.bin")
    loader.cache_clear()
    try:
        table = loader()
        assert table.flags("teh") == 0 and table.rank("secretaray") is None
        assert Speller().check("The Home Secretaray met reporters.")  # still works
    finally:
        loader.cache_clear()
