"""Compound and inverted subjects, singular subjects, simple pasts after an auxiliary and
missing verbs (the verbforms kind: GRA016-GRA019), and how they share work with GRA013/GRA015."""

from __future__ import annotations

import pytest

from copydesk.api import check_text

RULES = ["GRA013", "GRA015", "GRA016", "GRA017", "GRA018", "GRA019"]


@pytest.mark.parametrize(
    ("text", "code", "flagged", "position"),
    [
        ("Well.\nMy wife and I was late.\n", "GRA016", "My wife and I was", (2, 1)),
        ("Why does the children cry?\n", "GRA016", "does the children", (1, 5)),
        ("Each student have a locker.\n", "GRA017", "have", (1, 14)),
        ("Then she were late.\n", "GRA017", "she were", (1, 6)),
        ("However, the teacher give us work.\n", "GRA017", "give", (1, 22)),
        ("They’ve went home.\n", "GRA018", "went", (1, 9)),
        ("The price has\nrose again.\n", "GRA018", "rose", (2, 1)),
        ("Did she walked home?\n", "GRA018", "walked", (1, 9)),
        ("It is late, to which he response.\n", "GRA019", "he response", (1, 22)),
        ("I want buy a car.\n", "GRA019", "want buy", (1, 3)),
        ("There're problem in it.\n", "GRA013", "There're problem", (1, 1)),
    ],
)
def test_spans_are_exact(text: str, code: str, flagged: str, position: tuple[int, int]) -> None:
    [finding] = check_text(text, select=[code])
    assert text[finding.span.start : finding.span.end] == flagged
    assert (finding.line, finding.column) == position


@pytest.mark.parametrize(
    "text",
    [
        "They had ran out of fuel.\n",  # GRA018, no longer GRA015
        "She has went home.\n",  # GRA013 alone: the plain "have" and a common past
        "He's went to the shops.\n",  # GRA018 alone: a contraction
        "She can played well.\n",  # GRA015 alone: a pronoun subject
        "The team will played well.\n",  # GRA018 alone: a noun subject
        "People who lives here pay more.\n",  # GRA013
    ],
)
def test_one_finding_per_slip(text: str) -> None:
    assert len(check_text(text, select=RULES)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "If she were taller, she would play; as it were, she sits.\n",
        "I wish it were Friday, and he and she were late.\n",
        "Marks and Spencer is opening a store; bread and butter is cheap.\n",
        "Each boy and each girl has a locker.\n",
        "Do the dishes. Have the teacher call me. Is the students' work done?\n",
        "The rich have more; the team have won; the bus stop moved.\n",
        "He was broke, and the wine was rose.\n",
        "Dr Reddy's fell 93% as costs rose.\n",
        "May performed with the band; the will came as a surprise.\n",
        "We journalists left, and we library authors stayed; nor has he permission.\n",
        "Other plans include a levy; the people who the council decides have needs.\n",
        "They asked the students who was absent.\n",
        "She quickly closed the door; he yesterday said so.\n",
    ],
)
def test_good_sentences_pass(text: str) -> None:
    assert check_text(text, select=RULES) == []


def test_quoted_speech_is_left_alone() -> None:
    assert check_text('He said: "My wife and I was late."\n', select=["GRA016"]) == []


@pytest.mark.parametrize(
    "text",
    [
        # a noun compound ends the subject: "publish time" is a noun, not a verb and object
        "Since the version publish time is stored, it is kept.\n",
        # subject and verb in different headings, code between them
        "## The `fs` module\n\n### `Reader` object\n\nThe reader reads files.\n",
    ],
)
def test_a_singular_subject_is_not_read_across_code_or_into_a_noun_compound(text: str) -> None:
    assert check_text(text, "t.md", "markdown", select=["GRA017"]) == []


def test_a_singular_subject_with_a_plain_verb_beside_code_is_still_flagged() -> None:
    text = "The teacher give us `homework.md` files.\n"
    [finding] = check_text(text, "t.md", "markdown", select=["GRA017"])
    assert text[finding.span.start : finding.span.end] == "give"
