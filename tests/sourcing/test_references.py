"""Numbers that are never claims, in any kind of text, and the shipped reference patterns'
precomputed literals."""

from __future__ import annotations

import pytest

from copydesk.sourcing import SourcingChecker
from copydesk.sourcing.options import _SHIPPED_REFERENCE_HINTS, DEFAULT_OPTIONS
from copydesk.sourcing.prefilter import regex_hints

CHECKER = SourcingChecker({})


def flagged(text: str) -> list[str]:
    return [issue.figure for issue in CHECKER.check(text, [(0, len(text))])]


NEVER_CLAIMS = [
    ("version", "The fix ships in 9.1.14 of the plugin.", "9.1"),
    ("version after a name", "The site now builds with Python 3.11 and Hugo 0.120.", "3.11"),
    ("version word", "Readers on version 3 of the app see the new menu.", "3"),
    ("issue reference", "The crash was reported in #7133 by a contributor.", "7133"),
    ("pull request", "The layout change landed in PR 482 last week.", "482"),
    ("CVE", "The patch closes CVE-2021-44228 in the logging library.", "2021"),
    ("footnote marker", "The council raised the fee twice.[^3]", "3"),
    ("bracketed note", "The council raised the fee twice [12].", "12"),
    ("licence CC0", "The photographs are released under CC0 1.0 for reuse.", "1.0"),
    ("licence GPL", "The tool is distributed under GPL-3.0 or later.", "3.0"),
    ("licence Apache", "Our code is licensed under Apache 2.0 like the rest.", "2.0"),
    ("HTML entity", "Write &#8212; for a long dash in older templates.", "8212"),
    ("file name", "The figures are in 2024-budget.csv on the shared drive.", "2024"),
    ("phone number UK", "Readers can call the newsdesk on 020 7946 0958 today.", "020"),
    ("phone number international", "Call +44 20 7946 0958 for the picture desk.", "44"),
    ("phone number US", "The tip line is (555) 123-4567 for callers.", "555"),
    ("postcode UK", "Letters go to the office at SW1A 1AA as before.", "1"),
    ("postcode US", "Send entries to the office in Washington, DC 20500 by post.", "20500"),
    ("section sign", "The rule is set out in § 4.2 of the guide.", "4.2"),
    ("section number", "See section 3.1 of the stylebook for the details.", "3.1"),
    ("style example", "Use numerals for 10 and above in running copy.", "10"),
    ("style example in words", "Spell out numbers below ten in headlines.", "ten"),
]


@pytest.mark.parametrize(("what", "text", "figure"), NEVER_CLAIMS, ids=[c[0] for c in NEVER_CLAIMS])
def test_never_a_claim(what: str, text: str, figure: str) -> None:
    assert not [f for f in flagged(text) if figure in f], what


CLAIMS = [
    ("decimal is not a version", "Prices rose 3.11% in the year to March.", "3.11%"),
    ("count after a hash-free number", "The council sold 7133 homes last year.", "7133"),
    ("licence word without a version", "Apache helicopters cost £40m each.", "£40m"),
    ("plain count near a section", "The section lost 300 jobs.", "300"),
    ("spelled-out claim", "Ten people were hurt in the crash.", "Ten"),
]


@pytest.mark.parametrize(("what", "text", "figure"), CLAIMS, ids=[c[0] for c in CLAIMS])
def test_claims_still_flagged(what: str, text: str, figure: str) -> None:
    assert figure in flagged(text), what


def test_references_can_be_switched_off() -> None:
    checker = SourcingChecker({"exclude": {"references": False}})
    text = "The crash was reported in #7133 by a contributor."
    assert [i.figure for i in checker.check(text, [(0, len(text))])] == ["7133"]


def test_shipped_hints_match_the_patterns() -> None:
    patterns = DEFAULT_OPTIONS["reference_patterns"]
    assert len(patterns) == len(_SHIPPED_REFERENCE_HINTS)
    for pattern, hints in zip(patterns, _SHIPPED_REFERENCE_HINTS, strict=True):
        found = regex_hints([pattern])
        if found is not None:
            assert hints is not None and set(hints) == set(found), pattern
        elif hints is not None:
            # A hand-given literal: a single character the pattern spells out.
            assert all(len(h) == 1 and h in pattern for h in hints), pattern


def test_shipped_patterns_compile() -> None:
    import re

    for key in ("reference_patterns", "name_patterns", "idioms", "agentless_cues", "vague_phrases"):
        for pattern in DEFAULT_OPTIONS[key]:
            re.compile(pattern)


SHAPE_EXAMPLES = [
    "Upgrade to 3.11.2 today, or to 2.123456.7 or 10.2024.1.",
    "It was fixed in #7133.",
    "See note [12] for more.",
    "Open 2024-notes.md first.",
    "Call +44 20 7946 0000 now.",
    "Call 020\u00a07946 0000 now.",
    "Call 0161-496-0000 now.",
    "Call (020) 7946 0000 now.",
    "Call 555.123.4567 now.",
    "Write to SW1A 1AA or to M1 1AE.",
    "Write to CA 94105 today.",
]


@pytest.mark.parametrize("text", SHAPE_EXAMPLES)
def test_shipped_shapes_hold_every_match(text: str) -> None:
    import re

    from copydesk.sourcing.options import _SHIPPED_REFERENCE_SHAPES
    from copydesk.sourcing.prefilter import TextIndex

    patterns = DEFAULT_OPTIONS["reference_patterns"]
    assert len(patterns) == len(_SHIPPED_REFERENCE_SHAPES)
    shape = TextIndex(text, text.lower()).shape
    assert len(shape) == len(text)
    matched = 0
    for pattern, shapes in zip(patterns, _SHIPPED_REFERENCE_SHAPES, strict=True):
        for m in re.finditer(pattern, text):
            matched += 1
            if shapes is not None:
                assert any(s in shape[m.start() : m.end()] for s in shapes), (pattern, m)
    assert matched


def test_shape_classes() -> None:
    from copydesk.sourcing.prefilter import TextIndex

    text = "Rs 1,2\u00a0x\u2009Y\t£"
    assert TextIndex(text, text.lower()).shape == "Aa 0,0 a A ?"


def test_shipped_list_hints_match_the_patterns() -> None:
    from copydesk.sourcing.options import _SHIPPED_LIST_HINTS

    for key, hints in _SHIPPED_LIST_HINTS.items():
        found = regex_hints(DEFAULT_OPTIONS[key])
        assert (hints is None) == (found is None), key
        assert set(hints or ()) == set(found or ()), key


@pytest.mark.parametrize(
    "text",
    [
        "Install Python 3.12, or Python3 on older boxes.",
        "It runs on React Native 0.72 and Node.js 18.",
        "Built for OS X 10.9 and Unreal Engine 5.",
        "Version   2 ships with build 4411 and ver. 3.",
    ],
)
def test_shipped_leads_end_before_every_match(text: str) -> None:
    import re

    from copydesk.sourcing.figures import _lead_before_digits
    from copydesk.sourcing.options import _SHIPPED_REFERENCE_LEADS

    low = text.lower()
    matched = 0
    for at, leads in _SHIPPED_REFERENCE_LEADS.items():
        pattern = DEFAULT_OPTIONS["reference_patterns"][at]
        for m in re.finditer(pattern, text):
            matched += 1
            starts = [d.start() for d in re.finditer(r"\d+", m.group(0))]
            starts = [m.start() + s for s in starts]
            assert _lead_before_digits(low, m.start(), starts, leads), (pattern, m)
    assert matched
