"""Attribution patterns, window policies, rules and messages of SourcingChecker."""

from __future__ import annotations

import pytest

from copydesk.sourcing import SourcingChecker, SourcingIssue

CHECKER = SourcingChecker({})


def check(text: str, checker: SourcingChecker = CHECKER) -> list[SourcingIssue]:
    return checker.check(text, [(0, len(text))])


def flagged(text: str, checker: SourcingChecker = CHECKER) -> list[tuple[str, str]]:
    return [(i.rule, i.figure) for i in check(text, checker)]


@pytest.mark.parametrize(
    "text",
    [
        "The council said 1,200 homes were flooded.",
        "1,200 homes were flooded, the council said.",
        "1,200 homes were flooded, said the council's chief engineer.",
        "The mayor told reporters that 1,200 homes were flooded.",
        "1,200 homes were flooded, according to the council.",
        "Figures from the council show 1,200 homes were flooded.",
        "Figures released by the council on Monday put the total at 1,200.",
        "Data from the insurers suggest 1,200 homes were flooded.",
        "A report by the council found 1,200 homes were flooded.",
        "In a statement, the council confirmed 1,200 homes were flooded.",
        "A survey by the insurers found 1,200 homes were flooded.",
        "The toll was estimated by the council at 1,200 homes.",
        "The council has estimated that 1,200 homes were flooded.",
        "Engineers put the repair bill at £40m.",
        "The firm posted a profit of £3m.",
        "The report, which said 1,200 homes were flooded, was published.",
        "An estimated 3,000 people are camping near the port, police said.",
        '"We lost 1,200 homes," the mayor said.',
        'The mayor said she was shocked. "We lost 1,200 homes."',
        '"It was a terrible night," she said. "The river rose fast. We lost 1,200 homes."',
        "The bank said losses rose. Its retail arm also lost £30m.",
    ],
)
def test_attributed(text: str) -> None:
    assert flagged(text) == []


@pytest.mark.parametrize(
    ("text", "rule", "figure"),
    [
        ("1,200 homes were flooded.", "unsourced-figure", "1,200"),
        ("An estimated 3,000 people are camping near the port.", "agentless-estimate", "3,000"),
        ("Turnout is expected to reach 60%.", "agentless-estimate", "60%"),
        ("It is thought 200 staff will go.", "agentless-estimate", "200"),
        ("The ship reportedly carried 900 tonnes.", "agentless-estimate", "900"),
        ("It was announced that 37 offices would close.", "agentless-estimate", "37"),
        ("The firm was reported to have lost £4m.", "agentless-estimate", "£4m"),
        ("The regulator was widely reported to want £350m.", "vague-attribution", "£350m"),
        ("Reports say 1,200 homes were flooded.", "vague-attribution", "1,200"),
        ("Experts say 1,200 homes were flooded.", "vague-attribution", "1,200"),
        ("Studies show 40% of pupils skip breakfast.", "vague-attribution", "40%"),
        ("Sources said 300 jobs would go.", "vague-attribution", "300"),
        ("Some believe 300 jobs will go.", "vague-attribution", "300"),
        ("Thousands of fans queued overnight.", "vague-quantity", "Thousands of"),
        ('"We lost 1,200 homes."', "unsourced-figure", "1,200"),
        (
            "The mayor, whose firm owns 90 shops, said the town would recover.",
            "unsourced-figure",
            "90",
        ),
        (
            "There are 575 million PCs in use. That is according to a new study.",
            "unsourced-figure",
            "575 million",
        ),
    ],
)
def test_unattributed(text: str, rule: str, figure: str) -> None:
    assert (rule, figure) in flagged(text)


def test_carry_over_is_not_transitive() -> None:
    text = (
        "The bank said losses rose sharply. Its retail arm also lost £30m. "
        "In Spain its insurance arm lost £12m."
    )
    assert flagged(text) == [("unsourced-figure", "£12m")]


def test_carry_over_needs_a_continuation() -> None:
    text = "The bank said losses rose sharply. However, the city has 40,000 residents."
    assert flagged(text) == [("unsourced-figure", "40,000")]


def test_carry_over_does_not_follow_a_closed_quotation() -> None:
    text = '"Losses rose sharply," the banker said. The bank has lost £30m on loans.'
    assert flagged(text) == [("unsourced-figure", "£30m")]


def test_carry_over_stays_within_a_block() -> None:
    text = "The bank said losses rose sharply.\n\nIts retail arm also lost £30m."
    blocks = [(0, 34), (36, len(text))]
    assert [(i.rule, i.figure) for i in CHECKER.check(text, blocks)] == [
        ("unsourced-figure", "£30m")
    ]


def test_carry_over_can_be_switched_off() -> None:
    checker = SourcingChecker({"carryover": False})
    text = "The bank said losses rose. Its retail arm also lost £30m."
    assert flagged(text, checker) == [("unsourced-figure", "£30m")]


def test_window_policies() -> None:
    text = (
        "The regional bank said its mortgage lending fell sharply last year. "
        "The weather was poor. Shares in the bank then dropped. "
        "Mortgage lending at the regional bank fell by £40m."
    )
    assert flagged(text) == [("unsourced-figure", "£40m")]
    lenient = SourcingChecker({"window": "lenient"})
    assert flagged(text, lenient) == []


def test_messages_name_the_figure_and_what_is_missing() -> None:
    [issue] = check("An estimated 3,000 people are camping near the port.")
    assert issue.message == (
        "'3,000' is an estimate with no source ('An estimated'): who estimated it?"
    )
    [issue] = check("1,200 homes were flooded.")
    assert issue.message.startswith("'1,200' has no source")
    assert issue.message.endswith("who says so?")
    [issue] = check("Reports say 1,200 homes were flooded.")
    assert "'Reports say'" in issue.message
    [issue] = check("Thousands of fans queued overnight.")
    assert issue.message.startswith("'Thousands of' is a vague quantity")


def test_vague_attribution_without_figure_is_opt_in() -> None:
    text = "Experts say the plan will fail."
    assert check(text) == []
    checker = SourcingChecker({"vague_without_figure": True})
    [issue] = check(text, checker)
    assert issue.rule == "vague-attribution"
    assert issue.figure == "Experts say"


def test_exact_offsets_with_non_ascii_text() -> None:
    text = "Zürich café owners — «all of them» — paid £1.2m in fees. Crème brûlée cost €9."
    issues = check(text)
    assert [(i.figure, text[i.start : i.end]) for i in issues] == [
        ("£1.2m", "£1.2m"),
        ("€9", "€9"),
    ]
    assert issues[0].start == text.index("£")


def test_given_sentences_and_masked_text() -> None:
    text = "    Police said 300 people came.       Then 40 more arrived."
    sentences = [(4, 31), (38, len(text))]
    issues = CHECKER.check(text, [(0, len(text))], sentences)
    assert [(i.figure, i.start) for i in issues] == [("40", text.index("40"))]


def test_bad_options_are_rejected() -> None:
    with pytest.raises(ValueError, match="window"):
        SourcingChecker({"window": "sometimes"})
    with pytest.raises(ValueError, match="unknown exclusion class"):
        SourcingChecker({"exclude": {"weather": True}})
    with pytest.raises(ValueError, match="unknown sourcing option"):
        SourcingChecker({"colour": "red"})
    with pytest.raises(ValueError, match="bad pattern"):
        SourcingChecker({"agentless_cues": ["("]})
