"""Document.word_count takes shortcuts (splitting at white space, counting bytes for ASCII
text); it must still count what its pattern finds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copydesk.document.model import _WORD, Document


@given(st.text(alphabet="ab Z1_'’-.\n\t\x00é²ß£“—\u00a0"))
def test_word_count_is_the_pattern_count(text: str) -> None:
    doc = Document("x.txt", text, text, [])
    assert doc.word_count == len(_WORD.findall(text))
