"""Verb forms the word before them settles (the verbpatterns kind: GRA021-GRA024): the exact
words each rule flags, the look-alikes that are right in another sense, and the places where
markup keeps the words apart."""

from __future__ import annotations

import pytest

from copydesk.api import check_text

CODES = ["GRA021", "GRA022", "GRA023", "GRA024"]


def _found(text: str, kind: str = "text") -> list[tuple[str, str]]:
    findings = check_text(
        text,
        path=f"story.{'md' if kind == 'markdown' else 'txt'}",
        kind=kind,
        select=CODES,
        language="en-US",
    )
    return [(f.code, text[f.span.start : f.span.end]) for f in findings]


@pytest.mark.parametrize(
    ("text", "code", "flagged"),
    [
        ("They wanted to went home.\n", "GRA021", "to went"),
        ("She asked him to gave it back.\n", "GRA021", "to gave"),
        ("We decided to going home.\n", "GRA021", "to going"),
        ("He hopes to goes there.\n", "GRA021", "to goes"),
        ("We avoided to pay the fine.\n", "GRA022", "avoided to pay"),
        ("I look forward to meet you.\n", "GRA022", "look forward to meet"),
        ("In addition to provide meals, it runs a shelter.\n", "GRA022", "In addition to provide"),
        ("He is work the night shift.\n", "GRA023", "work"),
        ("Does the teacher knows the answer?\n", "GRA023", "knows"),
        ("Did your brother went home?\n", "GRA023", "went"),
        ("The team will going ahead.\n", "GRA023", "going"),
        ("The plan is involves some risk.\n", "GRA023", "involves"),
        ("She has finish the report.\n", "GRA023", "finish"),
        ("It seem fine to me.\n", "GRA024", "seem"),
        ("You works here, don't you?\n", "GRA024", "works"),
        ("Do they knows the way?\n", "GRA024", "knows"),
        ("Her has many animals.\n", "GRA024", "Her has"),
    ],
)
def test_flagged(text: str, code: str, flagged: str) -> None:
    assert _found(text) == [(code, flagged)]


@pytest.mark.parametrize(
    "text",
    [
        "The school she went to closed, and the man I spoke to has left.\n",
        "We are going to parties; she is used to crowds and used to going alone.\n",
        "Both sides favour an early start to talks.\n",
        "He sold it to used car dealers and gave blankets to wounded soldiers.\n",
        "It was considered to be safe; the risk to life is low; they kept to schedule.\n",
        "She suggested to staff that they leave; in addition to cash, it took gold.\n",
        "She is head of the unit, he is home a lot and it is time the council acted.\n",
        "Will the children played with the dog be fine? Do the server logs show errors?\n",
        "What the job is involves travel; events are logs that matter.\n",
        "We had lunch the next day; they made it work; we journalists need sources.\n",
        "Her will was read out; US is a country; it need not matter.\n",
    ],
)
def test_not_flagged(text: str) -> None:
    assert _found(text) == []


def test_offsets_on_a_later_line() -> None:
    text = "A first line.\n\nThen they wanted\nto went home.\n"
    (finding,) = check_text(text, select=["GRA021"], language="en-US")
    assert text[finding.span.start : finding.span.end] == "to went"
    assert (finding.line, finding.column, finding.end_column) == (4, 1, 8)


def test_code_between_the_words_keeps_them_apart() -> None:
    """A verb that inline code separates from its "to" is not the one the marker governs."""
    assert _found("They wanted to went home.\n", kind="markdown") == [("GRA021", "to went")]
    assert _found("They wanted to `went` home.\n", kind="markdown") == []
