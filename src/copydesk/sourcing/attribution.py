"""Attribution cues in a sentence, their scope, and quoted speech.

A cue is a reporting verb with a real subject ("the company said"), a sourcing phrase
("according to the UN"), a vague source ("reports say") or an agentless hedge ("an
estimated", "is expected to"). Only the first two attribute a figure, and only the figures
in their scope: a figure in a narrator apposition before the verb ("Smith, whose firm runs
90 stores, said ...") is the writer's, not the speaker's.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final, NamedTuple

from copydesk import patterncache
from copydesk.sourcing.lazyre import LazyPattern
from copydesk.sourcing.options import SourcingOptions
from copydesk.sourcing.prefilter import Probe

__all__ = ["Cue", "SentenceCues", "find_agentless", "find_cues", "quoted_spans", "speech_tag"]


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


class Cue(NamedTuple):
    start: int
    end: int
    kind: str  # "verb" | "phrase" | "vague" | "agentless"
    postposed: bool = False


class SentenceCues:
    __slots__ = ("agentless", "explicit", "vague", "vague_spans")

    def __init__(self) -> None:
        self.explicit: list[Cue] = []
        self.vague: list[Cue] = []
        self.agentless: list[Cue] = []
        # Spans of the vague phrases: no other cue counts inside one.
        self.vague_spans: list[tuple[int, int]] = []

    def __eq__(self, other: object) -> bool:  # the prefilter tests compare whole results
        if not isinstance(other, SentenceCues):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    __hash__ = None  # type: ignore[assignment]  # mutable


_NOUN_MARKERS: Final = _words(
    """
    a an the this that these those its his her their our my your amid of with despite tv
    no any every such whose what another
    """
)
_BE: Final = _words(
    """
    is are was were be been being 's am
    """
)
_SKIP_BEFORE_VERB: Final = _words(
    """
    has have had will would also previously recently earlier later then now still
    already once again today yesterday last has had always never repeatedly separately
    further publicly privately formally officially reportedly
    """
)
_PRONOUNS: Final = _words(
    """
    he she it they we i you who which that
    """
)
_DATA_NOUNS: Final = _words(
    """
    figures data results statistics survey surveys study studies report reports research
    poll polls tests test records accounts analysis numbers estimates evidence review
    inquiry audit investigation researchers scientists census index findings documents
    papers filing filings returns tally count projections forecasts models model
    """
)
_NEEDS_AT: Final = _words(
    """
    put puts valued values
    """
)
_FIND_VERBS: Final = _words(
    """
    found finds
    """
)
_SHOW_VERBS: Final = _words(
    """
    show shows showed suggest suggests suggested
    """
)


@cache
def _apposition_openers() -> re.Pattern[str]:
    return re.compile(
        r",\s*(?:which|who|whose|where|representing|including|a|an|the|with|one of|based|"
        r"founded|owned|employing|run|running|led|whom|himself|herself|itself|\w+ing)\b",
        re.IGNORECASE,
    )


_WORD: Final = patterncache.compile(r"[A-Za-z][\w'’-]*")


def _ends_with_word(lead: str, word: str) -> bool:
    """Whether ``lead`` ends with ``word`` (any case) as a whole word, then white space."""
    stripped = lead.rstrip()
    if stripped == lead or not stripped.lower().endswith(word):
        return False
    before = stripped[: -len(word)]
    return not before or not (before[-1].isalnum() or before[-1] == "_")


@cache
def _word_before() -> re.Pattern[str]:
    return patterncache.compile(r"([A-Za-z][\w'’-]*)([^A-Za-z]*)$")


def _words_before(text: str, lo: int, pos: int, limit: int = 6) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text, max(lo, pos - 80), pos)][-limit:]


def _subject_word(text: str, lo: int, pos: int) -> tuple[str, str]:
    """The word before a verb, skipping auxiliaries and adverbs; and what separates them."""
    cursor = pos
    for _ in range(5):
        m = _word_before().search(text, max(lo, cursor - 40), cursor)
        if m is None:
            return "", text[lo:cursor]
        word = m.group(1)
        low = word.lower()
        if low in _SKIP_BEFORE_VERB or (
            low.endswith("ly") and len(low) > 4 and "," not in m.group(2)
        ):
            cursor = m.start()
            continue
        return word, m.group(2)
    return "", ""


def _is_vague_subject(opts: SourcingOptions, text: str, lo: int, verb_start: int) -> bool:
    words = [w.lower() for w in _words_before(text, lo, verb_start, 3)]
    if not words:
        return False
    words = [w for w in words if w not in _SKIP_BEFORE_VERB] or words
    head = words[-1]
    if head in opts.vague_subjects:
        raw = _words_before(text, lo, verb_start, 2)
        qualifier = raw[0] if len(raw) > 1 else ""
        # "the reports say" or "ONS figures show" name particular ones; a bare plural does not.
        return not (
            qualifier.lower() in ("the", "its", "their", "his", "her", "this", "these", "official")
            or (qualifier[:1].isupper() and verb_start - lo > len(" ".join(raw)) + 1)
        )
    return len(words) > 1 and words[-2] in ("some", "many", "several", "unnamed", "various")


def _inverted_subject_is_vague(opts: SourcingOptions, text: str, end: int, hi: int) -> bool:
    after = [w.lower() for w in (m.group(0) for m in _WORD.finditer(text, end, min(hi, end + 40)))]
    after = [w for w in after if w not in ("the", "a", "an")][:2]
    return bool(after) and after[0] in opts.vague_subjects


def _tail_is_short(text: str, end: int, hi: int) -> bool:
    """True when a verb closes its clause: "..., the company said." or "..., said Mr X,"."""
    stop = hi
    for mark in (",", ";", '"', "“", "”", ":"):
        pos = text.find(mark, end, hi)
        if pos != -1:
            stop = min(stop, pos)
    tail = text[end:stop]
    words = _WORD.findall(tail)
    if tail.lstrip().lower().startswith(("that ", "there ", "it ")):
        return False
    return len(words) <= 9


def find_cues(
    opts: SourcingOptions,
    text: str,
    lo: int,
    hi: int,
    quoted: list[tuple[int, int]],
    probe: Probe | None = None,
    *,
    agentless: bool = True,
) -> SentenceCues:
    """Collect the cues of ``text[lo:hi]`` that lie outside quoted speech.

    ``probe`` (optional) is the sentence's :class:`Probe`: scans that cannot match are skipped.
    With ``agentless=False`` the agentless hedges are left for :func:`find_agentless`.
    """
    cues = SentenceCues()
    if probe is None:
        probe = Probe(text, lo, hi)

    def outside(start: int, end: int) -> bool:
        return not any(a <= start < b for a, b in quoted)

    vague_spans = cues.vague_spans
    if probe.has_literal(opts.vague_phrase_literals):
        for m in opts.vague_phrase_re.finditer(text, lo, hi):
            if outside(m.start(), m.end()):
                cues.vague.append(Cue(m.start(), m.end(), "vague"))
                vague_spans.append(m.span())

    def in_vague(start: int, end: int) -> bool:
        return any(a <= start < b or start <= a < end for a, b in vague_spans)

    if probe.has_token(opts.phrase_words):
        for start, end in opts.word_spans("attribution_phrases", probe):
            if outside(start, end) and not in_vague(start, end):
                cues.explicit.append(Cue(start, end, "phrase"))

    if probe.has_token(opts.reporting_words):
        for start, end in opts.word_spans("reporting_verbs", probe):
            if not outside(start, end) or in_vague(start, end):
                continue
            cue = _verb_cue(opts, text, lo, hi, start, end, active_only=False)
            if cue is not None:
                (cues.vague if cue.kind == "vague" else cues.explicit).append(cue)
    if probe.has_token(opts.active_only_words):
        for start, end in opts.word_spans("active_only_verbs", probe):
            if not outside(start, end) or in_vague(start, end):
                continue
            cue = _verb_cue(opts, text, lo, hi, start, end, active_only=True)
            if cue is not None:
                (cues.vague if cue.kind == "vague" else cues.explicit).append(cue)

    if agentless:
        cues.agentless = find_agentless(opts, text, lo, hi, quoted, vague_spans, probe)
    return cues


def find_agentless(
    opts: SourcingOptions,
    text: str,
    lo: int,
    hi: int,
    quoted: list[tuple[int, int]],
    vague_spans: list[tuple[int, int]],
    probe: Probe | None = None,
) -> list[Cue]:
    """The agentless hedges of ``text[lo:hi]`` outside quoted speech and vague phrases."""
    found: list[Cue] = []
    if probe is not None and not probe.has_literal(opts.agentless_literals):
        return found
    for m in opts.agentless_re.finditer(text, lo, hi):
        start, end = m.span()
        if any(a <= start < b for a, b in quoted):
            continue
        if any(a <= start < b or start <= a < end for a, b in vague_spans):
            continue
        found.append(Cue(start, end, "agentless"))
    return found


def _verb_cue(
    opts: SourcingOptions,
    text: str,
    lo: int,
    hi: int,
    start: int,
    end: int,
    *,
    active_only: bool,
) -> Cue | None:
    verb = re.sub(r"\s+", " ", text[start:end].lower())
    if _ends_with_word(text[max(lo, start - 4) : start], "to"):
        return None  # "is expected to say", "declined to reveal": nobody has said it yet
    subject, sep = _subject_word(text, lo, start)
    low = subject.lower()
    inverted = "," in sep or any(q in sep for q in "\"”'’")
    if not subject:
        return None  # no subject: a noun ("Estimates vary") or a headline fragment
    if low in _NOUN_MARKERS and not inverted:
        return None  # "the show", "a say", "amid fears"
    if low in _BE and not inverted:
        return None  # passive: "is said to", "was told", "were found" (agentless or vague)
    after = text[end : min(hi, end + 4)]
    if active_only:
        if low in ("an", "than", "as", "the", "a", "been") and not inverted:
            return None
        if re.match(r"\s+to\b", text[end : end + 4]) and low not in _PRONOUNS | {
            "has",
            "have",
            "had",
        }:
            return None
        if re.match(r"\s+by\b", text[end : end + 4]):
            return None  # "estimated by X" is an attribution phrase, matched on its own
    if verb in _NEEDS_AT and not re.search(r"\bat\b", text[end : min(hi, end + 60)]):
        return None
    if verb in _FIND_VERBS and not (
        low.lower() in _DATA_NOUNS or re.match(r"\s+that\b", text[end : end + 6])
    ):
        return None
    if verb in _SHOW_VERBS and not (low.lower() in _DATA_NOUNS or subject[:1].isupper()):
        return None
    del after
    if verb.startswith("tel") and re.match(
        r"\s+(?:the|a|an|his|her|its|their)\s+(?:story|stories|tale|history)\b",
        text[end : end + 20],
    ):
        return None  # "the film tells the story of ..." narrates, it does not report
    if inverted:
        if _inverted_subject_is_vague(opts, text, end, hi):
            return Cue(start, end, "vague")
        # ", saying it would ..." reports what the whole clause before it said or did.
        participle = verb.endswith("ing") and sep.rstrip().endswith(",")
        return Cue(start, end, "verb", postposed=participle or _tail_is_short(text, end, hi))
    if _is_vague_subject(opts, text, lo, start):
        # The cue spans its subject too, so that a message can quote "experts say".
        head = re.search(r"[A-Za-z][\w'’-]*\s+$", text[max(lo, start - 40) : start])
        begin = max(lo, start - 40) + head.start() if head else start
        return Cue(begin, end, "vague")
    postposed = _tail_is_short(text, end, hi) and _subject_after_break(text, lo, start)
    return Cue(start, end, "verb", postposed=postposed)


def _subject_after_break(text: str, lo: int, start: int) -> bool:
    """Whether the subject before a verb follows a comma, dash or quote: "..., the company
    said" closes a clause, but in "priced $150 and Nintendo says sales rose" the verb opens
    one of its own."""
    window = text[max(lo, start - 80) : start]
    cut = max(window.rfind(mark) for mark in (",", "”", '"', " - ", "—", "–", ":"))
    if cut == -1:
        return False
    return len(_WORD.findall(window[cut:])) <= 7


def _breaks(stretch: str) -> bool:
    """Whether a stretch between a cue and a figure ends the cue's clause: a semicolon
    outside brackets ("1bn euros ($1.3bn; £690m)" stays one clause), or a conjunction that
    opens a clause of the narrator's own ("..., while revenues grew 6.4%")."""
    # Drop bracketed stretches, including one that the stretch starts or ends inside.
    if ";" in stretch and _semicolon_outside_brackets(stretch):
        return True
    low = stretch.lower()
    if (
        "though" not in low
        and "whereas" not in low
        and ", but" not in low
        and "meanwhile" not in low
    ):
        return False  # none of the clause breaks can match, so the pattern is not compiled
    return _CLAUSE_BREAK.search(stretch) is not None


def _semicolon_outside_brackets(stretch: str) -> bool:
    """Whether a ";" of the stretch stands outside brackets; the stretch may start or end
    inside a bracket ("1bn euros ($1.3bn; £690m) ...")."""
    pos = stretch.find(";")
    while pos != -1:
        open_before = 0
        for ch in stretch[:pos]:
            if ch in "([":
                open_before += 1
            elif ch in ")]" and open_before:
                open_before -= 1
        depth, closed_after = 0, False
        for ch in stretch[pos + 1 :]:
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
                if depth < 0:
                    closed_after = True
                    break
        if not open_before and not closed_after:
            return True
        pos = stretch.find(";", pos + 1)
    return False


_CLAUSE_BREAK: Final = LazyPattern(
    r"\b(?:whereas|although|though)\b|,\s*(?:but|and meanwhile)\b", re.IGNORECASE
)
# "while" joins two parts of what a speaker said ("said sales rose, while costs fell"), but
# after a verb that discloses a result it opens the narrator's own clause ("posted a profit
# of $3bn, while revenues grew 6%").
_WHILE: Final = LazyPattern(r"\b(?:while|whilst)\b", re.IGNORECASE)
_RESULT_VERBS: Final = _words("posted posts recorded records reported reports unveiled")


def covers(text: str, cue: Cue, fig_start: int, fig_end: int, lo: int) -> bool:
    """Whether an explicit cue attributes the figure at ``fig_start:fig_end``."""
    if cue.kind == "phrase":
        first, second = sorted((cue.start, fig_start))
        return not _breaks(text[first:second])
    if fig_start >= cue.end:
        stretch = text[cue.end : fig_start]
        if (
            "whil" in stretch
            and text[cue.start : cue.end].lower() in _RESULT_VERBS
            and _WHILE.search(stretch)
        ):
            return False
        return not _breaks(stretch)
    if not cue.postposed or _breaks(text[fig_end : cue.start]):
        return False
    # A figure in an apposition that ends right before the verb belongs to the narrator:
    # "Smith, whose firm runs 90 stores, said ...", "Jones, who won five medals, denies
    # it and says ...".
    between = text[fig_end : cue.start]
    if "," in between:
        opener = text.rfind(",", lo, fig_start)
        close = text.find(",", fig_end, cue.start)
        if opener != -1 and _apposition_openers().match(text, opener):
            subject_gap = text[close + 1 : cue.start]
            if "," not in subject_gap and len(_WORD.findall(subject_gap)) <= 5:
                return False
    return True


_QUOTE_CHARS: Final = '"“”'
_QUOTE: Final = patterncache.compile(f"[{_QUOTE_CHARS}]")


def quoted_spans(text: str, sentences: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Quoted stretches of each sentence of one block, as absolute spans.

    News copy leaves the closing mark off a paragraph that a quotation continues past, and
    the BBC texts have lost their paragraph breaks, so direction is read from the
    surrounding characters where it can be, and a quote left open carries into the next
    sentence.
    """
    result: list[list[tuple[int, int]]] = []
    is_open = False
    for lo, hi in sentences:
        spans: list[tuple[int, int]] = []
        opened_at = lo if is_open else -1
        pos = lo
        while True:
            quote = _QUOTE.search(text, pos, hi)
            if quote is None:
                break
            found = quote.start()
            ch = text[found]
            before = text[found - 1] if found > lo else " "
            after = text[found + 1] if found + 1 < hi else " "
            if ch == "“" or (
                ch == '"' and (before.isspace() or before in "([—-:") and not after.isspace()
            ):
                if not is_open:
                    opened_at = found
                is_open = True
            elif ch == "”" or (ch == '"' and not before.isspace()):
                if is_open and opened_at != -1:
                    spans.append((opened_at, found + 1))
                is_open = False
                opened_at = -1
            else:
                if is_open:
                    spans.append((opened_at, found + 1))
                    opened_at = -1
                else:
                    opened_at = found
                is_open = not is_open
            pos = found + 1
        if is_open and opened_at != -1:
            spans.append((opened_at, hi))
        result.append(spans)
    return result


def speech_tag(
    opts: SourcingOptions,
    cues: SentenceCues,
    text: str,
    lo: int,
    hi: int,
    quoted: list[tuple[int, int]],
    probe: Probe | None = None,
) -> bool:
    """Whether the sentence names the speaker of its quotation ("...," she said)."""
    if cues.explicit:
        return True
    if probe is None:
        probe = Probe(text, lo, hi)
    if not probe.has_token(opts.speech_words):
        return False
    for start, _ in opts.word_spans("speech_verbs", probe):
        if not any(a <= start < b for a, b in quoted):
            return True
    return False
