"""The shipped lexicon and its helpers."""

from __future__ import annotations

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
from copydesk.spelling.suggest import damerau, edit_shape, keep_case, near_words


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
