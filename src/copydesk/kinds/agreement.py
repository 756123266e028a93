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

from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
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
    # which families of checks the rule runs: "verbs" (a subject and its verb, a verb after
    # an auxiliary), "determiners" (a determiner and its noun: "a cars", "many problem"),
    # "degrees" (a doubled comparison: "more easier", "most biggest")
    "checks": ("list[str]", ["verbs"]),
    # determiners that take a plural noun: "many", "several", "two"
    "plural_quantifiers": ("list[str]", []),
    # determiners that take a singular count noun: "a", "every", "another"
    "singular_quantifiers": ("list[str]", []),
    # nouns counted in the singular after a number ("six foot tall", "ten head of cattle")
    # or a quantifier that are numbers themselves ("two hundred", "several dozen")
    "counted_singular": ("list[str]", []),
    # nouns that are never counted, so never take "a": "advice", "information"
    "uncountable": ("list[str]", []),
    # head nouns whose verb agrees with the noun of their of-phrase: "a lot of people are"
    "quantity_heads": ("list[str]", []),
}

_TOKEN = patterncache.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?|[^\sA-Za-z]")
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
        # prepositions that are verbs too: "Everyone except him came", "Everyone near it ran"
        "except",
        "near",
    ]
)
# a noun is only judged against its determiner when one of these follows it, so that a noun
# used as a modifier ("a sports car", "many problem areas") is never read as the head
_NOUN_PHRASE_ENDS = frozenset(
    [
        ".",
        ",",
        "!",
        "?",
        ";",
        ":",
        ")",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "in",
        "on",
        "at",
        "of",
        "for",
        "with",
        "from",
        "to",
        "by",
        "into",
        "about",
        "than",
        "that",
        "who",
        "which",
        "whose",
        "but",
        "ago",
    ]
)
# words that open a new phrase or clause, so that the noun before them ends its own: "a cars
# the day before", "many thing when", "every days last year"
_PHRASE_OPENERS = frozenset(
    {"the", "a", "an", "his", "their", "my", "our", "your", "its"}
    | {"when", "where", "because", "if", "while", "although", "unless", "until"}
    | {"today", "tonight", "yesterday", "tomorrow", "last", "next"}
)
# adverbs that do not end a noun phrase: "either", "no", "pa"
_NOT_PHRASE_ENDS = frozenset(["either", "no", "pa", "as", "but", "to", "in", "on", "by"])
# after a comparative, words showing that it modifies no noun: "more older people" is "more
# people who are older", but "more older than" doubles the comparison
_AFTER_DEGREE = frozenset(
    [
        ".",
        ",",
        "!",
        "?",
        ";",
        ":",
        ")",
        "than",
        "to",
        "and",
        "or",
        "for",
        "in",
        "at",
        "with",
        "if",
        "when",
        "because",
        "now",
        "today",
        "though",
    ]
)
_WH = frozenset(["how", "what", "which", "who", "whom", "whose", "whether", "why", "where", "when"])
_NUMBER_WORDS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])
_INDEFINITE = frozenset(
    ["somebody", "someone", "everybody", "everyone", "nobody", "anybody", "anyone"]
)
_PREPOSITIONS = frozenset(
    [
        "to",
        "for",
        "with",
        "from",
        "by",
        "of",
        "about",
        "at",
        "on",
        "in",
        "like",
        "than",
        "as",
        "without",
        "against",
        "among",
        "between",
        "behind",
        "over",
        "under",
        "outside",
        "inside",
        "above",
        "below",
        "near",
        "past",
        "beyond",
        "around",
        "through",
        "across",
        "along",
        "within",
        "into",
        "onto",
        "upon",
        "toward",
        "towards",
        "beneath",
        "beside",
        "despite",
        "throughout",
        "via",
    ]
)
_SINGULAR_FORMS = frozenset(
    ["is", "has", "does", "doesn't", "doesn’t", "isn't", "isn’t", "hasn't", "hasn’t"]
)
_WAS = frozenset(["was", "wasn't", "wasn’t"])
# what "he", "she", "it" and "everyone" never take
_PLURAL_FORMS = frozenset(
    ["are", "aren't", "aren’t", "have", "haven't", "haven’t", "don't", "don’t"]
)
# quantity nouns that take "a" before their of-phrase: "a lot of", "a number of"
_AFTER_A_ONLY = frozenset(["lot", "number", "couple", "handful", "dozen"])
_OF_DETERMINERS = frozenset(
    ["the", "these", "those", "his", "her", "their", "our", "my", "your", "its"]
)
# degree forms that are also nouns or adverbs of time: "say more later", "more lighter fuel"
_NOT_DEGREES = frozenset(
    [
        "more",
        "most",
        "less",
        "least",
        "number",
        "later",
        "earlier",
        "sooner",
        "further",
        "farther",
        "elder",
        "lighter",
        "cooler",
        "stranger",
        "thinner",
        "warmer",
        "cleaner",
        "closer",
        "eldest",
    ]
)
# endings of participles and adjectives the lexicon may not hold: "those responsible"
_ADJECTIVE_ENDINGS = ("ing", "ed", "ible", "able", "ous", "ful", "ive")
_QUESTION_SUBJECTS = frozenset(["he", "she", "they", "we", "you", "i"])
_FINITE_BE = frozenset(["is", "are", "was", "were"])
_DO_FORMS = frozenset(["do", "does", "did", "done", "doing"])
# nouns that follow "be" as places or parts: "was home by six"
_PLACE_NOUNS = frozenset(["home", "back", "part", "top", "bottom", "front"])
_SUBJECT_DETERMINERS = frozenset(["my", "his", "her", "our", "their", "your", "the"])
_SUBJECT_CASE = frozenset(["I", "he", "she", "we", "they"])
_SUBJECT_PRONOUNS = frozenset(["i", "you", "he", "she", "we", "they"])
_OBJECT_CASE = frozenset(["you", "him", "her", "them", "us", "me"])
_OBJECT_ONLY = frozenset(["him", "her", "them", "us", "me"])
_BOTH_CASES = frozenset(["i", "he", "she", "they", "we", "him", "her", "them", "us", "me"])
_OPENING_OBJECTS = frozenset(["Him", "Her", "Them", "Us", "Me"])
_PHRASE_MARKS = frozenset([".", ",", ";", ":", "!", "?", ")"])
_CASE_PREPOSITIONS = frozenset(
    [
        "for",
        "with",
        "to",
        "from",
        "among",
        "against",
        "about",
        "behind",
        "beside",
        "without",
        "toward",
        "towards",
        "by",
        "at",
        "upon",
        "except",
    ]
)
_WE_PREPOSITIONS = frozenset(
    [
        "to",
        "with",
        "of",
        "by",
        "between",
        "among",
        "against",
        "from",
        "about",
        "at",
        "without",
        "toward",
        "towards",
        "upon",
    ]
)
_WHO_PREPOSITIONS = frozenset(
    ["to", "with", "for", "from", "against", "by", "about", "without", "among"]
)
_QUESTION_AUXILIARIES = frozenset(
    [
        "do",
        "does",
        "did",
        "will",
        "would",
        "can",
        "could",
        "should",
        "shall",
        "have",
        "has",
        "had",
        "are",
        "were",
        "is",
        "was",
        "am",
    ]
)
_QUANTITY_PRONOUNS = frozenset(
    [
        "many",
        "some",
        "all",
        "most",
        "none",
        "both",
        "each",
        "few",
        "several",
        "either",
        "neither",
        "two",
        "three",
    ]
)
_PLURAL_SUBJECT_VERBS = frozenset(
    [
        "are",
        "were",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "did",
        "do",
        "need",
        "want",
        "know",
        "think",
        "went",
        "got",
    ]
)
_FINITE_AFTER_SUBJECT = frozenset(
    [
        "went",
        "were",
        "are",
        "was",
        "is",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "might",
        "must",
        "did",
        "do",
        "got",
        "came",
        "left",
        "both",
        "often",
        "always",
        "never",
        "then",
        "also",
    ]
)
# auxiliaries that are never nouns or main verbs, after which any -s form is a slip
_SURE_AUXILIARIES = frozenset(
    [
        "could",
        "would",
        "should",
        "cannot",
        "can't",
        "can’t",
        "couldn't",
        "couldn’t",
        "wouldn't",
        "wouldn’t",
        "shouldn't",
        "shouldn’t",
        "won't",
        "won’t",
        "doesn't",
        "doesn’t",
        "didn't",
        "didn’t",
        "don't",
        "don’t",
    ]
)
# "that" too: "I wish that the car were mine"
_SUBJUNCTIVE_OPENERS = frozenset({"if", "though", "wish", "wished", "suppose", "supposing", "that"})
_FOLLOWS_VERB = frozenset(
    {"at", "to", "a", "an", "the", "him", "her", "them", "us", "me", "it", "his", "their", "my"}
    # adverbs that end a verb phrase but no noun phrase: "plays outside" ("here" and "there"
    # may follow a compound: "the jobs figures here")
    | {"outside", "inside", "together", "hard"}
)


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

    def only(self, word: str, of: str, *others: str) -> bool:
        """Whether ``word`` is in class ``of`` and in none of ``others``: a word the lexicon
        lets be one thing only."""
        return word in self[of] and not any(word in self[c] for c in others)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()


_NUMBER_NOUNS = frozenset(
    ["hundred", "thousand", "million", "billion", "trillion", "dozen", "score", "few", "little"]
)
_AMOUNT_ADJECTIVES = frozenset(["little", "great", "good", "fair", "whole"])
_THERE = frozenset(["there", "there's", "there’s", "there're", "there’re"])
# "here" opens the same inversion at a sentence's start: "Here is the results"
_HERE = frozenset(["here", "here's", "here’s", "here're", "here’re"])
# determiners that may stand before a plural noun after "there is": "there is no reasons"
_PLURAL_DETERMINERS = frozenset(["no", "the", "some", "these", "those", "such", "other"])
_COUNT_OF = frozenset(["one", "many", "several", "few", "both", "each", "either", "neither"])
# determiners that no verb can follow: "a reasons", "every houses" ("another" may be a
# pronoun: "one sings, another plays")
_ARTICLE_LIKE = frozenset(["a", "an", "every"])
_CLAUSE_OPENERS = frozenset(
    {",", ";", ":", ".", "!", "?", "(", "-", "and", "but", "or", "while", "whereas", "then"}
    | {"yet", "so", "when", "if", "because", "as", "since", "though", "although", "where"}
)
_FINITE_AUXILIARIES = frozenset(
    {"is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could"}
    | {"should", "may", "might", "must", "does", "did"}
)
_IT_THIS = frozenset(["it", "It", "this", "This"])
_ARE = frozenset(["are", "aren't", "aren’t"])
_THERE_SINGULAR = frozenset(["is", "was", "isn't", "isn’t", "wasn't", "wasn’t"])
_THERE_PLURAL = frozenset(["are", "aren't", "aren’t", "were", "weren't", "weren’t"])
# verbs before a plural noun and "who" that make "who" open an indirect question
_ASKING = frozenset(
    {"ask", "asked", "asks", "asking", "tell", "told", "tells", "know", "knew", "knows"}
    | {"wonder", "wondered", "show", "showed", "shows", "decide", "decided", "find", "found"}
)
# -ing forms a subject pronoun may precede in an absolute construction: "we being hosts"
_ABSOLUTE_ING = frozenset(["being", "having"])
_BE_CONTRACTIONS = ("'s", "’s", "'re", "’re")
_AUXILIARY_NEGATIVES = frozenset(
    ["isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t", "weren't", "weren’t"]
)
_JOINERS = frozenset(["-", "&", "/", "+", "'", "’"])
_DEGREE_WORDS = frozenset(["more", "most", "less", "least"])
# finite verbs after which a sentence-opening "Them" can only be a subject ("Them's" is idiom)
_THEM_SUBJECT_VERBS = frozenset(
    ["are", "were", "have", "had", "will", "would", "can", "could", "should", "must", "did"]
)
# words after "and I" that end a verb's object: a full stop, a preposition, a determiner
_AFTER_OBJECT = frozenset(
    ["to", "for", "with", "at", "on", "in", "into", "from", "about", "a", "an", "the", "that"]
)
_LET = frozenset(["let", "made", "make", "makes", "helped", "help"])
# verbs whose complement describes the subject, or that report the words that follow
_NOT_OBJECT_VERBS = frozenset(
    ["was", "were", "became", "seemed", "remained", "appeared", "felt", "sounded", "looked", "said"]
)
_PRONOUN_TRIGGERS = (
    frozenset({"between", "us"}) | _CASE_PREPOSITIONS | _WE_PREPOSITIONS | _WHO_PREPOSITIONS
) | _QUANTITY_PRONOUNS


def _one_in_number(before: str, lex: Lexicon) -> bool:
    """Whether "one" after ``before`` is part of a number, a name or a pronoun rather than a
    determiner: "no one", "a hundred and one", "twenty one", "day one", "the one"."""
    return (
        before in ("no", "and", "the", "a", "any", "every", "each", "this", "that", "which")
        or before in _NUMBER_WORDS
        or before.endswith("ty")
        or before in lex["singular"]
        or before in lex["adj"]
        or before[:1].isdigit()
    )


def _verb_follows(lower: list[str], at: int) -> bool:
    """Whether a finite verb comes within a few words of ``at`` in the same sentence: "Him
    and I went" is a subject, "Him and her husband." a fragment."""
    for word in lower[at : at + 4]:
        if word in _ENDS or word in ("?", "!"):
            return False
        if word in _FINITE_AFTER_SUBJECT or (word.endswith("ed") and len(word) > 3):
            return True
    return False


# words that open a short introductory phrase or clause, after whose comma the main clause's
# subject starts: "In 2010, the dogs was", "However, the teacher give", "When it rained, ..."
_INTRO_OPENERS = (_PREPOSITIONS - {"to", "of", "than"}) | frozenset(
    {"however", "also", "meanwhile", "instead", "still", "yet", "now", "then", "today"}
    | {"yesterday", "later", "besides", "moreover", "furthermore", "nevertheless", "otherwise"}
    | {"after", "before", "during", "since", "when", "while", "although", "though", "because"}
    | {"once", "until", "unless", "if", "in", "on", "at", "for", "last", "this", "next"}
)


def _after_intro(i: int, words: list[str], lower: list[str]) -> bool:
    """Whether the comma before ``i`` ends a short phrase that opens its sentence with an
    adverb, a preposition or a subordinator, so that a subject starts at ``i``."""
    s = i - 2
    while s > 0 and words[s - 1] not in _ENDS:
        s -= 1
        if i - s > 9:
            return False  # too long to be sure it is an opener
    if s < 0 or "," in words[s : i - 1]:
        return False
    first = lower[s]
    return first in _INTRO_OPENERS or (first.endswith("ly") and s == i - 2)


def _joined_object(words: list[str], lower: list[str], at: int) -> int:
    """Where "and" stands after the object that starts at ``at`` ("Sam and", "you and", "my
    wife and"), or 0 when no such object starts there."""
    if at + 1 < len(words) and (lower[at] in _OBJECT_CASE or _is_name(words[at])):
        conj = at + 1
    elif at + 2 < len(words) and lower[at] in _SUBJECT_DETERMINERS and words[at + 1].islower():
        conj = at + 2
    else:
        return 0
    return conj if lower[conj] == "and" and conj + 1 < len(words) else 0


def _is_name(word: str) -> bool:
    """A capitalised word that may be a name ("Sam"), not a pronoun or a mark."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


class Spans:
    """The tokens of a story with their offsets, found only when a rule first asks for one:
    most stories raise no finding, and the offsets cost more than the words."""

    __slots__ = ("_spans", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: list[tuple[str, int, int]] | None = None

    def __getitem__(self, i: int) -> tuple[str, int, int]:
        if self._spans is None:
            self._spans = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(self._text)]
        return self._spans[i]


@lru_cache(maxsize=2)
def _tokens(text: str) -> tuple[Spans, list[str], list[str]]:
    """The words and marks of a story, as written and in lower case, and their offsets,
    shared by the rules of this kind that read the same story."""
    words = _TOKEN.findall(text)
    return Spans(text), words, [w.lower() for w in words]


def _kept_apart(source: str, tokens: Spans, a: int, b: int) -> bool:
    """Whether code, markup or a blank line the masked text hides lies between tokens ``a``
    and ``b``: in "are not `std` have" and "have `audit fix` install" the verb is not the
    one the auxiliary governs."""
    for k in range(a, b):
        gap = source[tokens[k][2] : tokens[k + 1][1]]
        if gap and (not gap.isspace() or gap.count("\n") > 1):
            return True
    return False


def _in_compound(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is part of a hyphenated compound: "is now
    deny-by-default" reads no verb "deny"."""
    return (end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum()) or (
        start >= 2 and text[start - 1] == "-" and text[start - 2].isalnum()
    )


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
        checks = frozenset(option(rule, "checks"))
        self.verbs = "verbs" in checks
        self.determiners = "determiners" in checks
        self.degrees = "degrees" in checks
        self.pronouns = "pronouns" in checks
        self.plural_quant = frozenset(w.lower() for w in option(rule, "plural_quantifiers"))
        self.singular_quant = frozenset(w.lower() for w in option(rule, "singular_quantifiers"))
        self.counted = frozenset(w.lower() for w in option(rule, "counted_singular"))
        self.quantity_heads = frozenset(w.lower() for w in option(rule, "quantity_heads"))
        self.uncountable = frozenset(w.lower() for w in option(rule, "uncountable"))
        self.determiner_triggers = (
            self.plural_quant | self.singular_quant | _COUNT_OF | {"much", "this", "these", "those"}
        )
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
        tokens, words, lower = _tokens(doc.masked)
        if self.verbs:
            apart = partial(_kept_apart, doc.source, tokens)
            for found in self._verbs(words, lower, tokens, lex, apart):
                if not _in_compound(doc.masked, found.start, found.end):
                    yield found
        if self.determiners:
            yield from self._determiners(
                words, lower, tokens, lex, partial(_kept_apart, doc.source, tokens), doc.masked
            )
        if self.degrees:
            yield from self._degrees(words, lower, tokens, lex)
        if self.pronouns:
            yield from self._pronouns(words, lower, tokens, lex)

    def _verbs(
        self,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
        apart: Callable[[int, int], bool],
    ) -> Iterator[Match]:
        n = len(words)
        for i in range(n):
            w = lower[i]
            starts = (
                i == 0
                or words[i - 1] in _ENDS
                or lower[i - 1] in self.openers
                or (words[i - 1] == "," and _after_intro(i, words, lower))
            )
            if starts:
                yield from self._subject(i, words, lower, tokens, lex)
                if w in self.quantity_heads or (i + 1 < n and lower[i + 1] in self.quantity_heads):
                    yield from self._quantity_of(i, words, lower, tokens, lex)
            elif i > 1 and lower[i - 1] in ("and", "but") and words[i - 2] == ",":
                # ", and the dogs barks": a new clause, though "and" may also end a list
                # ("the cat, the mouse, and the dog are"), so only a plural subject is read
                yield from self._subject(i, words, lower, tokens, lex, plural_only=True)
            if w in _THIRD_PERSON or words[i] in _IT_THIS:
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
            elif (
                i + 2 < n
                and lower[i + 1] == "who"
                and (
                    w in ("people", "those")
                    or (
                        (words[i].islower() or (starts and words[i][1:].islower()))
                        and w in lex["plural"]
                        and w not in lex["singular"]
                        and w not in self.invariant
                    )
                )
            ):
                yield from self._who(i, words, lower, tokens, lex)
            elif w == "who" and 0 < i < n - 2:
                yield from self._singular_who(i, words, lower, tokens, lex)
            elif (w in _THERE or (w in _HERE and starts)) and i + 3 < n:
                yield from self._there(i, words, lower, tokens, lex)
            if (
                (
                    w in _TAKES_PLAIN
                    or (w in ("do", "does", "did") and lower[i + 1 : i + 2] == ["not"])
                )
                and i + 1 < n
                # "May" is a month, but "Does he" opens a question
                and (words[i].islower() or (w != "may" and lower[i + 1] in _QUESTION_SUBJECTS))
                and not (i > 0 and lower[i - 1] in _DETERMINERS)
            ):
                j = self._skip_adverbs(i + 1, lower)
                asked = j + 1 < n and lower[j] in _QUESTION_SUBJECTS and words[j] != "i"
                if asked:
                    j = self._skip_adverbs(j + 1, lower)  # "Does he goes?", "did they went"
                v = words[j] if j < n else ""
                # "could", "won't" or "did not" leave no doubt that a verb follows, so a form
                # that is also a plural noun is read as a verb there: "cannot works"; so does a
                # pronoun that cannot be followed by a noun: "does he goes", not "do you guys"
                sure = (
                    w in _SURE_AUXILIARIES
                    or lower[j - 1] == "not"
                    or (asked and lower[j - 1] not in ("you", "we"))
                )
                if (
                    v.islower()
                    and (
                        v in lex["vbd_only"]
                        or (
                            v in lex["vbz"]
                            and (v not in lex["plural"] or sure)
                            and v not in lex["adj"]
                        )
                        or (v in ("has", "does", "is", "was") and sure)
                    )
                    and not apart(i, j)
                ):
                    yield self._match(
                        tokens[j], f"after '{words[i]}' the verb takes its plain form"
                    )
            if w in _HAVE and i + 1 < n:
                j = self._skip_adverbs(i + 1, lower)
                if (
                    j < n
                    and self._bare_verb(words[j], lex, past_too=True)
                    # "have write access": the base form is a noun's modifier
                    and not (
                        j + 1 < n
                        and lower[j + 1] in lex["singular"]
                        and lower[j] not in lex["vbd_only"]
                    )
                    and not apart(i, j)
                ):
                    yield self._match(tokens[j], "after 'have' the verb takes its past participle")
            if w in _BE and i + 1 < n and words[i].islower():
                j = self._skip_adverbs(i + 1, lower)
                if j < n and words[j].islower():
                    v = words[j]
                    after = lower[j + 1] if j + 1 < n else ""
                    if (
                        # "was broke" is an adjective (out of money), "was broke by" a passive
                        (
                            v in lex["vbd_only"]
                            and after not in _SUBJECTS
                            and (v not in lex["adj"] or after == "by")
                        )
                        or (w in ("been", "being") and self._bare_verb(v, lex, past_too=False))
                        or (w in _FINITE_BE and self._passive_base(i, j, words, lower, lex))
                    ) and not apart(i, j):
                        yield self._match(
                            tokens[j], f"after '{words[i]}' the verb takes its past participle"
                        )

    def _third_person(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'he walk', 'somebody enter', 'everybody hate': a third-person singular subject
        and a bare verb. After a word that can take a bare infinitive or a subjunctive
        ("does he go", "let him go", "insisted that he go") nothing is said."""
        if i > 0 and (lower[i - 1] in _TAKES_BARE or lower[i - 1] in self.openers_bare):
            return
        if i > 0 and lower[i - 1] in ("and", "or", "nor", "as"):
            return  # "he and she go", "you as well as he are"
        if i > 0 and words[i - 1] in _JOINERS:
            return  # "does she/he go": the pair's first word took the question
        w = lower[i]
        if (w in _INDEFINITE or w in ("it", "this")) and i > 0:
            before = lower[i - 1]
            if before in _PREPOSITIONS or before in lex["base"] or before in lex["past"]:
                return  # an object: "give someone room", "the answers to it are"
            if before in lex["vbz"] and before not in lex["plural"]:
                return
        j = self._skip_adverbs(i + 1, lower, also=("else",))
        if j >= len(words) or not words[j].islower() or j + 1 >= len(words):
            return
        v = words[j]
        if v in _PLURAL_FORMS:
            yield self._match(tokens[j], f"'{words[i]}' does not take '{v}'")
            return
        if w in ("it", "this"):
            return  # "it" may be an object before a bare verb: "made it happen"
        if w in ("he", "she") and j == i + 1 and self._participle(i, lower[j], lower, lex):
            yield self._match(tokens[j], f"'{words[i]} {words[j]}' lacks a form of 'be'")
            return
        if lower[j + 1] in ("and", "or", ",", "!") or words[j + 1] in ("-", "'", "’"):
            return
        if (
            lex.only(v, "base", "vbn", "vbz", "adj", "adv", "past")
            and v not in _MODALS
            and v not in _NOT_VERBS
            and v not in self.adjective_verbs
        ):
            yield self._match(tokens[j], f"'{words[i]}' takes the -s form of the verb")

    def _non_third(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'they works', 'you is', 'we doesn't': I, we, you and they never take -s forms."""
        if i > 0 and lower[i - 1] in ("and", "or", "nor", "than", "as"):
            return  # "Mary or you is" agrees with the nearer subject: leave it
        j = self._skip_adverbs(i + 1, lower, also=("all", "both"))
        if j >= len(words) or not words[j].islower():
            return
        v = lower[j]
        me = lower[i] == "i"
        if (
            v in _SINGULAR_FORMS
            or (v in _WAS and not me)
            or (v in _ARE and me)
            or (v == "am" and not me)
        ):
            yield self._match(tokens[j], f"'{words[i]}' does not take '{words[j]}'")
        elif j == i + 1 and lower[i] != "you" and self._participle(i, v, lower, lex):
            yield self._match(tokens[j], f"'{words[i]} {words[j]}' lacks a form of 'be'")
        elif (
            v in lex["vbz"]
            # "they usually works", "I works", but "you kids", "we Scots"
            and (v not in lex["plural"] or j > i + 1 or lower[i] in ("i", "they"))
            and v not in lex["adj"]
        ):
            yield self._match(tokens[j], f"'{words[i]}' does not take the -s form")

    def _demonstrative(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'this errors', 'these error are', 'those day': a demonstrative and its noun
        disagree."""
        noun = words[i + 1]
        if not noun.isalpha() or not noun.islower() or noun in self.invariant:
            return
        if noun in self.collective or noun in self.counted:
            return
        follows = lower[i + 2] if i + 2 < len(words) else "."
        if lower[i] == "this":
            if (
                noun in lex["plural"]
                and noun not in lex["singular"]
                # "this helps", "this leads to": "this" is the subject of a verb
                and (noun not in lex["vbz"] or follows in _PLURAL_VERBS)
                and (follows in _NOUN_PHRASE_ENDS or self._ends_phrase(lower, i + 2, lex))
            ):
                yield self._match(tokens[i], f"'{noun}' is plural: 'these'")
        elif (
            (
                lex.only(noun, "singular", "plural", "base", "adj", "adv")
                # a noun that is also a verb only before an auxiliary: "those book were"
                or (
                    lex.only(noun, "singular", "plural", "adj", "adv", "vbn", "past")
                    and follows in _FINITE_AUXILIARIES
                )
            )
            and noun not in _PREPOSITIONS
            and not noun.endswith(_ADJECTIVE_ENDINGS)
            and follows in _NOUN_PHRASE_ENDS
            and follows not in ("who", "that", "which", "whose")  # "those absent who"
        ):
            better = "this" if lower[i] == "these" else "that"
            yield self._match(tokens[i], f"'{noun}' is singular: '{better}'")

    @staticmethod
    def _participle(i: int, v: str, lower: list[str], lex: Lexicon) -> bool:
        """'I going', 'she waiting': a subject pronoun straight before an -ing verb, where
        no "be" before it makes a question ("is she waiting") and no absolute construction
        ("we being hosts") is possible."""
        if not v.endswith("ing") or len(v) < 5 or v in _ABSOLUTE_ING or v in lex["singular"]:
            return False
        if i > 0 and (lower[i - 1] in _BE or lower[i - 1] in _QUESTION_AUXILIARIES):
            return False
        if i > 0 and (
            lower[i - 1] in _AUXILIARY_NEGATIVES or lower[i - 1].endswith(_BE_CONTRACTIONS)
        ):
            return False  # "isn't she going", "what's he doing"
        stem = v[:-3]
        base = lex["base"]
        return (
            stem in base or stem + "e" in base or (stem[-1:] == stem[-2:-1] and stem[:-1] in base)
        )

    def _skip_adverbs(self, j: int, lower: list[str], also: tuple[str, ...] = ()) -> int:
        while j < len(lower) and (lower[j] in self.adverbs or lower[j] in also):
            j += 1
        return j

    def _passive_base(
        self, i: int, j: int, words: list[str], lower: list[str], lex: Lexicon
    ) -> bool:
        """'was introduce', 'is cause by': a base form where a passive wants the participle.
        A base form that is also a noun counts only before "by"; and after "do" in the same
        sentence it is right ("all they did was complain")."""
        v = lower[j]
        if v not in lex["base"] or v in lex["adj"] or v in lex["adv"] or v in lex["vbn"]:
            return False
        if v in self.adjective_verbs or v in _NOT_VERBS or v in _MODALS or v == "be":
            return False
        if i > 0 and lower[i - 1] in _THERE:
            return False  # "there are merge conflicts": the plain form opens a noun phrase
        noun = v in lex["singular"] or v in lex["plural"]
        if noun and not (j + 1 < len(lower) and lower[j + 1] == "by" and v not in _PLACE_NOUNS):
            return False
        k = i - 1
        while k >= 0 and k >= i - 8 and words[k] not in _ENDS:
            if lower[k] in _DO_FORMS:
                return False
            k -= 1
        return True

    def _bare_verb(self, word: str, lex: Lexicon, past_too: bool) -> bool:
        """A verb base form that cannot be anything else here, or a simple past form."""
        if not word.islower():
            return False
        if past_too and word in lex["vbd_only"]:
            return True
        return (
            lex.only(word, "base", "vbn", "singular", "adj", "plural", "adv")
            and word not in self.adjective_verbs
        )

    def _subject(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
        plural_only: bool = False,
    ) -> Iterator[Match]:
        n = len(words)
        det = lower[i]
        if (
            det in ("these", "those")
            and i + 1 < n
            and words[i + 1].islower()
            and (lower[i + 1] in _SINGULAR_FORMS or lower[i + 1] in _WAS)
        ):
            yield self._match(tokens[i + 1], f"'{words[i]}' is plural")  # "These is"
            return
        j = i + 1 if det in self.plural_det or det in self.singular_det else i
        if j == i:
            return  # a bare plural may be a name or a title: "Windows is"
        k = j
        while k < n and k - j < 2 and lower[k] in lex["adj"] and lower[k] not in lex["singular"]:
            k += 1
        if k >= n or k + 1 >= n:
            return
        noun = words[k] if k > i else words[k].lower()
        # "people" is plural after any determiner but "a" ("a people" is a nation)
        people = noun == "people" and k > i and det not in self.singular_quant
        if not noun.islower() or (noun in self.invariant and not people):
            return
        verb_at = k + 1
        if lower[verb_at] == "of" and k > i:  # "the dogs of war": skip a short of-phrase
            m = verb_at + 1
            while m < n and m - verb_at <= 3 and words[m].isalpha() and words[m].islower():
                if lower[m] in _SINGULAR_VERBS or lower[m] in _PLURAL_VERBS:
                    break
                if lower[m] in _WH:
                    return  # "the details of how data is stored": a clause, not a noun
                m += 1
            verb_at = m
        if verb_at >= n:
            return
        verb = lower[verb_at]
        plural_subject = people or (noun in lex["plural"] and noun not in lex["singular"])
        if plural_subject and det in _NUMBER_WORDS and verb in ("is", "was"):
            return  # an amount: "five bits is enough", "two hours was too long"
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
                    # not after an of-phrase, whose end may run on as a noun: "the wishes of
                    # the holder of rights to content"
                    or (
                        verb_at == k + 1
                        and (
                            after in self.adverbs or after.endswith("ly") or after in _FOLLOWS_VERB
                        )
                    )
                )
            ):
                yield self._match(tokens[verb_at], f"'{noun}' is plural")
            return
        if (
            not plural_only
            and j > i
            and det in self.singular_det
            and noun in lex["singular"]
            and noun not in lex["plural"]
            and noun not in self.collective
            and noun not in _COUNTING
            and not noun.endswith("s")  # "finances", "clothes": plural in sense
            and verb in _PLURAL_VERBS
            # right after the noun, or after an of-phrase ending in a plural: "the list of
            # items are" agrees with the nearer noun, not with its head
            and (
                verb_at == k + 1
                or (
                    words[verb_at - 1] in lex["plural"]
                    and words[verb_at - 1] not in lex["singular"]
                    and noun not in self.quantity_heads
                )
            )
            # the subjunctive: "as if the future were known", "if the server were to fail"
            and not (verb == "were" and i > 0 and lower[i - 1] in _SUBJUNCTIVE_OPENERS)
        ):
            yield self._match(tokens[verb_at], f"'{noun}' is singular")

    def _quantity_of(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'A lot of people is', 'Most of the players was': after a quantity and "of" the
        verb agrees with the noun of the of-phrase."""
        n = len(words)
        det = lower[i] if lower[i] in ("a", "an", "the") else ""
        at = i + 1 if det else i
        if at + 1 >= n or lower[at] not in self.quantity_heads or lower[at + 1] != "of":
            return
        if (lower[at] in _AFTER_A_ONLY) != (det in ("a", "an")):
            return  # "a lot of", "a number of", but "the number of" takes a singular verb
        m = at + 2
        if m < n and lower[m] in _OF_DETERMINERS:
            m += 1
        while m < n and lower[m] in lex["adj"] and lower[m] not in lex["plural"]:
            m += 1
        if m + 1 >= n:
            return
        noun = words[m]
        if (
            noun.islower()
            and (
                noun in ("people", "them", "us")
                or (noun in lex["plural"] and noun not in lex["singular"])
            )
            and noun not in self.invariant - {"people"}
            and lower[m + 1] in _SINGULAR_VERBS
        ):
            yield self._match(tokens[m + 1], f"'{noun}' is plural")

    def _who(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'people who has', 'students who works': the relative clause agrees with its
        plural antecedent. "One of those who has" is left alone: usage guides differ on it;
        so is "asked the students who was absent", an indirect question."""
        if any(w in _COUNT_OF or w in _ASKING for w in lower[max(0, i - 4) : i]):
            return
        j = self._skip_adverbs(i + 2, lower)
        if j >= len(words) or not words[j].islower():
            return
        v = lower[j]
        if (
            v in _SINGULAR_FORMS
            or v in _WAS
            # after "who" no noun can follow, so "lives" and "works" are verbs here
            or (v in lex["vbz"] and v not in lex["adj"])
        ):
            yield self._match(tokens[j], f"'{words[i]}' is plural")

    def _singular_who(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'a man who live here', 'anyone who want it': "who" after a singular noun or
        pronoun takes the -s form."""
        before = lower[i - 1]
        if not words[i - 1].islower():
            return
        if before not in _INDEFINITE and not (
            before in lex["singular"]
            and before not in lex["plural"]
            and before not in self.collective
            and before not in self.invariant
            and not before.endswith("s")
        ):
            return
        k = i - 2
        while k >= 0 and k >= i - 4 and (lower[k] in _DETERMINERS or lower[k] in lex["adj"]):
            k -= 1
        if k >= 0 and (lower[k] in _PREPOSITIONS or lower[k] in ("than", "as")):
            return  # "people in the world who rely": "who" may belong to a noun further back
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= len(words) or not words[j].islower():
            return
        v = words[j]
        if lower[j + 1] in ("and", "or", ",") or words[j + 1] in ("-", "'", "’"):
            return
        if (
            lex.only(v, "base", "vbz", "vbn", "past", "adj", "adv", "singular", "plural")
            and v not in _MODALS
            and v not in _NOT_VERBS
            and v not in self.adjective_verbs
        ):
            yield self._match(tokens[j], f"after '{words[i - 1]} who' the verb takes its -s form")

    def _there(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'there is problems', 'there are a problem': "there" agrees with the noun after
        its verb."""
        at = i if lower[i] not in ("there", "here") else i + 1  # "there's" holds its verb
        verb = lower[at] if at > i else ("is" if lower[i][-1] == "s" else "are")
        k = at + 1
        if verb in ("has", "have") and k < len(words) and lower[k] == "been":
            # "there has been many", "there have been a problem"
            verb, k = ("is" if verb == "has" else "are"), k + 1
        if verb in _THERE_SINGULAR:
            if lower[k] in _PLURAL_DETERMINERS:
                k += 1  # "there is no reasons", "here is the results"
            while k < len(words) - 1 and lower[k] in lex["adj"] and lower[k] not in lex["plural"]:
                k += 1
            noun = words[k]
            if (
                noun.islower()
                and noun in lex["plural"]
                and noun not in lex["singular"]
                and noun not in self.invariant
                and k + 1 < len(words)
                and lower[k + 1] in _NOUN_PHRASE_ENDS
            ):
                yield self._match(tokens[at], f"'{noun}' is plural")
        elif (
            verb in _THERE_PLURAL
            and k + 2 < len(words)
            and self._bare_singular(k, words, lower, lex)
        ):
            # the verb or the noun may be the slip: the finding covers both
            span = f"{tokens[at][0]} {words[k]}"
            yield Match(
                tokens[at][1],
                tokens[k][2],
                {"match": span, "why": f"'{words[k]}' is singular after '{tokens[at][0]}'"},
            )
        elif verb in _THERE_PLURAL and lower[k] in ("a", "an") and k + 2 < len(words):
            k += 1
            if lower[k] in lex["adj"] and lower[k] not in lex["singular"]:
                k += 1
            noun = lower[k]
            if (
                words[k].islower()
                and noun in lex["singular"]
                and noun not in lex["plural"]
                and noun not in self.collective
                and noun not in self.quantity_heads
                and noun not in self.invariant
                and noun not in _NUMBER_NOUNS  # "there are a hundred reasons"
                and k + 1 < len(words)
                and lower[k + 1] in _NOUN_PHRASE_ENDS
            ):
                yield self._match(tokens[at], f"'{noun}' is singular")

    def _bare_singular(self, k: int, words: list[str], lower: list[str], lex: Lexicon) -> bool:
        """'there are problem in Iraq': a singular count noun with no determiner, ending its
        phrase, after "there are"."""
        noun = lower[k]
        return (
            words[k].islower()
            and lex.only(noun, "singular", "plural", "adj", "adv", "base", "vbz", "past")
            and noun not in self.collective
            and noun not in self.quantity_heads
            and noun not in self.invariant
            and noun not in self.uncountable
            and noun not in _NUMBER_NOUNS
            and noun not in _COUNTING
            and not noun.endswith("s")
            and lower[k + 1] in _NOUN_PHRASE_ENDS
        )

    def _determiners(
        self,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
        apart: Callable[[int, int], bool],
        text: str,
    ) -> Iterator[Match]:
        """'a cars', 'many problem', 'much problems', 'these day': a determiner and the number
        of its noun disagree. The noun must end its phrase (a verb, a preposition or a mark
        follows), so that a modifier ("a sports car", "two bedroom flats") is never judged."""
        n = len(words)
        triggers = self.determiner_triggers
        for i in [i for i, w in enumerate(lower[: n - 2]) if w in triggers]:
            if (
                # a name or a title: "on Five television", "Plan A"
                (words[i][0].isupper() and i > 0 and words[i - 1] not in _ENDS)
                or lower[i + 1] in _FINITE_AUXILIARIES
                or lower[i + 1] in _MODALS
            ):
                continue
            found = list(self._determiner_at(i, words, lower, tokens, lex))
            # the offsets cost more than the words: looked at only for a finding
            if not found:
                continue
            start = tokens[i][1]
            if (start > 0 and text[start - 1].isalpha()) or apart(i, i + 2):
                continue  # part of a word ("Astrobiología"), code between ("A `T` raises")
            yield from found

    def _determiner_at(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """The findings of the determiner at ``i``."""
        plural_quant = self.plural_quant
        singular_quant = self.singular_quant
        w = lower[i]
        if w in _COUNT_OF:
            if lower[i + 1] == "of":
                yield from self._count_of(i, words, lower, tokens, lex)
            if w not in plural_quant and w not in singular_quant:
                return
            if w == "one" and i > 0 and _one_in_number(lower[i - 1], lex):
                return  # "no one", "a hundred and one", "day one"
        if w in plural_quant:
            single = True
        elif w in singular_quant or w == "much":
            single = False
        elif w in ("this", "these", "those"):
            yield from self._demonstrative(i, words, lower, tokens, lex)
            return
        else:
            return
        if w in ("a", "an") and self.uncountable:
            yield from self._uncountable(i, words, lower, tokens, lex)
        noun = words[i + 1]
        if not noun.islower() or not noun.isalpha():
            return
        # a verb that is nothing else: "several option remain open"
        verb_next = lower[i + 2] in _FINITE_AUXILIARIES or (
            single and lex.only(lower[i + 2], "base", "singular", "plural", "adj", "adv", "past")
        )
        if not verb_next and not self._ends_phrase(lower, i + 2, lex):
            return
        if single and i > 0:
            before = lower[i - 1]
            if before in ("a", "an", "the", "one", "or"):
                return  # "a few", "one or two", "the many"
            if w in _NUMBER_WORDS and (before in lex["adj"] or before in lex["singular"]):
                return  # a number inside a name: "a final four appearance"
        if noun in self.invariant or noun in self.collective or noun in self.counted:
            return
        if i > 0 and words[i - 1] in _JOINERS:
            return  # part of a compound or a name: "under-five", "Q&A"
        if single:
            if (
                # not "past": "what many thought was" has a verb; a noun that is also
                # a verb only before an auxiliary ("many study abroad", "several
                # option are")
                (
                    lex.only(noun, "singular", "plural", "base", "adj", "adv", "past")
                    or (lex.only(noun, "singular", "plural", "adj", "adv", "past") and verb_next)
                )
                and noun not in _PREPOSITIONS
                and not noun.endswith(_ADJECTIVE_ENDINGS)
            ):
                yield self._match(tokens[i + 1], f"after '{words[i]}' the noun is plural")
        elif lex.only(noun, "plural", "singular", "adj") and (
            # a verb may follow "each", "either", "one" or "another" ("each costs")
            noun not in lex["vbz"]
            or w in _ARTICLE_LIKE
            or verb_next
            # "another" is a pronoun, the subject of a verb, only where a clause opens:
            # "one sings, another plays", but "there are another reasons"
            or (w == "another" and i > 0 and lower[i - 1] not in _CLAUSE_OPENERS)
        ):
            why = "much" if w == "much" else f"'{words[i]}'"
            yield self._match(tokens[i + 1], f"after {why} the noun is singular")

    def _uncountable(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'an advice', 'a useful information': a noun that is never counted takes no "a".
        One adjective may come between, but not "little" ("a little money")."""
        k = i + 1
        if k + 1 < len(words) and lower[k] in lex["adj"] and lower[k] not in _AMOUNT_ADJECTIVES:
            k += 1
        if k + 1 >= len(words) or (i > 0 and words[i - 1] in _JOINERS):
            return
        noun = words[k]
        if noun in self.uncountable and self._ends_phrase(lower, k + 1, lex):
            yield self._match(tokens[k], f"'{noun}' is not counted: no '{words[i]}'")

    def _count_of(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'one of the best player', 'each of the candidate': a count before "of the" needs a
        plural noun after it."""
        n = len(words)
        if i > 0 and (
            lower[i - 1] in ("a", "the", "no")
            or (
                lower[i] == "one"
                and (lower[i - 1] in lex["singular"] or lower[i - 1] in lex["adj"])
            )
            or (words[i - 1][:1].isupper() and i > 1 and words[i - 2] not in _ENDS)
        ):
            return  # "a few of the", "number one of the year", "Formula One of"
        m = i + 2
        if m >= n or lower[m] not in _OF_DETERMINERS:
            return
        m += 1
        while m < n and m - i <= 5:
            if lower[m] not in lex["superlative"] and (
                lower[m] not in lex["adj"]
                or lower[m] in lex["singular"]
                or lower[m] in lex["plural"]
            ):
                break
            m += 1
        if m + 1 >= n:
            return
        noun = words[m]
        if (
            noun.isalpha()
            and noun.islower()
            and noun in lex["singular"]
            and noun not in lex["plural"]
            and noun not in lex["adj"]
            and noun not in self.collective
            and noun not in self.invariant
            and noun not in self.counted
            and not noun.endswith(_ADJECTIVE_ENDINGS)
            and self._ends_phrase(lower, m + 1, lex)
        ):
            yield self._match(tokens[m], f"after '{words[i]} of' the noun is plural")

    @staticmethod
    def _ends_phrase(lower: list[str], at: int, lex: Lexicon) -> bool:
        """Whether the word at ``at`` shows that the noun before it ends its phrase: a mark,
        a function word, or a simple past that is no noun and does not itself modify one
        ("a women walked in", not "both enterprise distributed systems")."""
        after = lower[at]
        if after in _NOUN_PHRASE_ENDS or after in _PHRASE_OPENERS or after in lex["vbd_only"]:
            return True
        if lex.only(after, "adv", "adj", "singular", "plural", "base", "past", "comparative"):
            return after not in _NOT_PHRASE_ENDS  # "a cars quickly", not "either"
        if (
            after not in lex["past"]
            or after in lex["singular"]
            or after in lex["plural"]
            or after in lex["adj"]
        ):
            return False
        then = lower[at + 1] if at + 1 < len(lower) else "."
        return then not in lex["singular"] and then not in lex["plural"]

    def _degrees(
        self,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'more easier', 'most biggest', 'a most older': a comparison made twice. "More
        older people" is left alone: it may be "more people who are older"."""
        n = len(words)
        for i in [i for i, w in enumerate(lower[: n - 1]) if w in _DEGREE_WORDS]:
            w = lower[i]
            adj = lower[i + 1]
            if not words[i + 1].islower() or adj in _NOT_DEGREES:
                continue
            after = lower[i + 2] if i + 2 < n else "."
            before = lower[i - 1] if i > 0 else ""
            if before in _BE and (i < 2 or lower[i - 2] in _WH or words[i - 2] in _ENDS):
                continue  # "more" is the subject: "When is more better?"
            if adj in lex["superlative"] or (
                adj in lex["comparative"]
                and (
                    after in _AFTER_DEGREE
                    or before in ("a", "an")
                    or (before == "the" and w == "most")
                )
            ):
                yield Match(
                    tokens[i][1],
                    tokens[i + 1][2],
                    {
                        "match": f"{words[i]} {words[i + 1]}",
                        "why": f"'{words[i + 1]}' is already compared",
                    },
                )

    def _pronouns(
        self, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'between you and I', 'Me and him went', 'us fans were', 'to who?': a pronoun
        whose case the words around it settle."""
        n = len(words)

        def span(a: int, b: int, why: str) -> Match:
            text = words[a] if a == b else f"{words[a]} … {words[b]}"
            return Match(tokens[a][1], tokens[b][2], {"match": text, "why": why})

        starts = {0} | {i + 1 for i, w in enumerate(words) if w in _ENDS or w in ('"', "“")}
        found = [i for i, w in enumerate(lower[: n - 2]) if w in _PRONOUN_TRIGGERS or i in starts]
        for i in found:
            w = lower[i]
            start = i in starts
            nxt = words[i + 1]
            if w == "between":
                if nxt in _SUBJECT_CASE and lower[i + 2] == "and":
                    yield span(i + 1, i + 1, "after 'between' the object form")
                elif (
                    (lower[i + 1] in _OBJECT_CASE or _is_name(nxt))
                    and lower[i + 2] == "and"
                    and i + 3 < n
                    and words[i + 3] in _SUBJECT_CASE
                ):
                    yield span(i + 1, i + 3, "after 'between' the object form")
            elif (
                w in _CASE_PREPOSITIONS
                and w != "for"  # "for he and his men had gone" is a clause
                and nxt in _SUBJECT_CASE
                and lower[i + 2] == "and"
            ):
                yield span(i + 1, i + 1, f"after '{words[i]}' the object form")
            elif w in _CASE_PREPOSITIONS and (conj := _joined_object(words, lower, i + 1)):
                pronoun = words[conj + 1]
                after = words[conj + 2] if conj + 2 < n else "."
                if pronoun in _SUBJECT_CASE and (
                    after in _PHRASE_MARKS or (after == "to" and w == "for")
                ):
                    yield span(i + 1, conj + 1, f"after '{words[i]}' the object form")
            elif start and words[i] in _OPENING_OBJECTS and lower[i + 1] == "and":
                third = lower[i + 2]
                if (
                    third in _BOTH_CASES or third in _DETERMINERS or _is_name(words[i + 2])
                ) and _verb_follows(lower, i + 3):
                    yield span(i, i + 2, "a subject takes the subject form")
            elif start and words[i] == "Them" and lower[i + 1] in _THEM_SUBJECT_VERBS:
                yield span(i, i, "a subject takes 'they'")
            elif w == "us" and start and words[i] == "Us" and i + 3 < n:
                if nxt.islower() and nxt.endswith("s") and lower[i + 2] in _PLURAL_SUBJECT_VERBS:
                    yield span(i, i + 1, "a subject takes 'we'")
            elif w in _WE_PREPOSITIONS and words[i + 1] == "we":
                if words[i + 2].islower() and words[i + 2].endswith("s"):
                    yield span(i + 1, i + 2, f"after '{words[i]}' the object form: 'us'")
            elif w in _WHO_PREPOSITIONS and words[i + 1] == "who":
                if words[i + 2] == "?" or (
                    lower[i + 2] in _QUESTION_AUXILIARIES
                    and i + 3 < n
                    and lower[i + 3] in _SUBJECT_PRONOUNS
                ):
                    yield span(i + 1, i + 1, f"after '{words[i]}' the object form: 'whom'")
            elif w in _QUANTITY_PRONOUNS and lower[i + 1] == "of" and words[i + 2] == "who":
                yield span(i + 2, i + 2, "after 'of' the object form: 'whom'")
            if start:
                yield from self._joined_subject(i, words, lower, span, lex)
        yield from self._object_and_i(words, lower, span, lex)

    @staticmethod
    def _joined_subject(
        i: int,
        words: list[str],
        lower: list[str],
        span: Callable[[int, int, str], Match],
        lex: Lexicon,
    ) -> Iterator[Match]:
        """'My sister and her went', 'He and me disagree', 'Sam and myself will': an object
        or reflexive form joined to a subject at the start of a sentence, before its verb."""
        if words[i] == "Myself" and lower[i + 1] == "and" and _verb_follows(lower, i + 3):
            yield span(i, i, "a subject takes 'I'")
            return
        if lower[i] in _SUBJECT_DETERMINERS and words[i + 1].islower():
            conj = i + 2
        elif words[i] in _SUBJECT_CASE or _is_name(words[i]):
            conj = i + 1
        else:
            return
        if conj + 2 >= len(words) or lower[conj] != "and":
            return
        pronoun, verb = lower[conj + 1], lower[conj + 2]
        if pronoun == "myself" and (verb in _FINITE_AFTER_SUBJECT or verb in _MODALS):
            yield span(conj + 1, conj + 1, "a subject takes 'I'")
        elif pronoun in _OBJECT_ONLY and (
            verb in _FINITE_AFTER_SUBJECT
            # a verb and nothing else: "her" before "married" or "walk" may be a determiner
            or lex.only(verb, "base", "singular", "plural", "adj", "past")
            or lex.only(verb, "vbd_only", "adj", "singular", "plural")
        ):
            yield span(conj + 1, conj + 1, "a subject takes the subject form")

    @staticmethod
    def _object_and_i(
        words: list[str], lower: list[str], span: Callable[[int, int, str], Match], lex: Lexicon
    ) -> Iterator[Match]:
        """'told my husband and I.', 'invited Sam and I to dinner': "and I" ending the object
        of a verb, where nothing after it can make "I" a subject."""
        n = len(words)
        for j in range(3, n):
            if words[j] != "I" or lower[j - 1] != "and":
                continue
            after = lower[j + 1] if j + 1 < n else "."
            ends_object = after in _PHRASE_MARKS or after in _AFTER_OBJECT
            if lower[j - 2] in _OBJECT_CASE or _is_name(words[j - 2]):
                verb = j - 3
            elif lower[j - 3] in _SUBJECT_DETERMINERS and words[j - 2].islower():
                verb = j - 4
            else:
                continue
            if verb < 0:
                continue
            v = lower[verb]
            if v == "let":  # "let Sam and I go": whatever follows, "let" takes an object
                pass
            elif (
                not ends_object
                or v in _NOT_OBJECT_VERBS
                or not (
                    v in _LET
                    or lex.only(v, "vbd_only", "adj", "singular", "plural")
                    or lex.only(v, "past", "adj", "singular", "plural")
                )
            ):
                continue
            why = f"after '{words[verb]}' the object form: 'me'"
            yield span(verb + 1, j, why)

    @staticmethod
    def _match(token: tuple[str, int, int], why: str) -> Match:
        return Match(token[1], token[2], {"match": token[0], "why": why})
