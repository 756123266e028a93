"""An abbreviation used with no definition earlier in the document.

An all-capital token of ``min_length`` to ``max_length`` letters counts as defined when it
appears in brackets after its long form ("the Financial Services Authority (FSA)"), when the
long form's initials spell it in the text before its first use, or when it appears in brackets
itself with the long form before ("... Authority (FSA)"). Tokens on the ``known`` list
(abbreviations every reader knows: BBC, UK, US, EU, NHS...) are never flagged. Only the first
undefined use is reported; later uses are the same problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import Context, Match, option
from copydesk.literals import Scanner

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "known": ("list[str]", []),
    "min_length": ("int", 2),
    "max_length": ("int", 5),
    "skip_headings": ("bool", True),
}

_SMALL = {
    "of",
    "the",
    "and",
    "for",
    "on",
    "in",
    "to",
    "de",
    "du",
    "des",
    "la",
    "le",
    "&",
    "a",
    "an",
    "at",
    "by",
}

# The first letter of each word that is not a small one: the letters an abbreviation is made
# of. A small word is matched whole, letter by letter in either case (as ``str.lower`` would
# compare it), and yields an empty group.
_INITIAL = patterncache.compile(
    "(?:"
    + "|".join("".join(f"[{c}{c.upper()}]" for c in w) for w in sorted(_SMALL) if w.isalpha())
    + r")(?![\w'’-])|([A-Za-z])[\w'’-]*"
)


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.known = {k.upper() for k in option(rule, "known")}
        low: int = option(rule, "min_length")
        high: int = option(rule, "max_length")
        self.token = Scanner(
            patterncache.compile(
                rf"(?<![\w'’&.-])(?P<abbr>[A-Z]{{{low},{high}}})(?:s|'s|’s)?(?![\w&.-]|['’][A-Za-rt-z])"
            )
        )
        self.skip_headings: bool = option(rule, "skip_headings")

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        seen: set[str] = set()
        heading_spans = [(b.start, b.end) for b in doc.blocks if b.scope == "heading"]
        capitals: dict[int, bool] = {}  # block start -> the block is set in capitals
        initials = ""  # of the words before ``read``
        read = 0
        for m in self.token.finditer(text):
            abbr = m.group("abbr")
            if abbr in seen or abbr in self.known:
                continue
            if self.skip_headings and any(s <= m.start() < e for s, e in heading_spans):
                continue
            block = doc.block_at(m.start())
            if block is not None:
                if block.start not in capitals:
                    raw = doc.ascii[block.start : block.end] if doc.ascii is not None else None
                    capitals[block.start] = _in_capitals(text[block.start : block.end], raw)
                if capitals[block.start]:
                    continue  # a line set in capitals is not a run of abbreviations
            seen.add(abbr)
            # Defined by its long form's initials before it ("the Financial Services
            # Authority (FSA)", or further back), or in brackets after it ("FSA (the
            # Financial Services Authority)"). No word runs across the start of a token,
            # which never follows a word character, so the text is read up to each in turn.
            initials += "".join(_INITIAL.findall(text, read, m.start()))
            read = m.start()
            if abbr in initials:
                continue
            after = text[m.end() : m.end() + 120]
            if after.lstrip().startswith("(") and abbr in "".join(_INITIAL.findall(after)):
                continue
            yield Match(m.start(), m.start() + len(abbr), {"match": abbr})


_ASCII_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_ASCII_NOT_CAPITALS = bytes(c for c in range(128) if not chr(c).isupper())


def _in_capitals(chunk: str, raw: bytes | None = None) -> bool:
    """Most of the letters are capitals. ``raw``: the chunk's ``ascii_stand_in``, if known."""
    if raw is None and chunk.isascii():
        raw = chunk.encode("ascii")
    if raw is not None:
        # the same counts, kept in C: deleting the other bytes leaves the letters, the capitals
        letters = len(raw.translate(None, _ASCII_NOT_LETTERS))
        return letters > 0 and len(raw.translate(None, _ASCII_NOT_CAPITALS)) > 0.6 * letters
    found = list(filter(str.isalpha, chunk))
    return bool(found) and sum(map(str.isupper, found)) > 0.6 * len(found)
