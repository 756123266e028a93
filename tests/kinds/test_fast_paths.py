"""The fast paths of rule matching against the straightforward algorithms they replace: any
difference would change a finding."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.document import parse_document
from copydesk.document.model import TOKEN_RE, Document
from copydesk.kinds._words import PhraseBook

PHRASES: list[tuple[list[str], bool]] = [
    (["per cent", "percent", "per say"], True),
    (["a mute question", "mute point", "it's", "re-run", "K9"], True),
    (["For all", "pre-Madonna", "tow the line"], False),
]

PIECES = ["per", "Per", "PER", "cent", "percent", "say", "a", "A", "mute", "question", "point",
          "it's", "it’s", "IT'S", "re-run", "re", "-", "run", "k9", "\u212a9", "For", "for",
          "all", "pre-Madonna", "pre-madonna", "tow", "the", "line", "x", "'", "’", "—", "(",
          ".", "\u0130", "\u03a3", "_", "9"]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", "\n\n", "", "-", "'", "\t"]

texts = st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)


def reference_hits(doc: Document, book: PhraseBook) -> dict[int, list[tuple[int, int, str]]]:
    """The PhraseBook as first written: the whole document tokenised, a lookup per token."""
    masked = doc.masked
    spans = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(masked)]
    texts = [t.replace("’", "'") for _, _, t in spans]
    norms = [t.lower().replace("’", "'") for _, _, t in spans]
    found: dict[int, list[tuple[int, int, str]]] = {}
    free: dict[int, int] = {}
    for i, norm in enumerate(norms):
        done = -1
        for owner, words, phrase, icase in book.first.get(norm, []):
            if owner == done or free.get(owner, 0) > i:
                continue
            k = len(words)
            seq = norms if icase else texts
            if i + k > len(norms) or tuple(seq[i : i + k]) != words:
                continue
            end = spans[i + k - 1][1]
            start = spans[i][0]
            if (
                k > 1
                and "\n" in masked[start:end]
                and doc.block_at(start) is not doc.block_at(end - 1)
            ):
                continue
            found.setdefault(owner, []).append((start, end, phrase))
            free[owner] = i + k
            done = owner
    return found


def _book(phrases: list[tuple[list[str], bool]]) -> PhraseBook:
    book = PhraseBook()
    for words, icase in phrases:
        book.register(words, icase)
    return book


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from(["markdown", "text"]))
def test_phrasebook_matches_reference(text: str, kind: str) -> None:
    doc = parse_document(text, "x.md" if kind == "markdown" else "x.txt", kind)
    for phrases in (PHRASES, [*PHRASES, (["café (x)"], True)]):  # the second cannot use the finder
        book = _book(phrases)
        got = {o: book.hits(doc, o) for o in range(book.owners)}
        want = reference_hits(doc, book)
        assert {o: h for o, h in got.items() if h} == want


def test_phrasebook_finds_across_line_breaks_and_curly_apostrophes() -> None:
    doc = parse_document("It’s up 5 per\ncent, IT'S said.", "x.txt", "text")
    book = _book(PHRASES)
    assert book.hits(doc, 0) == [(10, 18, "per cent")]
    assert [h[:2] for h in book.hits(doc, 1)] == [(0, 4), (20, 24)]
