"""Build a masked copy of a source: blanked ranges become spaces, line breaks survive, so the
copy has the source's length and every line/column stays where it was."""

from __future__ import annotations

from collections.abc import Iterable

from copydesk import patterncache

_NOT_BREAK = patterncache.compile(r"[^\r\n]")

# Shared by every reader: things inside prose that are not prose. An e-mail address's local
# part is taken whole from the start of its run of [\w.+-] and never given back (a possessive
# repeat): tried from every word boundary inside the run, as a plain \b[\w.+-]+@ would be,
# a long run such as "a.a.a.a..." with no domain after it costs time quadratic in its length.
# The leading dots, pluses and hyphens of the run are trimmed off afterwards (group "local").
URL_RE = patterncache.compile(
    r"\b(?:https?://|ftp://|www\.)[^\s<>\"'`)\]]*[^\s<>\"'`)\].,;:!?]"
    r"|(?<![\w.+-])[.+-]*+(?P<local>\w[\w.+-]*+)@[\w-]+(?:\.[\w-]+)+\b"
)


# A run of more than 256 characters without white space in a text that holds addresses is no
# prose either (a tracking link, an encoded attachment, a hostile "a.a.a...@"): masked whole, so
# that no rule reads its pieces as words. It can start only where white space ends.
LONG_RUN = 256
_LONG_RUN_RE = patterncache.compile(rf"(?<!\S)\S{{{LONG_RUN + 1},}}")

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
    spans = [
        (m.start("local") if m["local"] else m.start(), m.end())
        for m in URL_RE.finditer(text, start, stop)
    ]
    spans.extend(m.span() for m in _LONG_RUN_RE.finditer(text, start, stop))
    return spans
