"""Front matter: YAML between ``---`` lines, TOML between ``+++`` lines, or a JSON object
(Hugo's three kinds; Jekyll, MkDocs, Docusaurus and Pandoc use the YAML one). Only the values
of prose keys (title, description, summary, ...; configurable) stay visible to the rules, at
any depth (``image: {alt: ...}``), block scalars (``summary: >``) and multi-line strings
included; everything else is masked.

The values are found line by line, so each keeps its exact offsets and a short article does
not pay for importing a YAML library. TOML and JSON front matter is validated with the
standard library's parsers; front matter that is opened and never closed, or TOML or JSON
that does not parse, is an input error (as it is to Hugo), reported as one line."""

from __future__ import annotations

import re
from typing import Any

from copydesk.document.model import Block

DEFAULT_PROSE_FIELDS = (
    "title",
    "headline",
    "dek",
    "summary",
    "description",
    "subtitle",
    "standfirst",
    "excerpt",
    "caption",
    "deck",
    "abstract",
    "alt",
    "linktitle",
    "lede",
    "teaser",
    "tagline",
    "sidebar_label",
)
_HEADING_FIELDS = frozenset({"title", "headline", "linktitle"})


class _lazy:
    """A pattern compiled at its first use: most files have no front matter, and a one-article
    run should not pay for compiling what it never reads."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = re.compile(self._source)
        return getattr(self._compiled, name)


class FrontMatterError(ValueError):
    """Front matter that no site generator would read; the message names the line."""


_YAML_OPEN = _lazy(r"---[ \t]*(?:\r\n|\r|\n)")
_YAML_CLOSE = _lazy(r"(?:\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)")
_TOML_OPEN = _lazy(r"\+\+\+[ \t]*(?:\r\n|\r|\n)")
_TOML_CLOSE = _lazy(r"(?:\r\n|\r|\n)\+\+\+[ \t]*(?=\r\n|\r|\n|$)")
_JSON_CLOSE = _lazy(r"(?:\r\n|\r|\n)\}[ \t]*(?=\r\n|\r|\n|$)")
_LINE = _lazy(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# A key and where its value starts. No pattern here runs over the value: trimming is done
# with str methods, so a line of spaces costs one pass.
_YAML_KEY = _lazy(
    r"([ \t]*)(?:-[ \t]+)?([A-Za-z_][\w.-]*|\"[^\"\r\n]*\"|'[^'\r\n]*')[ \t]*:(?=[ \t]|$)"
)
_TOML_KEY = _lazy(r"[ \t]*([A-Za-z_][\w.-]*|\"[^\"\r\n]*\")[ \t]*=[ \t]*")
_JSON_KEY = _lazy(r"[ \t]*\"([^\"\r\n]*)\"[ \t]*:[ \t]*")
_BLOCK_SCALAR = _lazy(r"[|>][+-]?\d?[+-]?(?:[ \t]+#.*)?")


def split_front_matter(
    source: str, prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS
) -> tuple[int, list[Block]]:
    """Return the offset where the body starts (0 when there is no front matter) and the blocks
    of prose values inside the front matter. Raises FrontMatterError for front matter that is
    never closed or does not parse."""
    wanted = frozenset(f.lower() for f in prose_fields)
    if source.startswith("---"):
        opened = _YAML_OPEN.match(source)
        if opened is None:
            return 0, []
        close = _YAML_CLOSE.search(source, opened.end() - 1)
        if close is None:
            if _YAML_KEY.match(source, opened.end()) is not None:
                raise FrontMatterError("line 1: front matter opened with '---' is never closed")
            return 0, []  # a thematic break, not front matter
        return close.end(), _yaml_values(source, opened.end(), close.start(), wanted)
    if source.startswith("+++"):
        opened = _TOML_OPEN.match(source)
        if opened is None:
            return 0, []
        close = _TOML_CLOSE.search(source, opened.end() - 1)
        if close is None:
            raise FrontMatterError("line 1: front matter opened with '+++' is never closed")
        _check_toml(source[opened.end() : close.start()])
        return close.end(), _toml_values(source, opened.end(), close.start(), wanted)
    if source.startswith("{") and source[1:2] in ("\n", "\r") and '"' in source[:200]:
        close = _JSON_CLOSE.search(source)
        if close is None:
            raise FrontMatterError("line 1: JSON front matter opened with '{' is never closed")
        _check_json(source[: close.end()])
        return close.end(), _json_values(source, 0, close.start(), wanted)
    if source[:6].lower() == "title:":
        return _metadata_block(source, wanted)
    if source.startswith("% "):
        return _title_block(source)
    return 0, []


# MultiMarkdown's metadata: "Key: value" lines from the first, up to a blank line; a block
# that opens with "Title:" (the usual first key) is read as one
_META_LINE = _lazy(r"[A-Za-z][\w -]{0,60}?[ \t]*:[ \t]+\S")


def _metadata_block(source: str, wanted: frozenset[str]) -> tuple[int, list[Block]]:
    end = 0
    for ls, le in _lines(source, 0, len(source)):
        if not (_META_LINE.match(source, ls, le) or (source[ls:le][:1] in (" ", "\t") and end)):
            break
        end = le
    if not end:
        return 0, []
    return end, _yaml_values(source, 0, end, wanted)


def _title_block(source: str) -> tuple[int, list[Block]]:
    """Pandoc's title block: "% title", "% author(s)", "% date" lines at the start; the title
    is prose, the rest is not."""
    lines = _lines(source, 0, len(source))
    end = 0
    title: Block | None = None
    for n, (ls, le) in enumerate(lines[:3]):
        if not source.startswith("%", ls):
            break
        end = le
        if n == 0 and le > ls + 2:
            title = Block(ls + 2, le, "heading")
    return end, [title] if title is not None else []


def _lines(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line's content in [start, end)."""
    out = []
    for m in _LINE.finditer(source, start, end):
        if m.start() == m.end():
            break
        out.append((m.start(), m.start() + len(m.group().rstrip("\r\n"))))
    return out


def _scope(key: str) -> str:
    return "heading" if key in _HEADING_FIELDS else "paragraph"


def _unquote(source: str, s: int, e: int) -> tuple[int, int]:
    while s < e and source[s] in " \t":
        s += 1
    while e > s and source[e - 1] in " \t":
        e -= 1
    if e - s >= 2 and source[s] == source[e - 1] and source[s] in "\"'":
        return s + 1, e - 1
    return s, e


def _indent(source: str, s: int, e: int) -> int:
    n = s
    while n < e and source[n] in " \t":
        n += 1
    return n - s


def _yaml_values(source: str, start: int, end: int, wanted: frozenset[str]) -> list[Block]:
    lines = _lines(source, start, end)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        ls, le = lines[i]
        i += 1
        m = _YAML_KEY.match(source, ls, le)
        if m is None:
            continue
        key = m.group(2).strip("\"'").lower()
        if key not in wanted:
            continue
        indent = _indent(source, ls, le)
        vs = m.end()
        value = source[vs:le].strip()
        # the lines that belong to this value: more indented than its key, or blank
        j = i
        while j < len(lines) and (
            not source[lines[j][0] : lines[j][1]].strip() or _indent(source, *lines[j]) > indent
        ):
            j += 1
        while j > i and not source[lines[j - 1][0] : lines[j - 1][1]].strip():
            j -= 1
        if _BLOCK_SCALAR.fullmatch(value):
            if j > i:
                s = lines[i][0] + _indent(source, *lines[i])
                blocks.append(Block(s, lines[j - 1][1], "paragraph"))
            i = j
            continue
        if value.startswith("#"):
            continue
        if value[:1] in ('"', "'") and not (len(value) >= 2 and value[-1] == value[0]):
            # a quoted string that goes on over the following lines
            s = source.index(value[0], vs) + 1
            k = i
            while k < j and value[0] not in source[lines[k][0] : lines[k][1]]:
                k += 1
            last = lines[min(k, len(lines) - 1)] if k < len(lines) else (le, le)
            close = source.rfind(value[0], last[0], last[1])
            blocks.append(Block(s, close if close > s else last[1], _scope(key)))
            i = k + 1
            continue
        if not value:
            continue
        if value[0] in "[{&*!|>":
            continue  # a flow collection, anchor, alias or tag: not one piece of prose
        s, e = _unquote(source, vs, le)
        if value[0] not in "\"'":
            comment = source.find(" #", s, e)
            if comment >= 0:
                e = comment
            if j > i and not any(_YAML_KEY.match(source, *lines[k]) for k in range(i, j)):
                e = lines[j - 1][1]  # a plain scalar folded over more lines
                i = j
        blocks.append(Block(s, e, _scope(key)))
    return blocks


def _toml_values(source: str, start: int, end: int, wanted: frozenset[str]) -> list[Block]:
    lines = _lines(source, start, end)
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        ls, le = lines[i]
        i += 1
        m = _TOML_KEY.match(source, ls, le)
        if m is None or m.group(1).strip('"').split(".")[-1].lower() not in wanted:
            continue
        vs = m.end()
        for triple in ('"""', "'''"):
            if source.startswith(triple, vs):
                close = source.find(triple, vs + 3, end)
                if close < 0:
                    break
                s = vs + 3
                while s < close and source[s] in "\r\n":
                    s += 1
                blocks.append(Block(s, close, _scope(m.group(1).lower())))
                while i < len(lines) and lines[i][0] < close:
                    i += 1
                break
        else:
            if source[vs : vs + 1] in ('"', "'"):
                quote = source[vs]
                close = source.find(quote, vs + 1, le)
                if close > vs:
                    blocks.append(Block(vs + 1, close, _scope(m.group(1).lower())))
    return blocks


def _json_values(source: str, start: int, end: int, wanted: frozenset[str]) -> list[Block]:
    blocks: list[Block] = []
    for ls, le in _lines(source, start, end):
        m = _JSON_KEY.match(source, ls, le)
        if m is None or m.group(1).lower() not in wanted or source[m.end() : m.end() + 1] != '"':
            continue
        s = m.end() + 1
        e = s
        while e < le and source[e] != '"':
            e += 2 if source[e] == "\\" else 1
        blocks.append(Block(s, min(e, le), _scope(m.group(1).lower())))
    return blocks


def _check_toml(text: str) -> None:
    import tomllib

    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # tomllib counts lines from the front matter's first; the file has "+++" before it
        message = re.sub(r"line (\d+)", lambda m: f"line {int(m.group(1)) + 1}", str(exc))
        raise FrontMatterError(f"TOML front matter does not parse: {message}") from None


def _check_json(text: str) -> None:
    import json

    try:
        json.loads(text)
    except ValueError as exc:
        raise FrontMatterError(f"JSON front matter does not parse: {exc}") from None
