"""The spelling checker: dictionary lookups plus a document-level names model.

See docs/spelling.md for how a doubtful word is judged and what was measured.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Final, NamedTuple

from copydesk import patterncache
from copydesk.spelling import binomial, names, suggest
from copydesk.spelling.lexicon import (
    F_NAME,
    Lexicon,
    load_lexicon,
    load_misspellings,
    load_ranking,
    load_web,
    variant_of,
)
from copydesk.spelling.tokens import (
    FOREIGN,
    KNOWN_CAP,
    KNOWN_LOWER,
    MISSPELLING,
    NAME_LISTED,
    UNKNOWN,
    Tokenizer,
    Word,
    _strip_accents,
)

VARIANTS: Final = ("en-GB", "en-US")
_QUIET_STATUSES: Final = (None, KNOWN_CAP, KNOWN_LOWER)  # statuses of words needing no look

UNKNOWN_WORD: Final = "unknown-word"
KNOWN_MISSPELLING: Final = "known-misspelling"
NAME_VARIANT: Final = "name-variant"

_SENTENCE_END: Final = ".!?:;"
_QUOTES: Final = "\"'“‘«([*"
_VOWELS: Final = frozenset("aeiouyAEIOUY")
_SIC: Final = patterncache.compile(r"\s*[\[(]sic[\])]", re.IGNORECASE)
_DOC_WORDS: Final = patterncache.compile(r"[^\W\d_]+")
# Distinct words looked up through the lexicon before the ranking dict is worth building: it
# costs about 27 ms, and each word's one-edit search about 0.6 ms more without it.
_PROMOTE_AFTER: Final = 50
_NEXT_WORD: Final = patterncache.compile(r"\s*([^\W\d_]+)")
_INITIAL_BEFORE: Final = patterncache.compile(r"(?<![\w.])[A-Z]\. $")
# Candidates two edits away: only for words this long, and only frequent corrections.
FAR: Final = "far"
# Candidates from the hand-written spelling rewrites of ``suggest.REWRITES``.
RULE: Final = "rule"
# Rewrites and two dropped letters are tried only for words this long.
_REWRITE_MIN_LENGTH: Final = 6
# Two letters dropped from a shorter word leave too little of it to go on.
_DROPPED_MIN_LENGTH: Final = 7
# ... and only when the rest of the evidence (context, the word itself) scores at least this.
_REWRITE_CONTEXT: Final = -1.0
_NAMELIKE_SHAPES: Final = frozenset(
    ["shape:insert", "shape:vowel", "shape:substitute", "shape:far", "shape:rule", "shape:drop"]
)
_FAR_MIN_LENGTH: Final = 5
_FAR_MAX_RANK: Final = 20_000
# ... and also for words whose nearest one-edit neighbour is rarer than this.
_FAR_MAX_RANK_NEAR: Final = 10_000
# A lower-case word with no neighbour one edit away is flagged for a frequent word two edits
# away only when it is at least this long: shorter coinages meet too many words at two edits.
_FAR_LOWER_LENGTH: Final = 7
# A lower-case word the web has never written is flagged from this length without any
# neighbour: shorter strings are too often abbreviations and interjections ("shd", "weh").
_UNWRITTEN_LENGTH: Final = 5
# Productive affixes: a frequent word with one of these is a coinage, not a typo. A typo
# seldom leaves a whole frequent word plus a whole affix.
_SUFFIXES: Final = (
    "ly", "ness", "less", "ery", "ism", "ist", "ish", "ic", "hood", "ship", "wise", "esque",
    "like", "fold",
)  # fmt: skip
# Software writing makes verbs, adjectives and nouns of any word or name ("preallocate",
# "depersisting", "jsonable", "slugifying"): in documentation these affixes on a known word,
# or on one of the software vocabulary, make a coinage too.
_TECHNICAL_PREFIXES: Final = (
    "pre", "re", "de", "co", "sub", "inter", "multi", "post", "auto", "meta", "micro", "hyper",
    "super", "un", "non", "over", "under", "dis", "cross", "self",
)  # fmt: skip
_TECHNICAL_SUFFIXES: Final = (
    "able", "ify", "ified", "ifies", "ifying", "ification", "ize", "ized", "izes", "izing",
    "ization", "ise", "ised", "ises", "ising", "isation", "er", "ers", "ed", "ing", "s",
)  # fmt: skip
# Productive prefixes, then combining forms, which make new words freely ("neuroprosthesis").
_PREFIXES: Final = (
    "un",
    "non",
    "over",
    "under",
    "counter",
    "anti",
    "semi",
    "mis",
    "neuro",
    "bio",
    "eco",
    "geo",
    "cyber",
    "micro",
    "nano",
    "tele",
    "hydro",
    "electro",
    "photo",
    "psycho",
    "techno",
    "aero",
    "astro",
    "mega",
    "multi",
    "poly",
    "pseudo",
    "retro",
    "socio",
    "thermo",
    "ultra",
    "hyper",
    "inter",
    "super",
    # learned and technical prefixes on whole words ("isoform", "macroeconomy", "transgene")
    "iso",
    "macro",
    "meta",
    "para",
    "proto",
    "trans",
    "quasi",
    "post",
    "sub",
)
_STEM: Final = 5
# A web-written lower-case word this long is a word, not a slip, when the web writes it about
# as often as its commonest neighbour (within this many Zipf units, a factor of ten) or
# at least once a million words (Zipf 3) and it is five letters or more.
_ATTESTED_LENGTH: Final = 4
_ATTESTED_GAP: Final = 1.0
_ATTESTED_ZIPF: Final = 3.0
# Zipf frequency of the most frequent word ("the"): by Zipf's law a word of frequency rank r
# (0-based) has Zipf frequency of about this minus log10(r + 1).
_ZIPF_TOP: Final = 7.7
_ELISION: Final = "'’"
# Words this frequent are mostly function words ("the", "which", "into").
_FUNCTION_RANK: Final = 150


class Misspelling(NamedTuple):
    start: int
    end: int
    word: str
    reason: str
    suggestions: tuple[str, ...]
    safe: bool
    detail: str


class _Doc:
    """What the names model knows about one document."""

    __slots__ = ("counts", "handle_spans", "list_spans", "lower_text", "text", "unknown", "words")

    def __init__(self, text: str, counts: Counter[str], words: Sequence[Word] = ()) -> None:
        self.text = text
        self.counts = counts
        self.words = words
        # stem -> the lower-cased words the lexicon lacks that may be inflections of it
        self.unknown: dict[str, set[str]] | None = None
        self.lower_text: str | None = None
        self.list_spans: list[tuple[int, int]] | None = None
        self.handle_spans: list[tuple[int, int]] | None = None

    def family_recurs(self, lower: str) -> bool:
        """Whether another inflection of the unknown word ``lower`` is in the document, also
        unknown ("blit" and "blitting", "datom" and "datoms"): a coinage used in two forms is
        meant, as one used twice is. Forms the lexicon knows do not count, so a slip that
        adds an ending to a real word ("worksed" beside "works") is still a slip."""
        if self.unknown is None:
            self.unknown = {}
            for w in self.words:
                if w.status == UNKNOWN:
                    form = w.text.lower()
                    for stem in _stems(form):
                        self.unknown.setdefault(stem, set()).add(form)
        unknown = self.unknown
        return any(len(unknown.get(stem, ())) > 1 for stem in _stems(lower))

    def in_contributor_list(self, w: Word) -> bool:
        """Whether ``w`` is a user name in a list of people ("Ann Lee, jdoe, Bo Kim, ...")."""
        if self.handle_spans is None:
            self.handle_spans = _contributor_list_spans(self.text)
        return _inside(w, self.handle_spans)

    def in_list(self, w: Word) -> bool:
        """Whether ``w`` is an item of a team sheet or cast list ("Keeling, Doran, Millar")."""
        if self.list_spans is None:
            self.list_spans = _list_spans(self.text)
        return _inside(w, self.list_spans)

    def has_word(self, lower: str) -> bool:
        """Whether ``lower`` is a whole run of letters of the lower-cased text.

        A document is asked about a few candidates, so searching the text for each costs
        less than listing every word of it.
        """
        if not _DOC_WORDS.fullmatch(lower):
            return False
        if self.lower_text is None:
            self.lower_text = self.text.lower()
        text = self.lower_text
        find = text.find
        pos = find(lower)
        while pos >= 0:
            end = pos + len(lower)
            if not (pos and _DOC_WORDS.match(text, pos - 1)) and not _DOC_WORDS.match(text, end):
                return True
            pos = find(lower, pos + 1)
        return False


class Speller:
    """Checks masked text; see the module docstring and docs/spelling.md."""

    def __init__(
        self,
        variant: str = "en-GB",
        accept: Iterable[str] = (),
        reject: Iterable[str] = (),
        technical: bool = False,
    ) -> None:
        if variant not in VARIANTS:
            raise ValueError(f"unknown English variant {variant!r} (expected en-GB or en-US)")
        self.variant = variant
        self.technical = technical  # software documentation: its vocabulary is accepted
        self._accept = frozenset(accept)
        self._reject = frozenset(reject)
        self._tokenizer: Tokenizer | None = None
        self._near_cache: dict[str, list[tuple[int, str, str]]] = {}
        self._far_cache: dict[str, list[tuple[int, str, str]]] = {}
        self._rule_cache: dict[str, list[tuple[int, str, str]]] = {}
        self._rank_of: Callable[[str], int | None] | None = None
        self._promoted = False

    # The lexicon and ranking load on first use so that constructing a Speller is free.
    @property
    def _lexicon(self) -> Lexicon:
        return load_lexicon()

    def _promote(self, use_dict: bool) -> None:
        if use_dict:
            self._rank_of = load_ranking().ranks.get
            self._promoted = True
        else:
            self._rank_of = self._lexicon.rank

    def _rank(self, lower: str) -> int | None:
        if self._rank_of is None:
            self._promote(False)
        assert self._rank_of is not None
        return self._rank_of(lower)

    def _near(self, lower: str) -> list[tuple[int, str, str]]:
        """Cached ``suggest.near_words``: unknown words recur across a batch of documents."""
        found = self._near_cache.get(lower)
        if found is None:
            if self._rank_of is None or (
                len(self._near_cache) == _PROMOTE_AFTER and not self._promoted
            ):
                self._promote(len(self._near_cache) >= _PROMOTE_AFTER)
            assert self._rank_of is not None
            found = suggest.near_words(lower, self._rank_of)
            if len(self._near_cache) < 100_000:
                self._near_cache[lower] = found
        return found

    def _tok(self) -> Tokenizer:
        if self._tokenizer is None:
            from copydesk.spelling.wordlists import accepted

            shipped = accepted(self.technical) - self._reject
            self._tokenizer = Tokenizer(self._lexicon, self._accept | shipped, self._reject)
        return self._tokenizer

    def check(self, text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Misspelling]:
        words = self._tok().words(text)
        if not words:
            return []
        if skip:
            words = [w for w in words if not _inside(w, skip)]
        words = _drop_foreign(text, words)
        doc = _Doc(
            text,
            Counter(w.text for w in words if w.status != FOREIGN),
            words,
        )
        out: list[Misspelling] = []
        for i, w in enumerate(words):
            if w.status in (UNKNOWN, MISSPELLING, NAME_LISTED):
                if _SIC.match(text, w.end) or (
                    _foreign_phrase_word(w.text) and _in_foreign_phrase(text, w)
                ):
                    continue
                if w.text.islower() and doc.in_contributor_list(w):
                    continue
                if binomial.in_binomial(words, i, self._common_word, self._unwritten_slip, text):
                    continue  # a species' Latin name ("Canis lupus", "A. caninum")
                found = self._judge(w, doc)
                if found is not None:
                    out.append(found)
            elif w.status == KNOWN_CAP and i and words[i - 1].text.lower() in names.PHRASE_HEADS:
                found = self._phrase_slip(words[i - 1], w, doc)
                if found is not None:
                    out.append(found)
        if doc.list_spans:
            # A surname in a team sheet is not a variant of one in the story ("Doran", "Dorgan").
            words = [w for w in words if not doc.in_list(w)]
        out.extend(self._name_variants(words, doc, {m.start for m in out}))
        out.sort(key=lambda m: m.start)
        return out

    # -- decisions ---------------------------------------------------------------------------

    def _judge(self, w: Word, doc: _Doc) -> Misspelling | None:
        word = w.text
        if word in self._reject:
            return self._flag(w, UNKNOWN_WORD, doc, forced=True)
        if (
            word.endswith("in")
            and doc.text[w.end : w.end + 1] in _ELISION
            and self._known_word(word.lower() + "g")
        ):
            return None  # a dropped "g" marked by an apostrophe: "lovin'", "Die Tryin'"
        if w.status == MISSPELLING:
            if word[0].isupper() and (
                doc.counts[word] > 1
                # In documentation a list of people is contributors, whose names are meant
                # ("Ankush Menat"); in news copy a team sheet's slips are worth catching.
                or (self.technical and doc.in_list(w))
                or self.typo_score(w, doc) < names.THRESHOLD
            ):
                # A capitalised form can be a name that happens to match ("Presse", "Serie"):
                # it needs the evidence any capitalised word needs ("listed" is part of it).
                return None
            return self._flag(w, KNOWN_MISSPELLING, doc)
        if word.islower():
            # A typo sits one edit from a real word; a coinage ("blogosphere", "eurozone")
            # usually does not, and a word used twice in one story is meant. A word the web
            # has never written is no coinage, however far from a known word it is.
            if doc.counts[word] > 1 or self._derived(word) or doc.family_recurs(word):
                return None
            if self.technical and self._technical_coinage(word):
                return None
            if not (self._near(word) or self._beyond_one_edit(word)):
                return None
            if self._attested(word):
                return None
            return self._flag(w, UNKNOWN_WORD, doc)
        return self._judge_capitalised(w, doc)

    def _beyond_one_edit(self, word: str) -> bool:
        """A lower-case typo no single edit explains: frequent words two edits away, or a
        word the web has never written; either way not two known words run together."""
        far = len(word) >= _FAR_LOWER_LENGTH and bool(self._far(word))
        if not far and (
            len(word) < _UNWRITTEN_LENGTH
            or load_web().rank(word)
            or self._derived(word, rare_stems=True)
        ):
            return False
        return not self._compound(word)

    def _attested(self, lower: str) -> bool:
        """A lower-case word the web writes about as often as the words it is near, or often
        in its own right: a rare real word or slang ("deathmatch", "shoutout", "hella"), not a
        slip. A slip is written far less often than the word it spoils, which the web writes
        too: on the typo set every slip of a web-written word is at least a hundred times
        rarer than its commonest neighbour. A missing apostrophe ("dont", "theyre") or a
        missing space after a function word ("upto") is a slip however often the web writes
        it."""
        zipf10 = load_web().rank(lower) or 0
        if (
            len(lower) < _ATTESTED_LENGTH
            or not zipf10
            or self._unapostrophised(lower)
            or self._missing_space(lower)
        ):
            return False
        zipf = zipf10 / 10
        if zipf >= _ATTESTED_ZIPF and len(lower) >= _UNWRITTEN_LENGTH:
            return True
        cands = self._candidates(lower)
        nearest = max((_zipf_of_rank(rank) for rank, _, _ in cands), default=0.0)
        return nearest - zipf < _ATTESTED_GAP

    def _missing_space(self, lower: str) -> bool:
        """A function word run into the next word: "upto", "infront", "eachother"."""
        tok = self._tok()
        for i in range(2, len(lower) - 1):
            head, tail = lower[:i], lower[i:]
            rank = self._rank(head)
            if rank is not None and rank < _FUNCTION_RANK and tok.status(tail) is None:
                return True
        return False

    def _unapostrophised(self, lower: str) -> bool:
        """A contraction written without its apostrophe: "dont", "theyre", "youve"."""
        status = self._tok().status
        return any(
            status(lower[:i] + "'" + lower[i:]) in _QUIET_STATUSES
            for i in range(max(1, len(lower) - 3), len(lower))
        )

    def _unwritten_slip(self, word: str) -> bool:
        """Whether ``word`` is one edit from a frequent word and the web never writes it."""
        lower = word.lower()
        return not load_web().rank(lower) and bool(self._near(lower))

    def _common_word(self, word: str) -> bool:
        """Whether ``word`` is one of the frequent words of English, in any case."""
        rank = self._rank(word.lower())
        return rank is not None and rank < binomial.COMMON_RANK

    def _judge_capitalised(self, w: Word, doc: _Doc) -> Misspelling | None:
        word = w.text
        if doc.counts[word] > 1 or doc.family_recurs(word.lower()):
            return None  # a name recurs; a typo is a one-off
        if self.technical and not _sentence_start(doc.text, w.start):
            # In documentation a capitalised word inside a sentence names a product, a project
            # or a person far more often than it spoils a word ("Datomic", "Ktor", "Podfile").
            return None
        if self.technical and _INITIAL_BEFORE.search(doc.text, max(0, w.start - 4), w.start):
            # A surname after an initial, as a manual's references cite authors ("P. Cointe");
            # news copy names people in full, and a slip there is worth catching.
            return None
        if self.typo_score(w, doc) >= names.THRESHOLD:
            found = self._flag(w, UNKNOWN_WORD, doc)
            if self.technical and not found.suggestions:
                # A documentation page opens sentences, headings and list labels with the
                # names of its features ("Overscroll", "Codegen"): one with no word it could
                # have meant is taken for a name.
                return None
            return found
        return None

    def typo_score(self, w: Word, doc: _Doc) -> float:
        """Log-odds that a once-used capitalised unknown word is a typo (see names.py)."""
        return names.score(self.typo_features(w, doc))

    def typo_features(self, w: Word, doc: _Doc) -> dict[str, float]:
        """The evidence ``typo_score`` weighs, by the feature names of ``names.WEIGHTS``."""
        lower = w.text.lower()
        cands = self._candidates(lower)
        feats = self._features(w, doc, cands)
        if self._rewrite_worthy(lower, cands):
            # The rewrite search costs a millisecond and nearly every word that reaches it is
            # a name; run it only when the context leaves a candidate a chance.
            context = names.score(feats) - names.WEIGHTS["no_cand"] * feats.get("no_cand", 0.0)
            if context >= _REWRITE_CONTEXT:
                more = self._rewritten(lower)
                if more:
                    feats = self._features(w, doc, cands + more)
        return feats

    def _features(self, w: Word, doc: _Doc, cands: list[tuple[int, str, str]]) -> dict[str, float]:
        word = w.text
        lower = word.lower()
        near = self._near(lower)
        feats: dict[str, float] = {"bias": 1.0}
        text = doc.text
        prev = _previous_word(text, w.start - 1 if text[w.start - 1 : w.start] == "-" else w.start)
        m = _NEXT_WORD.match(text, w.end + 1 if text[w.end : w.end + 1] == "-" else w.end)
        nxt = m.group(1) if m else ""
        lexicon = self._lexicon
        pair = _adjacent_name(text, prev, w.start, self._neighbour) or _adjacent_name(
            text, nxt, w.end, self._neighbour, after=True
        )
        if cands:
            weights = names.WEIGHTS
            best: list[str] = []
            best_score = -1e9
            for rank, cand, kind in cands:
                f = [
                    names.rank_feature(rank),
                    "shape:" + kind
                    if kind in (FAR, RULE)
                    else "shape:" + suggest.edit_shape(lower, cand, kind),
                ]
                if doc.has_word(cand):
                    f.append("in_doc")
                    if doc.counts[cand.capitalize()]:
                        f.append("cap_in_doc")
                if cand in names.INSTITUTION_WORDS:
                    f.append("institution")
                elif lexicon.flags(cand.capitalize()) & F_NAME:
                    f.append("cand_name")
                total = sum(weights.get(k, 0.0) for k in f)
                if total > best_score:
                    best, best_score = f, total
            feats.update(dict.fromkeys(best, 1.0))
            if pair:
                # Next to another name: a first name or surname ("Alain Levy") unless the
                # nearest word is itself a name ("Jaames Corrigan").
                feats["pair:name" if "cand_name" in best else "pair:word"] = 1.0
            if (
                pair
                and "cand_name" in best
                and w.status == UNKNOWN
                and not _NAMELIKE_SHAPES.intersection(best)
                and names.PREVIOUS_WORD.get(prev.lower()) != "prev_word:conjunction"
                and _adjacent_name(text, nxt, w.end, self._neighbour, after=True)
            ):
                # A first name one finger slip from a names-list name, in front of a surname,
                # that is on no names list itself: "Davdi Hollins", "Mairk Lindqvist". After
                # "said" or "and" a person is named anyway ("said Niels Brinkman").
                feats["first_name"] = 1.0
            if near:
                feats[names.candidates_feature(len(near))] = 1.0
            if all(cand[0] != lower[0] for _, cand, _ in cands):
                feats["first_letter"] = 1.0
            before, after = prev.lower(), nxt.lower()
            if any(
                (before, cand) in names.PHRASES or (cand, after) in names.PHRASES
                for _, cand, _ in cands
            ):
                feats["phrase"] = 1.0
        else:
            feats["no_cand"] = 1.0
        if _sentence_start(text, w.start):
            feats["start"] = 1.0
            kind = self._neighbour(prev)
            if kind in ("none", "lower"):
                feats["start_prev:" + kind] = 1.0
        else:
            feats["mid"] = 1.0
            feats["prev:" + ("title" if prev in names.TITLES else self._neighbour(prev))] = 1.0
        # "with" is both a preposition and a conjunction here; the weights say which wins.
        group = names.PREVIOUS_WORD.get(prev.lower())
        if group:
            feats[group] = 1.0
        feats["next:" + self._neighbour(nxt)] = 1.0
        if w.status == NAME_LISTED:
            feats["name_listed"] = 1.0
        elif w.status == MISSPELLING:
            feats["listed"] = 1.0
        if doc.in_list(w):
            feats["list"] = 1.0
        if _impossible(word):
            feats["impossible"] = 1.0
        if word.endswith("s") and self._tok().status(word[:-1]) == KNOWN_CAP:
            feats["plural"] = 1.0
        feats[names.length_feature(word)] = 1.0
        feats[names.web_feature(load_web().rank(lower) or 0)] = 1.0
        return feats

    def _known_word(self, lower: str) -> bool:
        return self._tok().status(lower) is None and self._rank(lower) is not None

    def _derived(self, word: str, rare_stems: bool = False) -> bool:
        """A known word with a productive prefix or suffix: "wirelessly", "unshredded". The
        stem must be a frequent word, or with ``rare_stems`` any word the lexicon knows
        ("unwritable")."""
        stems = [word[len(p) :] for p in _PREFIXES if word.startswith(p)]
        # a suffix on a plural: "relationalists", "neighbourhoods"
        singular = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        stems += [singular[: -len(s)] for s in _SUFFIXES if singular.endswith(s)]
        if singular is not word:
            stems += [word[: -len(s)] for s in _SUFFIXES if word.endswith(s)]
        status = self._tok().status
        return any(
            len(stem) >= _STEM and (status(stem) is None if rare_stems else self._known_word(stem))
            for stem in stems
        )

    def _technical_coinage(self, word: str) -> bool:
        """A known word, or a word of the software vocabulary, with one of the affixes
        software writing coins words with ("preallocation", "jsonable")."""
        status = self._tok().status
        stems = [word[: -len(s)] for s in _TECHNICAL_SUFFIXES if word.endswith(s)]
        stems += [word[len(p) :] for p in _TECHNICAL_PREFIXES if word.startswith(p)]
        stems += [s[: -len(x)] for s in stems for x in _TECHNICAL_SUFFIXES if s.endswith(x)]
        return any(len(stem) >= 3 and status(stem) in _QUIET_STATUSES for stem in stems)

    def _compound(self, word: str) -> bool:
        """Two known words run together ("barcode", "bandmates"): a coinage, not a typo.

        A function word run into the next ("thefirst", "inwhich") is a missing space, so a
        first part among the most frequent words does not count.
        """
        tok = self._tok()
        for i in range(3, len(word) - 2):
            head, tail = word[:i], word[i:]
            if tok.status(head) is None and tok.status(tail) is None:
                rank = self._rank(head)
                if rank is None or rank >= _FUNCTION_RANK:
                    return True
        return False

    def _candidates(self, lower: str, rewrite: bool = False) -> list[tuple[int, str, str]]:
        """One-edit neighbours, plus two-edit ones when none is at least fairly common (a rare
        word one edit away, "knighted", does not rule out a common one at two, "united"), plus
        with ``rewrite`` the spelling rewrites when nothing else was found."""
        near = self._near(lower)
        if near and min(rank for rank, _, _ in near) < _FAR_MAX_RANK_NEAR:
            return near
        found = near + self._far(lower)
        if rewrite and self._rewrite_worthy(lower, found):
            found += self._rewritten(lower)
        return found

    def _rewrite_worthy(self, lower: str, cands: list[tuple[int, str, str]]) -> bool:
        """Whether ``cands`` leaves room for the rewrite search: no frequent word one edit
        away, none two edits away, and a word long enough."""
        return len(lower) >= _REWRITE_MIN_LENGTH and all(
            rank >= _FAR_MAX_RANK_NEAR and kind != FAR for rank, _, kind in cands
        )

    def _rewritten(self, lower: str) -> list[tuple[int, str, str]]:
        """Spellings by ear ("Milenium", "Elseware") and two dropped letters ("Instute"),
        which two plain edits miss. The search costs a millisecond, so it is only for
        capitalised words of 6+ letters that nothing nearer explains (shorter names meet
        too many words this way: "Parul", "Huggy")."""
        found = self._rule_cache.get(lower)
        if found is None:
            rank_of = self._rank_of
            assert rank_of is not None
            found = []
            seen: set[str] = set()
            extra = [
                (rank, cand, RULE)
                for rank, cand in suggest.rule_words(lower, rank_of, _FAR_MAX_RANK)
            ]
            if len(lower) >= _DROPPED_MIN_LENGTH:
                extra += [
                    (rank, cand, FAR)
                    for rank, cand in suggest.dropped_words(lower, rank_of, _FAR_MAX_RANK)
                ]
            for rank, cand, kind in extra:
                if cand not in seen and not suggest.within_one(lower, cand):
                    found.append((rank, cand, kind))
                    seen.add(cand)
            found.sort()
            if len(self._rule_cache) < 100_000:
                self._rule_cache[lower] = found
        return found

    def _far(self, lower: str) -> list[tuple[int, str, str]]:
        """Frequent words two edits from a word with none at one edit, as ``_near`` gives."""
        if len(lower) < _FAR_MIN_LENGTH:
            return []
        found = self._far_cache.get(lower)
        if found is None:
            if self._rank_of is None:
                self._promote(False)
            rank_of = self._rank_of
            assert rank_of is not None
            found = [
                (rank, cand, FAR)
                for dist, rank, cand in suggest.far_words(lower, 2, rank_of, _FAR_MAX_RANK)
                if dist == 2
            ]
            if len(self._far_cache) < 100_000:
                self._far_cache[lower] = found
        return found

    def _neighbour(self, word: str) -> str:
        if not word:
            return "none"
        if not word[0].isupper():
            return "lower"
        if word.isupper():
            return "acronym"
        if self._tok().status(word) in (UNKNOWN, NAME_LISTED, MISSPELLING):
            return "unknown"
        lower = word.lower()
        if lower in names.INSTITUTION_WORDS:
            return "institution"
        if self._lexicon.flags(word) & F_NAME:
            return "name"  # a first name or surname that is also a word: "Brown", "Jon"
        rank = self._rank(lower)
        return "common" if rank is not None and rank < 20_000 else "proper"

    def _phrase_slip(self, head: Word, w: Word, doc: _Doc) -> Misspelling | None:
        """A real word that spoils a fixed phrase: "Prime Minster" for "Prime Minister"."""
        if not doc.text[head.end : w.start].isspace() or len(w.text) < 4:
            return None
        first = head.text.lower()
        lower = w.text.lower()
        if (first, lower) in names.PHRASES:
            return None
        meant = [
            tail
            for h, tail in names.PHRASES
            if h == first
            and abs(len(tail) - len(lower)) <= 1
            # "Liberal Democrat", "South African": an ending changed, the phrase inflected.
            and not (lower.startswith(tail) or tail.startswith(lower))
            and lower != tail
            and suggest.within_one(lower, tail)
        ]
        if len(meant) != 1:
            return None
        fix = suggest.keep_case(w.text, meant[0])
        return Misspelling(
            w.start,
            w.end,
            w.text,
            KNOWN_MISSPELLING,
            (fix,),
            False,  # the word is real, so a human should confirm
            f"'{w.text}' is a word, but '{head.text} {fix}' is the usual phrase",
        )

    def _name_variants(self, words: list[Word], doc: _Doc, flagged: set[int]) -> list[Misspelling]:
        """Flag a once-used spelling of a name the document spells another way more often."""
        counts = doc.counts
        rare = [
            w
            for w in words
            if w.status in (UNKNOWN, NAME_LISTED)
            and w.start not in flagged
            and w.text[0].isupper()
            and counts[w.text] == 1
            and len(w.text) >= 5
        ]
        if not rare:
            return []
        majority = [
            name
            for name, n in counts.items()
            if n >= names.VARIANT_MAJORITY and name[0].isupper() and len(name) >= 5
        ]
        out = []
        for w in rare:
            best = [
                m
                for m in majority
                if suggest.within_one(w.text, m)
                and not _inflection(w.text, m)
                and not _other_name(w.text, m)
            ]
            if len(best) == 1:
                name = best[0]
                out.append(
                    Misspelling(
                        w.start,
                        w.end,
                        w.text,
                        NAME_VARIANT,
                        (name,),
                        True,
                        f"spelt '{name}' {counts[name]} times in this document",
                    )
                )
        return out

    # -- building findings -------------------------------------------------------------------

    def _flag(self, w: Word, reason: str, doc: _Doc, forced: bool = False) -> Misspelling:
        word = w.text
        cands, safe, detail = self._suggest(word, reason, doc, w.start)
        if forced:
            detail = f"'{word}' is on the project's list of words to reject"
        return Misspelling(w.start, w.end, word, reason, cands, safe, detail)

    def _suggest(
        self, word: str, reason: str, doc: _Doc, start: int
    ) -> tuple[tuple[str, ...], bool, str]:
        lower = word.lower()
        # A spelling of the other variety of English comes after the house's ("criticised"
        # first in British copy, "criticized" in American).
        other = {"en-GB": "en-US", "en-US": "en-GB"}[self.variant]
        if reason == KNOWN_MISSPELLING:
            entry = load_misspellings().entry(lower)
            fixes = tuple(entry[1].split(",")) if entry and entry[1] else ()
            fixes = tuple(sorted(fixes, key=lambda f: variant_of(f) == other))
            fixes = tuple(suggest.keep_case(word, f) for f in fixes)
            detail = f"a common misspelling of '{fixes[0]}'" if fixes else "a common misspelling"
            return fixes, len(fixes) == 1, detail
        near = self._candidates(lower, True) if word[0].isupper() else list(self._near(lower))
        if near:
            # A candidate the document itself uses beats a merely frequent one.
            near.sort(key=lambda t: (not doc.has_word(t[1]), variant_of(t[1]) == other, t[0]))
            cands = tuple(suggest.keep_case(word, c) for _, c, _ in near[:5])
            one = lower != near[0][1] and suggest.within_one(lower, near[0][1])
            # A lone correction two edits away is a guess; one the document uses is not.
            safe = (len(near) == 1 and one) or (
                doc.has_word(near[0][1]) and not any(doc.has_word(c) for _, c, _ in near[1:])
            )
            detail = f"{'one letter' if one else 'two letters'} from '{cands[0]}'"
            prev = _previous_word(doc.text, start)
            if prev and prev[0].isupper() and word[0].isupper():
                detail += f" (as in '{prev} {cands[0]}')"
            return cands, safe, detail
        far = suggest.far_words(lower, 2, self._rank_of)
        cands = tuple(suggest.keep_case(word, c) for _, _, c in far[:5])
        if cands:
            return cands, False, f"not in the dictionary; perhaps '{cands[0]}'"
        return (), False, "not in the dictionary"


def _other_name(a: str, b: str) -> bool:
    """Names one letter apart at either end are usually two names, not one misspelt: another
    initial ("Kentrix", "Zentrix") or another ending, which marks gender or language in many
    names ("Adriano", "Adriana"; "Marie", "Maria"), or a final vowel more or less ("David",
    "Davide"; "Paul", "Paula"). Names that differ only by accents ("Astrobiologia",
    "Astrobiología") are one name, written with and without them, as words may be."""
    short, long = sorted((a, b), key=len)
    return (
        a[0] != b[0]
        or (len(a) == len(b) and a[:-1] == b[:-1])
        or (long[:-1] == short and long[-1] in "aeiou")
        or _strip_accents(a) == _strip_accents(b)
    )


def _inflection(a: str, b: str) -> bool:
    """Plural or possessive forms of one name ("Baftas", "Bafta") are not variants."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and long[len(short) :] in ("s", "es", "'", "’")


_SEGMENT: Final = patterncache.compile(r"[^,;.:()\[\]\n]+")
_SEGMENT_WORD: Final = patterncache.compile(r"[^\s'’-]+")
_PHRASE_WORD: Final = patterncache.compile(r"[\s-]*([^\W\d_]+(?:['’][^\W\d_]+)*)")
# Lower-case particles of names ("R de Castellan", "Dal Pino") and the captain's mark.
_PARTICLES: Final = frozenset(
    ["de", "da", "di", "del", "della", "dos", "du", "van", "von", "der", "le", "la", "capt"]
)
# A run of this many short all-capitalised items between commas, semicolons, full stops and
# brackets is a team sheet or a cast list: "Keeling, Doran, O'Sullivan, Millar".
_LIST_RUN: Final = 4
_LIST_ITEM_WORDS: Final = 4


def _list_item(segment: str) -> bool:
    # Word by word, so the usual segment (prose, starting lower-case) costs one match.
    n = 0
    for m in _SEGMENT_WORD.finditer(segment):
        w = m.group()
        n += 1
        if n > _LIST_ITEM_WORDS or not (w[0].isupper() or w[0].isdigit() or w in _PARTICLES):
            return False
    return n > 0


def _list_spans(text: str) -> list[tuple[int, int]]:
    """Spans of runs of name-list items: team sheets and cast lists."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for m in _SEGMENT.finditer(text):
        if m.group().isspace():
            continue
        if _list_item(m.group()):
            run.append(m.span())
            continue
        if len(run) >= _LIST_RUN:
            out.append((run[0][0], run[-1][1]))
        run = []
    if len(run) >= _LIST_RUN:
        out.append((run[0][0], run[-1][1]))
    return out


# A user name as a list item: one token that is not a capitalised word ("jdoe", "@jdoe",
# "kk_Ataka", "wǒis神仙"), or a name written in lower case ("akira yamada").
_HANDLE_ITEM: Final = patterncache.compile(
    r"\s*(?:@?(?![A-Z][a-z]+\s*$)[^\s!?\"“”]{2,}|[a-z]+ [a-z]+)\s*"
)
_AND: Final = patterncache.compile(r"\s+(?:and|&)\s+|^\s*(?:and|&)\s+")


def _contributor_list_spans(text: str) -> list[tuple[int, int]]:
    """Spans of lists of people in which some are named by their lower-case user names
    (release notes thank contributors so): runs of list items with at least ``_LIST_RUN``
    names and no more user names than names."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    people = handles = 0
    for m in (*_SEGMENT.finditer(text), None):
        if m is not None:
            item = m.group()
            if item.isspace():
                continue
            parts = [p for p in _AND.split(item) if p.strip()]
            kinds = [
                "name" if _list_item(p) else "handle" if _HANDLE_ITEM.fullmatch(p) else ""
                for p in parts
            ]
            if kinds and all(kinds):
                run.append(m.span())
                people += kinds.count("name")
                handles += kinds.count("handle")
                continue
        if handles and people >= _LIST_RUN and handles <= people:
            out.append((run[0][0], run[-1][1]))
        run, people, handles = [], 0, 0
    return out


def _plain(word: str) -> str:
    return _strip_accents(word.lower()).replace("’", "'")


def _foreign_phrase_word(word: str) -> bool:
    """Whether ``word``, with or without its accents, is a word of a foreign phrase."""
    lower = word.lower()
    if lower in names.FOREIGN_PHRASE_WORDS:
        return True
    return not lower.isascii() and _plain(word) in names.FOREIGN_PHRASE_WORDS


def _in_foreign_phrase(text: str, w: Word) -> bool:
    """Whether ``w`` is part of a foreign phrase of ``names.FOREIGN_PHRASES`` ("per annum")."""
    lower = _plain(w.text)
    for phrase in names.FOREIGN_PHRASES:
        if lower not in phrase:
            continue
        k = phrase.index(lower)
        pos = w.end
        ok = True
        for want in phrase[k + 1 :]:
            m = _PHRASE_WORD.match(text, pos)
            if m is None or _plain(m.group(1)) != want:
                ok = False
                break
            pos = m.end()
        pos = w.start
        for want in reversed(phrase[:k]):
            if not ok:
                break
            i = pos
            while i > 0 and (text[i - 1].isspace() or text[i - 1] == "-"):
                i -= 1
            j = i
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'’"):
                j -= 1
            if i == pos or _plain(text[j:i]) != want:
                ok = False
            pos = j
        if ok:
            return True
    return False


def _adjacent_name(
    text: str, other: str, edge: int, kind: Callable[[str], str], after: bool = False
) -> bool:
    """Whether ``other``, the word just before (or ``after``) ``edge``, is a capitalised name
    word separated by a single space: "Alain Levy", "Calum MacRae"."""
    if not other or not other[0].isupper():
        return False
    gap = text[edge : edge + 1] if after else text[edge - 1 : edge]
    if gap not in (" ", "-"):
        return False
    if after:
        if text[edge + 1 : edge + 1 + len(other)] != other:
            return False
    elif text[edge - 1 - len(other) : edge - 1] != other:
        return False
    return kind(other) in ("proper", "unknown", "name")


def _inside(w: Word, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < w.end and w.start < b for a, b in spans)


def _impossible(word: str) -> bool:
    """Letter patterns English words never have: a tripled letter, or no vowel at all."""
    low = word.lower()
    if any(low[i] == low[i + 1] == low[i + 2] for i in range(len(low) - 2)):
        return True
    return len(low) >= 4 and not any(ch in _VOWELS for ch in low)


_ENDINGS: Final = ("s", "es", "ed", "d", "ing", "er", "ers")
_DOUBLING: Final = frozenset("bdfgklmnprtvz")
_E_DROPPING: Final = ("ed", "ing", "er", "ers")


def _stems(lower: str) -> list[str]:
    """``lower`` and the stems it may be a regular inflection of ("blitting": "blitting",
    "blitt", "blit"; "bencoding": "bencoding", "bencod", "bencode")."""
    stems = [lower]
    for ending in _ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            stem = lower[: -len(ending)]
            stems.append(stem)
            if stem[-1] == stem[-2] and stem[-1] in _DOUBLING:
                stems.append(stem[:-1])
            elif ending in _E_DROPPING:
                stems.append(stem + "e")
    return stems


def _zipf_of_rank(rank: int) -> float:
    """Zipf frequency (log10 of uses per billion words) of the word of ``rank``."""
    return _ZIPF_TOP - math.log10(rank + 1)


def _previous_word(text: str, start: int) -> str:
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = i
    while j >= 0 and (text[j].isalpha() or text[j] in "'’"):
        j -= 1
    return text[j + 1 : i + 1]


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _QUOTES):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _drop_foreign(text: str, words: list[Word]) -> list[Word]:
    """Remove the words of lines that read as another language."""
    if not any(w.status == FOREIGN for w in words):
        return words
    keep: list[Word] = []
    line_start = 0
    i = 0
    n = len(words)
    while i < n:
        line_start = text.rfind("\n", 0, words[i].start) + 1
        line_end = text.find("\n", words[i].start)
        if line_end < 0:
            line_end = len(text)
        j = i
        while j < n and words[j].start < line_end:
            j += 1
        group = words[i:j]
        foreign = sum(1 for w in group if w.status == FOREIGN)
        odd = sum(1 for w in group if w.status in (UNKNOWN, NAME_LISTED, MISSPELLING))
        total = len(text[line_start:line_end].split())
        if not (foreign >= 2 and (foreign + odd) * 3 >= total):
            keep.extend(group)
        i = j
    return keep


__all__ = ["KNOWN_CAP", "Misspelling", "Speller"]
