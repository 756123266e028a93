"""Word forms, the agreement lexicon, dates and entry-by-entry matching."""

from __future__ import annotations

import re

import pytest

from copydesk.api import check_text
from copydesk.kinds.agreement import lexicon
from copydesk.kinds.dates import month_length, story_year
from copydesk.kinds.prefilter import EntryScanner
from copydesk.wordforms import expand_options, expand_pattern, expand_swap


def test_swap_covers_every_form_with_a_fix_in_the_same_form() -> None:
    swap = expand_swap({"return back": "return", "PIN number": "PIN", "end result": "result"})
    assert swap["returned back"] == "returned"
    assert swap["returning back"] == "returning"
    assert swap["PIN numbers"] == "PINs"
    assert swap["end results"] == "results"
    assert "return backs" not in swap  # "back" is an adverb here
    assert "ended result" not in swap  # the fix does not keep the verb


def test_irregular_forms_come_from_the_library() -> None:
    swap = expand_swap({"take over the reigns": "take over the reins"})
    assert swap["took over the reigns"] == "took over the reins"
    assert swap["taken over the reigns"] == "taken over the reins"
    pattern = expand_pattern(r"\bwas\s+{VBN:shoot|strike}\s+by")
    assert re.search(pattern, "He was shot by a sniper.")
    assert re.search(pattern, "It was struck by lightning.")
    assert not re.search(pattern, "He was shoot by a sniper.")


def test_a_verb_with_two_forms_of_one_tag_keeps_the_one_the_phrase_has() -> None:
    swap = expand_swap({"be dependent of": "be dependent on"})
    assert swap["was dependent of"] == "was dependent on"
    assert swap["were dependent of"] == "were dependent on"
    assert swap["am dependent of"] == "am dependent on"
    assert swap["are dependent of"] == "are dependent on"
    assert swap["is dependent of"] == "is dependent on"


def test_options_without_forms_are_untouched() -> None:
    options = {"swap": {"free reign": "free rein"}}
    assert expand_options("substitution", options) == options


def test_lexicon_classes() -> None:
    lex = lexicon()
    assert "dogs" in lex["plural"]
    assert "went" in lex["vbd_only"] and "focused" not in lex["vbd_only"]
    assert "introduce" in lex["base"] and "wants" in lex["vbz"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("He cited an UN report.\n", "GRA001"),
        ("She is a LA lawyer.\n", "GRA001"),
        ("It was a hour's drive.\n", "GRA001"),
        ("Traffic stalled on a M25 slip road.\n", "GRA001"),
        ("It was a 8th attempt.\n", "GRA001"),
        ("Sales fell in the 90's.\n", "DAT001"),
        ("She returned back home.\n", "CLR002"),
        ("He took over the reigns.\n", "STY002"),
        ("The officer was shot by a sniper.\n", "CLR007"),
    ],
)
def test_issue_examples_are_flagged(text: str, code: str) -> None:
    assert code in {f.code for f in check_text(text, select=[code])}


@pytest.mark.parametrize("text", ["It was a utopia.\n", "He is a Uruguay fan.\n"])
def test_consonant_sounds_pass(text: str) -> None:
    assert check_text(text, select=["GRA001"]) == []


def test_date_year_from_front_matter_and_exact_span() -> None:
    text = "---\ntitle: Vote\ndate: 2015-03-01\n---\nThe vote is on Monday 3 March, not later.\n"
    [finding] = check_text(text, path="story.md", kind="markdown", select=["DAT006"])
    assert text[finding.span.start : finding.span.end] == "Monday 3 March"
    assert "Tuesday" in finding.message
    assert (finding.line, finding.column) == (5, 16)
    assert story_year(text) == 2015
    assert story_year("No front matter.") is None


def test_month_lengths() -> None:
    assert month_length(2024, 2) == 29
    assert month_length(2023, 2) == 28
    assert month_length(2023, 12) == 31
    assert check_text("Rent was due on 29 February 2024.\n", select=["DAT006"]) == []


def test_entry_scanner_matches_like_one_alternation() -> None:
    entries = [r"\bone\s+two\b", r"\btwo\s+three\b", r"\bone\b"]
    text = "one two three, one, two three one two"
    scanner = EntryScanner(entries, 0)
    got = [m.span() for _, m in scanner.finditer(text, text)]
    want = [m.span() for m in re.finditer("|".join(f"(?:{e})" for e in entries), text)]
    assert got == want


@pytest.mark.parametrize(
    ("text", "wrong", "fix", "code"),
    [
        ("Tell me: is their any milk left?\n", "their any", "there any", "GRA007"),
        ("Costs were far higher then expected.\n", "then expected", "than expected", "GRA007"),
        ("I wondered if they could loose their seats.\n", "loose", "lose", "GRA007"),
        ("It was, to some extend, a success.\n", "to some extend", "to some extent", "GRA030"),
        ("Fans had been loosing track of time.\n", "loosing track of", "losing track of", "GRA030"),
        ("The two plans were one in the same.\n", "one in the same", "one and the same", "STY002"),
    ],
)
def test_confused_word_span_and_fix(text: str, wrong: str, fix: str, code: str) -> None:
    # entries that start at the confused word keep the words before it in a look-behind: the
    # finding covers the wrong words only, and the fix still fills in their groups
    [finding] = check_text(text, select=[code])
    assert text[finding.span.start : finding.span.end] == wrong
    assert finding.span.start == text.index(wrong)
    assert finding.fix is not None
    assert [e.replacement for e in finding.fix.edits] == [fix]


def test_lexicon_degree_classes() -> None:
    lex = lexicon()
    assert "easier" in lex["comparative"] and "biggest" in lex["superlative"]
    assert "clever" not in lex["comparative"]  # a positive ending in -er is no comparative


@pytest.mark.parametrize(
    ("text", "code", "flagged", "position"),
    [
        ("Well.\nThey works here.\n", "GRA013", "works", (2, 6)),
        ("The list of items are long.\n", "GRA013", "are", (1, 19)),
        ("A lot of people is angry.\n", "GRA013", "is", (1, 17)),
        ("Does he goes home?\n", "GRA013", "goes", (1, 9)),
        ("There's problems with it.\n", "GRA013", "There's", (1, 1)),
        ("A women walked in.\n", "GRA040", "women", (1, 3)),
        ("She is one of the best player in the team.\n", "GRA040", "player", (1, 24)),
        ("It is more easier to use.\n", "GRA041", "more easier", (1, 7)),
        ("Keep it between you and I.\n", "GRA042", "you and I", (1, 17)),
        ("My sister and her went home.\n", "GRA042", "her", (1, 15)),
        ("To who do I write?\n", "GRA042", "who", (1, 4)),
    ],
)
def test_agreement_spans_are_exact(
    text: str, code: str, flagged: str, position: tuple[int, int]
) -> None:
    [finding] = check_text(text, select=[code])
    assert text[finding.span.start : finding.span.end] == flagged
    assert (finding.line, finding.column) == position


def test_agreement_rules_read_one_story_each() -> None:
    # the rules of the kind share one tokenisation; a second story must not see the first's
    first = check_text("They works here.\n", select=["GRA013", "GRA040"])
    second = check_text("A women walked in.\n", select=["GRA013", "GRA040"])
    assert [f.code for f in first] == ["GRA013"]
    assert [f.code for f in second] == ["GRA040"]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Run a npm install first.\n", "a npm"),  # "n-p" begins no syllable: letters
        ("The linker takes a rpath.\n", "a rpath"),
        ("It needs an URL.\n", "an URL"),
        ("Save it as a xml file.\n", "a xml"),
    ],
)
def test_words_read_letter_by_letter_are_flagged(text: str, wrong: str) -> None:
    [finding] = check_text(text, select=["GRA001"])
    assert text[finding.span.start : finding.span.end] == wrong


@pytest.mark.parametrize(
    "text",
    [
        "There is an lcov reporter and an rsync job.\n",  # "el-cov", "ar-sync"
        "Objects have an mtime.\n",
        "Pass a url or a uuid, not a usb path.\n",  # "you-are-el"
        "It returns a str value.\n",  # "a string" or "an S-T-R": left alone
        "It returns an str value.\n",
        "Use a SaaS backend.\n",  # said "sass"
        "They kept a llama by a fjord, with a rhythm all their own.\n",  # loanword onsets
        "Lists of a/an word pairs.\n",  # the articles are named, not used
    ],
)
def test_letter_reading_false_alarms_pass(text: str) -> None:
    assert check_text(text, select=["GRA001"]) == []
