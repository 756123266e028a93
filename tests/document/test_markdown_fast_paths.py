"""Fast paths of the Markdown reader against the plain regular-expression scans they replace."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from copydesk.document.dialect import DIALECTS
from copydesk.document.inline import scanner
from copydesk.literals import Scanner

_INLINE = scanner(DIALECTS["universal"] | {"mdx"}).pattern

# Text rich in the characters inline markup is made of, with words and spaces between.
_MARKUPISH = st.text(alphabet=list("`!<>[]()\\&*_~#;:/-xab1 \n\"'{}%$^"))


def inline_matches(text: str) -> list[re.Match[str]]:
    """The inline scan once its scanner is built (after ``BUILD_AFTER`` uses)."""
    scanner = Scanner(_INLINE)
    for _ in range(Scanner.BUILD_AFTER):
        scanner.finditer("")
    return list(scanner.finditer(text))


@given(_MARKUPISH)
def test_inline_matches_agree_with_finditer(text: str) -> None:
    want = [(m.span(), m.lastgroup) for m in _INLINE.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in inline_matches(text)] == want


def test_inline_matches_examples() -> None:
    text = "A `code` span, an ![image](a.png), <b>tag</b>, **bold**, AT&amp;T and \\* here."
    assert [m.group() for m in inline_matches(text)] == [m.group() for m in _INLINE.finditer(text)]
    assert len(list(inline_matches(text))) >= 8
