"""Sentence splitting: boundaries, abbreviations, quotes and offsets."""

from __future__ import annotations

import pytest

from copydesk.document.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_simple_sentences() -> None:
    assert sentences("The ferry left. It came back late! Why? Nobody knew.") == [
        "The ferry left.",
        "It came back late!",
        "Why?",
        "Nobody knew.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Okafor met Dr. Lindqvist at St. Mary's on Tuesday.",
        "Supplies were cut in Jan. Brokers were furious about it.",
        "Vote for motion No. 4 before noon.",
        "Bring tools, e.g. Hammers and saws, to the shed.",
        "That is, i.e. Nothing at all changed.",
        "The novel by J. K. Rowling sold well.",
        "Rates rose 3.5 per cent in the quarter.",
    ],
)
def test_abbreviations_initials_and_decimals_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_ambiguous_abbreviation_splits_before_sentence_opener() -> None:
    text = "The chain expanded into the U.S. The move cost a fortune."
    assert sentences(text) == ["The chain expanded into the U.S.", "The move cost a fortune."]


def test_ambiguous_abbreviation_keeps_name() -> None:
    text = "Shares in Brightwater Ltd. Holdings rose on Monday."
    assert sentences(text) == [text]
    assert sentences("The U.K. Treasury agreed.") == ["The U.K. Treasury agreed."]


def test_ellipsis() -> None:
    assert sentences("He waited... Then he left.") == ["He waited...", "Then he left."]
    assert sentences("He waited… and waited.") == ["He waited… and waited."]


def test_closing_quotes_and_brackets_stay_with_sentence() -> None:
    text = 'She said: "It is over." Next came the vote. (It failed.) Then tea.'
    assert sentences(text) == [
        'She said: "It is over."',
        "Next came the vote.",
        "(It failed.)",
        "Then tea.",
    ]


def test_question_inside_quote_followed_by_lowercase_does_not_split() -> None:
    text = '"Why now?" she asked the panel.'
    assert sentences(text) == [text]


def test_newlines() -> None:
    text = "First line without stop\nstill the same sentence.\n\nHeading\n\nBody text."
    assert sentences(text) == [
        "First line without stop\nstill the same sentence.",
        "Heading",
        "Body text.",
    ]


def test_whitespace_trimmed_and_window_offsets() -> None:
    text = "  Lead in.   Alpha one.  Beta two.  "
    start = text.index("Alpha")
    spans = split_sentences(text, start, len(text) - 1)
    assert [text[a:b] for a, b in spans] == ["Alpha one.", "Beta two."]
    assert spans[0][0] == start


def test_non_ascii_offsets_are_code_points() -> None:
    text = "Prices hit £3.9bn in Zürich. Café owners said so."
    spans = split_sentences(text)
    assert spans == [(0, 28), (29, len(text))]
    assert text[spans[1][0] : spans[1][1]] == "Café owners said so."


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []
