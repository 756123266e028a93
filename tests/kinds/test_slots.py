"""Confused words judged by the word class of their slot (GRA031-GRA033)."""

from __future__ import annotations

import pytest

from copydesk.api import check_text
from copydesk.kinds.slots import parse_sets

CODES = ["GRA031", "GRA032", "GRA033"]


@pytest.mark.parametrize(
    ("text", "flagged", "fix", "position"),
    [
        ("Intro.\nWe will advice them.\n", "advice", "advise", (2, 9)),
        ("That was our legal advise, sadly.\n", "advise", "advice", (1, 20)),
        ("Well.\n  I belief it.\n", "belief", "believe", (2, 5)),
        ("The coach has lead the side.\n", "lead", "led", (1, 15)),
        ("Its important to vote.\n", "Its", "It's", (1, 1)),
        ("Sales are higher then last year.\n", "then", "than", (1, 18)),
        ("The firm said it’s profits were down.\n", "it’s", "its", (1, 15)),
        ("It is VARY important.\n", "VARY", "VERY", (1, 7)),
    ],
)
def test_span_position_and_fix(
    text: str, flagged: str, fix: str, position: tuple[int, int]
) -> None:
    [finding] = check_text(text, select=CODES)
    assert text[finding.span.start : finding.span.end] == flagged
    assert (finding.line, finding.column) == position
    assert finding.fix is not None
    assert [e.replacement for e in finding.fix.edits] == [fix]


@pytest.mark.parametrize(
    "text",
    [
        # the lexicon knows these words in the class the slot needs
        "She will proof the dough and bath the baby.\n",
        "The rebels will quiet the crowd.\n",
        # a rare sense of the sibling's class: only ever offered
        "The will made a devise of land to his son.\n",
        # "to" as a preposition before a noun
        "Thanks to advice the firm gave, it grew.\n",
        "It was close to loss the whole season.\n",
        # nouns standing for people after "the"
        "The young believe in change.\n",
        # compounds and contractions
        "He could half-finish it; the would-be thief ran.\n",
        "It's been a long year, and that's been the story.\n",
        # "too" meaning "also"
        "They too face heavy costs; ministers too have come to grief.\n",
    ],
)
def test_words_that_can_fill_the_slot_pass(text: str) -> None:
    assert check_text(text, select=CODES) == []


def test_markup_between_words_is_no_slot() -> None:
    # the masked text hides the code span; the words around it are not neighbours
    text = "Put it in your `config.yml` under plugins.\n\nWe will `advice` them.\n"
    assert check_text(text, path="doc.md", kind="markdown", select=CODES) == []


def test_sets_name_each_word_with_its_class() -> None:
    index = parse_sets(["advice:noun advise:verb", "~devise:verb device:noun"])
    [advice] = index["advice"]
    assert advice.cls == "noun" and advice.siblings == (("advise", "verb"),)
    [devise] = index["devise"]
    assert devise.offered_only and not index["device"][0].offered_only


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("advice advise:verb", "'advice' is not word:class"),
        ("advice:noun advise:verbal", "'advise:verbal' is not word:class"),
        ("advice:noun", "needs at least two words"),
    ],
)
def test_malformed_sets_are_rule_errors(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_sets([line])
