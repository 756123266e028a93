"""Verb forms that the word before them settles, read against the word-class lexicon.

Each check runs only where a rule's ``checks`` asks for it, over the agreement kind's tokens and
word classes (``agreement.lexicon``), so it covers every verb the lexicon knows rather than a list:

- ``after_to``: the infinitive marker "to" followed by a simple past or an -s form ("wanted to
  went", "hopes to goes"), or by an -ing form after a verb that takes the infinitive ("decided to
  going"); a "to" left at the end of a relative clause ("the school I went to closed") is no
  infinitive marker and is left alone;
- ``gerund_to``: a verb that takes the -ing form followed by "to" and a plain verb ("avoid to pay",
  "risk to lose"), and phrases whose "to" is a preposition ("look forward to meet you", "in
  addition to provide");
- ``progressive``: a subject pronoun and a form of "be" followed by a plain verb and its object,
  where the -ing form was meant ("he is work the night shift", "they were play the game");
- ``pronoun_verb``: a subject pronoun and a verb that GRA013 leaves alone because the verb is also
  a noun: "he need help", "It seem fine", "You works here", "Do they knows?".

The rules share one walk over a story's tokens that keeps the places of every rule's trigger
words; each rule then visits only the places of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match, option
from copydesk.kinds.agreement import _ENDS, Lexicon, Spans, _kept_apart, _tokens, lexicon

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    # which checks the rule runs: "after_to", "gerund_to", "progressive", "pronoun_verb",
    # "question"
    "checks": ("list[str]", []),
    # words before "to" that make it the infinitive marker: "want", "able", "going"
    "infinitive_heads": ("list[str]", []),
    # heads after which "to" may also be a preposition before a noun: "going to parties"
    "preposition_heads": ("list[str]", []),
    # verbs (every form listed) whose verb complement is an -ing form: "avoid", "enjoyed"
    "gerund_verbs": ("list[str]", []),
    # listed verbs whose "to" may also open a noun phrase ("kept to schedule", "suggested to
    # police"): judged only before a word that is nothing but a verb or before an object
    "noun_taking": ("list[str]", []),
    # nouns that are also plain verbs and follow a listed verb's "to": "finished to acclaim"
    "nouns_after_to": ("list[str]", []),
    # phrases ending in a prepositional "to" that takes an -ing form: "look forward to"
    "to_phrases": ("list[str]", []),
    # adverbs allowed between a subject or an auxiliary and its verb: "he always go"
    "adverbs": ("list[str]", []),
    # clause openers after which a subject may start: "because", "when"
    "clause_openers": ("list[str]", []),
    # verbs that take a subjunctive clause: "insisted he go", "demand that she leave"
    "subjunctive_verbs": ("list[str]", []),
    # nouns that also name an activity or a meal and stand without an article after "have":
    # "have lunch the next day", "have work the day after"
    "bare_nouns": ("list[str]", []),
    # verb base forms also used as nouns or adjectives after a subject or "be": "home", "back"
    "not_verbs": ("list[str]", []),
}

_SUBJECT_PRONOUNS = frozenset(["i", "you", "he", "she", "we", "they"])
_OBJECT_PRONOUNS = frozenset(["me", "him", "her", "us", "them"])
_DETERMINERS = frozenset(
    ["the", "a", "an", "his", "their", "my", "our", "your", "its", "this", "these", "those"]
)
# words that begin a verb's object and cannot follow a noun used as a predicate
_OBJECT_STARTS = _DETERMINERS | _OBJECT_PRONOUNS | {"you"}
# what follows "a" after a predicate noun as an adverbial: "he is home a lot"
_ADVERBIAL_A = frozenset(["lot", "bit", "little", "while", "year", "day", "week", "month", "time"])
# pronouns, quantifiers and numbers the lexicon does not class
_FUNCTION_WORDS = frozenset(
    {"whom", "which", "what", "where", "whoever", "whatever", "whichever", "none", "nothing"}
    | {"anything", "everything", "something", "anyone", "everyone", "someone", "nobody"}
    | {"anybody", "everybody", "somebody", "one", "ones", "each", "all", "both", "some", "any"}
    | {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundreds"}
    | {"thousands", "millions", "dozens", "many", "most", "more", "less", "such", "every"}
)
_CLASSES = ("base", "past", "vbn", "vbz", "singular", "plural", "adj", "adv")
_NOUN_MAKERS = _DETERMINERS | {"no", "any", "every", "each", "some", "that"}
_FINITE_BE = frozenset(["am", "is", "are", "was", "were"])
_BE_FORMS = _FINITE_BE | frozenset(
    {"be", "been", "being", "isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t"}
    | {"weren't", "weren’t"}
)
# verbs that introduce a noun an infinitive may follow: "there was no chance to", "had a
# chance to"
_EXISTENTIAL = frozenset({"is", "was", "are", "were", "have", "has", "had", "got", "get", "gets"})
_HAVE_FORMS = frozenset(
    {"have", "has", "had", "haven't", "haven’t", "hasn't", "hasn’t", "hadn't", "hadn’t"}
)
# words after "the" that make a time phrase, not an object: "have lunch the next day"
_TIME_AFTER_THE = frozenset(
    {"next", "following", "same", "day", "night", "week", "morning", "evening", "year"}
    | {"previous", "other", "whole", "entire", "rest", "last", "first"}
)
# words that open a pseudo-cleft or a free relative, whose "is" may stand before the main
# verb: "What the job is involves travel", "All it is needs a name"
_CLEFT_OPENERS = frozenset(["what", "whatever", "whoever", "all", "how", "where", "why", "who"])
# finite verbs that cannot follow a noun phrase's determiner "her": "Her has", "Her is"
_FINITE_AFTER_HER = frozenset(
    {"is", "was", "has", "does", "did", "had", "am", "are", "were", "could", "would", "should"}
    | {"might", "shall", "isn't", "wasn't", "hasn't", "doesn't", "didn't", "won't", "can't"}
)
_MODALS = frozenset(
    ["can", "could", "will", "would", "shall", "should", "may", "might", "must", "ought"]
)
# plain forms GRA013 already reads after any subject pronoun
_GRA013_FORMS = frozenset(["have", "do", "are", "were", "am", "don't", "don’t"])
# auxiliaries that open a question (or a conditional inversion) and want a plain verb after
# their subject: "Does the teacher know?", "Should the council decide"
_ASKING_AUXILIARIES = _MODALS | frozenset(
    {"do", "does", "did", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t"}
    | {"can't", "can’t", "won't", "won’t", "wouldn't", "wouldn’t", "couldn't", "couldn’t"}
    | {"shouldn't", "shouldn’t", "mustn't", "mustn’t"}
)
# modals that are also nouns ("his will", "a can"), which GRA018 leaves alone before -ing
_NOUN_MODALS = frozenset(["will", "can", "must"])
_INDEFINITES = frozenset(
    {"anyone", "anybody", "someone", "somebody", "everyone", "everybody", "nobody", "no-one"}
)
# words after which a subject pronoun takes a plain verb: an inversion, a causative or a
# subjunctive ("does he go", "let him go", "that he go", "lest he forget")
_TAKES_BARE = _MODALS | frozenset(
    {"do", "does", "did", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t", "let"}
    | {"make", "made", "makes", "help", "helps", "helped", "see", "saw", "watch", "watched"}
    | {"hear", "heard", "that", "lest", "if", "whether", "unless", "though", "nor", "not"}
    | {"won't", "won’t", "can't", "can’t", "cannot", "wouldn't", "wouldn’t", "and", "or", "as"}
    | {"than", "have", "has", "had", "having", "why", "how", "where", "when", "what", "who"}
)
# words before a subject pronoun that make it something else: "a he", "than she"
_NOT_SUBJECT = frozenset(["a", "an", "the", "than", "as", "and", "or", "nor", "of", "like"])
# adverbs of place or degree after a verb, where a noun predicate cannot stand: "works here"
_AFTER_VERB = frozenset(
    {"here", "there", "hard", "well", "too", "again", "now", "today", "every", "outside"}
    | {"inside", "together", "alone", "late", "early", "abroad", "overseas", "daily"}
)
_PARTICLES = frozenset(["out", "up", "down", "off", "away", "home", "back", "over"])
_PLACE_PREPOSITIONS = frozenset(
    ["in", "at", "on", "for", "with", "from", "into", "about", "by", "to", "near", "around"]
)
_JOINERS = frozenset(["-", "'", "’", "/", "&", "+"])
_WH = frozenset(["why", "where", "when", "how", "what", "who", "which"])
_QUESTION_SUBJECTS = frozenset(["i", "you", "we", "they"])
# clause openers after which a plain verb may be a subjunctive: "if it need be"
_SUBJUNCTIVE_OPENERS = frozenset(["if", "whether", "unless", "though", "lest", "that"])


# every word any rule of this kind starts from, in this process: the rules share one walk
# over a story's tokens for all of them and each keeps its own
_TRIGGERS: set[str] = set()
_UNION: list[frozenset[str]] = [frozenset()]


def _register(words: Iterable[str]) -> None:
    _TRIGGERS.update(words)
    _UNION[0] = frozenset(_TRIGGERS)


@lru_cache(maxsize=2)
def _candidates(text: str, union: frozenset[str]) -> list[tuple[int, str]]:
    """The places and words of ``text``'s tokens that some rule of this kind starts from."""
    return [(i, w) for i, w in enumerate(_tokens(text)[2]) if w in union]


def _noun_stem(word: str, lex: Lexicon) -> bool:
    """Whether an -s form may be the plural of a noun the lexicon knows: "logs" (log),
    "wants" (want), "copies" (copy); the lexicon's plurals cover only the commonest nouns."""
    stems = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word.endswith("ies"):
        stems.append(word[:-3] + "y")
    return any(stem in lex["singular"] for stem in stems)


def _ing_of(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is the -ing form of a verb the lexicon knows: "going", "making"."""
    if len(word) < 5 or not word.endswith("ing"):
        return False
    stem = word[:-3]
    base = lex["base"]
    return stem in base or stem + "e" in base or (stem[-1:] == stem[-2:-1] and stem[:-1] in base)


def _verb_at(tokens: Spans, words: list[str], j: int, why: str) -> Match:
    """A finding on the verb at ``j``."""
    return Match(tokens[j][1], tokens[j][2], {"match": words[j], "verb": words[j], "why": why})


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        checks = frozenset(option(rule, "checks"))
        self.after_to = "after_to" in checks
        self.gerund_to = "gerund_to" in checks
        self.progressive = "progressive" in checks
        self.pronoun_verb = "pronoun_verb" in checks
        self.question = "question" in checks
        self.modal_ing = "modal_ing" in checks
        self.be_vbz = "be_vbz" in checks
        self.perfect = "perfect" in checks
        self.bare_nouns = frozenset(w.lower() for w in option(rule, "bare_nouns"))
        self.object_subject = "object_subject" in checks
        self.heads = frozenset(w.lower() for w in option(rule, "infinitive_heads"))
        self.preposition_heads = frozenset(w.lower() for w in option(rule, "preposition_heads"))
        self.gerund_verbs = frozenset(w.lower() for w in option(rule, "gerund_verbs"))
        self.noun_taking = frozenset(w.lower() for w in option(rule, "noun_taking"))
        self.nouns_after_to = frozenset(w.lower() for w in option(rule, "nouns_after_to"))
        self.to_phrases = [tuple(p.lower().split()) for p in option(rule, "to_phrases")]
        # the word before "to" in each phrase, so most "to"s are passed over at one lookup
        self.phrase_ends = frozenset(p[-2] for p in self.to_phrases if len(p) > 1)
        self.adverbs = frozenset(w.lower() for w in option(rule, "adverbs"))
        self.openers = frozenset(w.lower() for w in option(rule, "clause_openers"))
        self.subjunctive = frozenset(w.lower() for w in option(rule, "subjunctive_verbs"))
        self.not_verbs = frozenset(w.lower() for w in option(rule, "not_verbs"))
        triggers: set[str] = set()
        if self.after_to or self.gerund_to:
            triggers.add("to")
        if self.progressive:
            triggers |= _FINITE_BE
        if self.pronoun_verb:
            triggers |= {"it", "this", "you", "we", "do"}
        if self.question:
            triggers |= _ASKING_AUXILIARIES
        if self.modal_ing:
            triggers |= _NOUN_MODALS
        if self.be_vbz:
            triggers |= _BE_FORMS
        if self.object_subject:
            triggers |= {"him", "them", "me", "us", "her"}
        if self.perfect:
            triggers |= _HAVE_FORMS
        self.triggers = frozenset(triggers)
        _register(self.triggers)

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        tokens, words, lower = _tokens(text)
        lex: Lexicon | None = None
        for i, w in _candidates(text, _UNION[0]):
            if w not in self.triggers:
                continue
            if lex is None:
                lex = lexicon()
            found: list[Iterator[Match]] = []
            if w == "to":
                if self.after_to:
                    found.append(self._after_to(i, words, lower, tokens, lex))
                if self.gerund_to:
                    found.append(self._gerund_to(i, words, lower, tokens, lex))
            elif w in _BE_FORMS and (self.progressive or self.be_vbz):
                if self.progressive and w in _FINITE_BE:
                    found.append(self._progressive(i, words, lower, tokens, lex))
                if self.be_vbz:
                    found.append(self._be_vbz(i, words, lower, tokens, lex))
            elif w in _HAVE_FORMS:
                found.append(self._perfect(i, words, lower, tokens, lex))
            elif w in ("him", "them", "me", "us", "her") and self.object_subject:
                found.append(self._object_subject(i, words, lower, tokens, lex))
            elif w in _ASKING_AUXILIARIES and (self.question or self.modal_ing):
                if self.question:
                    found.append(self._question(i, words, lower, tokens, lex))
                if self.modal_ing and w in _NOUN_MODALS:
                    found.append(self._modal_ing(i, words, lower, tokens, lex))
            elif w == "do":
                found.append(self._do_question(i, words, lower, tokens, lex))
            elif w in ("you", "we"):
                found.append(self._plural_subject(i, words, lower, tokens, lex))
            else:
                found.append(self._third_person(i, words, lower, tokens, lex))
            for matches in found:
                for match in matches:
                    first = min(i, _first_token(match, tokens, i))
                    last = _last_token(match, tokens, i)
                    if not _kept_apart(doc.source, tokens, first, last):
                        yield match

    # -- helpers -----------------------------------------------------------------------

    def _skip_adverbs(self, j: int, lower: list[str]) -> int:
        while j < len(lower) and lower[j] in self.adverbs:
            j += 1
        return j

    def _starts_clause(self, i: int, words: list[str], lower: list[str]) -> bool:
        return (
            i == 0
            or words[i - 1] in _ENDS
            or (lower[i - 1] in self.openers and lower[i - 1] not in _SUBJUNCTIVE_OPENERS)
        )

    def _plain_verb(self, word: str, lex: Lexicon) -> bool:
        """A verb's plain form that is no adjective, adverb, past or -s form, though it may
        be a noun too ("need", "face", "work")."""
        return (
            lex.only(word, "base", "adj", "adv", "past", "vbn", "vbz")
            and word not in _MODALS
            and word not in self.not_verbs
        )

    @staticmethod
    def _verb_only(word: str, lex: Lexicon) -> bool:
        """A plain verb the lexicon knows as nothing else: "explain", "seem"."""
        return lex.only(word, "base", "adj", "adv", "past", "vbn", "vbz", "singular", "plural")

    @staticmethod
    def _not_a_verb(k: int, words: list[str], lower: list[str], lex: Lexicon) -> bool:
        """Whether the word at ``k`` shows that the word before it ended its verb phrase as a
        verb would: an object, an adverb of place or degree, a preposition or the clause's
        end ("you works here", "he need the money")."""
        if k >= len(words):
            return True
        w = lower[k]
        if words[k] in _ENDS or w in _OBJECT_STARTS or w in _AFTER_VERB or w == "it":
            return True
        return w.endswith("ly") and w in lex["adv"] and w not in lex["adj"]

    # -- after "to" ----------------------------------------------------------------------

    def _after_to(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'wanted to went', 'hopes to goes', 'decided to going': after the infinitive marker
        the verb takes its plain form. The word before "to" must make it the marker: a verb or
        adjective that takes an infinitive ("want", "able", "going"); a "to" that ends a
        relative clause ("the one I spoke to went") follows a verb that takes no infinitive."""
        n = len(words)
        if i == 0 or i + 1 >= n or words[i] != "to":
            return
        j = i + 1
        if j + 1 < n and words[j + 1] in _JOINERS:
            return
        v = words[j]
        if not v.isalpha() or not v.islower():
            return
        head = lower[i - 1]
        marker = head in self.heads or (
            # "asked him to went": an object between the verb and its infinitive
            i >= 2 and head in _OBJECT_PRONOUNS and lower[i - 2] in self.heads
        )
        if v.endswith("ing") and v not in lex["vbz"]:
            # only after a verb that takes the infinitive: "object to going", "key to
            # winning" take the -ing form
            if not marker or head == "used" or not _ing_of(v, lex):
                return  # "used to going" is "accustomed to going"
            why = f"after '{words[i - 1]} to' the verb takes its plain form, not '{v}'"
        elif v in lex["vbz"] and v not in lex["base"] and v not in lex["adj"]:
            if not marker or (
                v in lex["plural"]
                and (head in self.preposition_heads or self._noun_head(i, lower, lex))
            ):
                return  # "going to parties", "used to crowds", "an early start to talks"
            why = f"after 'to' the verb takes its plain form, not the -s form '{v}'"
        elif v in lex["base"] or v in lex["singular"] or v in lex["plural"] or v in lex["adj"]:
            return
        elif v in lex["past"]:
            if v in lex["vbn"] and not (marker and j + 1 < n and lower[j + 1] in _OBJECT_STARTS):
                return  # a participle may be an adjective: "to used cars", "to wounded men"
            if not marker and not self._leads_infinitive(i, words, lower, lex):
                return
            why = f"after 'to' the verb takes its plain form, not the past '{v}'"
        else:
            return
        yield Match(
            tokens[i][1],
            tokens[j][2],
            {"match": f"{words[i]} {v}", "verb": v, "why": why},
        )

    @staticmethod
    def _noun_head(i: int, lower: list[str], lex: Lexicon) -> bool:
        """Whether the word before the "to" at ``i`` is a noun after a determiner or an
        adjective ("an early start to", "the offer to"), whose "to" may be a preposition."""
        head = lower[i - 1]
        if i < 2 or (head not in lex["singular"] and head not in lex["plural"]):
            return False
        before = lower[i - 2]
        return before in _NOUN_MAKERS or before in lex["adj"]

    @staticmethod
    def _leads_infinitive(i: int, words: list[str], lower: list[str], lex: Lexicon) -> bool:
        """Whether a "to" not after a listed head still opens an infinitive: after a noun that
        "there is" or "have" introduces ("there was no chance to went", "had a chance to knew").
        A "to" after any other noun or adjective may end a relative clause ("the firm he gave
        the contract to went", "the friend she was closest to knew")."""
        if i < 3 or not words[i - 1].isalpha() or not words[i - 1].islower():
            return False
        return (
            lower[i - 1] in lex["singular"]
            and lower[i - 2] in ("a", "an", "no", "the", "every", "any")
            and lower[i - 3] in _EXISTENTIAL
        )

    # -- an -ing verb or a prepositional "to" followed by an infinitive -------------------

    def _gerund_to(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'avoid to pay', 'risk to lose', 'look forward to meet you': a verb that takes the
        -ing form, or a phrase whose "to" is a preposition, followed by a plain verb. The verb
        after "to" must be one the lexicon knows only as a verb, one that is also a noun with an
        object after it ("look forward to meet you"), or after a listed verb a plain verb that no
        bare noun after "to" reads as ("avoid to pay", not "finished to acclaim"); after a
        phrase a noun of any kind may follow ("in addition to cash", "look forward to spring")."""
        n = len(words)
        if i == 0 or i + 1 >= n or words[i] != "to":
            return
        if lower[i - 1] not in self.gerund_verbs and lower[i - 1] not in self.phrase_ends:
            return
        j = i + 1
        v = lower[j]
        if not words[j].isalpha() or not words[j].islower() or v in _MODALS:
            return
        if j + 1 < n and words[j + 1] in _JOINERS:
            return
        start, phrase = self._gerund_head(i, words, lower, lex)
        if start < 0:
            return
        head = lower[i - 1]
        if v == "be" and head.startswith("consider"):
            return  # "what I consider to be the best"
        after = words[j + 1] if j + 1 < n else "."
        objected = (
            after.lower() in _OBJECT_STARTS
            or after == "it"
            or (phrase and after[:1].isupper() and after[1:].islower())
        )
        # after "to" a plain form that is also a past ("come", "run", "read") is a plain form;
        # after a listed verb a word the lexicon does not know at all is most likely a verb
        # ("enjoy to ski"), since its nouns and adjectives are the commonest ones
        unknown = (
            not phrase
            and head not in self.noun_taking
            and len(v) > 2
            and v not in _FUNCTION_WORDS
            and not v.endswith(("self", "selves"))
            and not any(v in lex[c] for c in _CLASSES)
        )
        if unknown or v in ("be", "have"):
            pass
        elif v not in lex["base"] or v in lex["adj"] or v in lex["adv"] or v in self.not_verbs:
            return
        elif not (v in lex["singular"] or v in lex["plural"]):
            pass
        elif not objected and (phrase or head in self.noun_taking or v in self.nouns_after_to):
            return  # "look forward to work", "kept to schedule", "finished to acclaim"
        yield Match(
            tokens[start][1],
            tokens[j][2],
            {
                "match": " ".join(words[start : j + 1]),
                "verb": words[j],
                "why": f"'{' '.join(words[start:i])}' takes an -ing form, not 'to {words[j]}'",
            },
        )

    def _gerund_head(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon
    ) -> tuple[int, bool]:
        """Where the verb or phrase before the "to" at ``i`` starts, when it takes the -ing
        form, or -1; and whether it is a phrase ("look forward to")."""
        head = lower[i - 1]
        if head in self.phrase_ends:
            for phrase in self.to_phrases:
                size = len(phrase)
                if size and i - size + 1 >= 0 and tuple(lower[i - size + 1 : i + 1]) == phrase:
                    return i - size + 1, True
        if head not in self.gerund_verbs or not words[i - 1].islower():
            return -1, False
        before = lower[i - 2] if i >= 2 else "."
        # also a noun ("a risk to life", "the finish to the race"): only after a subject, an
        # auxiliary or "to"
        if (head in lex["singular"] or head in lex["plural"]) and not (
            before in _SUBJECT_PRONOUNS or before in _MODALS or before in ("to", "not")
        ):
            return -1, False
        # "was considered to be", "a move considered to help": a passive or a reduced
        # relative; only after a subject pronoun or "have"
        if (
            head in lex["vbn"]
            and head not in lex["base"]
            and before not in _SUBJECT_PRONOUNS
            and before not in ("have", "has", "had")
        ):
            return -1, False
        return i - 1, False

    # -- a plain verb where the progressive wants the -ing form -------------------------

    def _progressive(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'he is work the night shift', 'they were play the game': a subject pronoun, a form
        of "be" and a plain verb with an object. A plain verb that is also a noun is left
        alone unless an object follows ("she is head of", "it is time the"), and GRA013 reads
        the plain verbs that are nothing else."""
        n = len(words)
        if i == 0 or i + 2 >= n or not words[i].islower():
            return
        subject = lower[i - 1]
        if subject not in _SUBJECT_PRONOUNS or (subject == "i" and words[i - 1] != "I"):
            return
        if i > 1 and lower[i - 2] in _NOT_SUBJECT | _WH | {"all", "what", "do", "did"}:
            return  # "all he is", "what they are"
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if not self._plain_verb(v, lex) or self._verb_only(v, lex):
            return  # GRA013 reads a plain verb that is nothing else: "was introduce"
        after = lower[j + 1]
        if after not in _OBJECT_STARTS or (
            after in ("a", "an") and lower[j + 2 : j + 3] and lower[j + 2] in _ADVERBIAL_A
        ):
            return  # "he is home a lot": a predicate noun may be followed by "a lot"
        yield _verb_at(
            tokens, words, j, f"after '{words[i - 1]} {words[i]}' the verb takes its -ing form"
        )

    def _be_vbz(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'The plan is involves risk', 'She was wants more', 'It will be goes': a form of
        "be" before an -s form, which is no participle. An -s form that is also a plural noun
        or an adjective is left alone ("is works of art"), and so is a pseudo-cleft, whose
        "is" ends its subject ("What the job is involves travel")."""
        n = len(words)
        if i + 2 >= n or not words[i].islower():
            return
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if (
            v[-1] != "s"
            or v not in lex["vbz"]
            or any(v in lex[c] for c in ("plural", "singular", "adj", "base", "adv"))
            or _noun_stem(v, lex)
            or words[j + 1] in _JOINERS
        ):
            return  # "is works of art": a plural noun
        after = lower[j + 1]
        if not (
            after in _OBJECT_STARTS
            or after in ("it", "some", "any", "no", "more", "much", "many")
            or (
                (after in lex["singular"] or after in lex["plural"])
                and after not in _PLACE_PREPOSITIONS
                and after not in ("that", "which", "who", "of", "and", "or")
            )
        ):
            return  # "events are logs that matter": a plural noun the lexicon does not list
        k = i - 1
        while k >= 0 and i - k <= 12 and words[k] not in _ENDS:
            if lower[k] in _CLEFT_OPENERS:
                return
            k -= 1
        yield _verb_at(
            tokens, words, j, f"after '{words[i]}' a participle or an -ing form, not the -s form"
        )

    def _perfect(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'She has finish the report', 'They have change the rules': "have" before a plain
        verb with an object, where the participle is wanted. GRA013 reads the plain verbs that
        are nothing else ("have write"); a verb that is also a noun counts only before an
        object, since a noun after "have" would want an article, and not when it names an
        activity or a meal that stands without one ("have lunch the next day"), nor before a
        time phrase."""
        n = len(words)
        if i == 0 or i + 3 >= n or not words[i].islower():
            return
        before = lower[i - 1]
        if not (
            before in _SUBJECT_PRONOUNS or before in lex["singular"] or before in lex["plural"]
        ):
            return  # "to have", "I'd have", "what we have": only after a subject
        j = self._skip_adverbs(i + 1, lower)
        if j + 2 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if (
            not self._plain_verb(v, lex)
            or self._verb_only(v, lex)
            or v in self.bare_nouns
            or v in lex["plural"]
        ):
            return
        after, then = lower[j + 1], lower[j + 2]
        if after not in _DETERMINERS - {"a", "an"} or then in _TIME_AFTER_THE:
            return
        yield _verb_at(tokens, words, j, f"after '{words[i]}' the verb takes its past participle")

    def _object_subject(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'Her has many animals', 'Him is my friend', 'Them are late': an object pronoun
        opening a sentence before a finite verb, where the subject form is needed. "Her" is also
        a determiner, so it counts only before a verb that is no noun ("Her will was read")."""
        n = len(words)
        if i + 2 >= n or not (i == 0 or words[i - 1] in _ENDS) or not words[i].istitle():
            return
        j = i + 1
        v = lower[j]
        if not words[j].isalpha() or not words[j].islower():
            return
        if lower[i] == "her":
            if v not in _FINITE_AFTER_HER:
                return
        elif not (
            v in _FINITE_AFTER_HER
            or v in _MODALS
            or (v in lex["vbz"] and v not in lex["plural"] and v not in lex["adj"])
            or (lex.only(v, "past", "vbn", "base", "singular", "plural", "adj"))
        ):
            return
        subject = {"him": "he", "her": "she", "them": "they", "me": "I", "us": "we"}[lower[i]]
        yield Match(
            tokens[i][1],
            tokens[j][2],
            {
                "match": f"{words[i]} {words[j]}",
                "verb": words[j],
                "why": f"the subject form '{subject.capitalize()}' is needed before a verb",
            },
        )

    # -- subject pronouns and verbs that are also nouns ---------------------------------

    def _subject_here(self, i: int, words: list[str], lower: list[str]) -> bool:
        """Whether the pronoun at ``i`` is a subject that takes an indicative verb."""
        if i == 0:
            return True
        before = lower[i - 1]
        if before in _TAKES_BARE or before in _NOT_SUBJECT or before in self.subjunctive:
            return False
        return words[i - 1] not in _JOINERS

    def _third_person(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'It seem fine', 'It work well', 'This mean trouble': "it" or "this" opening a clause
        with a plain verb. GRA013 reads "he" and "she"; "it" and "this" count only at a clause's
        start, since elsewhere they may be objects ("made it happen"). "It" is judged with a
        verb that is nothing else, or one that is also a noun before an object, an adverb or the
        clause's end ("It work well"); "this" only with a verb that is nothing else ("this
        change" is a noun phrase)."""
        n = len(words)
        if not self._starts_clause(i, words, lower):
            return
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if not self._plain_verb(v, lex) or v in ("need", "dare") or v in _GRA013_FORMS:
            return  # "it need not": a modal; "it have" is GRA013's
        after = lower[j + 1]
        if after in ("and", "or", ",") or words[j + 1] in _JOINERS:
            return
        if not self._verb_only(v, lex) and (
            lower[i] == "this" or not self._not_a_verb(j + 1, words, lower, lex)
        ):
            return
        yield _verb_at(tokens, words, j, f"'{words[i]}' takes the -s form")

    def _plural_subject(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'You works here', 'we needs the money': "you" and "we" never take an -s form. An -s
        form that is also a plural noun may be an apposition ("we journalists", "you guys"),
        so it counts only when what follows ends a verb phrase, not a noun phrase."""
        n = len(words)
        if lower[i] == "you" and not self._starts_clause(i, words, lower):
            return
        if not self._subject_here(i, words, lower):
            return
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if v not in lex["vbz"] or v not in lex["plural"] or v in lex["adj"]:
            return  # GRA013 reads an -s form that is no noun: "they works"
        if j == i + 1 and not self._not_a_verb(j + 1, words, lower, lex):
            return
        if lower[j + 1] in _PLACE_PREPOSITIONS and j == i + 1:
            return
        yield _verb_at(tokens, words, j, f"'{words[i]}' takes the plain form")

    def _question(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'Does the teacher knows?', 'Did your brother went home?', 'Can the children goes
        out?': after an auxiliary that opens a question or a conditional inversion ("Should the
        council decides") and its subject, the verb takes its plain form. GRA013 reads pronoun
        subjects. A simple past that is a participle too ("Will the children played with ...")
        may open a reduced relative clause and is left alone, and an -s form that is also a
        plural noun counts only before an object ("Do the dog walks continue?")."""
        n = len(words)
        opens = i == 0 or words[i - 1] in _ENDS
        asked = i >= 1 and lower[i - 1] in _WH and (i == 1 or words[i - 2] in _ENDS)
        if not opens and not asked:
            return
        if lower[i] == "may" and words[i] == "May":
            return  # the month, or a wish: "May the best team win"
        end = _question_subject(i + 1, words, lower, lex)
        if end < 0 or end + 1 >= n:
            return
        j = self._skip_adverbs(end, lower)
        if j + 1 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if v in lex["base"] or v in lex["adj"] or words[j + 1] in _JOINERS:
            return
        if v in lex["vbz"]:
            after = lower[j + 1]
            if (v in lex["plural"] or _noun_stem(v, lex)) and (
                after not in _PARTICLES
                and after != "to"
                and not self._not_a_verb(j + 1, words, lower, lex)
            ):
                return
            if any(after in lex[c] for c in ("base", "vbz", "past")) and after not in _PARTICLES:
                return  # "Do the server logs show errors?": a compound before the verb
            form = "-s form"
        elif v in lex["past"] and v not in lex["vbn"] and v not in lex["singular"]:
            form = "past"
        else:
            return
        yield _verb_at(
            tokens, words, j, f"after '{words[i]}' and its subject the plain form, not the {form}"
        )

    def _modal_ing(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'The team will going ahead', 'The council can making changes': an -ing form after
        "will", "can" or "must" that follows a noun subject, where the modal can be no noun.
        An -ing word that is also a noun or an adjective and is followed by a noun or a verb
        may open a compound ("the tin can opening mechanism") and is left alone."""
        n = len(words)
        if i < 2 or i + 2 >= n or not words[i].islower():
            return
        k = i - 1
        noun = lower[k]
        if not words[k].islower() or (noun not in lex["singular"] and noun not in lex["plural"]):
            return
        k -= 1
        if lower[k] in lex["adj"] and lower[k] not in _DETERMINERS and k > 0:
            k -= 1
        if lower[k] not in _DETERMINERS or not self._starts_clause(k, words, lower):
            return
        j = self._skip_adverbs(i + 1, lower)
        if j + 1 >= n or not words[j].islower() or not _ing_of(lower[j], lex):
            return
        v, after = lower[j], lower[j + 1]
        if (v in lex["singular"] or v in lex["adj"]) and any(
            after in lex[c] for c in ("singular", "plural", "base", "vbz", "past")
        ):
            return
        yield _verb_at(tokens, words, j, f"after '{words[i]}' its plain form")

    def _do_question(
        self, i: int, words: list[str], lower: list[str], tokens: Spans, lex: Lexicon
    ) -> Iterator[Match]:
        """'Do they knows?', 'Why do you needs it?': after "do" and its subject the verb takes
        its plain form."""
        n = len(words)
        if not (i == 0 or words[i - 1] in _ENDS or (lower[i - 1] in _WH and words[i - 1] != ",")):
            return
        k = i + 1
        if (
            k + 2 >= n
            or lower[k] not in _QUESTION_SUBJECTS
            or (lower[k] == "i" and words[k] != "I")
        ):
            return
        j = self._skip_adverbs(k + 1, lower)
        if j + 1 >= n or not words[j].isalpha() or not words[j].islower():
            return
        v = lower[j]
        if v not in lex["vbz"] or v in lex["adj"] or v in lex["base"]:
            return
        if (
            v in lex["plural"]
            and lower[k] in ("you", "we")
            and not self._not_a_verb(j + 1, words, lower, lex)
        ):
            return  # "Do you guys know?"
        yield _verb_at(
            tokens, words, j, f"after '{words[i]} {words[k]}' the verb takes its plain form"
        )


def _question_subject(k: int, words: list[str], lower: list[str], lex: Lexicon) -> int:
    """The index just past a noun-phrase subject starting at ``k``: a determiner, an optional
    adjective and a noun ("the new teacher"), a name ("John") or "anyone"; or -1."""
    n = len(words)
    if k >= n:
        return -1
    w = lower[k]
    if w in _INDEFINITES:
        return k + 1
    if w in _DETERMINERS or w in ("every", "each", "no", "any", "some", "that"):
        k += 1
        if (
            k + 1 < n
            and lower[k] in lex["adj"]
            and (lower[k + 1] in lex["singular"] or lower[k + 1] in lex["plural"])
        ):
            k += 1
        if (
            k < n
            and words[k].islower()
            and (lower[k] in lex["singular"] or lower[k] in lex["plural"])
        ):
            return k + 1
        return -1
    word = words[k]
    if len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha():
        if k + 1 < n and words[k + 1][:1].isupper():
            return -1  # a longer name or a title: "Does Microsoft Teams"
        return k + 1
    return -1


def _first_token(match: Match, tokens: Spans, i: int) -> int:
    """The index of the first token a match covers, counted back from the trigger at ``i``."""
    k = i
    while k > 0 and tokens[k][1] > match.start:
        k -= 1
    return k


def _last_token(match: Match, tokens: Spans, i: int) -> int:
    """The index of the last token a match covers, counted from the trigger at ``i``."""
    k = i
    while tokens[k][2] < match.end:
        k += 1
    return k
