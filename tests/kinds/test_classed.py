"""The classed kind: patterns whose named words must be of lexicon classes."""

from __future__ import annotations

from typing import Any

import pytest

from copydesk.api import check_text
from copydesk.document import parse_document
from copydesk.engine.rules import RuleSpec
from copydesk.kinds import Context
from copydesk.kinds.classed import Kind, expand
from copydesk.model import Level


def _rule(**options: Any) -> RuleSpec:
    return RuleSpec(
        code="HSE100",
        name="classed-test",
        kind="classed",
        level=Level.WARNING,
        pack="test",
        path="test.yaml",
        summary="",
        message="{match}",
        source="",
        options=options,
    )


def _spans(kind: Kind, text: str) -> list[str]:
    return [text[m.start : m.end] for m in kind.run(parse_document(text, "t.txt", "text"))]


def test_a_named_group_must_be_of_its_classes() -> None:
    kind = Kind(
        _rule(swap={r"\bthe\s+(?P<noun>[a-z]+)\b": ""}, classes={"noun": "plural"}), Context()
    )
    assert _spans(kind, "the cats and the dog and the sheep") == ["the cats"]


def test_minus_excludes_a_class_and_a_digit_suffix_shares_the_group_test() -> None:
    kind = Kind(
        _rule(
            swap={r"\b(?P<noun>[a-z]+)\s+and\s+(?P<noun2>[a-z]+)\b": ""},
            classes={"noun": "singular -base"},
        ),
        Context(),
    )
    # "city" and "friend" are nouns only; "plan" is a verb as well
    assert _spans(kind, "city and friend, city and plan") == ["city and friend"]


def test_unknown_class_and_group_without_classes_are_errors() -> None:
    with pytest.raises(ValueError, match="unknown class 'nown'"):
        Kind(_rule(swap={r"(?P<noun>\w+)": ""}, classes={"noun": "singular -nown"}), Context())
    with pytest.raises(ValueError, match="group 'word' has no entry in classes"):
        Kind(_rule(swap={r"(?P<word>\w+)": ""}), Context())


def test_define_fills_named_fragments_and_leaves_quantifiers() -> None:
    assert expand(r"{det}x{2,3}{nope}", {"det": "(?:a|the) "}) == r"(?:a|the) x{2,3}{nope}"


def test_overlapping_entries_report_once() -> None:
    kind = Kind(
        _rule(swap={r"\blong\s+term\b": "", r"\bterm\s+plan\b": "", r"\blong\b": ""}), Context()
    )
    assert _spans(kind, "a long term plan") == ["long term"]


@pytest.mark.parametrize(
    ("text", "code", "flagged", "position", "fix"),
    [
        (
            "Plans.\nThey agreed a long term plan.\n",
            "GRA045",
            "long term",
            (2, 15),
            "long-term",
        ),
        ("It was a twenty one gun salute.\n", "GRA045", "twenty one", (1, 10), "twenty-one"),
        (
            "The two hour delay hurt.\n",
            "GRA008",
            "The two hour delay",
            (1, 1),
            "The two-hour delay",
        ),
        ("Kyoto is an oldest city.\n", "GRA047", "an oldest", (1, 10), "the oldest"),
        ("It was the employees's call.\n", "GRA048", "employees's", (1, 12), "employees'"),
        ("As result of it, we left.\n", "GRA049", "As result of", (1, 1), "As a result of"),
    ],
)
def test_spans_and_fixes_are_exact(
    text: str, code: str, flagged: str, position: tuple[int, int], fix: str
) -> None:
    [finding] = check_text(text, select=[code])
    assert text[finding.span.start : finding.span.end] == flagged
    assert (finding.line, finding.column) == position
    assert finding.fix is not None
    assert [e.replacement for e in finding.fix.edits] == [fix]


def test_entry_without_replacement_has_no_fix_and_its_own_message() -> None:
    [finding] = check_text("She gave two week's notice.\n", select=["GRA048"])
    assert finding.fix is None
    assert "two week's" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "In the long term, the plan is long term.\n",
        "In the long term interest rates rise.\n",
        "The bill brings in house arrest.\n",
        "She is a best friend of mine, and he is best known for it.\n",
        "How many analyst's reports were read?\n",
        "The first class students arrived.\n",
    ],
)
def test_phrases_that_read_another_way_pass(text: str) -> None:
    assert (
        check_text(text, select=["GRA008", "GRA045", "GRA046", "GRA047", "GRA048", "GRA049"]) == []
    )


def _markdown_spans(kind: Kind, text: str) -> list[str]:
    return [text[m.start : m.end] for m in kind.run(parse_document(text, "t.md", "markdown"))]


def test_a_code_span_is_a_word_not_the_end_of_a_phrase() -> None:
    kind = Kind(
        _rule(swap={r"\ba\s+(?P<adj>[a-z]+)(?=\s*[.)])": ""}, classes={"adj": "adj"}),
        Context(),
    )
    # the code span is the noun the adjective modifies; a link's hidden target is not
    assert _markdown_spans(kind, "It returns a valid `Handle`. It was a valid.") == ["a valid"]
    assert _markdown_spans(kind, "See [a valid](https://example.com/).") == ["a valid"]
    assert _markdown_spans(kind, "It was a valid.") == ["a valid"]


def test_a_match_does_not_join_words_that_code_keeps_apart() -> None:
    kind = Kind(_rule(swap={r"\ba\s+many\b": "many"}), Context())
    assert _markdown_spans(kind, "a `x` many; a many") == ["a many"]
