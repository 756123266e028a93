"""Block markup that CommonMark does not know, found line by line before markdown-it-py parses
the body: admonition and tab markers (whose indented bodies are prose, not indented code),
fenced divs, PyMdown blocks, GitHub alerts, display math, Liquid and shortcode blocks, MDX
import/export statements, kramdown attribute lines and snippet directives.

The result is a *parse view* of the body with the same lines: marker lines blank, bodies
dedented. markdown-it-py reads the view, and only its line numbers are used, so every offset
still points into the source. Markers are masked; their titles stay prose."""

from __future__ import annotations

import re
from typing import NamedTuple

from copydesk.document.inline import RAW_ELEMENTS

_ADMONITION = re.compile(
    r"(?P<mark>(?:!!!|\?\?\?\+?)(?:[ \t]+[\w-]+)*)(?:[ \t]+\"(?P<title>[^\"\n]*)\")?[ \t]*$"
)
_TAB = re.compile(r"(?P<mark>===[!+]?)[ \t]+\"(?P<title>[^\"\n]*)\"[ \t]*$")
_DIV = re.compile(
    r"(?P<mark>:{3,}[ \t]*(?:\{[^}\n]*\}|[A-Za-z][\w-]*)?)"
    r"(?:[ \t]*\[(?P<btitle>[^\]\n]*)\]|[ \t]+(?P<title>[^{\n]*?))?[ \t]*(?:\{[^}\n]*\})?[ \t]*$"
)
_BLOCK_MARK = re.compile(r"(?P<mark>///[ \t]*[\w-]*)(?:[ \t]*\|[ \t]*(?P<title>.*?))?[ \t]*$")
_ALERT = re.compile(r"[ \t]*>[ \t]*(?P<mark>\[![A-Za-z]+\][+-]?)")
# whole lines of markup, each with the feature that gives it meaning
_DIRECTIVE_LINES = (
    ("attributes", re.compile(r"\{:[^}\n]*\}|\{::[^}\n]*\}")),
    ("admonition", re.compile(r"-{1,2}8<-{1,2}.*|\[TOC\]")),
    ("liquid", re.compile(r"(?:\{%-?[^%\n]*-?%\}|\{\{[^}\n]*\}\}|[ \t])+")),
    ("shortcode", re.compile(r"(?:\{\{[<%][^\n]*?[>%]\}\}|[ \t])+")),
)
# A line of tags alone (JSX components, <div>, <markdown>): blanked, so that the Markdown
# between such lines is read as Markdown (tables, code) rather than as one raw HTML block.
# Elements whose content is never prose are left to markdown-it-py and the HTML reader.
_TAG_LINE = re.compile(r"(?:</?([A-Za-z][\w.:-]*)(?:\s(?:[^<>{}]|\{[^{}]*\})*+)?/?>|<>|</>|[ \t])+")
# a link reference definition whose destination CommonMark does not take (Liquid in it)
_REFERENCE = re.compile(
    r"[ ]{0,3}\[[^\]\n^][^\]\n]{0,200}\]:[ \t]*(?:\{\{[^}\n]*\}\}|\{%[^%\n]*%\}|[^\s{]|\{)+"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*"
)
_TAG_NAMES = re.compile(r"</?([A-Za-z][\w.:-]*)")

# Liquid/Hugo blocks whose body is code or a comment, not prose
_CODE_OPEN = re.compile(
    r"[ \t]*(?:\{%-?[ \t]*(?P<liquid>highlight|comment|raw|codeblock|capture)\b[^%\n]*%\}"
    r"|\{\{[<%][ \t]*(?P<hugo>highlight|comment|code)\b[^\n]*?[>%]\}\})"
)
_MATH_OPEN = re.compile(r"[ \t]*(?:\$\$|\\\[|\\begin\{(?P<env>[\w*]+)\})")
_MDX = re.compile(r"(?:import[ \t{*'\"]|export[ \t]+(?:const|default|function|let|var|\{|\*))")

# how deep the look for a closing line goes: an unclosed block is read leniently as its
# opening line alone, and a bound keeps hostile input linear
_LOOKAHEAD = 400


class Prepass(NamedTuple):
    view: str  # the parse view: the body's lines, markers blanked and bodies dedented, each
    # line as long as it was (blanks in place of markers, indentation moved to the line's end)
    masked: list[tuple[int, int]]  # offsets relative to the body
    code: list[tuple[int, int]]
    titles: list[tuple[int, int]]  # prose titles of admonitions, tabs and divs


def prepass(text: str, features: frozenset[str]) -> Prepass | None:
    """The parse view of ``text`` (line ends already ``\\n`` or ``\\r\\n``), or None when it
    has none of these constructs."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    out: list[str] = []
    masked: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    titles: list[tuple[int, int]] = []
    indents: list[int] = []  # body indents (columns) of the open admonitions and tabs
    i, n = 0, len(lines)
    prev_blank = True
    while i < n:
        line = lines[i]
        content = line.rstrip("\r\n")
        ending = line[len(content) :]
        s = starts[i]
        if not content.strip():
            out.append(ending)
            prev_blank = True
            i += 1
            continue
        width = _indent(content)[0]
        while indents and width < indents[-1]:
            indents.pop()
        cut = _cut(content, indents[-1]) if indents else 0
        body = content[cut:]
        lead = len(body) - len(body.lstrip(" \t"))
        stripped = body[lead:]
        at = s + cut + lead  # offset of the stripped line in the text

        def blank_line(
            title: tuple[int, int] | None = None,
            s: int = s,
            content: str = content,
            ending: str = ending,
        ) -> None:
            # the marker is masked, its title (if any) is prose
            if title is not None and title[1] > title[0]:
                titles.append(title)
                masked.append((s, title[0]))
                masked.append((title[1], s + len(content)))
            else:
                masked.append((s, s + len(content)))
            out.append(" " * len(content) + ending)

        m = None
        if "admonition" in features:
            m = _ADMONITION.match(stripped) or _TAB.match(stripped)
            if m is not None:
                blank_line(_group_span(m, at, "title"))
                indents.append(_indent(content[: cut + lead])[0] + 4)
                i += 1
                prev_blank = True
                continue
        if "fenced-div" in features and stripped.startswith(":::"):
            m = _DIV.match(stripped)
            if m is not None:
                title = _group_span(m, at, "btitle") or _group_span(m, at, "title")
                if title is not None and "." in m.group("mark"):
                    title = None  # mkdocstrings' "::: package.module"
                blank_line(title)
                i += 1
                prev_blank = True
                continue
        if "block-marker" in features and stripped.startswith("///"):
            m = _BLOCK_MARK.match(stripped)
            if m is not None:
                blank_line(_group_span(m, at, "title"))
                i += 1
                prev_blank = True
                continue
        if "alert" in features and stripped.startswith(">"):
            m = _ALERT.match(stripped)
            if m is not None:
                masked.append((at + m.start("mark"), at + m.end("mark")))
        if "math" in features:
            m = _MATH_OPEN.match(stripped)
            if m is not None:
                close = _math_close(lines, i, stripped, m)
                if close is not None:
                    masked.append((s, starts[close + 1] - _ending_len(lines[close])))
                    out.extend(_blank(lines[j]) for j in range(i, close + 1))
                    i = close + 1
                    prev_blank = True
                    continue
        if {"liquid", "shortcode"} & features:
            m = _CODE_OPEN.match(stripped)
            if m is not None:
                close = _block_close(lines, i, m.group("liquid"), m.group("hugo"))
                if close is not None:
                    masked.append((s, starts[close + 1] - _ending_len(lines[close])))
                    code.append((s, starts[close + 1] - _ending_len(lines[close])))
                    out.extend(_blank(lines[j]) for j in range(i, close + 1))
                    i = close + 1
                    prev_blank = True
                    continue
        if any(f in features and p.fullmatch(stripped) for f, p in _DIRECTIVE_LINES):
            blank_line()
            i += 1
            prev_blank = True
            continue
        if stripped[0] == "<" and _TAG_LINE.fullmatch(stripped):
            names = {n.lower() for n in _TAG_NAMES.findall(stripped)}
            if not names & RAW_ELEMENTS:
                blank_line()
                i += 1
                prev_blank = True
                continue
        if stripped[0] == "[" and "{" in stripped and _REFERENCE.fullmatch(body):
            blank_line()
            i += 1
            prev_blank = True
            continue
        if "mdx" in features and prev_blank and lead == 0 and _MDX.match(stripped):
            j = i
            while j + 1 < n and lines[j + 1].strip():
                j += 1
            masked.append((s, starts[j + 1] - _ending_len(lines[j])))
            out.extend(_blank(lines[k]) for k in range(i, j + 1))
            i = j + 1
            prev_blank = True
            continue
        out.append(body + " " * cut + ending if cut else line)
        prev_blank = False
        i += 1
    return Prepass("".join(out), masked, code, titles)


def _indent(content: str) -> tuple[int, int]:
    """(columns, characters) of the leading white space; a tab is four columns."""
    width = chars = 0
    for ch in content:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            break
        chars += 1
    return width, chars


def _cut(content: str, columns: int) -> int:
    """How many leading characters make up ``columns`` columns of indentation."""
    width = chars = 0
    for ch in content:
        if width >= columns or ch not in " \t":
            break
        width += 1 if ch == " " else 4 - width % 4
        chars += 1
    return chars


def _group_span(m: re.Match[str], at: int, name: str) -> tuple[int, int] | None:
    if m.group(name) is None or not m.group(name).strip():
        return None
    return at + m.start(name), at + m.end(name)


def _blank(line: str) -> str:
    content = line.rstrip("\r\n")
    return " " * len(content) + line[len(content) :]


def _ending_len(line: str) -> int:
    return len(line) - len(line.rstrip("\r\n"))


def _math_close(lines: list[str], i: int, first: str, m: re.Match[str]) -> int | None:
    env = m.group("env")
    closer = "$$" if first.lstrip().startswith("$$") else (f"\\end{{{env}}}" if env else "\\]")
    if closer in first[m.end() :]:
        return i
    for j in range(i + 1, min(len(lines), i + _LOOKAHEAD)):
        if closer in lines[j]:
            return j
        if closer == "$$" and not lines[j].strip():
            return None  # a blank line ends a paragraph, and display math with it
    return None


def _block_close(lines: list[str], i: int, liquid: str | None, hugo: str | None) -> int | None:
    if liquid:
        closer = re.compile(r"\{%-?[ \t]*end" + liquid + r"\b")
    else:
        closer = re.compile(r"\{\{[<%][ \t]*/[ \t]*" + str(hugo) + r"\b")
    for j in range(i, min(len(lines), i + _LOOKAHEAD)):
        if closer.search(lines[j], 0 if j > i else 2):
            return j
    return None
