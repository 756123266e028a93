"""'a' or 'an' by the sound of the next word, not its first letter.

The rule decides only when the sound is clear: a word on the ``either`` list ("historic",
"hotel", "herb"), an all-capital word of four or more letters (is "FTSE" a word or letters?)
and anything that is not a word or a figure are left alone. Initialisms of two or three
capitals are read letter by letter ("an MP", "a UN", "an FBI"), and so is a lower-case word
whose first two consonants begin no English syllable ("an rsync", "an npm"); a lower-case word
with no vowel that could be said as the word it shortens ("a str", "a src") is left alone, and
mixed case with a lower-case syllable is a word ("a SaaS"). Figures go by how they are said
("an 8", "an 11", "an 18", "a 100").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import Context, Match, option
from copydesk.kinds._words import match_case
from copydesk.literals import Scanner

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    # word beginnings with a vowel letter but a consonant sound: "a university", "a one-off"
    "consonant_sound": ("list[str]", []),
    # word beginnings with a consonant letter but a vowel sound: "an hour", "an honest"
    "vowel_sound": ("list[str]", []),
    # words that start with a consonant-sound prefix but are said with a vowel: "uninformed"
    "vowel_sound_exceptions": ("list[str]", []),
    # words either article may go with, by accent or habit: "historic", "hotel", "herb"
    "either": ("list[str]", []),
    # words after "a" that show it is not the English article: "a la", "a priori"
    "not_article": ("list[str]", []),
    # two-consonant beginnings that can start an English word, for the consonants whose names
    # start with a vowel sound ("fl", "sm", "rh"); a lower-case word beginning with any other
    # pair of them ("lcov", "rsync", "npm") is read letter by letter
    "onsets": ("list[str]", []),
}

_PAIR = Scanner(
    patterncache.compile(
        r"(?<![\w'’.-])(?P<art>an?)(?P<gap>\s+)(?P<next>[\w'’]+(?:[-.][\w'’]+)*)", re.IGNORECASE
    )
)
_VOWEL_LETTERS = set("AEFHILMNORSX")  # letters whose names start with a vowel sound
_VOWEL_NAMED = set("fhlmnrs")  # consonants whose names start with a vowel sound ("ef")
# "y" is a vowel here: "rhythm", "sync", "lynx" are said as words
_CONSONANTS = set("bcdfghjklmnpqrstvwxz")
# a run of lower-case letters with a vowel in it is a syllable: "SaaS" is said "sass"
_SPOKEN_RUN = patterncache.compile(r"[a-z]*[aeiouy][a-z]*")
_POSSESSIVE = patterncache.compile(r"['’]s?$")
_ORDINAL = patterncache.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
_CONJUNCTIONS = frozenset({"and", "or", "nor"})
_LETTERS_THEN_DIGITS = patterncache.compile(r"([A-Z])\d+[A-Za-z]?")  # "M25", "A1", "F1", "B52"


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.consonant = tuple(w.lower() for w in option(rule, "consonant_sound"))
        self.vowel = tuple(w.lower() for w in option(rule, "vowel_sound"))
        self.vowel_exceptions = tuple(w.lower() for w in option(rule, "vowel_sound_exceptions"))
        self.either = {w.lower() for w in option(rule, "either")}
        self.not_article = {w.lower() for w in option(rule, "not_article")}
        self.onsets = {w.lower() for w in option(rule, "onsets")}
        # Software writing says many three-letter abbreviations as words ("a SIG", "a RAG",
        # "a SYN"), where news copy spells out its MEPs and SAS: in documentation a
        # consonant-vowel-consonant abbreviation may take either article.
        self.spoken_abbreviations = ctx.profile == "docs"
        # Most articles come before a few hundred words ("a new", "an increase"): decide once.
        self._decided: dict[str, bool | None] = {}

    def wants_an(self, word: str) -> bool | None:
        """True for a vowel sound, False for a consonant sound, None when unsure."""
        try:
            return self._decided[word]
        except KeyError:
            pass
        wants = self._wants_an(word)
        if len(self._decided) < 50_000:
            self._decided[word] = wants
        return wants

    def _wants_an(self, word: str) -> bool | None:
        word = _POSSESSIVE.sub("", word)
        core = word.split("-")[0].split(".")[0]
        if not core:
            return None
        low = word.lower()
        ordinal = _ORDINAL.fullmatch(core)
        if ordinal:  # "an 8th", "a 3rd": said as the number is
            core = word = ordinal.group(1)
        code = _LETTERS_THEN_DIGITS.fullmatch(core)
        if code:  # a road, a model, a grid square: the first letter is said by its name
            return code.group(1) in _VOWEL_LETTERS
        if core.isdigit():
            digits = word.replace(",", "").split(".")[0].split("-")[0]
            if not digits.isdigit():
                return None
            if digits.startswith("8"):
                return True
            if digits[:2] in ("11", "18") and (
                len(digits) == 2 or len(digits) in (5, 8) or "," in word
            ):
                return True  # eleven, eighteen, eleven thousand, eighteen million
            if len(digits) in (3, 4) and digits[:2] in ("11", "18"):
                return None  # "a 1,100" or "an eleven hundred": said both ways
            return False
        if not core.isalpha():
            return None
        if low in self.either or core.lower() in self.either:
            return None
        caps = sum(1 for c in core if c.isupper())
        if core.isupper() and len(core) >= 2:
            if len(core) >= 4:
                return None  # a word or letters? "NATO", "FTSE", "NASA", "NSPCC"
            if (
                self.spoken_abbreviations
                and len(core) == 3
                and core[1] in "AEIOUY"
                and core[0] not in "AEIOU"
                and core[2] not in "AEIOU"
            ):
                return None
            return core[0] in _VOWEL_LETTERS
        if (
            caps >= 2
            and len(core) <= 4
            and not any(len(run) > 1 for run in _SPOKEN_RUN.findall(core))
        ):
            return core[0].upper() in _VOWEL_LETTERS  # "MoD", "DfT": said as letters
        if core.islower() and len(core) >= 2 and core[0] in _VOWEL_NAMED:
            # "lc", "rs", "np" begin no English syllable: the word is read letter by letter,
            # "an lcov", "an rsync", "an npm"
            onset = core[1] not in _CONSONANTS or core[:2] in self.onsets  # "métier"
            if all(c in _CONSONANTS for c in core):
                # no vowel: "a str" may be "a string"; with no onset, letters ("an ntl")
                return None if onset else True
            if not onset:
                return True
        if core.islower() and len(core) >= 2 and all(c in _CONSONANTS for c in core):
            # no vowel: said as letters ("a bbc", "an xml"); after a consonant sound either way
            return core[0].upper() in _VOWEL_LETTERS
        if len(core) == 1:
            return core.upper() in _VOWEL_LETTERS if core.isupper() else None
        if low.startswith(self.vowel_exceptions):
            return True
        if low.startswith(self.consonant):
            return False
        if low.startswith(self.vowel):
            return True
        first = low[0]
        if first in "aeiou":
            return True
        if first == "x" and low[1] not in "aeiouyh":
            return True  # said "ex": "an Xbox", "an Xcode" (but "a xylophone", "a Xhosa")
        if first == "h":
            return False
        if first in "y":
            return None  # "a yacht", but "an ylang-ylang": rare enough to leave alone
        return False

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        for m in _PAIR.finditer(text):
            art, nxt = m.group("art"), m.group("next")
            before = text[m.start() - 1 : m.start()] if m.start() else ""
            if (art.isupper() and len(art) > 1) or (
                art == "A" and before and (before.isupper() or before in "&/")  # "Q&A", "A/B"
            ):
                continue
            if before == "/":
                continue  # "a/an word": the articles are named, not used
            if nxt.lower() in _CONJUNCTIONS:
                continue  # no article stands before "or": "grades A or A+", "a and b"
            # French, Latin, Spanish words after "a": "a la carte", "A la recherche"; in
            # capitals they are abbreviations ("a LA court", "an UN report" is wrong)
            if (
                nxt in self.not_article or (nxt[:1].isupper() and nxt.lower() in self.not_article)
            ) and not (len(nxt) > 1 and nxt.isupper()):
                continue
            if art == "A" and nxt[:1].isupper() and nxt.isupper() and len(nxt) == 1:
                continue  # "A B" in lists of labels
            if art == "A" and text[: m.start()].rstrip(" \t")[-1:].isalnum():
                continue  # mid-sentence after a word, a capital A is a label: "England A"
            wants = self.wants_an(nxt)
            if wants is None:
                continue
            has_n = art.lower() == "an"
            if wants == has_n:
                continue
            right = match_case(art, "an" if wants else "a")
            if art.isupper():
                right = right.upper() if len(art) > 1 else right[0].upper() + right[1:]
            yield Match(
                m.start(),
                m.end(),
                {"match": m.group(), "article": art, "right": right, "word": nxt},
                (right + m.group("gap") + nxt,),
            )
