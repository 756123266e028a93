"""Unit tests for the numerals, article, abbreviation and headline kinds."""

from __future__ import annotations

from typing import Any

from copydesk.api import check_text


def _codes(text: str, code: str, kind: str = "text", **house: Any) -> list[str]:
    return [
        f.excerpt
        for f in check_text(text, kind=kind, select=[code], house=house or None)
        if f.code == code
    ]


def test_numerals_threshold_comes_from_the_house() -> None:
    assert _codes("They bought 9 cars.", "NUM013", numerals=10) == ["9"]
    assert _codes("They bought 9 cars.", "NUM013", numerals=9) == []


def test_numerals_keep_figures_in_names_and_brackets() -> None:
    assert _codes("He played Halo 2 and scored (2) goals.", "NUM013", numerals=10) == []


def test_large_numbers_skip_names() -> None:
    assert _codes("She saw Ocean's Twelve with fifteen friends.", "NUM014", numerals=10) == [
        "fifteen"
    ]


def test_article_reads_sounds_not_letters() -> None:
    assert _codes("It was a hour late.", "GRA001") == ["a hour"]
    assert _codes("It was an ntl van, a UN car and an 18-day wait.", "GRA001") == []
    assert _codes("A FTSE firm and an NSPCC plan.", "GRA001") == []


def test_abbreviation_defined_in_brackets_or_by_initials() -> None:
    assert _codes("The Food Standards Agency said the FSA would act.", "ABR003") == []
    assert _codes("The FSA said it would act.", "ABR003") == ["FSA"]
    assert _codes("THE FSA SAID IT WOULD ACT.", "ABR003") == []


def test_headline_case_by_house() -> None:
    doc = "# Council Backs New Bridge Plan\n\nText.\n"
    assert _codes(doc, "TTL004", kind="markdown", **{"headline-case": "sentence"})
    assert not _codes(doc, "TTL005", kind="markdown", **{"headline-case": "title"})
