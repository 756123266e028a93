"""Grammar entries stay quiet where the words around a look-alike settle the right sense."""

from __future__ import annotations

import pytest

from copydesk.api import check_text

GRAMMAR = ["GRA007", "GRA009", "GRA014", "GRA015", "GRA021", "GRA050"]


@pytest.mark.parametrize(
    "text",
    [
        # "passed" as an adjective before its noun, also when the noun is on the next line
        "Data is copied from the passed-in buffer.\n",
        "It reads the size of the passed data.\n",
        "It looks up a property of the passed\narguments and the receiver.\n",
        # "to" stranded before the agent of a passive
        "It frees memory pointed to by a shared reference.\n",
        "The log was written to by a second process.\n",
        # an imperative "Do it" or "Have it" is not a question
        "Add a comment. Do it right away so you don't forget!\n",
        "Have it ready by noon.\n",
        # the noun "dependent"
        "The stream is made a dependent of the new stream.\n",
        "Existing dependents of the parent are moved.\n",
        # "to" stranded at the end of a relative clause, before the main verb
        "The remote side of the stream being written to has been closed.\n",
        "The one I spoke to has left, and the school we went to takes boarders.\n",
    ],
)
def test_settled_sense_is_not_flagged(text: str) -> None:
    assert check_text(text, select=GRAMMAR) == []


@pytest.mark.parametrize(
    ("text", "wrong", "fix", "code"),
    [
        ("In the passed, we wrote letters.\n", "the passed", "the past", "GRA007"),
        ("Much changed in the passed\ndecades.\n", "the passed", "the past", "GRA007"),
        ("They wanted to by a house.\n", "by a", "buy a", "GRA007"),
        (
            "The town is heavily dependent of tourism.\n",
            "heavily dependent of",
            "heavily dependent on",
            "GRA014",
        ),
        ("The towns were dependent of it.\n", "were dependent of", "were dependent on", "GRA014"),
    ],
)
def test_wrong_sense_is_flagged_with_its_fix(text: str, wrong: str, fix: str, code: str) -> None:
    [finding] = check_text(text, select=GRAMMAR)
    assert finding.code == code
    assert text[finding.span.start : finding.span.end] == wrong
    assert finding.fix is not None
    assert [e.replacement for e in finding.fix.edits] == [fix]


@pytest.mark.parametrize(
    ("text", "flagged", "code"),
    [
        ("Do it work? Ask them.\n", "Do it work", "GRA009"),
        ("He needs to goes there.\n", "to goes", "GRA021"),
        ("She wanted to has a rest.\n", "to has", "GRA021"),
    ],
)
def test_wrong_form_is_flagged(text: str, flagged: str, code: str) -> None:
    [finding] = check_text(text, select=GRAMMAR)
    assert finding.code == code
    assert text[finding.span.start : finding.span.end] == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The flag allows to change what happens.\n", "allows to change"),
        (
            "The signal fires, allowing to\n      abort the call early.\n",
            "allowing to\n      abort",
        ),
    ],
)
def test_allow_to_is_reported_once(text: str, flagged: str) -> None:
    # "allows to" without an object is one problem: one finding, with the fixes
    [finding] = check_text(text, select=GRAMMAR)
    assert finding.code == "GRA050"
    assert text[finding.span.start : finding.span.end] == flagged
    assert finding.fix is not None
