"""HTML through the standard library's parser. Tags, comments, entities and the contents of
script, style, code and pre are masked; text inside block elements becomes scoped blocks."""

from __future__ import annotations

import re
import unicodedata
from html import unescape
from html.parser import HTMLParser
from itertools import pairwise

from copydesk.document.inline import Inline
from copydesk.document.mask import url_spans
from copydesk.document.model import Block

_SCOPES = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "title": "heading",
    "li": "list_item",
    "dd": "list_item",
    "dt": "list_item",
    "blockquote": "blockquote",
    "figcaption": "caption",
    "caption": "caption",
    "td": "table_cell",
    "th": "table_cell",
}
_BREAKERS = frozenset(
    {
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "br",
        "hr",
        "ul",
        "ol",
        "dl",
        "table",
        "tr",
        "figure",
        "body",
        "html",
        "head",
    }
    | set(_SCOPES)
)
_HIDDEN = frozenset(
    {
        "script",
        "style",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "noscript",
        "template",
        "svg",
        "math",
        "latex",
        "textarea",
    }
)
_NEWLINE = re.compile(r"\n")
_NOT_BREAK = re.compile(r"[^\r\n]")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


class _Reader(HTMLParser):
    def __init__(self, source: str, base: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.base = base
        self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(source)]
        self.stack: list[str] = []
        self.hidden = 0
        self.group = 0  # changes at every block boundary, so text runs split there
        self.runs: list[tuple[int, int, str, int]] = []  # start, end, scope, group
        self.code: list[tuple[int, int]] = []
        self.hidden_start = 0
        self.entities: list[tuple[int, int, str, int]] = []  # start, end, character, group

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # "<![CDATA[...]]>" is text in foreign content and a comment elsewhere; any other
        # "<![" is a bogus comment to the next ">", as browsers read it (the standard
        # library's parser raises on it).
        rawdata = self.rawdata
        if rawdata.startswith("<![CDATA[", i):
            k = rawdata.find("]]>", i + 9)
            return -1 if k < 0 else k + 3
        k = rawdata.find(">", i + 3)
        return -1 if k < 0 else k + 1

    def _entity(self) -> None:
        if self.hidden:
            return
        start = self._offset()
        m = _ENTITY.match(self.source, start - self.base)
        if m is None:
            return
        char = unescape(m.group())
        if len(char) == 1 and not char.isspace() and unicodedata.category(char) != "Cf":
            self.entities.append((start, start + len(m.group()), char, self.group))

    def handle_entityref(self, name: str) -> None:
        self._entity()

    def handle_charref(self, name: str) -> None:
        self._entity()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    def _scope(self) -> str:
        for tag in reversed(self.stack):
            if tag in _SCOPES:
                return _SCOPES[tag]
        return "paragraph"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKERS:
            self.group += 1
        if tag in _HIDDEN:
            if self.hidden == 0:
                self.hidden_start = self._offset()
            self.hidden += 1
        if tag not in ("br", "hr", "img", "meta", "link", "input", "wbr"):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKERS:
            self.group += 1
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
            if self.hidden == 0:
                self.code.append((self.hidden_start, self._offset()))
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.hidden or not data.strip():
            return
        start = self._offset()
        self.runs.append((start, start + len(data), self._scope(), self.group))


def read_html(
    source: str, start: int, end: int
) -> tuple[list[Block], list[tuple[int, int]], list[tuple[int, int]], Inline]:
    """Blocks, masked spans, code spans and the joins of ``source[start:end]``: text runs in
    one block separated only by tags or entities, with letters either side, read as one word
    ("A <em>Secre</em>taray"); an entity reads as its character."""
    text = source[start:end]
    reader = _Reader(text, start)
    reader.feed(_defuse(text))
    reader.close()
    keep: list[tuple[int, int]] = []
    blocks: list[Block] = []
    current: tuple[int, int, str, int] | None = None
    for run in reader.runs:
        keep.append((run[0], run[1]))
        if current and current[3] == run[3]:
            current = (current[0], run[1], current[2], current[3])
        else:
            if current:
                blocks.append(_trim(source, current))
            current = run
    if current:
        blocks.append(_trim(source, current))
    masked: list[tuple[int, int]] = []
    pos = start
    for s, e in keep:
        masked.append((pos, s))
        pos = e
        masked.extend(url_spans(source, s, e))
    masked.append((pos, end))
    return blocks, masked, reader.code, _joins(source, reader)


_TAG_START = re.compile(r"<[A-Za-z/!?]")


def _defuse(text: str) -> str:
    """``text`` with each tag that another tag starts inside (``<a <a <a``) blanked, so the
    standard library's parser, which looks for such a tag's end all the way to the end of
    the text each time, stays linear. Same length, so positions hold; the blanked stretch
    is not prose either way."""
    if "<" not in text:
        return text
    starts = [m.start() for m in _TAG_START.finditer(text)]
    cuts: list[tuple[int, int]] = []
    gt = -1
    for n, s in enumerate(starts):
        if gt < s:
            gt = text.find(">", s)
            if gt < 0:
                gt = len(text)
        following = starts[n + 1] if n + 1 < len(starts) else len(text) + 1
        if following < gt:
            cuts.append((s, following))
    if not cuts:
        return text
    out: list[str] = []
    pos = 0
    for s, e in cuts:
        out.append(text[pos:s])
        out.append(_NOT_BREAK.sub(" ", text[s:e]))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _joins(source: str, reader: _Reader) -> Inline:
    """Pieces of text (runs, and entities as their character) in source order; the markup
    between two pieces of one block is absent from a word when letters stand either side."""
    pieces = [(s, e, source[s], source[e - 1], g) for s, e, _, g in reader.runs]
    pieces.extend((s, e, ch, ch, g) for s, e, ch, g in reader.entities)
    pieces.sort()
    absent: list[tuple[int, int]] = []
    decoded = [(s, ch) for s, _, ch, _ in reader.entities]
    for (_, e1, _, last, g1), (s2, _, first, _, g2) in pairwise(pieces):
        if g1 == g2 and last.isalpha() and first.isalpha() and e1 < s2:
            absent.append((e1, s2))
    for s, e, _, _ in reader.entities:
        inside = s > 0 and e < len(source) and source[s - 1].isalpha() and source[e].isalpha()
        if e - s > 1 and inside:
            absent.append((s + 1, e))
    return Inline([], [], sorted(absent), decoded)


def _trim(source: str, run: tuple[int, int, str, int]) -> Block:
    s, e = run[0], run[1]
    while s < e and source[s].isspace():
        s += 1
    while e > s and source[e - 1].isspace():
        e -= 1
    return Block(s, e, run[2])
