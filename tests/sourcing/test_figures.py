"""Figure detection: each class of figure, and each exclusion class."""

from __future__ import annotations

import pytest

from copydesk.sourcing.figures import Figure, find_figures
from copydesk.sourcing.options import EXCLUSION_CLASSES, SourcingOptions

OPTS = SourcingOptions.from_mapping({})


def figures(text: str, opts: SourcingOptions = OPTS) -> list[Figure]:
    return find_figures(opts, text, 0, len(text))


def claims(text: str) -> list[str]:
    return [text[f.start : f.end] for f in figures(text) if f.is_claim]


def excluded(text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.excluded for f in figures(text) if f.excluded}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The depot holds 12,500 crates.", ["12,500"]),
        ("Inflation reached 9.5% in the spring.", ["9.5%"]),
        ("Turnout fell by 40 per cent.", ["40 per cent"]),
        ("Forty per cent of the crop was lost.", ["Forty per cent"]),
        ("The deal is worth £3.9bn.", ["£3.9bn"]),
        ("Rivals offered $7.4bn for the unit.", ["$7.4bn"]),
        ("The bid was 5.65bn euros.", ["5.65bn euros"]),
        ("Shares closed at 300p.", ["300p"]),
        ("Some three million homes lost power.", ["three million"]),
        ("A third of staff walked out.", ["A third"]),
        ("Half of the members voted.", ["Half"]),
        ("Thousands of fans queued overnight.", ["Thousands of"]),
        ("Hundreds of thousands of letters arrived.", ["Hundreds of thousands of"]),
        ("Dozens were injured.", ["Dozens"]),
        ("One in five pupils walks to school.", ["One in five"]),
        ("Nine out of 10 owners agreed.", ["Nine out of 10"]),
        ("Profits doubled in a year.", ["doubled"]),
        ("Sales are quadrupling.", ["quadrupling"]),
        ("Output rose tenfold.", ["tenfold"]),
        ("The chip is 10 times faster.", ["10"]),
        ("Costs are set to double.", ["double"]),
    ],
)
def test_figure_classes(text: str, expected: list[str]) -> None:
    assert claims(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "cls"),
    [
        ("The law was passed in 1998.", "1998", "dates"),
        ("Sales peaked in the 1990s.", "1990s", "dates"),
        ("The vote is on 5 May.", "5", "dates"),
        ("The 2004-05 season ended early.", "2004", "dates"),
        ("The train left at 2200 GMT.", "2200", "times"),
        ("He was jailed for five years.", "five", "durations"),
        ("It was an 11-day run.", "11", "durations"),
        ("The 47-year-old was released.", "47", "ages"),
        ("Pat Quinn, 45, was released.", "45", "ages"),
        ("City won 3-1 at home.", "3", "sports"),
        ("The shot came from 25 yards.", "25", "sports"),
        ("She is ranked No 3 in the world.", "3", "ordinals"),
        ("It ran on Channel 4 last night.", "4", "names"),
        ("Tickets for the Six Nations sold out.", "Six", "names"),
        ("He lives at 12 Mill Lane in the town.", "12", "addresses"),
        ("1. Bring a coat.", "1", "list_numbering"),
        ("The two countries signed the pact.", "two", "anaphoric"),
        ("There are two sides to every story.", "two", "idioms"),
        ("It is unclear whether it will fetch £30m or £40m.", "£30m", "idioms"),
        ("The 6ft 6in lock was injured.", "6ft", "descriptors"),
        ("She finished a 10km charity walk.", "10km", "descriptors"),
        ("Best actor went to Rui Costa for 36, a thriller.", "36", "bare_numbers"),
    ],
)
def test_exclusions(text: str, figure: str, cls: str) -> None:
    assert excluded(text).get(figure) == cls
    assert cls in EXCLUSION_CLASSES


@pytest.mark.parametrize(
    "text",
    [
        "The average wait is now 18 weeks.",  # a duration that is a statistic
        "Fossils like these formed over 6,000 years.",  # too long to be a time span
        "The firm employs 2,400 people.",
        "The usual panel has 12 members but sat with 9 judges.",
        "The club's 11-game unbeaten run ended.",
        "Greece's 148 islands were surveyed.",
    ],
)
def test_near_misses_are_claims(text: str) -> None:
    assert claims(text)


def test_exclusion_can_be_switched_off() -> None:
    opts = SourcingOptions.from_mapping({"exclude": {"ages": False}})
    text = "The 47-year-old was released."
    assert [f.is_claim for f in figures(text, opts)] == [True]


def test_words_that_are_not_quantities() -> None:
    assert figures("One of the players was second at half-time in the first half.") == []


def test_offsets_with_non_ascii_text() -> None:
    text = "Zürich café owners — «all of them» — paid £1.2m in fees."
    [fig] = figures(text)
    assert text[fig.start : fig.end] == "£1.2m"
    assert fig.start == text.index("£")
    assert fig.kind == "money"
