"""Property: for generated text rich in site-generator markup, in every dialect and in HTML,
the reader never raises, the masked text keeps the source's length, every absent stretch and
every finding lies inside the source, and a fix never touches markup a word runs through."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.api import make_linter
from copydesk.document import parse_document
from copydesk.document.dialect import DIALECTS

PIECES = ["The", "Secre", "taray", "said", "3,000", "estimated", "the", " ", "\n", "\n\n", "\r",
          "\r\n", "    ", "!!! note", '"Title"', "??? tip", '=== "Tab"', ":::note", ":::", "///",
          "> [!NOTE]", "{{< x >}}", "{{< /x >}}", "{{% y %}}", "{% if a %}", "{{ b }}", "{: .c}",
          '{ #id .k width="5" }', "[^1]", "[^1]:", "^[", "]", "[", "](http://e.com)", "][r]",
          ":smile:", "$x^2$", "$$", "\\(", "\\)", "\\cite{k}", "<em>", "</em>", "<p>", "</p>",
          "<code>", "</code>", "<!--", "-->", "<![x", "&#8217;", "&amp;", "&shy;", "```",
          "| a | b |", "|---|---|", "---", "+++", "import x from 'y'", "<Tabs>", "</Tabs>",
          "{props.x}", ": def", "- item", "1. one", "2. two", "*", "**", "`x`", "\t"]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)
LINTER = make_linter()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([*DIALECTS, "universal+mdx", "html"]))
def test_markup_reading_is_source_true(text: str, dialect: str) -> None:
    kind = "html" if dialect == "html" else "markdown"
    try:
        doc = parse_document(text, "x.html" if kind == "html" else "x.md", kind, dialect=dialect)
    except Exception as exc:  # front matter that does not parse is the one refusal allowed
        assert type(exc).__name__ == "InputError", exc
        assert text.startswith(("---", "+++", "{"))
        return
    assert len(doc.masked) == len(doc.source)
    for span in doc.absent:
        assert 0 <= span.start < span.end <= len(text)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(text)
    for f in LINTER.lint(doc):
        assert 0 <= f.span.start <= f.span.end <= len(text)
        if f.fix is not None and f.fix.applicability.name == "SAFE":
            for edit in f.fix.edits:
                assert not any(
                    edit.span.start < a.end and a.start < edit.span.end for a in doc.absent
                ), (f, doc.absent)
