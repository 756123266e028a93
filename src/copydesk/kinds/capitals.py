"""Flag a proper name written with one of its capitals lost: "South america", "New Year's eve".

A name is matched whatever its case; it is flagged when a word the name capitalises is written
in lower case. A match written all in lower case is flagged only for names listed as
``always``: "the black sea of umbrellas" and "a second world war" are ordinary phrases, "world
war ii" and "new zealand" never are. Words the name itself leaves in lower case ("Cape of Good
Hope") and capitals added to them (a title-case heading) are not judged, nor is the capital
a sentence gives its first word ("Black sea bass is on the menu") unless the name is one of
the ``always`` ones."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import PhraseBook, PhraseIndex, normalise

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

_SPACE = patterncache.compile(r"(\s+)")

SCHEMA: dict[str, tuple[str, Any]] = {
    "names": ("list[str]", REQUIRED),
    "always": ("list[str]", []),
}


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        always: list[str] = option(rule, "always")
        names: list[str] = option(rule, "names")
        self.always = {normalise(n) for n in always}
        self.names = list(dict.fromkeys([*names, *always]))
        self.phrases = PhraseIndex(self.names, True, ctx.tool("phrasebook", PhraseBook))

    def run(self, doc: Document) -> Iterator[Match]:
        for start, end, name in self.phrases.finditer(doc):
            text = doc.masked[start:end]
            written, wanted = text.split(), name.split()
            if len(written) != len(wanted) or text.isupper():
                continue
            lost = [
                i
                for i, (w, n) in enumerate(zip(written, wanted, strict=True))
                if n[:1].isupper() and w[:1].islower()
            ]
            if not lost:
                continue
            if normalise(name) not in self.always and (
                text.islower() or (0 not in lost and _opens_sentence(doc.masked, start))
            ):
                continue
            fixed = _recase(text, wanted, lost)
            yield Match(start, end, {"match": text, "replacement": fixed}, (fixed,))


def _opens_sentence(text: str, start: int) -> bool:
    """Whether a sentence starts at ``start``, so its first capital says nothing of a name."""
    before = text[max(0, start - 8) : start].rstrip(" \t\"“‘'(*_")
    return not before or before[-1] in ".!?:\n"


def _recase(text: str, wanted: list[str], lost: list[int]) -> str:
    """The text with the lost capitals restored, its own spacing and apostrophes kept."""
    parts = _SPACE.split(text)
    for i in lost:
        word, name = parts[2 * i], wanted[i]
        same = word.replace("’", "'").lower() == name.replace("’", "'").lower()
        parts[2 * i] = (
            "".join(n if n.isalpha() else w for w, n in zip(word, name, strict=True))
            if same and len(word) == len(name)
            else word[:1].upper() + word[1:]
        )
    return "".join(parts)
