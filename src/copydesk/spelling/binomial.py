"""Latin names of species ("Canis lupus", "Ancylostoma caninum", "A. caninum").

A binomial is a capitalised genus, or its initial, followed by a lower-case epithet with a
Latin ending. Neither half is English, and the speller knows few of them; reporters quote them
as they find them, so both halves are left alone. An English typo after a name ("Smith
woudl") has no Latin ending, a typo after a sentence's first word follows a common word, and
a slip of an English word has that word one edit away and has seldom been written before.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from copydesk.spelling.tokens import UNKNOWN, Word

# Words more frequent than this are English, not genera ("The", "This", "Many").
COMMON_RANK: Final = 20_000
# Endings of Latin and latinised epithets: -us, -um, -a, -ae, -is, -i, -ii and the
# adjectival -ensis, -oides, -ica/-icus/-icum, -ata/-atus/-atum, -ana/-anus, -ens, -ans.
_ENDINGS: Final = ("us", "um", "a", "ae", "is", "i", "ens", "ans", "ex", "ix")
# Shorter epithets ("rex", "coli") are mostly English words or too short to judge.
_MIN_EPITHET: Final = 5
_SPACES: Final = (" ", "\u00a0")


def in_binomial(
    words: Sequence[Word],
    i: int,
    common: Callable[[str], bool],
    doubtful: Callable[[str], bool],
    text: str,
) -> bool:
    """Whether ``words[i]`` is half of a binomial: an unknown epithet after a genus or its
    initial, or an unknown genus before such an epithet. ``common`` says whether a word is a
    frequent English word (and so no genus), ``doubtful`` whether a word the web has never
    written is one edit from a frequent word (a slip after a brand, "Smirnoff voodka", not an
    epithet: "canis" is one edit from "cans" too, but has been written)."""
    w = words[i]
    if w.status != UNKNOWN:
        return False
    if _epithet(w, doubtful):
        if _after_initial(text, w.start):
            return True
        return i > 0 and _pair(words[i - 1], w, common, text)
    return (
        i + 1 < len(words)
        and _epithet(words[i + 1], doubtful)
        and _pair(w, words[i + 1], common, text)
    )


def _epithet(w: Word, doubtful: Callable[[str], bool]) -> bool:
    word = w.text
    return (
        len(word) >= _MIN_EPITHET
        and word.isascii()
        and word.isalpha()
        and word.islower()
        and word.endswith(_ENDINGS)
        and not doubtful(word)
    )


def _after_initial(text: str, start: int) -> bool:
    """Whether ``start`` follows a genus cut to its initial: "A. " after a space or the
    start of the text, not after a word or another initial ("U.S. ")."""
    i = start - 3
    return (
        i >= 0
        and text[start - 1] in _SPACES
        and text[start - 2] == "."
        and "A" <= text[i] <= "Z"
        and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "."))
    )


def _pair(genus: Word, epithet: Word, common: Callable[[str], bool], text: str) -> bool:
    """A genus directly before an epithet, a single space apart, neither a common word."""
    name = genus.text
    return (
        text[genus.end : epithet.start] in _SPACES
        and len(name) >= 3
        and name.isascii()
        and name.isalpha()
        and name[0].isupper()
        and name[1:].islower()
        and not common(name)
        and not common(epithet.text)
    )
