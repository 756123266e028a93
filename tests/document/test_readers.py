"""Readers keep every prose character at its source offset and blank everything else."""

from __future__ import annotations

import pytest

from copydesk.document import parse_document


def _prose(doc_text: str, kind: str) -> list[tuple[str, str]]:
    doc = parse_document(doc_text, f"x.{kind}", kind)
    assert len(doc.masked) == len(doc.source)
    return [(b.scope, doc.masked[b.start : b.end]) for b in doc.blocks]


def test_markdown_masks_markup_and_keeps_offsets() -> None:
    src = "# Title *here*\n\nSee [the report](http://x.org/a) and `code` now.\n"
    doc = parse_document(src, "a.md", "markdown")
    i = src.index("the report")
    assert doc.masked[i : i + 10] == "the report"
    assert "http" not in doc.masked and "code" not in doc.masked and "*" not in doc.masked
    assert [b.scope for b in doc.blocks] == ["heading", "paragraph"]
    assert doc.masked[doc.blocks[0].start : doc.blocks[0].end] == "Title  here"


def test_markdown_scopes() -> None:
    src = "Para.\n\n> Quoted line.\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| c | d |\n"
    scopes = [s for s, _ in _prose(src, "markdown")]
    assert scopes == [
        "paragraph",
        "blockquote",
        "list_item",
        "list_item",
        "table_cell",
        "table_cell",
        "table_cell",
        "table_cell",
    ]


def test_markdown_code_blocks_are_masked_and_recorded() -> None:
    src = "Text.\n\n```\nteh code\n```\n\n    indented teh\n"
    doc = parse_document(src, "a.md", "markdown")
    assert "teh" not in doc.masked
    assert len(doc.code_spans) == 2


def test_front_matter_keeps_only_prose_fields() -> None:
    src = (
        '---\ntitle: "A headline"\nslug: a-headline\ndek: The summary line\ntags: [x]\n---\nBody.\n'
    )
    blocks = _prose(src, "markdown")
    assert blocks == [
        ("heading", "A headline"),
        ("paragraph", "The summary line"),
        ("paragraph", "Body."),
    ]
    doc = parse_document(src, "a.md", "markdown")
    assert "slug" not in doc.masked and "tags" not in doc.masked


def test_html_blocks_and_masking() -> None:
    src = "<h1>Head</h1><p>One &amp; <b>two</b></p><pre>teh</pre><script>x()</script><figure><figcaption>Cap</figcaption></figure>"
    blocks = _prose(src, "html")
    assert [s for s, _ in blocks] == ["heading", "paragraph", "caption"]
    doc = parse_document(src, "a.html", "html")
    assert "teh" not in doc.masked and "amp" not in doc.masked and "x()" not in doc.masked


def test_plain_text_paragraphs_and_urls() -> None:
    src = "First line\nsame para see https://example.com/teh.\n\nSecond para mail me@x.org\n"
    doc = parse_document(src, "a.txt", "text")
    assert len(doc.blocks) == 2
    assert "example" not in doc.masked and "me@x" not in doc.masked


def test_line_columns_with_crlf_tabs_and_non_ascii() -> None:
    src = "Café\r\n\tNaïve £5 word\r\n"
    doc = parse_document(src, "a.txt", "text")
    offset = src.index("word")
    assert doc.lines.position(offset) == (2, 11)
    assert doc.lines.position(0) == (1, 1)


def test_lone_cr_counts_as_a_line_break() -> None:
    doc = parse_document("a\rb\n", "a.txt", "text")
    assert doc.lines.position(2) == (2, 1)


def test_quotes_and_sic() -> None:
    src = 'He said: "We recieve [sic] nothing." Then "a second quote\n\nopen at the end'
    doc = parse_document(src, "a.txt", "text")
    quoted = [src[q.start : q.end] for q in doc.quotes]
    assert quoted[0] == '"We recieve [sic] nothing."'
    assert quoted[1] == '"a second quote'
    assert any(src[s.start : s.end].startswith("recieve") for s in doc.sic_spans)


def test_suppressions() -> None:
    src = "<!-- copydesk: disable=MEC001 -->\nthe the\n<!-- copydesk: enable -->\nthe the\n<!-- copydesk: disable-next-line -->\nx\n"
    doc = parse_document(src, "a.md", "markdown")
    actions = [(s.action, s.codes) for s in doc.suppressions]
    assert actions == [("disable", ("MEC001",)), ("disable-next-line", ())]
    assert "copydesk" not in doc.masked


def test_simple_markdown_fast_path_agrees_with_markdown_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    import copydesk.document.markdown as md

    samples = [
        "# Head line\nPara one line\nline two\n\n## Sub ##\n\nPara *two* with `code`, [a link](http://x.org) and <b>tags</b>.\n",
        "Just one paragraph, with a URL https://example.com/x and an e-mail a@b.org.\r\n\r\nAnd a second.\r\n",
        "#NotAHeading here\n\nText &amp; more \\*escaped\\*.\n",
    ]
    for src in samples:
        assert not md._NEEDS_PARSER.search(src)
        fast = parse_document(src, "a.md", "markdown")
        monkeypatch.setattr(md, "_NEEDS_PARSER", re.compile(r""))
        full = parse_document(src, "a.md", "markdown")
        monkeypatch.undo()
        assert fast.masked == full.masked, src
        assert fast.blocks == full.blocks, src


def test_directives_shown_in_code_are_not_directives() -> None:
    src = "Write `<!-- copydesk: disable=MEC001 -->` to silence a rule.\n\n```\n<!-- copydesk: disable-file -->\n```\n"
    doc = parse_document(src, "a.md", "markdown")
    assert doc.suppressions == []
