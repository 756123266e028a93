"""Agreement and verb-form slips found with a small lexicon of word classes.

The classes (plural nouns, verb base forms, -s forms, past forms that are not participles,
adjectives) come from lemminflect's tables, kept in ``data/lexicon.txt`` (built by
``tools/build_lexicon.py``); the lexicon is read on a kind's first use, in a few
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
from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
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
_FOLLOWS_VERB = frozenset({"at", "to", "a", "an", "the", "him", "her", "them", "us", "me", "it"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, frozenset[str]]:
    text = (files("copydesk.kinds") / "data" / "lexicon.txt").read_text(encoding="utf-8")
    classes: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        name, _, words = line.partition("\t")
        classes[name] = frozenset(words.split())
    return classes


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

    def run(self, doc: Document) -> Iterator[Match]:
        lex = lexicon()
        tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(doc.masked)]
        words = [t[0] for t in tokens]
        lower = [w.lower() for w in words]
        n = len(tokens)
        for i in range(n):
            w = lower[i]
            starts = i == 0 or words[i - 1] in _ENDS or lower[i - 1] in self.openers
            if starts:
                yield from self._subject(i, words, lower, tokens, lex)
            if w in _HAVE and i + 1 < n:
                j = self._skip_adverbs(i + 1, lower)
                if j < n and self._bare_verb(words[j], lex, past_too=True):
                    yield self._match(tokens[j], "after 'have' the verb takes its past participle")
            if w in _BE and i + 1 < n:
                j = self._skip_adverbs(i + 1, lower)
                if j < n and words[j].islower():
                    v = words[j]
                    if v in lex["vbd_only"] or (
                        w in ("been", "being") and self._bare_verb(v, lex, past_too=False)
                    ):
                        yield self._match(
                            tokens[j], f"after '{words[i]}' the verb takes its past participle"
                        )

    def _skip_adverbs(self, j: int, lower: list[str]) -> int:
        while j < len(lower) and lower[j] in self.adverbs:
            j += 1
        return j

    def _bare_verb(self, word: str, lex: dict[str, frozenset[str]], past_too: bool) -> bool:
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
        tokens: list[tuple[str, int, int]],
        lex: dict[str, frozenset[str]],
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
                and (verb not in lex["plural"] or after in self.adverbs or after.endswith("ly")
                     or after in _FOLLOWS_VERB)
            ):
                yield self._match(tokens[verb_at], f"'{noun}' is plural")
            return
        if (
            j > i
            and det in self.singular_det
            and noun in lex["singular"]
            and noun not in lex["plural"]
            and noun not in self.collective
            and verb in _PLURAL_VERBS
            and verb_at == k + 1
        ):
            yield self._match(tokens[verb_at], f"'{noun}' is singular")

    @staticmethod
    def _match(token: tuple[str, int, int], why: str) -> Match:
        return Match(token[1], token[2], {"match": token[0], "why": why})
