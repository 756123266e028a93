"""Prepositions, collocations and verb patterns (GRA014, GRA015, GRA020, GRA021, GRA022): the
phrases each rule flags, and the look-alikes that are right in another sense and must pass."""

from __future__ import annotations

import pytest

from copydesk.api import check_text

CODES = ["GRA014", "GRA015", "GRA020", "GRA021", "GRA022"]


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check_text(text + "\n", select=CODES, language="en-US")]


@pytest.mark.parametrize(
    ("text", "code", "excerpt"),
    [
        ("The fee depended of the size.", "GRA014", "depended of"),
        ("They were resembling to each other.", "GRA014", "resembling to"),
        ("We listened music all night.", "GRA014", "listened music"),
        ("She made a photo of the bridge.", "GRA014", "made a photo"),
        ("He entered into the room quietly.", "GRA014", "entered into the room"),
        ("They discussed about the budget.", "GRA020", "discussed about"),
        ("She was accused for lying.", "GRA020", "accused for"),
        ("He went to home early.", "GRA020", "went to home"),
        ("It cost between 10 to 20 pounds.", "GRA020", "between 10 to"),
        ("He is doing a mistake.", "GRA020", "doing a mistake"),
        ("We could to finish it today.", "GRA015", "We could to finish"),
        ("They wanted to went home.", "GRA021", "to went"),
        ("She didn't wanted to stay.", "GRA015", "didn't wanted"),
        ("She tried to stole it.", "GRA021", "to stole"),
        ("I look forward to see you.", "GRA022", "look forward to see"),
        ("Let's going home.", "GRA015", "Let's going"),
    ],
)
def test_flagged(text: str, code: str, excerpt: str) -> None:
    assert (code, excerpt) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "She was married with two children and worried for her safety.",
        "He was angry on her behalf and arrived to find the door open.",
        "The curtains reach to the floor; the lack of rain hurt the crops.",
        "They discussed about 30 cases and mentioned about half of them.",
        "She was accused for years of lying, and accused for the first time in 2001.",
        "He went to home games and came to home plate.",
        "Jobs in the internet age pay well; confidence in the internet grew.",
        "It happened at the morning meeting, between 10 and 20 minutes in.",
        "What do mistakes cost? Why do mistakes happen?",
        "We did everything we could to help, and all they can to make it work.",
        "What it is makes no difference; it is make or break for them.",
        "Have you seen him? What's he done? Were they going home?",
        "The drug is considered to be safe and allowed to cool.",
        "The film was enjoyed to the full and finished to loud applause.",
        "She went from rich to broke and switched to paid plans.",
        "They did not found the company and did not exceed the limit.",
        "All you have to do is take the bus; he had run out.",
    ],
)
def test_not_flagged(text: str) -> None:
    assert _found(text) == []


def test_fix_keeps_the_words_a_look_ahead_only_reads() -> None:
    """An entry that ends in a look-ahead still fills in its group references: the fix for
    "between 10 to" is read in the whole text, where the look-ahead sees the "20"."""
    text = "It lasted between 10 to 20 days.\n"
    (finding,) = check_text(text, select=["GRA020"], language="en-US")
    assert finding.fix is not None
    assert finding.fix.edits[0].replacement == "between 10 and"
    assert text[finding.span.start : finding.span.end] == "between 10 to"
