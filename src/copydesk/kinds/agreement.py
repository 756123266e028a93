"""Agreement and verb-form slips found with a small lexicon of word classes.

The classes (plural nouns, verb base forms, -s forms, past forms that are not participles,
adjectives) come from lemminflect's tables, kept in ``data/lexicon.txt`` (built by
``tools/build_wordclasses.py``); the lexicon is read on its first lookup, in a few
milliseconds. Four patterns are checked, each only where the words around it leave no doubt:

- a subject with a plural noun at the start of a clause and a singular verb: "The dogs
  barks", "Many users wants", "The dogs of war is";
- a subject with a singular noun and "are" or "were": "My mother are";
- "have" followed by a base form that is not also a participle: "I have write";
- a form of "be" followed by a simple past that is not a participle ("was went", "has been
  gave"), or "been"/"being" followed by a base form ("has been introduce").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match, option

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    # words that open a clause, after which a subject may start: "when", "whether"
    "clause_openers": ("list[str]", []),
    "plural_determiners": ("list[str]", []),
    "singular_determiners": ("list[str]", []),
    # nouns that end like plurals but take a singular verb, or take either: "news", "series"
    "invariant": ("list[str]", []),
    # nouns that take a plural verb in some houses: "team", "government", "majority"
    "collective": ("list[str]", []),
    # verb base forms also used as adjectives: "complete", "separate"
    "adjective_verbs": ("list[str]", []),
    # adverbs allowed between an auxiliary and its verb: "has always wrote"
    "adverbs": ("list[str]", []),
}

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[^\sA-Za-z]")
_SINGULAR_VERBS = frozenset({"is", "was", "has", "does", "doesn't", "doesn’t"})
_PLURAL_VERBS = frozenset({"are", "were"})
_HAVE = frozenset({"have", "has", "had", "'ve", "’ve", "having"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am"})
_ENDS = frozenset(".!?;:\n")
_THIRD_PERSON = frozenset(
    ["he", "she", "somebody", "someone", "everybody", "everyone", "nobody", "anybody", "anyone"]
)
_NON_THIRD = frozenset({"i", "we", "they", "you"})
_MODALS = frozenset(
    [
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "ought",
        "need",
        "dare",
    ]
)
# after these a subject may take a bare verb: "does he go", "let him go", "that he go"
_TAKES_BARE = frozenset(
    [
        "does",
        "did",
        "do",
        "will",
        "would",
        "can",
        "could",
        "shall",
        "should",
        "may",
        "might",
        "must",
        "let",
        "make",
        "made",
        "help",
        "helps",
        "see",
        "saw",
        "watch",
        "watched",
        "hear",
        "heard",
        "that",
        "why",
        "how",
        "where",
        "when",
        "what",
        "who",
        "which",
        "whether",
        "if",
        "nor",
        "not",
        "doesn't",
        "didn't",
        "doesn’t",
        "didn’t",
        "won't",
        "won’t",
        "have",
        "having",
        "has",
        "had",
    ]
)
# a modal verb or "do" is followed by the plain verb: "did not went", "can goes"
_TAKES_PLAIN = frozenset(
    [
        "does",
        "did",
        "doesn't",
        "didn't",
        "doesn’t",
        "didn’t",
        "don't",
        "don’t",
        "can",
        "can't",
        "can’t",
        "cannot",
        "will",
        "won't",
        "won’t",
        "would",
        "wouldn't",
        "wouldn’t",
        "should",
        "shouldn't",
        "shouldn’t",
        "could",
        "couldn't",
        "couldn’t",
        "must",
        "might",
        "may",
    ]
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "his", "her", "their", "my", "our", "your", "its", "this", "that"]
)
_COUNTING = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "first",
        "second",
        "third",
        "last",
        "next",
        "former",
        "latter",
        "other",
        "rest",
        "remainder",
    ]
)
_CLAUSE_END = frozenset({".", ",", "!", "?", ";", ":", "have", "do"})
_SUBJECTS = frozenset(["i", "you", "he", "she", "it", "we", "they", "there"])
_NOT_VERBS = frozenset(
    [
        "while",
        "since",
        "because",
        "unless",
        "until",
        "though",
        "although",
        "like",
        "as",
        "than",
        "then",
    ]
)
_SUBJUNCTIVE_OPENERS = frozenset({"if", "though", "wish", "wished", "suppose", "supposing"})
_FOLLOWS_VERB = frozenset({"at", "to", "a", "an", "the", "him", "her", "them", "us", "me", "it"})


# the words at which a check begins (besides a clause's first word)
_TRIGGERS = _THIRD_PERSON | _NON_THIRD | {"this", "these"} | _TAKES_PLAIN | _HAVE | _BE


class _Tokens:
    """The tokens of a text as (text, start, end), found again only when a finding needs
    one: most texts have none."""

    __slots__ = ("_all", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._all: list[tuple[str, int, int]] | None = None

    def __getitem__(self, j: int) -> tuple[str, int, int]:
        if self._all is None:
            self._all = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self._text)]
        return self._all[j]


class WordClass:
    """One class of the lexicon: its words in sorted order, found by bisection. A story asks
    a few dozen questions, and hashing 16,000 words into sets costs more than all of them."""

    __slots__ = ("_words",)

    def __init__(self, words: list[str]) -> None:
        words.sort()  # the file keeps them sorted; sorting a sorted list is one pass
        self._words = words

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        words = self._words
        at = bisect_left(words, word)
        return at < len(words) and words[at] == word


class Lexicon:
    """The word classes of ``data/lexicon.txt``: the file is read on the first lookup, a
    class split into words on its own first lookup."""

    def __init__(self) -> None:
        self._lines: dict[str, str] | None = None
        self._classes: dict[str, WordClass] = {}

    def __getitem__(self, name: str) -> WordClass:
        found = self._classes.get(name)
        if found is None:
            if self._lines is None:
                # a plain path: importlib.resources costs more to import than the file to read
                text = (Path(__file__).parent / "data" / "lexicon.txt").read_text(encoding="utf-8")
                self._lines = dict(line.split("\t", 1) for line in text.splitlines() if line)
            found = self._classes[name] = WordClass(self._lines[name].split())
        return found


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.openers = frozenset(w.lower() for w in option(rule, "clause_openers"))
        self.plural_det = frozenset(w.lower() for w in option(rule, "plural_determiners"))
        self.singular_det = frozenset(w.lower() for w in option(rule, "singular_determiners"))
        self.invariant = frozenset(w.lower() for w in option(rule, "invariant"))
        self.collective = frozenset(w.lower() for w in option(rule, "collective"))
        self.adjective_verbs = frozenset(w.lower() for w in option(rule, "adjective_verbs"))
        self.adverbs = frozenset(w.lower() for w in option(rule, "adverbs"))
        # what opens a clause: ``run`` asks about the word after one of these
        self._after = frozenset(_ENDS) | self.openers
        self._wanted = _TRIGGERS | self._after
        # a subjunctive after a verb of asking or insisting: "she insisted he go"
        self.openers_bare = frozenset(
            [
                "insist",
                "insisted",
                "insists",
                "demand",
                "demanded",
                "demands",
                "ask",
                "asked",
                "asks",
                "suggest",
                "suggested",
                "suggests",
                "recommend",
                "recommended",
                "recommends",
                "require",
                "required",
                "requires",
                "propose",
                "proposed",
                "proposes",
                "urge",
                "urged",
                "urges",
            ]
        )

    def run(self, doc: Document) -> Iterator[Match]:
        lex = lexicon()
        masked = doc.masked
        words = _TOKEN.findall(masked)
        # lower-casing ASCII text changes no token's extent, so the regex engine can find the
        # lower-case tokens too; beyond ASCII a letter may lower-case to two ("İ")
        lower = _TOKEN.findall(masked.lower()) if masked.isascii() else [w.lower() for w in words]
        tokens = _Tokens(masked)
        n = len(words)
        for i in self._candidates(lower):
            w = lower[i]
            starts = i == 0 or words[i - 1] in _ENDS or lower[i - 1] in self.openers
            if starts:
                yield from self._subject(i, words, lower, tokens, lex)
            if w in _THIRD_PERSON:
                yield from self._third_person(i, words, lower, tokens, lex)
            elif (
                w in _NON_THIRD
                and (words[i] == "I" or w != "i")
                and (w != "you" or starts or (i > 0 and words[i - 1] == ","))
                and not (
                    i > 0
                    and words[i - 1].isalpha()
                    and (words[i - 1][:1].isupper() or lower[i - 1] in lex["singular"])
                    and lower[i - 1] not in self.openers
                )
            ):  # "you" is a subject only at a clause's start; "Phase I", "phase I" are names
                yield from self._non_third(i, words, lower, tokens, lex)
            elif w in ("this", "these") and i + 1 < n:
                yield from self._demonstrative(i, words, lower, tokens, lex)
            if (
                w in _TAKES_PLAIN
                and words[i].islower()  # "May" is a month
                and i + 1 < n
                and not (i > 0 and lower[i - 1] in _DETERMINERS)
            ):
                j = self._skip_adverbs(i + 1, lower)
                v = words[j] if j < n else ""
                if v.islower() and (
                    v in lex["vbd_only"]
                    or (v in lex["vbz"] and v not in lex["plural"] and v not in lex["adj"])
                ):
                    yield self._match(
                        tokens[j], f"after '{words[i]}' the verb takes its plain form"
                    )
            if w in _HAVE and i + 1 < n:
                j = self._skip_adverbs(i + 1, lower)
                if j < n and self._bare_verb(words[j], lex, past_too=True):
                    yield self._match(tokens[j], "after 'have' the verb takes its past participle")
            if w in _BE and i + 1 < n and words[i].islower():
                j = self._skip_adverbs(i + 1, lower)
                if j < n and words[j].islower():
                    v = words[j]
                    after = lower[j + 1] if j + 1 < n else ""
                    if (v in lex["vbd_only"] and after not in _SUBJECTS) or (
                        w in ("been", "being") and self._bare_verb(v, lex, past_too=False)
                    ):
                        yield self._match(
                            tokens[j], f"after '{words[i]}' the verb takes its past participle"
                        )

    def _candidates(self, lower: list[str]) -> list[int]:
        """The tokens where a check may begin, ascending: those of ``_TRIGGERS`` and the
        first of each clause (the first token, and the one after a clause end or opener).
        Membership is asked in C: most tokens are neither."""
        n = len(lower)
        wanted = self._wanted
        hits = compress(range(n), map(wanted.__contains__, lower))
        after = self._after
        found = {0} if n else set()
        for i in hits:
            w = lower[i]
            if w in _TRIGGERS:
                found.add(i)
            if w in after and i + 1 < n:
                found.add(i + 1)
        return sorted(found)

    def _third_person(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: _Tokens,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'he walk', 'somebody enter', 'everybody hate': a third-person singular subject
        and a bare verb. After a word that can take a bare infinitive or a subjunctive
        ("does he go", "let him go", "insisted that he go") nothing is said."""
        if i > 0 and (lower[i - 1] in _TAKES_BARE or lower[i - 1] in self.openers_bare):
            return
        if i > 0 and lower[i - 1] in ("and", "or", "nor"):
            return  # "he and she go"
        j = self._skip_adverbs(i + 1, lower, also=("else",))
        if j >= len(words) or not words[j].islower() or j + 1 >= len(words):
            return
        v = words[j]
        if lower[j + 1] in ("and", "or", ",", "!") or words[j + 1] in ("-", "'", "’"):
            return
        if (
            v in lex["base"]
            and v not in lex["vbn"]
            and v not in lex["vbz"]
            and v not in lex["adj"]
            and v not in lex["adv"]
            and v not in _MODALS
            and v not in _NOT_VERBS
            and v not in lex["past"]
            and v not in self.adjective_verbs
        ):
            yield self._match(tokens[j], f"'{words[i]}' takes the -s form of the verb")

    def _non_third(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: _Tokens,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'they works', 'you is', 'we doesn't': I, we, you and they never take -s forms."""
        if i > 0 and lower[i - 1] in ("and", "or", "nor", "than", "as"):
            return  # "Mary or you is" agrees with the nearer subject: leave it
        j = self._skip_adverbs(i + 1, lower, also=("all", "both"))
        if j >= len(words) or not words[j].islower():
            return
        v = lower[j]
        if v in ("is", "has", "does", "doesn't", "doesn’t", "isn't", "isn’t", "hasn't", "hasn’t"):
            yield self._match(tokens[j], f"'{words[i]}' does not take '{words[j]}'")
        elif (
            v in lex["vbz"]
            and (v not in lex["plural"] or j > i + 1)  # "they usually works", not "you kids"
            and v not in lex["adj"]
        ):
            yield self._match(tokens[j], f"'{words[i]}' does not take the -s form")

    def _demonstrative(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: _Tokens,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'this errors', 'these error are': a demonstrative and its noun disagree."""
        noun = words[i + 1]
        if not noun.isalpha() or not noun.islower() or noun in self.invariant:
            return
        follows = lower[i + 2] if i + 2 < len(words) else ""
        if lower[i] == "this":
            if (
                noun in lex["plural"]
                and noun not in lex["singular"]
                and noun not in self.collective
                and follows in _PLURAL_VERBS | _CLAUSE_END
            ):
                yield self._match(tokens[i], f"'{noun}' is plural: 'these'")
        elif (
            noun in lex["singular"]
            and noun not in lex["plural"]
            and noun not in lex["base"]
            and noun not in lex["adj"]
            and noun not in self.collective
            and follows in _PLURAL_VERBS | {"is", "was"}
        ):
            yield self._match(tokens[i], f"'{noun}' is singular: 'this'")

    def _skip_adverbs(self, j: int, lower: list[str], also: tuple[str, ...] = ()) -> int:
        while j < len(lower) and (lower[j] in self.adverbs or lower[j] in also):
            j += 1
        return j

    def _bare_verb(self, word: str, lex: Lexicon, past_too: bool) -> bool:
        """A verb base form that cannot be anything else here, or a simple past form."""
        if not word.islower():
            return False
        if past_too and word in lex["vbd_only"]:
            return True
        return (
            word in lex["base"]
            and word not in lex["vbn"]
            and word not in lex["singular"]
            and word not in lex["adj"]
            and word not in lex["plural"]
            and word not in lex["adv"]
            and word not in self.adjective_verbs
        )

    def _subject(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: _Tokens,
        lex: Lexicon,
    ) -> Iterator[Match]:
        n = len(words)
        det = lower[i]
        j = i + 1 if det in self.plural_det or det in self.singular_det else i
        if j == i:
            return  # a bare plural may be a name or a title: "Windows is"
        k = j
        while k < n and k - j < 2 and lower[k] in lex["adj"] and lower[k] not in lex["singular"]:
            k += 1
        if k >= n or k + 1 >= n:
            return
        noun = words[k] if k > i else words[k].lower()
        if not noun.islower() or noun in self.invariant:
            return
        verb_at = k + 1
        if lower[verb_at] == "of" and k > i:  # "the dogs of war": skip a short of-phrase
            m = verb_at + 1
            while m < n and m - verb_at <= 3 and words[m].isalpha() and words[m].islower():
                if lower[m] in _SINGULAR_VERBS or lower[m] in _PLURAL_VERBS:
                    break
                m += 1
            verb_at = m
        if verb_at >= n:
            return
        verb = lower[verb_at]
        plural_subject = noun in lex["plural"] and noun not in lex["singular"]
        if plural_subject and (j == i or det in self.plural_det):
            after = lower[verb_at + 1] if verb_at + 1 < n else ""
            if verb in _SINGULAR_VERBS or (
                words[verb_at].islower()
                and verb in lex["vbz"]
                and verb not in lex["adj"]
                # "barks" may be a noun ("the dog barks" or "the tree barks"), unless an
                # adverb or a preposition's object follows: "the dogs barks loudly"
                and (
                    verb not in lex["plural"]
                    or after in self.adverbs
                    or after.endswith("ly")
                    or after in _FOLLOWS_VERB
                )
            ):
                yield self._match(tokens[verb_at], f"'{noun}' is plural")
            return
        if (
            j > i
            and det in self.singular_det
            and noun in lex["singular"]
            and noun not in lex["plural"]
            and noun not in self.collective
            and noun not in _COUNTING
            and not noun.endswith("s")  # "finances", "clothes": plural in sense
            and verb in _PLURAL_VERBS
            and verb_at == k + 1
            # the subjunctive: "as if the future were known", "if the server were to fail"
            and not (verb == "were" and i > 0 and lower[i - 1] in _SUBJUNCTIVE_OPENERS)
        ):
            yield self._match(tokens[verb_at], f"'{noun}' is singular")

    @staticmethod
    def _match(token: tuple[str, int, int], why: str) -> Match:
        return Match(token[1], token[2], {"match": token[0], "why": why})
