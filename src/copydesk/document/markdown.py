"""Markdown through markdown-it-py. Block tokens give line ranges; inside a prose block the
inline syntax (emphasis, links, code, HTML) is masked by pattern, so the masked text keeps every
prose character at its source offset without re-rendering anything."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from copydesk import patterncache
from copydesk.document.dialect import DIALECTS
from copydesk.document.inline import Inline, scan_inline
from copydesk.document.mask import url_spans
from copydesk.document.model import Block, LineIndex

_LINE_PREFIX = patterncache.compile(
    r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?", re.M
)
# a definition list's ": " (Pandoc, kramdown, PHP Markdown Extra, PyMdown)
_DEFINITION = patterncache.compile(r"[ \t]{0,3}:[ \t]+(?=\S)")
_DEFINITION_NL = patterncache.compile(r"\n[ \t]{0,3}:[ \t]+(?=\S)")
_ATX = patterncache.compile(r"^(?P<open>[ \t]*#{1,6})(?:[ \t]+|$)|[ \t]+#+[ \t]*$", re.M)
_CELL = patterncache.compile(r"[^|\r\n]+")
_PIPE = patterncache.compile(r"\|")
_LONE_CR = patterncache.compile(r"\r(?!\n)")

# any line that may start one of the constructs below; most articles have none, and
# do not load the module that reads them. Searched
# for as a line break and the line's start: a pattern starting with a literal is scanned for
# in C, one that starts with "^" is tried at every position.
_TRIGGER_LINE = (
    r"[ \t]*(?:!!!|\?\?\?|===|:::|///|\$\$|\{%|\{\{|\{:|\\\[|\\begin\{|-{1,2}8<-|\[TOC\]"
    r"|import[ \t{*]|export[ \t]|>[ \t]*\[!|<[A-Za-z/>]|\[[^\]\n]{1,200}\]:[ \t]*\{)"
)
_TRIGGER_FIRST = patterncache.compile(_TRIGGER_LINE)
_TRIGGER = patterncache.compile("\n" + _TRIGGER_LINE)


def may_have_block_markup(text: str) -> bool:
    """Whether a line may start a construct of ``blocks.prepass``."""
    return _TRIGGER_FIRST.match(text) is not None or _TRIGGER.search(text) is not None


MarkdownRead = tuple[list[Block], list[tuple[int, int]], list[tuple[int, int]], Inline]


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Only block tokens and their line ranges are read: inline parsing is left to
    # ``inline.scan_inline``, on the source itself.
    return MarkdownIt("commonmark").enable("table").enable("strikethrough").disable("inline")


# Block syntax beyond paragraphs and ATX headings: code, quotes, lists, tables, HTML blocks,
# setext headings, thematic breaks, link reference definitions.
_NEEDS_PARSER = patterncache.compile(
    r"^(?: {4}|\t| {0,3}(?:[>|<]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|=+[ \t]*$|-{2,}[ \t]*$|[*_]{3}|\[[^\]\n]+\]:))",
    re.M,
)
_SIMPLE_BLOCK = patterncache.compile(
    r"^[ ]{0,3}(?P<h>#{1,6}(?:[ \t][^\r\n]*)?)$|(?P<p>[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)(?![ ]{0,3}#{1,6}(?:[ \t]|$))[^\r\n]*\S[^\r\n]*)*)",
    re.M,
)


class _Read:
    """What reading a body gathers, offsets into the source."""

    def __init__(self, features: frozenset[str]) -> None:
        self.features = features
        self.blocks: list[Block] = []
        self.masked: list[tuple[int, int]] = []
        self.code: list[tuple[int, int]] = []
        self.absent: list[tuple[int, int]] = []
        self.decoded: list[tuple[int, str]] = []

    def result(self) -> MarkdownRead:
        return self.blocks, self.masked, self.code, Inline([], [], self.absent, self.decoded)


def read_markdown(source: str, start: int, end: int, dialect: str = "universal") -> MarkdownRead:
    """Return blocks, masked spans, code spans and the inline joins of ``source[start:end]``.
    Everything outside a prose block is masked. Most articles are paragraphs and headings
    only: those are split here without loading markdown-it-py, which costs more to import than
    the whole check."""
    from copydesk.document.dialect import features as dialect_features

    read = _Read(
        dialect_features(dialect)
        if dialect in DIALECTS or "+" in dialect
        else DIALECTS["universal"]
    )
    body = source[start:end]
    # A lone CR ends a line as "\n" does (markdown-it-py reads it so too); the patterns below
    # anchor at "\n", so they read a copy with the same length.
    text = _LONE_CR.sub("\n", body) if "\r" in body else body
    pre = None
    if may_have_block_markup(text):
        from copydesk.document.blocks import prepass

        pre = prepass(text, read.features)
    view = text
    titles: list[tuple[int, int, str]] = []
    if pre is not None:
        view = pre.view
        read.masked.extend((start + s, start + e) for s, e in pre.masked)
        read.code.extend((start + s, start + e) for s, e in pre.code)
        titles = [(start + s, start + e, "heading") for s, e in pre.titles]
    if pre is None and not _NEEDS_PARSER.search(view):
        _read_simple(read, text, view, start, end)
        return read.result()
    tokens = _parser().parse(view)
    lines = LineIndex(text)
    keep: list[tuple[int, int, str]] = []
    containers: list[str] = []

    def line_range(token: Any) -> tuple[int, int]:
        first, last = token.map
        s = lines.line_start(first + 1)
        e = lines.line_span(last, text)[1] if last >= 1 else s
        return start + s, start + e

    for tok in tokens:
        ttype = tok.type
        if ttype in ("blockquote_open", "list_item_open"):
            containers.append("blockquote" if ttype == "blockquote_open" else "list_item")
        elif ttype in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif ttype in ("fence", "code_block") and tok.map:
            read.code.append(line_range(tok))
        elif ttype == "heading_open" and tok.map:
            keep.append((*line_range(tok), "heading"))
        elif ttype == "paragraph_open" and tok.map:
            scope = containers[-1] if containers else "paragraph"
            keep.append((*line_range(tok), scope))
        elif ttype == "tr_open" and tok.map:
            keep.append((*line_range(tok), "table_cell"))
        elif ttype == "html_block" and tok.map:
            keep.append((*line_range(tok), "html"))

    pos = start
    for s, e, scope in sorted(keep + titles):
        if s < pos:
            continue  # a block inside one already read (a line of a table read as a row)
        read.masked.append((pos, s))
        pos = e
        if scope == "table_cell":
            for cell in _CELL.finditer(text, s - start, e - start):
                _prose_block(read, text, start, start + cell.start(), start + cell.end(), scope)
            read.masked.extend(
                (start + m.start(), start + m.end())
                for m in _PIPE.finditer(text, s - start, e - start)
            )
        elif scope == "html":
            _html_block(read, source, s, e)
        else:
            _prose_block(read, text, start, s, e, scope)
    read.masked.append((pos, end))
    read.masked.extend(read.code)
    return read.result()


def _html_block(read: _Read, source: str, s: int, e: int) -> None:
    """Raw HTML (or MDX's JSX) between Markdown blocks: its text is prose."""
    from copydesk.document.html import read_html

    blocks, masked, code, joins = read_html(source, s, e)
    read.blocks.extend(blocks)
    read.masked.extend(masked)
    read.code.extend(code)
    read.absent.extend(joins.absent)
    read.decoded.extend(joins.decoded)


def _prose_block(read: _Read, text: str, base: int, s: int, e: int, scope: str) -> None:
    """A prose block at source offsets [s, e); ``text`` is the body (from ``base``) as the
    patterns read it."""
    block = text[s - base : e - base]
    masked = read.masked
    if scope == "heading":
        for m in _ATX.finditer(block):
            masked.append((s + m.start(), s + m.end()))
        # setext underline: the last line is all = or -
        last = block.rstrip("\r\n").rsplit("\n", 1)
        if len(last) == 2 and re.fullmatch(r"[ \t]*(?:=+|-+)[ \t]*\r?", last[1]):
            masked.append((s + len(last[0]) + 1, e))
    if scope in ("list_item", "blockquote"):
        for m in _LINE_PREFIX.finditer(block):
            if m.end() > m.start():
                masked.append((s + m.start(), s + m.end()))
    if ":" in block:
        first = _DEFINITION.match(block)
        if first is not None:
            masked.append((s, s + first.end()))
        masked.extend((s + m.start() + 1, s + m.end()) for m in _DEFINITION_NL.finditer(block))
    found = scan_inline(block, s, read.features)
    masked.extend(found.masked)
    read.code.extend(found.code)
    read.absent.extend(found.absent)
    read.decoded.extend(found.decoded)
    masked.extend((s + us, s + ue) for us, ue in url_spans(block))
    trimmed_s = s
    while trimmed_s < e and block[trimmed_s - s].isspace():
        trimmed_s += 1
    if trimmed_s < e:
        read.blocks.append(Block(trimmed_s, e, scope))


def _read_simple(read: _Read, text: str, view: str, start: int, end: int) -> None:
    pos = start
    for m in _SIMPLE_BLOCK.finditer(view):
        s, e = start + m.start(), start + m.end()
        read.masked.append((pos, s))
        pos = e
        scope = "heading" if m.group("h") is not None else "paragraph"
        _prose_block(read, text, start, s, e, scope)
    read.masked.append((pos, end))
    read.masked.extend(read.code)
