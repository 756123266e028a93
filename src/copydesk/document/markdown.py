"""Markdown through markdown-it-py. Block tokens give line ranges; inside a prose block the
inline syntax (emphasis, links, code, HTML) is masked by pattern, so the masked text keeps every
prose character at its source offset without re-rendering anything."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from copydesk.document.mask import url_spans
from copydesk.document.model import Block, LineIndex
from copydesk.literals import Scanner

_LINE_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))?", re.M)
_ATX = re.compile(r"^(?P<open>[ \t]*#{1,6})(?:[ \t]+|$)|[ \t]+#+[ \t]*$", re.M)
_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<image>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>|<[\w.+-]+@[\w.-]+>)"
    r"|(?P<tag></?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>)"
    r"|(?P<linkend>\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]\n]*\])"
    r"|(?P<linkstart>\[)(?=[^\]\n]*\](?:\(|\[))"
    r"|(?P<escape>\\)(?=[!-/:-@\[-`{-~])"
    r"|(?P<entity>&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)"
    r"|(?P<emph>(?<![\w*~])[*_~]{1,3}(?=[^\s*_~])|(?<=[^\s*_~])[*_~]{1,3}(?![\w*~]))",
    re.S,
)
# Its look-behinds stop the regex engine from skipping plain text by itself; the scanner
# jumps between the characters a branch can start with (rare in news copy).
_INLINE_SCAN = Scanner(_INLINE)
_CELL = re.compile(r"[^|\r\n]+")
_PIPE = re.compile(r"\|")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


# Block syntax beyond paragraphs and ATX headings: code, quotes, lists, tables, HTML blocks,
# setext headings, thematic breaks, link reference definitions.
_NEEDS_PARSER = re.compile(
    r"^(?: {4}|\t| {0,3}(?:[>|<]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|`{3}|~{3}|=+[ \t]*$|-{2,}[ \t]*$|[*_]{3}|\[[^\]\n]+\]:))",
    re.M,
)
_SIMPLE_BLOCK = re.compile(
    r"^[ ]{0,3}(?P<h>#{1,6}(?:[ \t][^\r\n]*)?)$|(?P<p>[^\r\n]*\S[^\r\n]*(?:(?:\r\n|\r|\n)(?![ ]{0,3}#{1,6}(?:[ \t]|$))[^\r\n]*\S[^\r\n]*)*)",
    re.M,
)


def read_markdown(
    source: str, start: int, end: int
) -> tuple[list[Block], list[tuple[int, int]], list[tuple[int, int]]]:
    """Return blocks, masked spans and code spans of ``source[start:end]``. Everything outside a
    prose block is masked. Most articles are paragraphs and headings only: those are split here
    without loading markdown-it-py, which costs more to import than the whole check."""
    body = source[start:end]
    if not _NEEDS_PARSER.search(body):
        return _read_simple(source, start, end)
    tokens = _parser().parse(body)
    lines = LineIndex(body)
    blocks: list[Block] = []
    code: list[tuple[int, int]] = []
    keep: list[tuple[int, int, str]] = []
    containers: list[str] = []

    def line_range(token: Any) -> tuple[int, int]:
        first, last = token.map
        s = lines.line_start(first + 1)
        e = lines.line_span(last, body)[1] if last >= 1 else s
        return start + s, start + e

    for tok in tokens:
        ttype = tok.type
        if ttype in ("blockquote_open", "list_item_open"):
            containers.append("blockquote" if ttype == "blockquote_open" else "list_item")
        elif ttype in ("blockquote_close", "list_item_close"):
            containers.pop()
        elif ttype in ("fence", "code_block") and tok.map:
            code.append(line_range(tok))
        elif ttype == "heading_open" and tok.map:
            keep.append((*line_range(tok), "heading"))
        elif ttype == "paragraph_open" and tok.map:
            scope = containers[-1] if containers else "paragraph"
            keep.append((*line_range(tok), scope))
        elif ttype == "tr_open" and tok.map:
            keep.append((*line_range(tok), "table_cell"))

    masked_spans: list[tuple[int, int]] = []
    pos = start
    for s, e, scope in keep:
        masked_spans.append((pos, s))
        pos = e
        if scope == "table_cell":
            for cell in _CELL.finditer(source, s, e):
                blocks.extend(
                    _prose_block(source, cell.start(), cell.end(), scope, masked_spans, code)
                )
            masked_spans.extend((s + m.start(), s + m.end()) for m in _PIPE.finditer(source[s:e]))
        else:
            blocks.extend(_prose_block(source, s, e, scope, masked_spans, code))
    masked_spans.append((pos, end))
    masked_spans.extend(code)
    return blocks, masked_spans, code


def _prose_block(
    source: str,
    s: int,
    e: int,
    scope: str,
    masked: list[tuple[int, int]],
    code: list[tuple[int, int]],
) -> list[Block]:
    text = source[s:e]
    if scope == "heading":
        for m in _ATX.finditer(text):
            masked.append((s + m.start(), s + m.end()))
        # setext underline: the last line is all = or -
        last = text.rstrip("\r\n").rsplit("\n", 1)
        if len(last) == 2 and re.fullmatch(r"[ \t]*(?:=+|-+)[ \t]*\r?", last[1]):
            masked.append((s + len(last[0]) + 1, e))
    if scope in ("list_item", "blockquote"):
        for m in _LINE_PREFIX.finditer(text):
            if m.end() > m.start():
                masked.append((s + m.start(), s + m.end()))
    for m in _INLINE_SCAN.finditer(text):
        span = (s + m.start(), s + m.end())
        if m.group("code"):
            code.append(span)
        masked.append(span)
    masked.extend(url_spans(source, s, e))
    trimmed_s, trimmed_e = s, e
    while trimmed_s < trimmed_e and source[trimmed_s].isspace():
        trimmed_s += 1
    return [Block(trimmed_s, trimmed_e, scope)] if trimmed_s < trimmed_e else []


def _read_simple(
    source: str, start: int, end: int
) -> tuple[list[Block], list[tuple[int, int]], list[tuple[int, int]]]:
    blocks: list[Block] = []
    masked: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    pos = start
    for m in _SIMPLE_BLOCK.finditer(source, start, end):
        masked.append((pos, m.start()))
        pos = m.end()
        scope = "heading" if m.group("h") is not None else "paragraph"
        blocks.extend(_prose_block(source, m.start(), m.end(), scope, masked, code))
    masked.append((pos, end))
    masked.extend(code)
    return blocks, masked, code
