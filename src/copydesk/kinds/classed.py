"""Patterns whose named words must belong to word classes of the lexicon.

A pattern alone cannot tell "a long term plan" (a noun follows, so the compound needs its
hyphen) from "a long term abroad"; nor "an oldest city" from "an oldest-ever". Each entry of
``swap`` is a regular expression with its replacement, as in the substitution kind; each
named group of the expression is checked against ``classes``, which maps a group name to the
classes the group's word must be in ("singular plural") and those it must not be in
("-adj -vbn"). A group named ``noun2`` takes the classes of ``noun``, so one pattern can test
two words alike. Classes are those of ``data/lexicon.txt`` (see ``copydesk.kinds.agreement``).
``define`` names pattern fragments that the entries share: ``{det}`` in an entry stands for the
fragment named ``det``, so a table of phrases repeats no context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from copydesk import patterncache
from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import match_case
from copydesk.kinds.agreement import lexicon
from copydesk.kinds.prefilter import EntryScanner

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "swap": ("dict[str,str]", REQUIRED),
    "classes": ("dict[str,str]", {}),
    "ignorecase": ("bool", False),
    "define": ("dict[str,str]", {}),
    # the message of an entry with no replacement, when the rule's own names the fix
    "unfixed_message": ("str", ""),
}

CLASSES = frozenset(
    [
        "adj",
        "adv",
        "base",
        "comparative",
        "past",
        "plural",
        "singular",
        "superlative",
        "vbd_only",
        "vbn",
        "vbz",
    ]
)


class ClassTest(NamedTuple):
    """In one of ``any_of`` (or anything, when empty) and in none of ``none_of``."""

    any_of: tuple[str, ...]
    none_of: tuple[str, ...]

    def holds(self, word: str) -> bool:
        lex = lexicon()
        if self.any_of and not any(word in lex[c] for c in self.any_of):
            return False
        return not any(word in lex[c] for c in self.none_of)


def parse_test(group: str, spec: str) -> ClassTest:
    any_of: list[str] = []
    none_of: list[str] = []
    for item in spec.split():
        name = item.removeprefix("-")
        if name not in CLASSES:
            known = ", ".join(sorted(CLASSES))
            raise ValueError(f"classes: '{group}' names unknown class '{name}' (known: {known})")
        (none_of if item.startswith("-") else any_of).append(name)
    return ClassTest(tuple(any_of), tuple(none_of))


class Entry(NamedTuple):
    source: str
    replacement: str


_GROUP = patterncache.compile(r"\(\?P<(\w+)>")


_NAME = patterncache.compile(r"\{([A-Za-z_]\w*)\}")


def expand(source: str, define: dict[str, str]) -> str:
    """``source`` with each ``{name}`` of ``define`` replaced by its fragment; other braces
    (``{3,}``) are the pattern's own."""
    return _NAME.sub(lambda m: define.get(m.group(1), m.group(0)), source)


def _class_key(group: str) -> str:
    return group.rstrip("0123456789")


def _hidden(source: str, masked: str, start: int, end: int) -> bool:
    """Whether code or markup is blanked between ``start`` and ``end``: the masked text
    shows a space where the source has something else."""
    return any(masked[k] == " " and not source[k].isspace() for k in range(start, end))


def _across_markup(doc: Document, m: re.Match[str]) -> bool:
    """Whether the match reads words that code or markup keep apart ("a `foo` many"), or
    reads blanked code after it as nothing: in "an existing `ArrayBuffer`." the code span
    is the noun, so the phrase does not end at "existing". Code followed by a word is a gap
    between words, which a pattern that wants a word after it may read through; a link's
    blanked target after the phrase ("a well known cfg](url).") is no word."""
    source, masked = doc.source, doc.masked
    start, end = m.start(), m.end()
    if source[start:end] != masked[start:end] and _hidden(source, masked, start, end):
        return True
    k = end
    while k < len(masked) and masked[k].isspace():
        k += 1
    if k == end or (k < len(masked) and masked[k].isalnum()):
        return False
    return any(end <= s.start < k for s in doc.code_spans)


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        flags = re.IGNORECASE if option(rule, "ignorecase") else 0
        swap: dict[str, str] = option(rule, "swap")
        self.tests = {g: parse_test(g, s) for g, s in option(rule, "classes").items()}
        define: dict[str, str] = option(rule, "define")
        self.unfixed_message: str = option(rule, "unfixed_message")
        self.entries = [Entry(expand(k, define), v) for k, v in swap.items()]
        self._scanner = EntryScanner([e.source for e in self.entries], flags)
        for entry in self.entries:
            for group in _GROUP.findall(entry.source):
                if _class_key(group) not in self.tests:
                    raise ValueError(
                        f"pattern group '{group}' has no entry in classes: {entry.source}"
                    )

    def _fits(self, m: re.Match[str]) -> bool:
        for group, word in m.groupdict().items():
            if word is not None and not self.tests[_class_key(group)].holds(word.lower()):
                return False
        return True

    def _matches(self, doc: Document) -> Iterator[tuple[Entry, re.Match[str]]]:
        # each entry is tried only where the text's words say it may start: a table of a
        # hundred phrases costs a look-up per word, not a search per phrase
        for i, m in self._scanner.finditer(doc.masked, doc.folded):
            yield self.entries[i], m

    def run(self, doc: Document) -> Iterator[Match]:
        taken: list[tuple[int, int]] = []
        for entry, m in self._matches(doc):
            if m.end() == m.start() or not self._fits(m) or _across_markup(doc, m):
                continue
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append((m.start(), m.end()))
            text = m.group()
            if not entry.replacement:  # a slip with no one right wording: no fix
                message = self.unfixed_message.format(match=text) or None
                yield Match(m.start(), m.end(), {"match": text}, message=message)
                continue
            fixed = match_case(text, m.expand(entry.replacement))
            yield Match(m.start(), m.end(), {"match": text, "replacement": fixed}, (fixed,))
