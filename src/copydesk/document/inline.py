"""Inline Markdown markup inside a prose block: what is masked, what is code, and which masked
stretches sit inside a word (an inline tag or an entity between two letters), so that the word
reads whole. One regex per dialect finds every construct left to right; brackets are paired
with a stack as they come, so link text may span lines and nest, in linear time."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from copydesk import patterncache
from copydesk.literals import Scanner

# A link's destination: <...>, or text without spaces that may hold one level of parentheses
# and Liquid/Jinja values; then an optional title. Possessive, so a destination that never
# closes is given up on at once instead of re-split every possible way.
_DEST = (
    r"(?:<[^<>\n]*>|(?:[^()\s{]|\{\{[^{}\n]{0,200}\}\}|\{%[^{}\n]{0,200}%\}|\{|\([^()\s]*\))*+)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)"
)

_BRANCHES: tuple[tuple[str | None, str], ...] = (
    (None, r"(?P<code>(?P<ticks>`+)(?!`).+?(?<!`)(?P=ticks)(?!`))"),
    (None, r"(?P<image>!\[[^\]\n]*\]\(" + _DEST + r")"),
    (None, r"(?P<comment><!--.{0,20000}?-->)"),
    (None, r"(?P<autolink><(?:https?|ftp|mailto):[^>\s]*>|<[\w.+-]+@[\w.-]+>)"),
    ("math", r"(?P<math>\$\$[^$]{1,5000}\$\$|(?<![\\$\w])\$(?=[^\s$])[^$]{0,400}(?<=[^\s\\])\$(?!\d)"
             r"|\\\((?s:.){0,500}?\\\)|\\\[(?s:.){0,5000}?\\\]"
             # a TeX command with its options and the arguments that are keys, labels or
             # URLs (no space); an argument with spaces is text, and stays prose
             r"|\\[A-Za-z]+\*?(?:\[[^\]\n]{0,80}\])?(?:\{[^{}\s]{0,200}\})*)"),
    # openers only: the closing "}}" is found with str.find (see _template_end)
    ("shortcode", r"(?P<shortcode>\{\{[<%])"),
    ("liquid", r"(?P<liquid>\{%|\{\{)"),
    ("attributes", r"(?P<attrs>\{:[^{}\n]{0,300}\}|\{::[^{}\n]{0,300}\}"
                   r"|\{[ \t]*[#.][\w-][^{}\n]{0,300}\}|\{[ \t]*[\w-]+=[^{}\n]{0,300}\})"),
    ("footnote", r"(?P<footnote>\[\^[^\]\s]{1,100}\]:?)|(?P<caret>\^\[)"),
    ("citation", r"(?P<citation>\[(?:[^\[\]\n@]{0,100})?-?@[\w:.#$%&+?<>~/-]+[^\[\]\n]{0,300}\])"),
    ("emoji", r"(?P<emoji>(?<![\w:]):(?=[a-z0-9+_-]*[a-z])[a-z0-9+_-]{1,60}:(?![\w:]))"),
    ("mdx", r"(?P<expr>\{/\*(?s:.){0,2000}?\*/\}|\{[^{}\n]{0,300}\})|(?P<fragment></?>)"),
    (None, r"(?P<tag></?[A-Za-z][\w.:-]*+(?:\s(?:[^<>{}]|\{\{[^{}]{0,300}\}\}|\{%[^{}]{0,300}%\}"
           r"|\{[^{}]{0,300}\})*+)?/?>)"),
    (None, r"(?P<linkend>\]\(" + _DEST + r"|\]\[[^\]\n]{0,200}\])"),
    (None, r"(?P<escape>\\)(?=[!-/:-@\[-`{-~])"),
    (None, r"(?P<entity>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"),
    (None, r"(?P<emph>(?<![\w*~])[*_~]{1,3}(?=[^\s*_~])|(?<=[^\s*_~])[*_~]{1,3}(?![\w*~]))"),
)  # fmt: skip


@lru_cache(maxsize=256)
def scanner(features: frozenset[str]) -> Scanner:
    pattern = "|".join(p for feature, p in _BRANCHES if feature is None or feature in features)
    return Scanner(patterncache.compile(pattern, re.S))


# elements whose content is code or markup, never prose
RAW_ELEMENTS = frozenset(
    {"script", "style", "pre", "code", "kbd", "samp", "var", "textarea", "template", "svg",
     "math", "latex", "noscript"}
)  # fmt: skip
_TAG_NAME = patterncache.compile(r"<([A-Za-z][\w-]*)")

# groups whose markup may sit inside a word without splitting it ("Secre<em>taray")
_JOINING = frozenset({"tag", "emph", "comment"})


class Inline(NamedTuple):
    masked: list[tuple[int, int]]
    code: list[tuple[int, int]]
    absent: list[tuple[int, int]]  # masked stretches that a word reads through
    decoded: list[tuple[int, str]]  # an entity's character, shown at the entity's first offset


# what a block must hold for a feature's constructs to be in it: the scan leaves out the
# branches it cannot need, so that a character that starts one (a "[" in "[[[[") costs nothing
_NEEDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("math", ("$", "\\")),
    ("shortcode", ("{{",)),
    ("liquid", ("{{", "{%")),
    ("attributes", ("{",)),
    ("footnote", ("[^", "^[")),
    ("citation", ("@",)),
    ("emoji", (":",)),
    ("mdx", ("{", "<>", "</>")),
)


# a block this long repays building the scanner's finders at once
_LONG_BLOCK = 50_000


def _present(text: str, features: frozenset[str]) -> frozenset[str]:
    return frozenset(
        f for f, needles in _NEEDS if f in features and any(n in text for n in needles)
    )


def scan_inline(text: str, base: int, features: frozenset[str]) -> Inline:
    """Markup of ``text`` (a prose block starting at offset ``base``)."""
    features = _present(text, features)
    masked: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    absent: list[tuple[int, int]] = []
    decoded: list[tuple[int, str]] = []
    joins: list[tuple[int, int]] = []  # joining markup, merged where one follows another
    skip_to = 0  # the end of a raw element masked whole
    unclosed: dict[str, int] = {}  # raw elements with no closing tag from this offset on
    closers: dict[str, tuple[int, int]] = {}  # closer -> (searched from, found at or -1)
    scan = scanner(features)
    if len(text) > _LONG_BLOCK:
        scan.build_now()
    for m in scan.finditer(text):
        kind = m.lastgroup
        s, e = m.start(), m.end()
        if s < skip_to:
            continue
        if kind == "tag" and text[s + 1] != "/":
            raw = _raw_end(text, m, unclosed)
            if raw:
                code.append((base + s, base + raw))
                masked.append((base + s, base + raw))
                skip_to = raw
                continue
        if kind == "shortcode" or kind == "liquid":
            close = _template_end(text, m.group(), e, closers)
            masked.append((base + s, base + (close or e)))
            skip_to = close
            continue
        if kind == "ticks":
            kind = "code"
        if kind == "caret":
            close = _closing(text, s + 1)
            if close >= 0:  # a Pandoc note: "^[" and "]" are markup, the note is prose
                masked.append((base + s, base + e))
                masked.append((base + close, base + close + 1))
            continue
        if kind == "linkend":
            o = _opening(text, s)
            if o >= 0:
                masked.append((base + o, base + o + 1))
        elif kind == "code" or kind == "math":  # a formula is no prose either
            code.append((base + s, base + e))
        elif kind == "entity":
            from html import unescape  # its table of entities loads only when one is met

            char = unescape(m.group())
            if len(char) != 1 or char == m.group() or char.isspace():
                pass
            elif unicodedata.category(char) == "Cf":  # invisible: a soft hyphen, a joiner
                if _inside_word(text, s, e):
                    absent.append((base + s, base + e))
            else:
                decoded.append((base + s, char))
                if _inside_word(text, s, e):
                    absent.append((base + s + 1, base + e))
        elif kind == "escape":
            skip_to = e + 1  # the escaped character is text, whatever it would mark up
        if kind in _JOINING:
            if joins and joins[-1][1] == s:
                joins[-1] = (joins[-1][0], e)
            else:
                joins.append((s, e))
        masked.append((base + s, base + e))
    absent.extend((base + s, base + e) for s, e in joins if _inside_word(text, s, e))
    return Inline(masked, code, sorted(absent), decoded)


# how far a link's text may reach back from its "](": bounded, so that a block full of
# brackets costs linear time
_LINK_TEXT_MOST = 2000


def _opening(text: str, close: int) -> int:
    """The "[" that the "]" at ``close`` closes (brackets nest), or -1."""
    floor = max(0, close - _LINK_TEXT_MOST)
    depth = 0
    i = close
    while True:
        o = text.rfind("[", floor, i)
        c = text.rfind("]", max(floor, o), i)
        if o < 0:
            return -1
        if c > o:
            depth += 1
            i = c
        elif depth:
            depth -= 1
            i = o
        else:
            return o


def _closing(text: str, open_: int) -> int:
    """The "]" that closes the "[" at ``open_`` (brackets nest), or -1."""
    ceiling = min(len(text), open_ + _LINK_TEXT_MOST)
    depth = 0
    i = open_ + 1
    while True:
        c = text.find("]", i, ceiling)
        o = text.find("[", i, c if c >= 0 else ceiling)
        if c < 0:
            return -1
        if o >= 0:
            depth += 1
            i = o + 1
        elif depth:
            depth -= 1
            i = c + 1
        else:
            return c


_TEMPLATE_CLOSER = {"{{<": ">}}", "{{%": "%}}", "{%": "%}", "{{": "}}"}
# a tag of a template language is short; one that does not close within this is read as
# its opening alone (the rest stays text, as a lenient reader would show it)
_TEMPLATE_MOST = 2000


def _template_end(text: str, opener: str, at: int, closers: dict[str, tuple[int, int]]) -> int:
    """Where the shortcode or Liquid tag opened by ``opener`` (ending at ``at``) ends, else 0.
    A closer's last search is reused while it still lies ahead, so many unclosed openers
    cost one search, not one each."""
    closer = _TEMPLATE_CLOSER[opener]
    searched, found = closers.get(closer, (-1, -1))
    if searched < 0 or at < searched or (found >= 0 and found < at):
        found = text.find(closer, at)
        closers[closer] = (at, found)
    if found < 0 or found - at > _TEMPLATE_MOST:
        return 0
    return found + len(closer)


def _raw_end(text: str, m: re.Match[str], unclosed: dict[str, int]) -> int:
    """Where the raw element a start tag opens ends (after its closing tag), else 0. Each
    element's closing tag is looked for with one ``str.find`` from each start tag, and not
    again once one search came back empty, so many unclosed tags stay linear."""
    name_match = _TAG_NAME.match(m.group())
    if name_match is None or m.group().endswith("/>"):
        return 0
    name = name_match.group(1).lower()
    if name not in RAW_ELEMENTS or m.end() >= unclosed.get(name, len(text) + 1):
        return 0
    closer = text.find("</" + name, m.end())
    if closer < 0:
        closer = text.lower().find("</" + name, m.end()) if not text.islower() else -1
    if closer < 0:
        unclosed[name] = m.end()
        return 0
    close_end = text.find(">", closer)
    return len(text) if close_end < 0 else close_end + 1


def _inside_word(text: str, s: int, e: int) -> bool:
    return s > 0 and e < len(text) and text[s - 1].isalpha() and text[e].isalpha()
