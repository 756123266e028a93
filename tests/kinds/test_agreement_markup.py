"""The agreement kind reads no verb inside a hyphenated compound or across code (GRA013)."""

from __future__ import annotations

import pytest

from copydesk.api import check_text


@pytest.mark.parametrize(
    "text",
    [
        "The lint is now deny-by-default; it was already warn-by-default.\n",
        "Most crates that are not `std` have been moved.\n",
        "Have `audit fix` install newer versions.\n",
        "The following are optional; the following is required.\n",
        "If there are merge conflicts, ask the author to rebase.\n",
        "The package files within it aren't corrupt.\n",
    ],
)
def test_agreement_reads_no_verb_across_code_or_inside_a_compound(text: str) -> None:
    assert check_text(text, "t.md", "markdown", select=["GRA013"]) == []


def test_agreement_still_reads_the_verb_beside_code_and_after_a_compound() -> None:
    # the auxiliary and its verb stand together, so code further off changes nothing
    text = "The `run` step was went twice.\n"
    [finding] = check_text(text, "t.md", "markdown", select=["GRA013"])
    assert text[finding.span.start : finding.span.end] == "went"
    [finding] = check_text("It is opt-in. They works here.\n", select=["GRA013"])
    assert (finding.line, finding.column) == (1, 20)
