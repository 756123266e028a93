"""Confused words decided by the word class a slot needs.

A rule lists sets of confusable words with the class of each member ("advice:noun
advise:verb"). The words around a token settle which class its slot takes: a verb base after a
modal, a noun after a determiner, a participle after "have" before an object. When the word
written is of a class the slot cannot take, the lexicon does not know it in that class either,
and exactly one of its siblings is of a class the slot takes, the sibling is offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import compress, count
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import REQUIRED, Context, Match, option
from copydesk.kinds._words import match_case
from copydesk.kinds.agreement import Lexicon, Spans, _tokens, lexicon

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

CLASSES = frozenset(
    [
        "noun",
        "plural",
        "verb",
        "vbz",
        "past",
        "vbn",
        "ing",
        "adj",
        "adv",
        "degree",
        "prep",
        "conj",
        "det",
        "be",
        "pron",
        "imp",
    ]
)
# the lexicon classes that let a word fill a slot of the table's class: a word the lexicon
# knows in the class the slot needs is never flagged, whatever the table says
_LEXICON = {
    "noun": ("singular",),
    "plural": ("plural",),
    "verb": ("base",),
    "vbz": ("vbz",),
    "past": ("past",),
    "vbn": ("vbn",),
    "adj": ("adj",),
    "adv": ("adv",),
}
_JOINERS = frozenset(["-", "'", "’", "/", "&"])
_MARKS = frozenset(".,;:!?)\n")
_SENTENCE_ENDS = frozenset(".!?;:\n")


def _classes(text: str) -> frozenset[str]:
    return frozenset(text.split())


_ANY = CLASSES
# each check: the classes of word it can flag, and the classes its slots can need; a word of
# the table is looked at only by the checks that could flag it and offer one of its siblings,
# so words such as "to" or "from", which are only ever offered, cost nothing
SLOT_CHECKS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "verb_after_modal": (_ANY - {"verb"}, _classes("verb")),
    "verb_after_to": (_classes("noun plural adj past vbn"), _classes("verb")),
    "noun_after_determiner": (
        _classes("adj degree adv verb vbz past vbn conj prep"),
        _classes("noun plural adj vbn"),
    ),
    "plural_after_quantity": (_classes("vbz"), _classes("plural")),
    "verb_after_subject": (_classes("noun conj adj plural det"), _classes("verb past vbz be")),
    "participle_after_have": (_ANY - _classes("noun plural vbn"), _classes("vbn")),
    "adjective_after_degree": (_ANY - _classes("adj adv"), _classes("adj adv")),
    "degree_before_adjective": (_classes("verb adj noun"), _classes("degree adv")),
    "participle_before_to": (_classes("adv degree prep conj"), _classes("vbn adj")),
    "preposition_after_motion": (_classes("past vbn verb"), _classes("prep conj")),
    "conjunction_before_or_not": (_classes("noun verb"), _classes("conj")),
    "subject_before_complement": (_classes("det"), _classes("be")),
    "possessive_before_noun": (_classes("be adv pron"), _classes("det")),
    "progressive_after_be": (_classes("vbn"), _classes("ing")),
    "infinitive_before_verb": (_classes("degree"), _classes("prep")),
    "subject_before_verb": (_classes("past det be"), _classes("pron")),
    "let_in_its_slot": (_classes("imp vbz"), _classes("imp vbz")),
    "determiner_before_noun": (_classes("verb"), _classes("det")),
    "conjunction_after_asking": (_classes("noun"), _classes("conj")),
    "participle_before_by": (_classes("verb past prep noun"), _classes("vbn")),
}
CHECKS = frozenset([*SLOT_CHECKS, "than_after_comparative"])

SCHEMA: dict[str, tuple[str, Any]] = {
    "checks": ("list[str]", REQUIRED),
    # "advice:noun advise:verb": one set of confusables a line, each word with its class
    "sets": ("list[str]", []),
    "modals": ("list[str]", []),
    # modals that are also nouns ("his will", "a must"): a slot only when no determiner precedes
    "noun_modals": ("list[str]", []),
    "determiners": ("list[str]", []),
    # words before a noun modal that make it the noun: "her will", "free will", "a must"
    "modal_noun_markers": ("list[str]", []),
    "skip_adverbs": ("list[str]", []),
    "to_objects": ("list[str]", []),
    # words before "to" that make it a preposition taking a noun ("the key to success")
    "noun_to_heads": ("list[str]", []),
    # adjectives that stand for people ("the young believe"): no noun is needed after them
    "nominal_adjectives": ("list[str]", []),
    "subjects": ("list[str]", []),
    # words after which a plural noun must follow ("many", "of")
    "plural_heads": ("list[str]", []),
    "third_person_subjects": ("list[str]", []),
    "have": ("list[str]", []),
    "be": ("list[str]", []),
    "degree_words": ("list[str]", []),
    "motion_verbs": ("list[str]", []),
    "objects": ("list[str]", []),
    "comparatives": ("list[str]", []),
    "than_followers": ("list[str]", []),
    # comparatives that are also adverbs of time ("two days later then"): never judged
    "not_comparatives": ("list[str]", []),
    "phrase_ends": ("list[str]", []),
    "complement_words": ("list[str]", []),
    # finite verbs that show the word before them ends a subject: "its name is"
    "finite_verbs": ("list[str]", []),
    # words after which "there" is a place, not a possessive: "over there people"
    "place_words": ("list[str]", []),
    # nouns that stand in apposition to a pronoun: "you people", "you lot"
    "apposition_nouns": ("list[str]", []),
    # words after which a noun phrase begins: "of are team" is "of our team"
    "phrase_starts": ("list[str]", []),
    # words that take "to" and a verb: "want to go"
    "infinitive_heads": ("list[str]", []),
    "subject_pronouns": ("list[str]", []),
    # what may follow "I know" and never "I no": "that", "what", "it"
    "after_det_subject": ("list[str]", []),
    # words after which "whether" starts a clause: "ask whether", "unsure whether"
    "asking": ("list[str]", []),
    # words after which a clause starts: "so let's", "and let's"
    "clause_openers": ("list[str]", []),
}


# comparatives of amount, which take a noun before "than": "more money than I do"
_AMOUNT_COMPARATIVES = frozenset(["more", "less", "fewer"])

Slot = Callable[
    [int, list[str], list[str], Lexicon, "Member"], "tuple[tuple[str, ...], str] | None"
]


class Member:
    """One word of a set. (A plain class: ``dataclasses`` would import ``inspect`` and
    ``ast``, which cost a one-file run more than this kind's whole check.)"""

    __slots__ = ("cls", "offered_only", "siblings", "word")

    def __init__(
        self,
        word: str,
        cls: str,
        siblings: tuple[tuple[str, str], ...],  # (word, class) of the others in its set
        # a word with a rare sense of its sibling's class ("a devise" of land in a will) is
        # offered in place of its siblings but never flagged itself
        offered_only: bool = False,
    ) -> None:
        self.word = word
        self.cls = cls
        self.siblings = siblings
        self.offered_only = offered_only


def parse_sets(lines: list[str]) -> dict[str, list[Member]]:
    """Index the table by word; a malformed line is a rule error naming it."""
    index: dict[str, list[Member]] = {}
    for line in lines:
        pairs: list[tuple[str, str]] = []
        offered: set[str] = set()
        for item in line.split():
            word, sep, cls = item.partition(":")
            if word.startswith("~"):
                word = word[1:]
                offered.add(word.lower().replace("’", "'"))
            if not sep or not word or cls not in CLASSES:
                raise ValueError(
                    f"set '{line}': '{item}' is not word:class ({', '.join(sorted(CLASSES))})"
                )
            pairs.append((word.lower().replace("’", "'"), cls))
        if len(pairs) < 2:
            raise ValueError(f"set '{line}' needs at least two words")
        for i, (word, cls) in enumerate(pairs):
            others = tuple(p for j, p in enumerate(pairs) if j != i and p[0] != word)
            index.setdefault(word, []).append(Member(word, cls, others, word in offered))
    return index


def _plan(members: list[Member], checks: tuple[str, ...]) -> list[str]:
    """The checks that could flag a word of the table and offer one of its siblings."""
    plan: list[str] = []
    for check in checks:
        flags, needs = SLOT_CHECKS[check]
        if any(
            not m.offered_only and m.cls in flags and any(c in needs for _, c in m.siblings)
            for m in members
        ):
            plan.append(check)
    return plan


def _prepared(
    lines: list[str], checks: tuple[str, ...]
) -> tuple[dict[str, list[Member]], dict[str, list[str]]]:
    """``parse_sets`` and each word's plan (the names of its checks), which the table and
    the checks alone decide: kept in the pattern cache, since working them out for hundreds
    of words costs a one-file run more than the kind's check."""

    def compute() -> list[Any]:
        index = parse_sets(lines)
        members = {
            w: [(m.word, m.cls, m.siblings, m.offered_only) for m in ms] for w, ms in index.items()
        }
        plans = {w: plan for w, ms in index.items() if (plan := _plan(ms, checks))}
        return [members, plans]

    table = patterncache.joined(lines)
    if table is None:
        members, plans = compute()
    else:
        # the key holds what decides the answer besides the table: the checks' classes
        tests = [(c, sorted(SLOT_CHECKS[c][0]), sorted(SLOT_CHECKS[c][1])) for c in checks]
        key = f"slots-table-1\n{tests!r}\n{sorted(CLASSES)!r}\n{table}"
        members, plans = patterncache.derived(key, compute)
    index = {w: [Member(*m) for m in ms] for w, ms in members.items()}
    return index, plans


def _joined(source: str, tokens: Spans, i: int, count: int) -> bool:
    """Whether token ``i`` and its neighbours stand in one run of prose: no code, markup or
    blank line hidden between them, since the masked text shows only what is left."""
    for k in (i - 1, i, i + 1):
        if k >= 0 and k + 1 < count:
            gap = source[tokens[k][2] : tokens[k + 1][1]]
            if gap and (not gap.isspace() or gap.count("\n") > 1):
                return False
    return True


def _words(rule: RuleSpec, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in option(rule, key))


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        checks = list(option(rule, "checks"))
        unknown = [c for c in checks if c not in CHECKS]
        if unknown:
            raise ValueError(f"unknown check '{unknown[0]}' (known: {', '.join(sorted(CHECKS))})")
        self.checks = frozenset(checks)
        self.slot_checks = tuple(c for c in checks if c != "than_after_comparative")
        self.index, plans = _prepared(option(rule, "sets"), self.slot_checks)
        self.modals = _words(rule, "modals")
        self.noun_modals = _words(rule, "noun_modals")
        self.determiners = _words(rule, "determiners")
        self.modal_noun_markers = self.determiners | _words(rule, "modal_noun_markers")
        self.skip = _words(rule, "skip_adverbs")
        self.to_objects = _words(rule, "to_objects")
        self.noun_to_heads = _words(rule, "noun_to_heads")
        self.nominal = _words(rule, "nominal_adjectives")
        self.subjects = _words(rule, "subjects")
        self.plural_heads = _words(rule, "plural_heads")
        self.third = _words(rule, "third_person_subjects")
        self.have = _words(rule, "have")
        self.be = _words(rule, "be")
        self.degree = _words(rule, "degree_words")
        self.motion = _words(rule, "motion_verbs")
        self.objects = _words(rule, "objects")
        self.comparatives = _words(rule, "comparatives")
        self.than_followers = _words(rule, "than_followers")
        self.not_comparatives = _words(rule, "not_comparatives")
        self.phrase_ends = _words(rule, "phrase_ends")
        self.complement_words = _words(rule, "complement_words")
        self.finite_verbs = _words(rule, "finite_verbs")
        self.place_words = _words(rule, "place_words")
        self.apposition = _words(rule, "apposition_nouns")
        self.phrase_starts = _words(rule, "phrase_starts")
        self.infinitive_heads = _words(rule, "infinitive_heads")
        self.subject_pronouns = _words(rule, "subject_pronouns")
        self.after_det_subject = _words(rule, "after_det_subject")
        self.asking = _words(rule, "asking")
        self.clause_openers = _words(rule, "clause_openers")
        # a cheap test per token: only words of the table, and "then", start any check
        self.written = {word: frozenset(m.cls for m in ms) for word, ms in self.index.items()}
        self.plans = {
            word: tuple(getattr(self, "_" + check) for check in names)
            for word, names in plans.items()
        }
        self.triggers = frozenset(self.plans) | (
            {"then", "that"} if "than_after_comparative" in self.checks else set()
        )
        self.lookups = self.triggers | {w.replace("'", "’") for w in self.triggers}

    def run(self, doc: Document) -> Iterator[Match]:
        tokens, words, lower = _tokens(doc.masked)
        # the words of the table are found at C speed; most tokens are none of them
        found = list(compress(count(), map(self.lookups.__contains__, lower)))
        if not found:
            return
        lex = lexicon()
        for i in found:
            word = lower[i].replace("’", "'")  # "it’s" is "it's" to the table
            if word in ("then", "that") and "than_after_comparative" in self.checks:
                why = self._than(i, lower, lex)
                if why and _joined(doc.source, tokens, i, len(lower)):
                    yield self._match(tokens[i], "than", why)
                continue
            if (i + 1 < len(lower) and lower[i + 1] in _JOINERS) or (
                i and lower[i - 1] in _JOINERS
            ):
                continue  # part of a compound: "could half-finish", "the would-be"
            hit = self._judge(self.index[word], self.plans[word], i, words, lower, lex)
            if hit is not None and _joined(doc.source, tokens, i, len(lower)):
                yield self._match(tokens[i], hit[0], hit[1])

    # ---- the slots ---------------------------------------------------------------------

    def _judge(
        self,
        members: list[Member],
        plan: tuple[Slot, ...],
        i: int,
        words: list[str],
        lower: list[str],
        lex: Lexicon,
    ) -> tuple[str, str] | None:
        """The sibling to offer and why, when some check's slot rules the written word out:
        every set the word is in must agree on the one word to offer."""
        written = self.written[members[0].word]
        for check in plan:
            fits: set[str] = set()
            why = ""
            for member in members:
                if member.offered_only:
                    continue
                slot = check(i, words, lower, lex, member)
                if slot is None:
                    continue
                need, why = slot
                if written & set(need) or self._lexicon_allows(member, need, lex):
                    fits.clear()
                    break
                fits.update(w for cls in need for w, c in member.siblings if c == cls)
            if len(fits) == 1:
                return fits.pop(), why
        return None

    @staticmethod
    def _lexicon_allows(member: Member, need: tuple[str, ...], lex: Lexicon) -> bool:
        # an adverb of degree ("quite") is an adverb to the lexicon, but not one that can
        # follow "very" or stand before a noun
        classes = [c for cls in need for c in _LEXICON.get(cls, ())]
        if member.cls == "degree":
            classes = [c for c in classes if c != "adv"]
        return any(member.word in lex[c] for c in classes)

    def _before(self, i: int, lower: list[str]) -> int:
        """The index of the word before ``i``, skipping adverbs such as "not" or "never"."""
        j = i - 1
        while j >= 0 and lower[j] in self.skip:
            j -= 1
        return j

    def _verb_after_modal(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        j = self._before(i, lower)
        if j < 0 or lower[j] not in self.modals:
            return None
        if lower[j] in self.noun_modals and (
            j == 0 or lower[j - 1] in self.modal_noun_markers or words[j][0].isupper()
        ):
            return None
        if m.cls not in ("noun", "plural", "past", "vbn", "vbz") and (
            i + 1 >= len(lower) or lower[i + 1] not in self.objects
        ):
            return None  # "could very well", "will here find": only an object settles a verb
        return ("verb",), f"after '{words[j]}' the slot needs a verb"

    def _verb_after_to(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "to" takes a noun as often as a verb ("the key to success"): only an object after
        # the word settles that it is the verb of an infinitive
        if i < 1 or lower[i - 1] != "to" or i + 1 >= len(lower):
            return None
        if lower[i + 1] not in self.to_objects:
            return None
        if i >= 2 and lower[i - 2] in self.noun_to_heads:
            return None
        if m.cls not in ("noun", "plural", "adj", "past", "vbn"):
            return None  # "agreed to by the", "refers to where the": "to" as a preposition
        return ("verb",), "'to' with an object after it needs a verb"

    def _noun_after_determiner(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        j = i - 1
        if j < 0:
            return None
        det = lower[j]
        between = ""
        if det not in self.determiners:
            # one adjective between: "the legal advise", "the best advise"
            between = det
            if j < 1 or lower[j - 1] not in self.determiners or between in self.index:
                return None
            if not (
                between in lex["superlative"]
                or between in lex["comparative"]
                or lex.only(between, "adj", "singular", "plural", "base", "vbz", "past", "vbn")
            ):
                return None
            det = lower[j - 1]
        nxt = lower[i + 1] if i + 1 < len(lower) else "\n"
        ends = nxt in _MARKS or nxt in self.phrase_ends
        if m.cls in ("adj", "degree", "adv"):
            # an adjective or adverb after a determiner may modify what follows ("a quite
            # different view"); only at the end of the phrase must it be a noun
            if not ends or det not in ("a", "an"):
                return None  # "the conscious" may stand for people
            return ("noun",), f"after '{words[j]}' the slot needs a noun"
        if m.cls not in ("verb", "vbz", "past", "vbn", "conj", "prep"):
            return None
        if not ends and (nxt in lex["singular"] or nxt in lex["plural"]):
            if m.word in lex["singular"] or m.word in lex["plural"]:
                return None  # a noun may modify the next one ("the shear stress")
            return ("adj", "vbn"), f"before the noun '{words[i + 1]}' the slot needs an adjective"
        if not ends or (between in self.nominal and det == "the"):
            return None  # "the young believe in change": an adjective standing for people
        return ("noun", "plural"), f"after '{words[j]}' the slot needs a noun"

    def _verb_after_subject(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        j = self._before(i, lower)
        if j < 0:
            return None
        subject = lower[j]
        if subject == "i" and (words[j] != "I" or (j > 0 and words[j - 1][:1].isupper())):
            return None  # "World War I", "Part I"
        if j > 0 and lower[j - 1] in ("than", "as", "like"):
            return None
        if subject in self.subjects and m.cls in ("noun", "conj", "adj", "det"):
            nxt = lower[i + 1] if i + 1 < len(lower) else "\n"
            if m.cls == "conj" and self._finite(nxt, lex):
                return None  # "they though had": "though" set off without commas
            if m.cls == "det":
                # "we our going" wants "are", "I no that" wants "know"; "we no longer" is right
                if nxt.endswith("ing") and len(nxt) > 4:
                    return ("be",), f"after the subject '{words[j]}' the slot needs a verb"
                if nxt not in self.after_det_subject:
                    return None
            return ("verb", "past"), f"after the subject '{words[j]}' the slot needs a verb"
        if subject in self.third and m.cls in ("plural", "noun", "conj", "adj"):
            if m.cls == "conj" and i + 1 < len(lower) and self._finite(lower[i + 1], lex):
                return None
            return ("vbz", "past"), f"after the subject '{words[j]}' the slot needs a verb"
        return None

    def _plural_after_quantity(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "a number of complains", "there are complains": an -s verb where a plural noun goes
        if m.cls != "vbz" or i < 1:
            return None
        prev = lower[i - 1]
        there = prev in ("are", "were") and i >= 2 and lower[i - 2] == "there"
        if prev not in self.plural_heads and not there:
            return None
        return ("plural",), f"after '{words[i - 1]}' the slot needs a plural noun"

    def _finite(self, word: str, lex: Lexicon) -> bool:
        return word in self.modals or word in lex["past"] or word in lex["vbz"] or word in self.be

    def _degree_before_adjective(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "is vary important": between "be" and an adjective only an adverb can stand
        j = i - 1
        if j < 0 or lower[j] not in self.be or i + 1 >= len(lower):
            return None
        adj = lower[i + 1]
        if not lex.only(adj, "adj", "singular", "plural", "base", "vbz", "past", "vbn"):
            return None
        if m.cls not in ("verb", "adj", "noun"):
            return None
        return ("degree", "adv"), f"before the adjective '{words[i + 1]}' the slot needs an adverb"

    def _participle_after_have(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        j = self._before(i, lower)
        if j < 0 or lower[j] not in self.have or i + 1 >= len(lower):
            return None
        # any noun can be what one has ("has proof the"), so only other classes are judged
        if m.cls in ("noun", "plural") or lower[i + 1] not in self.objects:
            return None
        return ("vbn",), f"after '{words[j]}' the slot needs a past participle"

    def _adjective_after_degree(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        j = i - 1
        if j < 0 or lower[j] not in self.degree:
            return None
        if j > 0 and lower[j - 1] in self.determiners:
            return None  # "the very advice": "very" as an adjective
        return ("adj", "adv"), f"after '{words[j]}' the slot needs an adjective"

    def _participle_before_to(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        j = self._before(i, lower)
        if j < 0 or lower[j] not in self.be or i + 1 >= len(lower) or lower[i + 1] != "to":
            return None
        if m.cls not in ("adv", "degree", "prep", "conj"):
            return None
        return ("vbn", "adj"), f"between '{words[j]}' and 'to' the slot needs a participle"

    def _preposition_after_motion(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        if i < 1 or lower[i - 1] not in self.motion or i + 1 >= len(lower):
            return None
        if m.cls not in ("past", "vbn", "verb"):
            return None
        if lower[i + 1] in self.subject_pronouns:
            # "they went were he wanted": a clause follows, so a conjunction of place
            return ("conj",), f"after '{words[i - 1]}' the slot needs a conjunction"
        if lower[i + 1] not in self.objects:
            return None
        return ("prep",), f"after '{words[i - 1]}' the slot needs a preposition"

    def _conjunction_before_or_not(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        if lower[i + 1 : i + 3] != ["or", "not"] or m.cls not in ("noun", "verb"):
            return None
        return ("conj",), "before 'or not' the slot needs a conjunction"

    def _subject_before_complement(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "its easy to see", "your welcome.": a possessive cannot stand before an adjective
        # that ends the phrase; a subject and "is" can
        if m.cls != "det" or i + 2 >= len(lower):
            return None
        if not any("'" in w or "’" in w for w, c in m.siblings if c == "be"):
            return None  # only a contraction ("it's") holds the subject and the verb
        adj, after = lower[i + 1], lower[i + 2]
        if not lex.only(adj, "adj", "singular", "plural", "base", "vbz", "past", "superlative"):
            return None
        if adj in self.nominal or not (after in _SENTENCE_ENDS or after in self.complement_words):
            return None
        return ("be",), f"before the adjective '{words[i + 1]}' the slot needs a subject and a verb"

    def _possessive_before_noun(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "it's name is", "there house was", "are team has": a noun and then a finite verb
        # make the word before the noun a possessive
        if m.cls not in ("be", "adv", "pron") or i + 2 >= len(lower):
            return None
        noun, verb = lower[i + 1], lower[i + 2]
        if m.cls in ("pron", "adv") and i and lower[i - 1] in self.place_words:
            return None
        # a bare verb ("are") stands for "our" only where a noun phrase may begin
        bare = m.cls == "be" and not any(c in m.word for c in "'’")
        if bare and i and lower[i - 1] not in _SENTENCE_ENDS | self.phrase_starts:
            return None
        if noun.endswith("ing"):
            return None  # "what you're saying is": a participle, not a noun
        # lemminflect lists most nouns as verbs too ("name", "team"): only a word that may be
        # a past form or an adverb is left out
        singular = lex.only(noun, "singular", "adv", "past", "vbn")
        plural = lex.only(noun, "plural", "adv", "past", "vbn")
        if m.cls == "pron" and noun in lex["base"]:
            return None  # "someone that you think would": a verb after "you"
        if not (singular or (plural and m.cls != "pron")) or noun in self.apposition:
            return None  # "you people are", "you lot were": a noun in apposition to "you"
        if not (
            verb in self.finite_verbs or lex.only(verb, "vbz", "plural") or verb in lex["vbd_only"]
        ):
            return None
        return ("det",), f"before the noun '{words[i + 1]}' the slot needs a possessive"

    def _progressive_after_be(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "they are been taught", "are they been taught": "been" follows "have", never "is"
        if m.cls != "vbn" or i < 1:
            return None
        j = i - 1
        if lower[j] in self.subjects or lower[j] in self.third or lower[j] in ("you", "it"):
            j -= 1
        if j < 0 or lower[j] not in self.be or lower[j] in ("be", "been", "being"):
            return None
        if lower[j].endswith(("'s", "’s")):
            return None  # "it's been": the 's is "has"
        return ("ing",), f"after '{words[j]}' the slot needs an -ing form"

    def _infinitive_before_verb(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "want too go": "too" cannot stand before a bare verb, "to" can
        if m.cls != "degree" or i + 1 >= len(lower):
            return None
        verb = lower[i + 1]
        if not lex.only(verb, "base", "plural", "adj", "adv", "past", "vbn"):
            return None
        if verb in self.finite_verbs or i == 0:
            return None
        prev = lower[i - 1]
        if verb in lex["singular"] and prev not in self.infinitive_heads:
            return None  # "too time consuming": a noun, unless a verb that takes "to" precedes
        if prev in self.subjects or prev in self.third or prev in ("you", "it"):
            return None  # "they too face": "too" meaning "also" after a subject
        if lex.only(prev, "singular", "base", "vbz", "past") or lex.only(prev, "plural", "vbz"):
            return None  # "ministers too have come"
        return ("prep",), f"before the verb '{words[i + 1]}' the slot needs 'to'"

    def _subject_before_verb(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "Were are in the process": two finite verbs in a row at the start of a clause;
        # "the are": a determiner before a verb that only a subject can precede
        if i + 1 >= len(lower):
            return None
        if m.cls == "det":
            if lower[i + 1] in ("are", "were") and words[i + 1].islower():
                return ("pron",), f"before the verb '{words[i + 1]}' the slot needs a subject"
            return None
        if m.cls == "be":
            # "I think is should be": "is" cannot stand before a modal followed by its verb
            # ("the question is would he" asks a question)
            after = words[i + 2] if i + 2 < len(words) else ""
            verb = after in lex["base"] or after in ("be", "have", "not", "never", "also")
            if (
                lower[i + 1] in self.modals
                and words[i + 1].islower()
                and after.islower()
                and verb
                and after not in self.subject_pronouns
            ):
                return ("pron",), f"before '{words[i + 1]}' the slot needs a subject"
            return None
        if m.cls != "past":
            return None
        if i and lower[i - 1] not in _SENTENCE_ENDS and lower[i - 1] not in ',"“(':
            return None
        if lower[i + 1] not in self.finite_verbs:
            return None
        return ("pron",), f"before the verb '{words[i + 1]}' the slot needs a subject"

    def _determiner_before_noun(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "there is know way", "I have know idea": a bare verb between "be" or "have" and a
        # noun stands where a determiner goes
        if m.cls != "verb" or i < 1 or i + 1 >= len(lower):
            return None
        if lower[i - 1] not in self.be and lower[i - 1] not in self.have:
            return None
        noun = lower[i + 1]
        if not (lex.only(noun, "singular", "vbz", "past", "vbn", "adv") or noun in lex["plural"]):
            return None
        return ("det",), f"before the noun '{words[i + 1]}' the slot needs a determiner"

    def _conjunction_after_asking(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "unsure weather it will": after a word of asking or doubting a clause follows
        if m.cls != "noun" or i < 1 or i + 1 >= len(lower):
            return None
        if lower[i - 1] not in self.asking:
            return None
        if lower[i + 1] not in self.subject_pronouns and lower[i + 1] not in ("the", "to"):
            return None
        return ("conj",), f"after '{words[i - 1]}' the slot needs a conjunction"

    def _participle_before_by(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "was lead by", "is past by": a passive needs the participle
        j = self._before(i, lower)
        if j < 0 or lower[j] not in self.be or i + 1 >= len(lower) or lower[i + 1] != "by":
            return None
        if lower[j].endswith(("'s", "’s")):
            return None
        return ("vbn",), f"between '{words[j]}' and 'by' the slot needs a past participle"

    def _let_in_its_slot(
        self, i: int, words: list[str], lower: list[str], lex: Lexicon, m: Member
    ) -> tuple[tuple[str, ...], str] | None:
        # "let's" opens a clause ("so let's hear"); "lets" follows its subject ("it lets you")
        if i < 1 or i + 1 >= len(lower):
            return None
        prev = lower[i - 1]
        opens = prev in _SENTENCE_ENDS or prev in self.clause_openers
        if m.cls == "vbz" and opens and lex.only(lower[i + 1], "base", "vbz", "past", "plural"):
            return ("imp",), "at the start of a clause the slot needs 'let's'"
        if m.cls == "imp" and not opens and (prev in self.third or prev in ("it", "this", "that")):
            return ("vbz",), f"after the subject '{words[i - 1]}' the slot needs a verb"
        return None

    def _than(self, i: int, lower: list[str], lex: Lexicon) -> str:
        if i < 1 or i + 1 >= len(lower):
            return ""
        before, after = lower[i - 1], lower[i + 1]
        if (
            lower[i] == "then"
            and i >= 2
            and lower[i - 2] in _AMOUNT_COMPARATIVES
            and (before in lex["plural"] or before in lex["singular"])
            and before not in lex["adj"]
        ):
            before = lower[i - 2]  # "more money then I do": the comparative's noun between
        if not (before in self.comparatives or before in lex["comparative"]):
            return ""
        if before in self.not_comparatives:
            return ""
        figure = after.isdigit() or after in ("$", "£", "€")
        if lower[i] == "that":
            # "more that 200": only a figure settles it ("better that the firm waits"), and
            # never after "the more"
            if i >= 2 and lower[i - 2] == "the":
                return ""
            k = i + 1
            while k < len(lower) and (lower[k].isdigit() or lower[k] in ",.$£€"):
                k += 1  # the figure is one token a digit
            then = lower[k] if k < len(lower) else ""
            if then in self.finite_verbs or lex.only(then, "vbz", "plural") or then in lex["past"]:
                return ""  # "less that 2019 was bad than ...": "that" opens a clause
            return f"after the comparative '{before}' the word is 'than'" if figure else ""
        if not (after in self.than_followers or figure):
            return ""
        return f"after the comparative '{before}' the word is 'than'"

    @staticmethod
    def _match(token: tuple[str, int, int], replacement: str, why: str) -> Match:
        text = token[0]
        fix = match_case(text, replacement)
        return Match(token[1], token[2], {"match": text, "replacement": fix, "why": why}, (fix,))
