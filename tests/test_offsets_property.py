"""Property: for generated Markdown and text, every finding's span lies inside the source, its
excerpt is the source there, and its line/column agree with its offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.api import make_linter
from copydesk.document import parse_document

WORDS = ["the", "The", "deal", "said", "per cent", "percent", "alot", "  ", " ,", "(", ")", '"', "“", "”",
         "Café", "£5m", "naïve", "\t", "😀", "*", "**", "`x`", "[a](http://e.com)", "#", "> ", "- ", "\r\n",
         "\n", "\n\n", "in", "Mr", "3,000", "estimated", "<!-- copydesk: disable=MEC001 -->", "[sic]"]  # fmt: skip

texts = st.lists(st.sampled_from(WORDS), max_size=60).map(lambda ws: " ".join(ws))
LINTER = make_linter(select=["pack:core"])


def _expected_position(source: str, offset: int) -> tuple[int, int]:
    line, start = 1, 0
    i = 0
    while i < offset:
        ch = source[i]
        if ch == "\r" and i + 1 < len(source) and source[i + 1] == "\n":
            i += 1
            if i >= offset:
                break
        if ch in "\r\n":
            line, start = line + 1, i + 1
        i += 1
    return line, offset - start + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["markdown", "text"]))
def test_spans_are_source_true(text: str, kind: str) -> None:
    doc = parse_document(text, "x.md" if kind == "markdown" else "x.txt", kind)
    assert len(doc.masked) == len(doc.source)
    for f in LINTER.lint(doc):
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert text[f.span.start : f.span.end] == f.excerpt or f.excerpt.endswith("…")
        assert (f.line, f.column) == _expected_position(text, f.span.start)
        assert (f.end_line, f.end_column) == _expected_position(text, f.span.end)
