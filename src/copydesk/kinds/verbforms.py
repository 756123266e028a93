"""Subjects and verb forms the agreement lexicon settles beyond the agreement kind's patterns.

Three checks, each run only where a rule's ``checks`` asks for it, over the same tokens and
word classes as the agreement kind (``agreement.lexicon``):

- ``compound``: a subject of two parts joined by "and" with a singular verb: "My wife and I
  was", "The cat and the dog is", "He and she has";
- ``singular``: a singular subject with a plural or plain verb: "Each student have", "The
  teacher give us", "She were late" (a subjunctive, "if she were", is left alone);
- ``pasts``: a simple past that is never a participle (a table in the rule) after "have",
  "be", "get", a modal or "do", contractions included: "They've went", "The price has rose",
  "She got took to hospital", "Has he ran?";
- ``verbless``: a subject pronoun followed by a word that can only be a noun ("he response",
  "they decision"), or by an adverb and a determiner ("I accidentally the flashlight"), where
  the verb is missing or mistyped.

The four rules share one walk over a story's tokens that keeps the places of every rule's
trigger words (``_candidates``); each rule then visits only the places of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match, option
from copydesk.kinds.agreement import (
    _ENDS,
    Lexicon,
    Spans,
    _after_intro,
    _kept_apart,
    _tokens,
    lexicon,
)

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    # which checks the rule runs: "compound", "singular", "pasts", "verbless"
    "checks": ("list[str]", []),
    # words that open a clause, after which a subject may start: "when", "because"
    "clause_openers": ("list[str]", []),
    # nouns that take a plural verb in some houses: "team", "government"
    "collective": ("list[str]", []),
    # nouns that end like plurals but take either verb, or are plural in sense: "news", "means"
    "invariant": ("list[str]", []),
    # adverbs allowed between a subject or an auxiliary and its verb: "has already went"
    "adverbs": ("list[str]", []),
    # verb base forms also used as adjectives or nouns after a noun: "complete", "set"
    "adjective_verbs": ("list[str]", []),
    # simple pasts that are never a past participle in standard English: "went", "rose"
    "simple_pasts": ("list[str]", []),
    # verbs (every form listed) whose verb complement takes "to": "want", "decided"
    "takes_to": ("list[str]", []),
}

_SINGULAR_FINITE = frozenset(
    [
        "is",
        "was",
        "has",
        "does",
        "am",
        "isn't",
        "isn’t",
        "wasn't",
        "wasn’t",
        "hasn't",
        "hasn’t",
        "doesn't",
        "doesn’t",
    ]
)
_PAIR_PRONOUNS = frozenset(["i", "he", "she", "we", "they", "you"])
_NOUN_DETERMINERS = frozenset(
    ["the", "a", "an", "my", "his", "her", "its", "our", "their", "your", "this", "that"]
)
# determiners before a singular count noun that make the noun phrase singular
_SINGULAR_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "each",
        "every",
        "my",
        "his",
        "her",
        "its",
        "our",
        "their",
        "your",
        "another",
        "one",
        "either",
        "neither",
    ]
)
# "each ... and each ..." and "every ... and every ..." take a singular verb
_DISTRIBUTIVE = frozenset(["each", "every", "no"])
# clause openers after which a plain verb may be a subjunctive: "whether the patient live"
_SUBJUNCTIVE_OPENERS = frozenset(["if", "whether", "unless", "lest", "though"])
# words before "he/she/it/I were" that make it a subjunctive: "if he were", "as it were"
_SUBJUNCTIVE_CUES = frozenset(
    [
        "if",
        "as",
        "though",
        "wish",
        "wished",
        "wishes",
        "only",
        "suppose",
        "supposing",
        "imagine",
        "rather",
        "whether",
        "lest",
        "unless",
        "even",
    ]
)
_WERE = frozenset(["were", "weren't", "weren’t"])
_INDEFINITES = frozenset(
    {"everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody"}
)
_THIRD_SINGULAR = frozenset(["he", "she", "it"])
_PREPOSITIONS = frozenset(
    ["to", "for", "with", "from", "by", "of", "about", "at", "on", "in", "into", "onto", "like"]
)
_MODALS = frozenset(
    ["can", "could", "will", "would", "shall", "should", "may", "might", "must", "ought"]
)
_HAVE = frozenset(
    ["have", "has", "had", "having", "haven't", "haven’t", "hasn't", "hasn’t", "hadn't", "hadn’t"]
)
_BE = frozenset(
    [
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "am",
        "isn't",
        "isn’t",
        "aren't",
        "aren’t",
        "wasn't",
        "wasn’t",
        "weren't",
        "weren’t",
    ]
)
_GET = frozenset(["get", "gets", "got", "getting", "gotten"])
_PLAIN_AUXILIARIES = frozenset(
    [
        *_MODALS,
        "do",
        "does",
        "did",
        "cannot",
        "can't",
        "can’t",
        "won't",
        "won’t",
        "wouldn't",
        "wouldn’t",
        "couldn't",
        "couldn’t",
        "shouldn't",
        "shouldn’t",
        "mustn't",
        "mustn’t",
        "don't",
        "don’t",
        "doesn't",
        "doesn’t",
        "didn't",
        "didn’t",
    ]
)
_MODALS_AND_DO = (_MODALS - {"ought"}) | {"do", "does", "did"}
# modals that are never nouns, after which an -ing form is a slip: "would going"
_NEVER_NOUNS = frozenset(["could", "would", "should", "might", "shall"])


def _ing_of_verb(word: str, after: str, lex: Lexicon) -> bool:
    """Whether ``word`` is the -ing form of a verb the lexicon knows ("going", "making"),
    used as one: an -ing noun or adjective followed by a noun or a verb may be an inverted
    subject ("Should evening fall", "Should willing volunteers come forward")."""
    if len(word) < 5:
        return False
    if (word in lex["singular"] or word in lex["adj"]) and any(
        after in lex[c] for c in ("singular", "plural", "base", "vbz", "past")
    ):
        return False
    stem = word[:-3]
    base = lex["base"]
    return stem in base or stem + "e" in base or (stem[-1:] == stem[-2:-1] and stem[:-1] in base)


# finite auxiliaries that invert with their subject in a question: "Has he ran?"
_INVERTING = (_HAVE | _BE | _PLAIN_AUXILIARIES) - {"having", "being", "been", "be"}
_QUESTION_SUBJECTS = frozenset(["i", "you", "he", "she", "it", "we", "they"])
# contractions of "have", "had"/"would" and "is"/"has" on the word before
_CONTRACTED = ("'ve", "’ve", "'d", "’d", "'s", "’s")
# a word before an auxiliary that makes it a noun: "the can", "his will", "a must"
_NOUN_MAKERS = _NOUN_DETERMINERS | {"this", "that", "these", "those", "no", "any", "some"}
_JOINERS = frozenset(["-", "'", "’", "/"])
# auxiliaries that open a question and agree with the subject after them
_ASK_SINGULAR = frozenset(
    {"does", "is", "was", "has", "doesn't", "doesn’t", "isn't", "isn’t", "wasn't", "wasn’t"}
    | {"hasn't", "hasn’t"}
)
_ASK_PLURAL = frozenset(
    ["do", "are", "were", "don't", "don’t", "aren't", "aren’t", "weren't", "weren’t"]
)
# adverbs that open a sentence before a comma and a new subject: "However, the teacher"
_SENTENCE_ADVERBS = frozenset(
    {"however", "also", "meanwhile", "instead", "still", "yet", "now", "then", "today"}
    | {"yesterday", "later", "besides", "moreover", "furthermore", "nevertheless", "otherwise"}
)
_WH = frozenset(["why", "where", "when", "how", "what", "who", "which"])
_TO_OR_MODAL = _MODALS | {"to", "not", "never", "also", "just"}
_RELATIVES = frozenset(["who", "whom", "which", "that", "what", "whoever"])
_OBJECT_PRONOUNS = frozenset(["me", "you", "him", "her", "us", "them"])
_VERBLESS_SUBJECTS = frozenset(["i", "he", "she", "we", "they"])
# before a subject pronoun, words that make it something else: "a he", "than he"
_NOT_SUBJECT = frozenset(["a", "an", "the", "than", "as", "and", "or", "nor"])
# function words the lexicon also lists as nouns: "must" (a must), "or" (heraldry), "via"
_FUNCTION_NOUNS = frozenset(["must", "or", "nor", "other", "via", "per", "will", "can", "may"])
# words that take a contracted "'s" meaning "is" or "has": "he's went"; after a name it may
# be a possessive ("Dr Reddy's fell")
_IS_HAS_HOSTS = frozenset(
    ["he", "she", "it", "that", "who", "what", "there", "here", "where", "how", "this"]
)
# words that open a verb's object and never follow a noun of a compound: "give us", "need a"
_OBJECT_STARTS = frozenset(
    ["the", "a", "an", "his", "their", "my", "our", "your", "its", "us", "them", "him", "me"]
)


# every word any rule of this kind starts from, in this process: the rules share one walk
# over a story's tokens for all of them (``_candidates``) and each keeps its own
_TRIGGERS: set[str] = set()
_UNION: list[frozenset[str]] = [frozenset()]


def _register(words: Iterable[str]) -> None:
    _TRIGGERS.update(words)
    _UNION[0] = frozenset(_TRIGGERS)


@lru_cache(maxsize=2)
def _candidates(text: str, union: frozenset[str]) -> list[tuple[int, str]]:
    """The places and words of ``text``'s tokens that some rule of this kind starts from."""
    return [(i, w) for i, w in enumerate(_tokens(text)[2]) if w in union]


def _where(text: str, wanted: frozenset[str]) -> list[int]:
    """The places of the ``wanted`` words in ``text``, in order."""
    return [i for i, w in _candidates(text, _UNION[0]) if w in wanted]


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        checks = frozenset(option(rule, "checks"))
        self.compound = "compound" in checks
        self.singular = "singular" in checks
        self.pasts = "pasts" in checks
        self.verbless = "verbless" in checks
        self.openers = frozenset(w.lower() for w in option(rule, "clause_openers"))
        self.collective = frozenset(w.lower() for w in option(rule, "collective"))
        self.invariant = frozenset(w.lower() for w in option(rule, "invariant"))
        self.adverbs = frozenset(w.lower() for w in option(rule, "adverbs"))
        self.adjective_verbs = frozenset(w.lower() for w in option(rule, "adjective_verbs"))
        self.simple_pasts = frozenset(w.lower() for w in option(rule, "simple_pasts"))
        self.takes_to = frozenset(w.lower() for w in option(rule, "takes_to"))
        triggers: set[str] = set()
        if self.compound:
            triggers |= {"and"} | _ASK_SINGULAR | _ASK_PLURAL
        if self.singular:
            triggers |= _SINGULAR_DETERMINERS | _THIRD_SINGULAR | _INDEFINITES | {"i", "that"}
        if self.verbless:
            triggers |= _VERBLESS_SUBJECTS | self.takes_to
        self.triggers = frozenset(triggers)
        _register(self.triggers)
        if self.pasts:
            _register(self.simple_pasts | _MODALS_AND_DO)

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        tokens, words, lower = _tokens(text)
        if self.pasts:
            yield from self._pasts(text, words, lower, tokens)
        if not self.triggers:
            return
        lex = lexicon()
        triggers = self.triggers
        for i in _where(text, triggers):
            w = lower[i]
            if w in _VERBLESS_SUBJECTS and self.verbless:
                yield from self._verbless(i, words, lower, tokens, lex)
            if w in self.takes_to and self.verbless:
                yield from self._missing_to(i, words, lower, tokens, lex)
            if w == "and":
                yield from self._compound(i, words, lower, tokens, lex)
            elif w in _ASK_SINGULAR or w in _ASK_PLURAL:
                if self.compound:
                    yield from self._inverted(i, words, lower, tokens, lex)
            elif not self.singular:
                continue
            elif w in _THIRD_SINGULAR or w in _INDEFINITES or w == "i":
                yield from self._were(i, words, lower, tokens)
            elif (
                w in ("this", "that")
                and (i == 0 or words[i - 1] in _ENDS)
                and lower[i + 1 : i + 2] in (["were"], ["weren't"], ["weren’t"])
            ):
                yield from self._were(i, words, lower, tokens)  # "That were a mistake."
            elif self._starts_clause(i, words, lower) and (
                i == 0 or lower[i - 1] not in _SUBJUNCTIVE_OPENERS
            ):
                yield from self._singular(i, words, lower, tokens, lex, doc.source)

    def _starts_clause(self, i: int, words: list[str], lower: list[str]) -> bool:
        """At a sentence's start, after a clause opener, or after a sentence adverb or a short
        opening phrase and its comma: "However, the teacher give", "In 2010, the bridge
        need"."""
        if i == 0 or words[i - 1] in _ENDS or lower[i - 1] in self.openers:
            return True
        return (
            i >= 2
            and words[i - 1] == ","
            and (
                (
                    (i == 2 or words[i - 3] in _ENDS)
                    and (lower[i - 2].endswith("ly") or lower[i - 2] in _SENTENCE_ADVERBS)
                )
                or _after_intro(i, words, lower)
            )
        )

    def _skip_adverbs(self, j: int, lower: list[str]) -> int:
        while j < len(lower) and lower[j] in self.adverbs:
            j += 1
        return j

    # -- compound subjects -------------------------------------------------------------

    def _noun_phrase_back(self, end: int, words: list[str], lower: list[str], lex: Lexicon) -> int:
        """The start of a determiner, an optional adjective and a singular noun ending just
        before ``end``, or -1: "the dog", "my elder sister"."""
        k = end - 1
        if k < 1 or not words[k].islower() or not self._count_noun(lower[k], lex):
            return -1
        k -= 1
        if lower[k] in lex["adj"] and lower[k] not in _NOUN_DETERMINERS and words[k].islower():
            k -= 1
        return k if k >= 0 and lower[k] in _NOUN_DETERMINERS else -1

    def _count_noun(self, noun: str, lex: Lexicon) -> bool:
        return (
            noun in lex["singular"]
            and noun not in lex["plural"]
            and noun not in self.collective
            and noun not in self.invariant
            and not noun.endswith("s")
        )

    def _compound(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'My wife and I was', 'The cat and the dog is', 'He and she has': two subjects
        joined by "and" take a plural verb. The first part must open the clause, so that
        "and" joins subjects, not clauses or objects; names are left alone ("Marks and
        Spencer is" names one company), unless a pronoun is the second part."""
        n = len(words)
        if i == 0 or i + 2 >= n:
            return
        # the first part is one to three words at the start of a clause: most "and"s are not
        if not any(self._starts_clause(s, words, lower) for s in range(max(0, i - 3), i)):
            return
        # the second part: a subject pronoun, or a determiner and a noun
        second = lower[i + 1]
        if second in _PAIR_PRONOUNS and (second != "i" or words[i + 1] == "I"):
            pronoun_second, v_at = True, i + 2
        elif second in _NOUN_DETERMINERS and second not in _DISTRIBUTIVE:
            k = i + 2
            if k < n and lower[k] in lex["adj"] and not self._count_noun(lower[k], lex):
                k += 1
            if k + 1 >= n or not words[k].islower() or not self._count_noun(lower[k], lex):
                return
            pronoun_second, v_at = False, k + 1
        else:
            return
        # the first part: a pronoun, a name (only before a pronoun) or a noun phrase
        first = lower[i - 1]
        pronoun_first = first in _PAIR_PRONOUNS and (first != "i" or words[i - 1] == "I")
        name_first = pronoun_second and words[i - 1].istitle() and words[i - 1].isalpha()
        if pronoun_first or name_first:
            start = i - 1
        else:
            start = self._noun_phrase_back(i, words, lower, lex)
            if start < 0 or lower[start] in _DISTRIBUTIVE:
                return
        if not self._starts_clause(start, words, lower):
            return
        if start > 0 and lower[start - 1] in ("both", "between", "neither", "either"):
            return
        v_at = self._skip_adverbs(v_at, lower)
        if v_at + 1 >= n or not words[v_at].islower():
            return
        v = lower[v_at]
        if v in _SINGULAR_FINITE or (
            lex.only(v, "vbz", "plural", "adj", "singular") and lower[v_at + 1] not in ("and", "or")
        ):
            yield Match(
                tokens[start][1],
                tokens[v_at][2],
                {
                    "match": " ".join(words[start : v_at + 1]),
                    "verb": words[v_at],
                    "why": "a subject joined by 'and' is plural",
                },
            )

    def _inverted(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'Does the children know?', 'Is the students ready?', 'Are the teacher coming?',
        'Do the teacher know?': in a question the auxiliary agrees with the noun after it.
        "Do" and "have" also open commands ("Do the dishes", "Have the teacher call"), so
        "do" is judged only when a plain verb follows the noun, and "have" not at all."""
        n = len(words)
        if not (
            i == 0
            or words[i - 1] in _ENDS
            or (lower[i - 1] in _WH and (i == 1 or words[i - 2] in _ENDS))
        ):
            return
        k = i + 1
        if k >= n or lower[k] not in _NOUN_DETERMINERS:
            return
        k += 1
        if k < n and lower[k] in lex["adj"] and not self._count_noun(lower[k], lex):
            k += 1
        if k + 1 >= n or not words[k].islower() or not words[k].isalpha():
            return
        noun, after = lower[k], lower[k + 1]
        if after in ("and", "or", "of", ",") or words[k + 1] in _JOINERS:
            return  # "Are the teacher and the pupils", "Is the students' work"
        # a noun after the noun makes a compound ("Were the bus stops moved?"), but a plain
        # verb after "do ... noun" or after a plural noun is the verb: "Does the children cry?"
        if (after in lex["singular"] or after in lex["plural"]) and not (
            after in lex["base"]
            and (lower[i] in ("do", "don't", "don’t") or lower[i] in _ASK_SINGULAR)
        ):
            return
        aux = lower[i]
        if aux in _ASK_SINGULAR:
            if not (
                noun in lex["plural"]
                and noun not in lex["singular"]
                and noun not in self.invariant
                and noun not in self.collective
                and lower[k - 1] not in ("a", "an", "this", "that")
            ):
                return
            why = f"'{words[k]}' is plural"
        else:
            if not self._count_noun(noun, lex) or noun in lex["adj"]:
                return
            if aux in ("do", "don't", "don’t") and not (
                lex.only(after, "base", "singular", "plural", "adj", "adv", "vbn", "past")
            ):
                return
            why = f"'{words[k]}' is singular"
        yield Match(
            tokens[i][1],
            tokens[k][2],
            {"match": " ".join(words[i : k + 1]), "verb": words[i], "why": why},
        )

    # -- singular subjects -----------------------------------------------------------

    def _were(self, i: int, words: list[str], lower: list[str], tokens: Spans) -> Iterator[Match]:
        """'She were late', 'Everyone were happy': "were" after a singular pronoun, unless a word
        before it in the sentence makes it a subjunctive ("if she were", "as it were", "I
        wish he were")."""
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= len(words) or lower[j] not in _WERE or not words[j].islower():
            return
        w = lower[i]
        if w == "i" and words[i] != "I":
            return
        if i > 0:
            before = lower[i - 1]
            if before in ("and", "or", "nor", "than") or words[i - 1] in _JOINERS:
                return  # "he and she were", "she/he were"
            if w == "i" and words[i - 1][:1].isupper() and words[i - 1].isalpha():
                return  # "World War I were": a numeral in a name
            if (w == "it" or w in _INDEFINITES) and (
                words[i - 1] not in _ENDS and before not in self.openers
            ):
                return  # an object: "the answers to it were", "told everyone were"
        k = i - 1
        # back to the sentence's start, but no further than a long sentence reaches, so a
        # story that never ends a sentence costs no more per "were"
        while k >= max(0, i - 60) and words[k] not in _ENDS:
            if lower[k] in _SUBJUNCTIVE_CUES:
                return
            k -= 1
        yield Match(
            tokens[i][1],
            tokens[j][2],
            {
                "match": " ".join(words[i : j + 1]),
                "verb": words[j],
                "why": f"'{words[i]}' takes 'was'",
            },
        )

    def _singular(
        self,
        i: int,
        words: list[str],
        lower: list[str],
        tokens: Spans,
        lex: Lexicon,
        source: str,
    ) -> Iterator[Match]:
        """'Each student have', 'The teacher give us', 'My brother don't': a singular noun
        subject at the start of a clause with a plural or plain verb. The noun must be a
        count noun and nothing else (no plural, adjective or collective: "the rich have",
        "the team have"), and the verb a plain form that is no noun or adjective."""
        n = len(words)
        k = i + 1
        if k < n and lower[k] in lex["adj"] and not self._count_noun(lower[k], lex):
            k += 1
        if k + 2 >= n or not words[k].islower() or not words[k].isalpha():
            return
        noun = lower[k]
        if (
            not self._count_noun(noun, lex)
            or noun in lex["adj"]
            or noun.endswith("ed")
            or noun in _MODALS
        ):
            return
        j = self._skip_adverbs(k + 1, lower)
        if j + 1 >= n or not words[j].islower():
            return
        v = lower[j]
        after = lower[j + 1]
        if after in ("and", "or", ",") or words[j + 1] in _JOINERS:
            return  # a list or a compound: "the cat flap and"
        if v in ("have", "haven't", "haven’t", "don't", "don’t") or (
            v == "do" and after in ("not", "n't")
        ):
            pass
        elif not (
            lex.only(v, "base", "vbn", "vbz", "past", "adj", "adv")
            and v not in _MODALS
            and v not in self.adjective_verbs
            # a plain verb that is also a noun may be the second half of a compound ("the bus
            # stop", "the price cap"), unless an object follows it: "the teacher give us"
            and (after in _OBJECT_STARTS or (v not in lex["singular"] and v not in lex["plural"]))
        ):
            return
        if (
            j + 2 < n
            and lower[j + 2] in _SINGULAR_FINITE
            and (after in lex["singular"] or after in lex["plural"])
            and after not in _OBJECT_STARTS
        ):
            return  # a noun compound before the verb: "the version publish time is"
        if _kept_apart(source, tokens, i, j):
            return  # "The `x` module" ends one heading, "`Tracing` object" is the next
        yield Match(
            tokens[j][1],
            tokens[j][2],
            {
                "match": words[j],
                "verb": words[j],
                "why": f"'{words[i]} {words[k]}' is singular",
            },
        )

    # -- a subject pronoun without a verb ----------------------------------------------

    def _verbless(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'he response', 'They boy and the girl', 'I accidentally the flashlight': a subject
        pronoun followed by a word the lexicon knows only as a singular noun, or by an adverb
        in -ly and a determiner. Plural nouns are left alone ("we journalists"), and so are
        "I" after a capitalised word ("Phase I trial") and pronouns used as nouns ("a he")."""
        n = len(words)
        if i + 2 >= n or words[i + 2] in _JOINERS:
            return
        if lower[i] == "i" and (
            words[i] != "I" or (i > 0 and words[i - 1][:1].isupper() and words[i - 1] not in _ENDS)
        ):
            return
        if i > 0 and (lower[i - 1] in _NOT_SUBJECT or words[i - 1] in _JOINERS):
            return
        if i > 0 and lower[i - 1] in _INVERTING:
            return  # the verb came first: "has he permission", "is she head of"
        nxt = words[i + 1]
        if not nxt.islower() or not nxt.isalpha() or nxt in _FUNCTION_NOUNS:
            return
        if nxt.endswith("ing"):
            return  # a participle in a question: "is he doing", "was she going"
        if lex.only(nxt, "singular", "plural", "base", "vbz", "past", "vbn", "adj", "adv"):
            then = lower[i + 2]
            if then in lex["plural"] or (
                # a rarer plural than the lexicon holds
                len(then) > 4 and then.endswith("s") and then not in lex["vbz"]
            ):
                return  # an apposition with a modifier: "we library authors"
            why = f"'{words[i]}' needs a verb, and '{nxt}' is a noun"
        elif (
            nxt.endswith("ly")
            and lex.only(nxt, "adv", "adj", "singular")
            and lower[i + 2] in _OBJECT_STARTS
            and lower[i + 2] not in ("us", "them", "him", "me")
        ):
            why = f"'{words[i]} {nxt}' needs a verb before '{words[i + 2]}'"
        else:
            return
        yield Match(
            tokens[i][1],
            tokens[i + 1][2],
            {"match": f"{words[i]} {nxt}", "verb": nxt, "why": why},
        )

    def _missing_to(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'I want go home', 'She decided leave', 'We want them stay': a verb whose verb
        complement takes "to", followed by a plain verb that is no noun, adjective or
        participle ("want help", "decided against", "wanted dead" are left alone)."""
        n = len(words)
        j = i + 1
        if j < n and lower[j] in _OBJECT_PRONOUNS and lower[i].startswith("want"):
            j += 1  # "want them stay"
        if j + 1 >= n or not words[i].islower() or not words[j].islower():
            return
        if words[j + 1] in _JOINERS or (i > 0 and lower[i - 1] in _NOUN_MAKERS):
            return  # "a decided-upon plan", "the planned close"
        w = lower[i]
        if (w in lex["plural"] or w in lex["singular"]) and not (
            i > 0 and (lower[i - 1] in _VERBLESS_SUBJECTS or lower[i - 1] in _TO_OR_MODAL)
        ):
            return  # a noun: "other plans include", "for want of"
        if any(x in _RELATIVES for x in lower[max(0, i - 4) : i]):
            return  # a relative clause's subject moved out: "who the council decides have"
        v = lower[j]
        if (
            lex.only(v, "base", "adj", "adv", "vbn", "past")
            and v not in _MODALS
            and v not in self.adjective_verbs
            # a plain verb that is also a noun may be the object ("want change", "want
            # leave"), unless an object of its own follows it: "decided leave the party"
            and (
                lower[j + 1] in _OBJECT_STARTS
                or (v not in lex["singular"] and v not in lex["plural"])
            )
        ):
            yield Match(
                tokens[i][1],
                tokens[j][2],
                {
                    "match": " ".join(words[i : j + 1]),
                    "verb": words[j],
                    "why": f"'{words[i]}' takes 'to' before '{words[j]}'",
                },
            )

    # -- simple pasts after an auxiliary -----------------------------------------------

    def _pasts(
        self, text: str, words: list[str], lower: list[str], tokens: Spans
    ) -> Iterator[Match]:
        """'They've went', 'The price has rose', 'got took', 'Has he ran?': a simple past
        that is never a participle, where the auxiliary before it wants a participle or a
        plain form. The agreement kind already reads the commonest of these after a plain
        "have", "be" or modal; this adds the rest of the table, contractions, "get" and
        inverted questions."""
        yield from self._regular_pasts(text, words, lower, tokens)
        pasts = self.simple_pasts
        lex: Lexicon | None = None
        n = len(words)
        for j in _where(text, pasts):
            if j == 0 or not words[j].islower() or (j + 1 < n and words[j + 1] in _JOINERS):
                continue
            if words[j - 1] in _JOINERS:
                continue
            k = j - 1
            while k > 0 and lower[k] in self.adverbs:
                k -= 1
            subject = None
            if lower[k] in _QUESTION_SUBJECTS and k > 0 and lower[k - 1] in _INVERTING:
                subject, k = lower[k], k - 1  # "Has he ran?", "Did you ran?"
            if lex is None:
                lex = lexicon()
            context = self._auxiliary(k, words, lower)
            if context is None:
                continue
            v = lower[j]
            after = lower[j + 1] if j + 1 < n else "."
            noun = v in lex["singular"] or v in lex["plural"]
            if noun and (after in lex["singular"] or after in lex["plural"] or after == "of"):
                continue  # "had rose bushes", "have saw blades"
            if context == "plain" and v in lex["base"]:
                continue  # "could saw", "did he fell the tree"
            if context == "be" and (
                (v in lex["adj"] and after != "by")
                or (noun and (after in _ENDS or after in (",", "and", "or")))
            ):
                continue  # "he was broke", "the wine was rose."
            if (
                subject is None
                and not words[k].endswith(_CONTRACTED)
                and context != "get"
                and v in lex["vbd_only"]
            ):
                continue  # read by the agreement kind
            want = "its plain form" if context == "plain" else "its past participle"
            yield Match(
                tokens[j][1],
                tokens[j][2],
                {"match": words[j], "verb": words[j], "why": f"after '{words[k]}' {want}"},
            )

    def _regular_pasts(
        self, text: str, words: list[str], lower: list[str], tokens: Spans
    ) -> Iterator[Match]:
        """'The team will played', 'Did she walked?', 'The plan would going': a regular
        past in -ed, or an -ing form, after a modal or "do", which want the plain form. After a
        pronoun subject ("she can played") and after "did not" GRA015 reads the same slip."""
        n = len(words)
        lex: Lexicon | None = None
        for k in _where(text, _MODALS_AND_DO):
            if k + 2 >= n:
                continue
            opens = k == 0 or words[k - 1] in _ENDS
            asked = opens and lower[k + 1] in _QUESTION_SUBJECTS
            if not words[k].islower() and not asked:
                continue  # "May", "Will" as names: "May performed with Rodgers"
            if k > 0 and (lower[k - 1] in _NOUN_MAKERS or lower[k - 1] in _QUESTION_SUBJECTS):
                continue  # "the will", or a pronoun subject that GRA015 reads
            if k > 0 and lower[k - 1] in ("than", "as", "so", "nor", "neither"):
                continue  # an inverted subject: "less of a toy than would leaving it out"
            j = k + 1
            if asked:
                j += 1  # "Did she walked?"; not past a noun: "Will the children played with
                # the dog be fine?" holds a reduced relative clause
            if lower[j : j + 1] == ["not"] and lower[k] in ("do", "does", "did"):
                continue  # "did not wanted": GRA015
            j = self._skip_adverbs(j, lower)
            if j + 1 >= n or not words[j].islower() or words[j + 1] in _JOINERS:
                continue
            v = words[j]
            if lex is None:
                lex = lexicon()
            if (
                v.endswith("ing")
                and lower[k] in _NEVER_NOUNS
                and _ing_of_verb(v, lower[j + 1], lex)
            ):
                why = f"after '{words[k]}' its plain form"
                yield Match(tokens[j][1], tokens[j][2], {"match": v, "verb": v, "why": why})
                continue
            if not v.endswith("ed"):
                continue
            # after "did she" no adjective can stand: "Does he wanted"
            others = (
                ("base", "singular", "plural") if asked else ("base", "adj", "singular", "plural")
            )
            if lex.only(v, "past", *others) and v in lex["vbn"]:
                want = f"after '{words[k]}' its plain form"
                yield Match(tokens[j][1], tokens[j][2], {"match": v, "verb": v, "why": want})

    @staticmethod
    def _auxiliary(k: int, words: list[str], lower: list[str]) -> str | None:
        """What the word at ``k`` asks of the verb after it: "perfect" (a participle after
        "have"), "be", "get" or "plain" (after a modal or "do"), or None when it is no
        auxiliary ("the can", "his will")."""
        aux = lower[k]
        if aux.endswith(_CONTRACTED):
            # "'s" is "is" or "has", "'d" is "had" or "would": the simple past fits none
            if aux.endswith(("'s", "’s")) and aux[:-2] not in _IS_HAS_HOSTS:
                return None
            return "perfect"
        if k > 0 and lower[k - 1] in _NOUN_MAKERS and aux not in _HAVE and aux not in _BE:
            return None
        if aux in _HAVE:
            return "perfect"
        if aux in _BE:
            return "be"
        if aux in _GET:
            return "get"
        if aux in _PLAIN_AUXILIARIES:
            if aux == "may" and not words[k].islower():
                return None  # the month
            return "plain"
        return None
