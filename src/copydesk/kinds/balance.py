"""Flag brackets and quotation marks that open without closing, or close without opening.

News copy opens each paragraph of a long quote again and closes only the last, so a paragraph
that ends inside a quote is fine when the next paragraph opens one. An excerpt cut with an
ellipsis may close what opened before the cut, or open what closes after it: a block that starts
with an ellipsis is not asked to open its closers, one that ends with one not to close its
openers. A straight double mark straight after a figure, with no quotation open, is an inch mark
(a pitch of 31-33")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.document.exempt import QUOTE_MARKS
from copydesk.kinds import Context, Match, option

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "brackets": ("list[list[str]]", [["(", ")"], ["[", "]"], ["{", "}"]]),
    "quotes": ("bool", True),
}

# "a)" and "1)" at the start of a line or after a space are list labels, not brackets
_LABEL = patterncache.compile(r"(?:(?<=\s)|^)(?:[a-zA-Z]|\d{1,2}|[ivx]{1,4})\)(?=\s)", re.M)


def _is_label(text: str, pos: int, start: int, end: int) -> bool:
    """Whether ``_LABEL.finditer(text, start, end)`` has a match ending with the ")" at
    ``pos``. A label is at most four characters and its own lookbehind wants white space
    before it, so matches never overlap and only the few places before ``pos`` can start
    one; the bracket closes far fewer labels than the block has positions to scan."""
    for s in range(max(start, pos - 4), pos):
        m = _LABEL.match(text, s, end)
        if m is not None and m.end() == pos + 1:
            return True
    return False


_QUOTE_OPENERS = '“"'


def _cut(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the block is an excerpt cut at its start, and at its end."""
    block = text[start:end].strip()
    head = block.lstrip("\"“'‘([ ")
    tail = block.rstrip("\"”'’)] ")
    return head.startswith(("...", "…")), tail.endswith(("...", "…"))


class Kind:
    default_quotes = "check"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        pairs = option(rule, "brackets")
        self.open = {p[0]: p[1] for p in pairs}
        self.close = {p[1]: p[0] for p in pairs}
        self.quotes: bool = option(rule, "quotes")
        marks = "".join(self.open) + "".join(self.close)
        # a run of one bracket at a time: a line of ten thousand "[" is one step, not 10,000
        self.chars = patterncache.compile("([" + re.escape(marks) + "])\\1*") if marks else None

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        for n, block in enumerate(doc.blocks):
            cut = _cut(text, block.start, block.end)
            if self.chars is not None:
                yield from self._brackets(text, block.start, block.end, cut)
            if self.quotes:
                following = doc.blocks[n + 1] if n + 1 < len(doc.blocks) else None
                yield from self._quotes(doc, block.start, block.end, following, cut)

    def _brackets(self, text: str, start: int, end: int, cut: tuple[bool, bool]) -> Iterator[Match]:
        assert self.chars is not None
        stack: list[list[Any]] = []  # runs of open brackets: [bracket, offset, how many open]
        for m in self.chars.finditer(text, start, end):
            ch, pos, count = m.group(1), m.start(), m.end() - m.start()
            if ch in self.open:
                stack.append([ch, pos, count])
                continue
            # "b)" is a list label, unless a bracket is open for it to close ("(best of 3) is")
            if (
                ch == ")"
                and count == 1
                and not (stack and stack[-1][0] == "(")
                and _is_label(text, pos, start, end)
            ):
                continue
            closed = 0
            while closed < count and stack and stack[-1][0] == self.close[ch]:
                taken = min(count - closed, stack[-1][2])
                stack[-1][2] -= taken
                closed += taken
                if not stack[-1][2]:
                    stack.pop()
            if closed < count and not cut[0]:
                yield _unbalanced(ch, pos + closed, pos + count, "closes nothing")
        if cut[1]:
            return
        for ch, pos, count in stack:
            yield _unbalanced(ch, pos, pos + count, "is never closed")

    def _quotes(
        self, doc: Document, start: int, end: int, following: Any, cut: tuple[bool, bool]
    ) -> Iterator[Match]:
        text = doc.masked
        open_at: int | None = None
        for m in QUOTE_MARKS.finditer(text, start, end):
            pos = m.start()
            if _is_opener(text, pos, start, end):
                if open_at is not None and not _after_sentence(text, start, pos):
                    yield Match(
                        open_at,
                        open_at + 1,
                        {
                            "match": text[open_at],
                            "problem": "a quotation opens again before it closes",
                        },
                    )
                # after a full stop, a new opening mark continues a quote across a lost paragraph break
                open_at = pos
            elif open_at is None:
                if cut[0] or _inch_mark(text, pos, start):
                    continue
                yield Match(
                    pos,
                    pos + 1,
                    {
                        "match": m.group(),
                        "problem": f"'{m.group()}' closes a quotation that never opened",
                    },
                )
            else:
                open_at = None
        if open_at is not None:
            continues = following is not None and text[following.start] in _QUOTE_OPENERS
            if not continues and not cut[1]:
                yield Match(
                    open_at,
                    open_at + 1,
                    {"match": text[open_at], "problem": "a quotation is never closed"},
                )


def _unbalanced(ch: str, start: int, end: int, problem: str) -> Match:
    """One finding for a run of the same bracket ("[[[" never closed)."""
    what = f"'{ch}'" if end - start == 1 else f"{end - start} × '{ch}'"
    return Match(start, end, {"match": ch * min(end - start, 3), "problem": f"{what} {problem}"})


def _is_opener(text: str, pos: int, start: int, end: int) -> bool:
    """Curly marks say which way they face; a straight one opens when it follows a space or an
    opening bracket and precedes a word."""
    ch = text[pos]
    if ch != '"':
        return ch == "“"
    before = text[pos - 1] if pos > start else " "
    after = text[pos + 1] if pos + 1 < end else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _inch_mark(text: str, pos: int, start: int) -> bool:
    return text[pos] == '"' and pos > start and text[pos - 1].isdigit()


def _after_sentence(text: str, start: int, pos: int) -> bool:
    stripped = text[start:pos].rstrip()
    return bool(stripped) and stripped[-1] in ".?!:"
