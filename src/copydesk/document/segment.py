"""Rule-based sentence splitting over code-point spans.

Spans index the text they were computed from, so a rule that matches inside a sentence can
report source positions without re-finding anything. The splitter runs on every article, so
it visits candidate boundaries found by one compiled regex rather than every character.
"""

from __future__ import annotations

from typing import Final

from copydesk import patterncache
from copydesk.literals import Scanner

__all__ = ["split_sentences"]

# A blank line always ends a sentence; otherwise a boundary is terminal punctuation, any
# closing quotes or brackets, then whitespace. Whether the next word really starts a sentence
# is decided in Python, once per candidate, because it depends on the word before the stop.
_CANDIDATE: Final = Scanner(
    patterncache.compile(
        r"(?P<blank>\n[^\S\n]*\n\s*)"
        r"|(?P<stop>(?:\.{2,}|…|[.!?]+)[\"'”’»)\]]*)(?P<gap>\s+)"
    )
)


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


_LAST_TOKEN: Final = patterncache.compile(r"[^\s\"'“‘«(\[]*$")
_OPENERS: Final = "\"'“‘«([—-"

# Titles and abbreviations that are followed by something that cannot start a sentence
# (a name, a number): a stop after them never ends a sentence.
_NEVER_FINAL: Final = _words(
    """mr mrs ms mx dr prof st rev revd fr sr jr gen lt col maj capt cmdr sgt cpl adm
    sen rep gov pres supt insp det hon rt messrs mme mlle no nos vol vols fig figs
    p pp para ch art sec op ed eds approx c ca cf vs v e.g eg i.e ie viz al
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun mt ft"""
)

# Abbreviations that may also close a sentence ("...moved to the U.S. The firm..."): a stop
# after them ends a sentence only when the next word is a typical sentence opener.
_MAYBE_FINAL: Final = _words(
    """u.s u.k u.n e.u u.s.a etc inc ltd plc co corp bros llc a.m p.m am pm
    dept govt est assn"""
)
_OPENING_WORDS: Final = _words(
    """the a an but and or so yet he she it its they we i you this that these those there
    his her their our my in on at as for if when while after before however meanwhile
    then now since although though also last next some many most other others one two
    mr mrs ms dr what why how who where shares analysts officials"""
)


def _next_word(text: str, pos: int, end: int) -> str:
    stop = pos
    while stop < end and (text[stop].isalnum() or text[stop] in ".'’"):
        stop += 1
    return text[pos:stop].rstrip(".").lower()


def _is_boundary(text: str, stop_start: int, stop: str, after: int, end: int) -> bool:
    nxt = after
    while nxt < end and text[nxt] in _OPENERS:
        nxt += 1
    if nxt >= end:
        return False
    head = text[nxt]
    if not (head.isupper() or head.isdigit()):
        return False
    if not stop.startswith(".") or stop.startswith(".."):
        # ?, ! and ellipses before a capital end the sentence.
        return True
    token = _LAST_TOKEN.search(text, max(0, stop_start - 24), stop_start)
    word = token.group(0) if token else ""
    if not word:
        return True
    key = word.lower()
    if word.isdigit() and len(word) <= 3:
        line_start = text.rfind("\n", 0, stop_start - len(word)) + 1
        if not text[line_start : stop_start - len(word)].strip():
            return False  # "1. Bring a coat": list numbering at the start of a line
    if key in _NEVER_FINAL:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        # An initial (J. K. Rowling) is followed by another initial or a surname.
        return False
    if key in _MAYBE_FINAL or (len(word) <= 4 and "." in word and word.replace(".", "").isalpha()):
        return _next_word(text, nxt, end) in _OPENING_WORDS
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return half-open spans of the sentences in ``text[start:end]``, whitespace trimmed.

    Offsets index ``text`` itself (not the slice), so they can be used directly as source
    positions. A blank line always ends a sentence; a single newline is treated as a space.
    """
    stop_at = len(text) if end is None else min(end, len(text))
    spans: list[tuple[int, int]] = []
    cursor = start

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append((a, b))

    for match in _CANDIDATE.finditer(text, start, stop_at):
        if match.group("blank") is not None:
            emit(cursor, match.start())
            cursor = match.end()
            continue
        stop = match.group("stop")
        if _is_boundary(text, match.start("stop"), stop, match.end(), stop_at):
            emit(cursor, match.end("stop"))
            cursor = match.end()
    emit(cursor, stop_at)
    return spans
