"""Build a masked copy of a source: blanked ranges become spaces, line breaks survive, so the
copy has the source's length and every line/column stays where it was."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOT_BREAK = re.compile(r"[^\r\n]")

# Shared by every reader: things inside prose that are not prose.
URL_RE = re.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`)\]]*[^\s<>\"'`)\].,;:!?]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
)


# what every match of URL_RE holds: looked for with str.find, which skips through a block far
# faster than a regex can try an alternation at each "w"
_URL_HINTS = ("@", "://", "www.")


def blank(text: str) -> str:
    return _NOT_BREAK.sub(" ", text)


def apply_mask(source: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank the union of ``spans`` in ``source``."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        out.append(source[pos:start])
        out.append(blank(source[start:end]))
        pos = end
    out.append(source[pos:])
    return "".join(out)


def show_characters(masked: str, chars: list[tuple[int, str]]) -> str:
    """``masked`` with each character put at its offset: an entity's character stands where
    the entity starts, so the masked text reads "isn’t" for "isn&#8217;t" once the rest of
    the entity is read as absent."""
    out: list[str] = []
    pos = 0
    for at, ch in sorted(chars):
        if at < pos:
            continue
        out.append(masked[pos:at])
        out.append(ch)
        pos = at + 1
    out.append(masked[pos:])
    return "".join(out)


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    stop = len(text) if end is None else end
    if all(text.find(hint, start, stop) < 0 for hint in _URL_HINTS):
        return []
    return [(m.start(), m.end()) for m in URL_RE.finditer(text, start, stop)]
