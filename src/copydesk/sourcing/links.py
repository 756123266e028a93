"""Hyperlinks and footnote references in the original source: a figure that is linked, or
that sits in a sentence which links its claim, has a citation.

The checker reads the masked text, where link targets are blanked; links are therefore
found in the document's source, at the same offsets. Markdown inline links
(``[text](url)``), reference links (``[text][ref]``, ``[text][]`` and ``[text]`` with a
definition ``[ref]: url``), footnote references (``[^1]``), HTML anchors (``<a href>``),
autolinks (``<https://...>``) and bare URLs are recognised.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

from copydesk.sourcing.lazyre import LazyPattern

__all__ = ["Link", "find_links"]


class Link(NamedTuple):
    """A citation: ``start:end`` is the whole construct, ``text_start:text_end`` the text
    a reader sees (the link text, or the URL itself for a bare URL)."""

    start: int
    end: int
    text_start: int
    text_end: int


_INLINE: Final = LazyPattern(
    r"(?<!\\)\[(?P<text>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(\s*(?:<[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)"
)
_REFERENCE: Final = LazyPattern(
    r"(?<![\\\]])\[(?P<text>[^\[\]\n]+)\](?:\[(?P<label>[^\[\]\n]*)\])?(?![(:\[])"
)
_DEFINITION: Final = LazyPattern(r"^[ ]{0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*\S+", re.MULTILINE)
_FOOTNOTE: Final = LazyPattern(r"\[\^[^\]\s]+\](?!:)")
_ANCHOR: Final = LazyPattern(
    r"<a\s[^>]*?\bhref\s*=\s*(?:\"[^\"]+\"|'[^']+'|[^\s>]+)[^>]*>(?P<text>.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
_URL: Final = LazyPattern(r"<?\bhttps?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]>?")


def _label(raw: str) -> str:
    return " ".join(raw.split()).casefold()


def find_links(source: str) -> list[Link]:
    """Every citation in ``source``, in order of start."""
    links: list[Link] = []
    definitions: list[tuple[int, int]] = []
    if "[" in source:
        for m in _INLINE.finditer(source):
            links.append(Link(m.start(), m.end(), m.start("text"), m.end("text")))
        if "]:" in source:
            found = list(_DEFINITION.finditer(source))
            labels = {_label(m.group("label")) for m in found}
            definitions = [m.span() for m in found]
            for m in _REFERENCE.finditer(source):
                label = m.group("label") or m.group("text")
                if _label(label) in labels and not label.startswith("^"):
                    links.append(Link(m.start(), m.end(), m.start("text"), m.end("text")))
        if "[^" in source:
            for m in _FOOTNOTE.finditer(source):
                links.append(Link(m.start(), m.end(), m.start(), m.end()))
    lowered = source.lower() if "<" in source or "http" in source else ""
    if "<a" in lowered:
        for m in _ANCHOR.finditer(source):
            links.append(Link(m.start(), m.end(), m.start("text"), m.end("text")))
    if "http" in lowered:
        for m in _URL.finditer(source):
            inside = any(link.start <= m.start() < link.end for link in links)
            if not inside and not any(a <= m.start() < b for a, b in definitions):
                links.append(Link(m.start(), m.end(), m.start(), m.end()))
    links.sort()
    return links
