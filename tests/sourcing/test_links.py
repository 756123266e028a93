"""A hyperlink is a citation: link text, reference links, HTML anchors, bare URLs and
footnote references, read from the original source through a real document."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.document.read import load_document
from copydesk.sourcing import SourcingChecker
from copydesk.sourcing.links import find_links


def issues(tmp_path: Path, body: str, options: dict[str, object] | None = None) -> list[str]:
    path = tmp_path / "story.md"
    path.write_text(body, encoding="utf-8")
    doc = load_document(str(path))
    checker = SourcingChecker(options or {})
    blocks = [(b.start, b.end) for b in doc.blocks]
    sentences = [(s.start, s.end) for s in doc.sentences]
    found = checker.check(doc.masked, blocks, sentences, doc.source)
    for issue in found:  # offsets point at the figure in the original file
        assert doc.source[issue.start : issue.end] == issue.figure
    return [issue.figure for issue in found]


LINKED = [
    (
        "figure in link text",
        "Readers finish [62 percent of short stories](https://example.org/r).\n",
    ),
    (
        "claim linked after the figure",
        "Readers finish 62 percent of stories, [a study found](https://example.org/r).\n",
    ),
    (
        "reference link",
        "Readers finish 62 percent of stories ([survey][s]).\n\n[s]: https://example.org/s\n",
    ),
    (
        "collapsed reference",
        "Readers finish [62 percent][] of stories.\n\n[62 percent]: https://example.org/s\n",
    ),
    ("HTML anchor", 'Readers finish <a href="https://example.org/r">62 percent</a> of stories.\n'),
    ("autolink", "Readers finish 62 percent of stories <https://example.org/r>.\n"),
    ("bare URL", "Readers finish 62 percent of stories (https://example.org/r).\n"),
    ("footnote", "Readers finish 62 percent of stories.[^1]\n\n[^1]: The 2024 reader survey.\n"),
]


@pytest.mark.parametrize(("what", "body"), LINKED, ids=[c[0] for c in LINKED])
def test_linked_claim_is_sourced(tmp_path: Path, what: str, body: str) -> None:
    assert issues(tmp_path, body) == [], what


UNLINKED = [
    ("no link", "Readers finish 62 percent of stories.\n"),
    (
        "link in another sentence",
        "Readers finish 62 percent of stories. See [our guide](https://example.org/g).\n",
    ),
    ("undefined reference", "Readers finish 62 percent of stories ([survey][nothing]).\n"),
    ("brackets that are not a link", "Readers finish 62 percent of stories [sic].\n"),
]


@pytest.mark.parametrize(("what", "body"), UNLINKED, ids=[c[0] for c in UNLINKED])
def test_unlinked_claim_is_flagged(tmp_path: Path, what: str, body: str) -> None:
    assert issues(tmp_path, body) == ["62 percent"], what


def test_text_mode_needs_the_figure_inside_the_link(tmp_path: Path) -> None:
    inside = "Readers finish [62 percent of stories](https://example.org/r).\n"
    beside = "Readers finish 62 percent of stories ([details](https://example.org/r)).\n"
    assert issues(tmp_path, inside, {"link_attribution": "text"}) == []
    assert issues(tmp_path, beside, {"link_attribution": "text"}) == ["62 percent"]


def test_off_mode_ignores_links(tmp_path: Path) -> None:
    body = "Readers finish [62 percent of stories](https://example.org/r).\n"
    assert issues(tmp_path, body, {"link_attribution": "off"}) == ["62 percent"]


def test_bad_mode_is_rejected() -> None:
    with pytest.raises(ValueError, match="link_attribution"):
        SourcingChecker({"link_attribution": "always"})


def test_find_links_spans() -> None:
    source = "See [the report](https://x.org/a \"Title\") and <a href='/b'>this</a>."
    found = [(source[link.text_start : link.text_end]) for link in find_links(source)]
    assert found == ["the report", "this"]


def test_through_the_cli(tmp_path: Path) -> None:
    from copydesk.cli import main

    story = tmp_path / "story.md"
    story.write_text(
        "Readers finish [62 percent of stories](https://example.org/r).\n\n"
        "Readers skim 40 percent of pages.\n",
        encoding="utf-8",
    )
    code = main(
        [
            "check",
            "--select",
            "SRC001",
            "--format",
            "json",
            "-o",
            str(tmp_path / "r.json"),
            str(story),
        ]
    )
    assert code == 1
    report = (tmp_path / "r.json").read_text(encoding="utf-8")
    assert '"40 percent"' in report or "40 percent" in report
    assert "62 percent" not in report


MARKUP_NEVER_CLAIMS = [
    ("code span", "Set `retries = 30` before the import runs.\n"),
    ("fenced code", "The import runs first.\n\n```\nretries = 30\n```\n"),
    ("ordered list numbering", "The import runs first.\n\n12. Open the archive page.\n"),
    ("version heading", "## 9.1.14\n\nThe import runs first.\n"),
    ("link target", "Read [the guide](https://example.org/v/2024/30-items).\n"),
]


@pytest.mark.parametrize(
    ("what", "body"), MARKUP_NEVER_CLAIMS, ids=[c[0] for c in MARKUP_NEVER_CLAIMS]
)
def test_markup_numbers_are_never_claims(tmp_path: Path, what: str, body: str) -> None:
    assert issues(tmp_path, body) == [], what


def test_list_item_claim_is_still_flagged(tmp_path: Path) -> None:
    assert issues(tmp_path, "The import runs first.\n\n1. Readers skim 40 percent of pages.\n") == [
        "40 percent"
    ]
