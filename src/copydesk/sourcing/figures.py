"""Figure detection: find amounts in a sentence and decide which of them are claims.

A figure is found by a handful of compiled patterns (numerals, number words, fractions,
vague quantities, ratios, multipliers); its class (money, percentage ...) and whether it is
only a date, a duration, an age, a score, a rank, part of a name and so on is decided from
the few words around it. Every exclusion is named, so each can be switched off.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Final, NamedTuple

from copydesk import patterncache
from copydesk.sourcing.lazyre import LazyPattern
from copydesk.sourcing.options import SourcingOptions
from copydesk.sourcing.prefilter import Probe, matches_at

__all__ = ["Figure", "find_figures"]


def _words(blob: str) -> frozenset[str]:
    return frozenset(blob.split())


class Figure(NamedTuple):
    """One amount in the text; ``excluded`` names the non-claim class, or is None."""

    start: int
    end: int
    kind: str
    excluded: str | None = None

    @property
    def is_claim(self) -> bool:
        return self.excluded is None


_SMALL: Final = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
_TENS: Final = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_NUMBER_WORDS: Final = frozenset(_SMALL + _TENS)
_SCALES: Final = "hundred|thousand|million|billion|trillion"
_NW: Final = (
    rf"(?:(?:{'|'.join(_TENS)})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    rf"|{'|'.join(sorted(_SMALL, key=len, reverse=True))})"
)
_WORD_VALUES: Final = {w: i + 1 for i, w in enumerate(_SMALL)} | {
    w: 20 + 10 * i for i, w in enumerate(_TENS)
}

_MONTHS: Final = _words(
    """
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec
    """
)
_DAYS: Final = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday
    """
)
_TIME_UNITS: Final = _words(
    """
    second seconds sec secs minute minutes min mins hour hours hr hrs day days night
    nights week weeks fortnight fortnights month months year years yr yrs decade decades
    century centuries season seasons weekend weekends
    """
)
_DISTANCE_UNITS: Final = _words(
    """
    yard yards metre metres meter meters m km kilometre kilometres mile miles foot feet
    ft inch inches in cm
    """
)
_SPORT_UNITS: Final = _words(
    """
    goal goals try tries wicket wickets run runs set sets frame frames stroke strokes
    lap laps
    """
)
_DESCRIPTOR_UNITS: Final = _words(
    """
    piece man seater storey story bedroom door lane speed string wheel wheeled cylinder
    a-side berth track legged date part core pin megapixel inch
    """
)
_STANDING_WORDS: Final = _words(
    """
    clear behind ahead adrift lead margin
    """
)
_DETERMINERS: Final = _words(
    """
    the these those his her their its our my your both all
    """
)
_RANK_WORDS: Final = _words(
    """
    no no. number num top ranked rank ranking position seeded seed tier
    """
)
_REFERENCE_WORDS: Final = _words(
    """
    page pages chapter chapters section sections clause clauses article articles
    paragraph para rule step part phase stage volume vol issue episode episodes series
    question item figure table appendix verse line room flight platform gate junction
    exit route bus level grade division
    """
)
_QUANTITY_LEAD: Final = _words(
    """
    to from at of by than up down over under about around nearly almost only just some
    with reached reach reaches hit hits is was are were be been totalled total totals
    numbered stands stood rose fell rise rises fall falls climbed dropped increased
    decreased cut gained lost scored made won took had has have between and or than
    approximately roughly exactly within per plus minus
    """
)
# Capitalised words that precede an amount without making it part of a name.
_NAME_STOP: Final = (
    frozenset(
        [
            "a",
            "an",
            "the",
            "about",
            "around",
            "nearly",
            "almost",
            "some",
            "over",
            "under",
            "only",
            "just",
            "up",
            "more",
            "fewer",
            "less",
            "than",
            "by",
            "of",
            "in",
            "at",
            "on",
            "to",
            "from",
            "with",
            "for",
            "and",
            "but",
            "or",
            "its",
            "his",
            "her",
            "their",
            "our",
            "these",
            "those",
            "this",
            "that",
            "all",
            "another",
            "last",
            "next",
            "each",
            "every",
            "exactly",
            "approximately",
            "roughly",
            "until",
            "since",
            "after",
            "before",
            "during",
            "between",
            "among",
            "both",
            "no",
            "number",
            "top",
            "within",
            "without",
            "per",
            "plus",
            "minus",
            "including",
            "as",
            "be",
            "is",
            "are",
            "was",
            "were",
            "has",
            "have",
            "had",
            "it",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
            "there",
            "here",
            "then",
            "so",
            "if",
            "when",
            "while",
            "where",
            "although",
            "though",
            "because",
            "despite",
            "into",
            "across",
            "barely",
            "once",
            "even",
            "still",
            "also",
            "now",
            "already",
            "yet",
            "today",
            "yesterday",
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "sir",
            "lord",
            "lady",
            "what",
            "which",
            "who",
            "whose",
            "how",
            "why",
            "another",
            "many",
            "much",
            "few",
            "several",
            "most",
            "least",
            "like",
            "unlike",
            "via",
            "than",
        ]
    )
    | _MONTHS
    | _DAYS
)
_CURRENCY_WORDS: Final = (
    r"euros?|dollars?|pounds?|sterling|pence|cents?|yen|yuan|renminbi|rupees?|francs?|"
    r"roubles?|rubles?|kronor|kroner|krona|pesos?|rand|dinars?|lira|zlotys?|won|baht|"
    r"ringgit|shekels?|reais|real"
)
_TIME_SUFFIX: Final = _words(
    """
    am pm gmt bst cet est pst hrs h
    """
)
_MEASURE_SUFFIX: Final = _words(
    """
    km kg g mg mph kph km/h cm mm ml gb mb kb tb ghz mhz khz kw mw gw kwh mwh hp ft in
    lb lbs oz sq mpg cc bhp x
    """
)
_SCALE_SUFFIX: Final = _words(
    """
    m bn mn k tn trn
    """
)
_SPORTS_NOUNS: Final = _words(
    """
    game games match matches meeting meetings appearance appearances
    """
)


def _spec(pattern: str, flags: int = 0) -> tuple[str, int]:
    return pattern, flags


class _LazyPatterns(dict[str, re.Pattern[str]]):
    """Patterns compiled on first use: most articles need only a few of them."""

    def __init__(self, specs: dict[str, tuple[str, int]]) -> None:
        super().__init__()
        self._specs = specs

    def __missing__(self, key: str) -> re.Pattern[str]:
        pattern, flags = self._specs[key]
        compiled = self[key] = patterncache.compile(pattern, flags)
        return compiled


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return _LazyPatterns(_pattern_specs())


def _pattern_specs() -> dict[str, tuple[str, int]]:
    return {
        "digit": _spec(
            r"(?<![\w.,/\-'’:])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            r"(?P<sfx>[A-Za-z]+)?"
        ),
        "word": _spec(
            rf"\b(?:{_NW}(?:[\s-]+(?:{_SCALES}))*(?:\s+and\s+{_NW})?"
            rf"|an?\s+(?:{_SCALES})(?:\s+(?:{_SCALES}))*|(?:half\s+a|a)\s+dozen)\b",
            re.IGNORECASE,
        ),
        "fraction": _spec(
            r"\b(?:(?:a|one|two|three|four)[\s-](?:half|third|quarter|fifth|sixth|eighth|"
            r"tenth)s?(?=\s+of\b)|(?:two|three|four)-(?:thirds|quarters|fifths)"
            r"|one\s+\d+(?:st|nd|rd|th)\b|one\s+(?:third|quarter|fifth|tenth)s?\b)"
            r"(?:\s+of\s+an?\s+(?:million|billion|trillion))?",
            re.IGNORECASE,
        ),
        "half": _spec(
            r"(?<![\w-])half(?![\w-])(?:\s+an?\s+(?:million|billion|dozen|trillion)\b)?",
            re.IGNORECASE,
        ),
        "ratio": _spec(
            rf"\b(?:{_NW}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?:{_NW}|\d{{1,3}}|a hundred"
            r"|a thousand)\b",
            re.IGNORECASE,
        ),
        "multiplier": _spec(
            r"\b(?:doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|trebl(?:ed|es|ing)|"
            r"quadrupl(?:ed|es|ing)|(?:two|three|four|five|six|seven|eight|nine|ten|twenty|"
            r"fifty|hundred|thousand|\d+)-?fold|twice\s+(?:as|the)\b)"
            r"|\b(?:to|will|would|could|may|might|can|should)\s+['‘\"]?"
            r"(?P<verb>double|triple|treble|quadruple)\b",
            re.IGNORECASE,
        ),
        "after_amount": _spec(
            rf"(?:\s?(?:{_SCALES}|bn|mn|m|k|tn|trn)\b)*"
            r"(?P<pct>\s?(?:%|per\s?cent\b|percent\b|percentage\s+points?\b))?"
            rf"(?P<cur>\s(?:{_CURRENCY_WORDS})\b)?",
            re.IGNORECASE,
        ),
        "currency_before": _spec(r"(?:[£$€¥₹]|(?:US|A|C|HK|NZ|S)\$|Rs\.?\s?|(?:USD|EUR|GBP)\s?)$"),
        "prev_word": _spec(r"([A-Za-z][\w'’.&-]*)([^\w]*)$"),
        "next_word": _spec(r"([\s-]*)([A-Za-z][\w'’/-]*)"),
        "range_after": _spec(r"\s?[-–/]\s?\d"),
        "month_range": _spec(r"\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?\s+(?P<m>[A-Z][a-z]+)"),
        "clock": _spec(
            r"(?:\s?(?:am|pm|a\.m\.|p\.m\.|GMT|BST|CET|EST|PST|hrs|o'clock|local time)\b)"
        ),
        "address": _spec(
            r"\s(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|"
            r"Drive|Way|Terrace|Court|Gardens|Crescent|Close|Row|Boulevard)\b"
        ),
        "whether": _spec(r"\bwhether\b[^.;!?]{0,80}?\bor\b[^.;,!?]{0,40}", re.IGNORECASE),
        "age_before": _spec(
            r"(?:\baged?|\bages|\bage of|\bwho (?:is|was|turns|turned)|\bturns|\bturned)\s*$"
            r"|(?:^|[,;:(]\s*)At\s+$",
            re.IGNORECASE,
        ),
        "average_before": _spec(
            r"\b(?:average|mean|median|typical|typically|on average)\b[^.;]{0,30}$",
            re.IGNORECASE,
        ),
        "list_start": _spec(r"\(?\d{1,3}[.)]\s"),
        "height": _spec(r"\d+\s?ft(?:\s?\d+\s?in)?\b|\d+\s?in\b"),
    }


_SCALE_VALUES: Final = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "dozen": 12.0,
}


@lru_cache(maxsize=4096)
def _number_value(amount: str) -> float | None:
    """Rough value of an amount such as "2.5bn", "two million" or "a dozen"."""
    parts = re.findall(r"[\d,.]+|[a-z]+", amount.lower())
    value: float | None = None
    for part in parts:
        if part in _SCALE_VALUES:
            value = (value or 1.0) * _SCALE_VALUES[part]
        elif part in _WORD_VALUES and value is None:
            value = float(_WORD_VALUES[part])
        elif part[0].isdigit() and value is None:
            try:
                value = float(part.replace(",", "").rstrip("."))
            except ValueError:
                return None
    return value


_MONTHS_CAPITALISED: Final = frozenset(m.capitalize() for m in _MONTHS)
_STANDING_AFTER: Final = r"\w+\s+(?:" + "|".join(sorted(_STANDING_WORDS)) + r")\b"
_ASCII_LETTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_WORD_EXTRA: Final = frozenset("'’.&-")


def _prev_word(text: str, lo: int, pos: int) -> tuple[str, str] | None:
    r"""The groups of ``_patterns()["prev_word"].search(text, lo, pos)``, found backwards.

    That search takes the leftmost ``[A-Za-z]`` from which a run of ``[\w'’.&-]`` reaches
    the stretch of non-word characters that ends at ``pos``; scanning back from ``pos`` finds
    the same without trying every start.
    """
    extra = _WORD_EXTRA
    word_end = pos  # the non-word tail is text[word_end:pos]
    while word_end > lo:
        ch = text[word_end - 1]
        if ch.isalnum() or ch == "_":  # exactly the regex \w
            break
        word_end -= 1
    else:
        return None
    run = word_end - 1  # text[run:word_end] is all [\w'’.&-]
    while run > lo:
        ch = text[run - 1]
        if not (ch.isalnum() or ch == "_" or ch in extra):
            break
        run -= 1
    letters = _ASCII_LETTERS
    first = run
    while text[first] not in letters:
        first += 1
        if first == word_end:
            return None
    end = word_end  # greedy: the run also takes the ' ’ . & - that follow the word
    while end < pos and text[end] in extra:
        end += 1
    return text[first:end], text[end:pos]


class _Context:
    """Words around one candidate, computed once and shared by the exclusion tests."""

    __slots__ = (
        "end",
        "hi",
        "lo",
        "next_sep",
        "next_word",
        "prev_sep",
        "prev_word",
        "start",
        "text",
    )

    def __init__(self, text: str, start: int, end: int, lo: int, hi: int) -> None:
        pats = _patterns()
        self.text, self.start, self.end, self.lo, self.hi = text, start, end, lo, hi
        prev = _prev_word(text, max(lo, start - 40), start)
        self.prev_word = prev[0] if prev else ""
        self.prev_sep = prev[1] if prev else text[lo:start]
        nxt = pats["next_word"].match(text, end, hi)
        self.next_sep = nxt.group(1) if nxt else ""
        self.next_word = nxt.group(2) if nxt else ""

    @property
    def prev_lower(self) -> str:
        return self.prev_word.lower().rstrip(".") if self.prev_word else ""

    @property
    def next_lower(self) -> str:
        return self.next_word.lower()

    @property
    def hyphenated(self) -> bool:
        return self.next_sep == "-"

    @property
    def next_unit(self) -> str:
        # "11-day" and "11 days" both name the unit; "-year-old" keeps its tail for ages.
        word = self.next_lower
        return word.split("-")[0] if word else ""

    def at_sentence_start(self) -> bool:
        lead = self.text[self.lo : self.start]
        return not lead.strip(" \t\n\"'“‘(‐-—")

    def after_opening(self) -> bool:
        lead = self.text[max(self.lo, self.start - 3) : self.start].rstrip()
        return self.at_sentence_start() or lead.endswith((":", '"', "“", "‘", "(", "—", "-"))


def _sports_context(opts: SourcingOptions, text: str, lo: int, hi: int) -> bool:
    low = text[lo:hi].lower()
    words = set(re.findall(r"[a-z][a-z-]+", low))
    if not words.isdisjoint(opts.sports_terms):
        return True
    return any(" " in term and term in low for term in opts.sports_phrases)


# A competition stage ("the last eight", "the last 16") is not an amount.
_RACE_TIME_AFTER: Final = LazyPattern(r"\s?(?:secs?|seconds|s)\b", re.IGNORECASE)
_SUCCESSIVE: Final = LazyPattern(r"\s+(?:consecutive|straight|successive|victory|win|title)\b")
# "the 90's", "the 1960's": a decade written with the apostrophe DAT001 objects to
_DECADE_APOSTROPHE: Final = LazyPattern(r"['’]s\b")
_ODDS_BEFORE: Final = LazyPattern(r"\bodds\s+(?:of|at|are|were|is|was)?\s*$", re.IGNORECASE)
# A count that the rest of its clause names at once: "two firms - Fitch and Moody's".
_ENUMERATION_AFTER: Final = LazyPattern(
    r"(?:\s+[\w'’-]+){0,6}?\s*(?:\s[-–—]\s|:\s*)(?:the\s+)?[A-Z\d][^.;]{0,80}?\band\b"
)
_EVENT_AFTER: Final = LazyPattern(
    r"\s(?:hurdles|sprint|dash|relay|final|heats?|title|champion|race|record|freestyle|"
    r"breaststroke|backstroke|butterfly|medley|individual|event)\b"
)
_SUPERLATIVE: Final = LazyPattern(r"\s+(?:most|\w+est|top|leading|biggest)\b", re.IGNORECASE)
_AGE_LIMIT: Final = LazyPattern(r"\b(?:over|under|over-|under-)\s*$", re.IGNORECASE)
_PLURAL_AFTER_NAME: Final = LazyPattern(r"\s[A-Za-z]+\s+([A-Za-z]{2,}s)\b")
_MODEL_FOLLOW: Final = frozenset(("and", "or", "is", "was", "has", "which", "model", "series"))
_NAME_CURRENCY: Final = frozenset(("Cent", "Cents"))
_ANAPHORIC_LEAD: Final = frozenset(("other", "remaining", "latter", "former", "same"))


def _classify_amount(
    opts: SourcingOptions,
    ctx: _Context,
    token: str,
    suffix: str,
    kind: str,
    is_word: bool,
    sports: Callable[[], bool],
) -> str | None:
    """Name the exclusion class of a plain amount (numeral or number word), or None."""
    text, start, end = ctx.text, ctx.start, ctx.end
    pats = _patterns()
    value = _number_value(text[start:end])
    sfx = suffix.lower()
    if (
        not sfx
        and not is_word
        and value is not None
        and value % 10 == 0
        and _DECADE_APOSTROPHE.match(text, end)
    ):
        return "dates"
    if sfx:
        if sfx in ("st", "nd", "rd", "th"):
            if _SUCCESSIVE.match(text, end):
                return None  # "her 10th consecutive title" counts titles
            return "ordinals"
        if sfx == "s" and not is_word:
            return "dates"  # 1980s, 90s: decades (or an age band, equally not a claim)
        if sfx in _TIME_SUFFIX:
            return "times"
        if sfx in ("ft", "in") and pats["height"].match(text, start):
            return "descriptors"
        if suffix.isupper() and sfx not in ("k", "m", "bn", "mn", "tn", "p", "x"):
            return "names"  # 3G, 3D, 4WD: a label, not an amount
        if sfx == "m" and kind != "money" and (sports() or _EVENT_AFTER.match(text, end)):
            return "sports"  # "the 60m hurdles", "a leap of 7.91m"
        if sfx in _DISTANCE_UNITS and sfx not in ("m", "in"):
            if sports():
                return "sports"
            if ctx.next_word[:1].islower() and ctx.next_lower not in ("of", "long", "high"):
                return "descriptors"  # "a 10km race": a category, not a measurement
        if sfx in _MEASURE_SUFFIX or sfx in _SCALE_SUFFIX or sfx == "p":
            pass
        else:
            return "names"  # 3G, 4x4, 7Up: a label, not an amount
    if kind != "number":
        return None
    plain = not sfx and "," not in token and "." not in token
    nxt, nunit, prev = ctx.next_lower, ctx.next_unit, ctx.prev_lower
    before = text[max(ctx.lo, start - 12) : start]
    if not is_word and "/" in text[end : end + 2] and _ODDS_BEFORE.search(before):
        return None  # betting odds, "odds of 1/4": a claim, not a date
    if (
        before.rstrip().lower().endswith("last")
        and not before.rstrip()[-5:-4].isalpha()
        and (is_word or plain)
        and value in (2, 4, 8, 16, 32, 64)
        and not (len(nxt) > 3 and nxt.endswith("s"))
    ):
        return "sports"  # "reach the last eight", but "their last six meetings" counts
    if (
        not is_word
        and not sfx
        and "." in token
        and len(token.split(".")[1]) == 2
        and (sports() or _RACE_TIME_AFTER.match(text, end))
        and (value or 0) < 100
    ):
        return "sports"  # a race time or a mark: "in 46.46", "7.27 seconds"
    if not is_word and pats["range_after"].match(text, end):
        after = text[end : end + 12]
        if len(token) == 4 and plain:
            return "dates"  # 2004-05, 1999/2000
        if "/" in after[:2]:
            return "dates"  # 9/11, 12/05
        if re.match(r"[-–]\d{1,3}\s+(?:majority|vote|verdict|ruling|decision)", after):
            return None
        if prev in ("aged", "ages", "between"):
            return "ages"
        return "sports"
    if not is_word and plain and value is not None:
        if len(token) == 4 and 1500 <= value <= 2099:
            return "dates"
        if pats["clock"].match(text, end) or re.match(r"[:.]\d{2}\b", text[end : end + 4]):
            return "times"
    if nunit.capitalize() in _MONTHS_CAPITALISED and ctx.next_word[:1].isupper():
        return "dates"
    if prev in _MONTHS and ctx.prev_word[:1].isupper() and ctx.prev_sep.strip() in ("", ","):
        return "dates"
    month_range = pats["month_range"].match(text, end)
    if month_range and month_range.group("m").lower() in _MONTHS:
        return "dates"
    if (
        prev in _DAYS
        and ctx.prev_sep.strip() == ""
        and value is not None
        and value <= 31
        and not ctx.next_word[:1].islower()
    ):
        return "dates"  # "Friday 15 April", but not "on Friday 15 protesters"
    # Ages: "the 47-year-old", "aged 45", "Smith, 45,", "At 23, ...", "who is 36 at ...".
    tail = text[end : end + 14].lower()
    if "old" in tail and re.match(r"[\s-]years?[\s-]olds?\b", tail):
        return "ages"
    if value is not None and value < 120 and plain:
        before = text[max(ctx.lo, start - 24) : start]
        age_before = pats["age_before"].search(before)
        if age_before and not nunit:
            return "ages"
        if age_before and nxt in ("at", "in", "on", "when", "and"):
            return "ages"
        if (
            ctx.prev_sep.strip() == ","
            and ctx.prev_word[:1].isupper()
            and re.match(r"\s?[,)]|\s(?:and|is|was|has|had|who|from)\b", text[end : end + 6])
        ):
            return "ages"
    if (
        plain
        and value in (12, 13, 14, 15, 16, 17, 18, 21, 25, 60, 65)
        and _AGE_LIMIT.search(before)
        and (not nunit or nxt in ("before", "to", "and", "or", "are", "can", "who", "must"))
    ):
        return "ages"  # "users must prove they are over 18"
    if nunit in _TIME_UNITS and not (ctx.hyphenated and nxt.endswith("-old")):
        big = value is not None and value >= 100
        before = text[max(ctx.lo, start - 50) : start]
        if not big and not pats["average_before"].search(before):
            return "durations"
    # Sport: scores, match detail, standings, shot distances.
    if nunit in _SPORT_UNITS and (sports() or nunit in ("goal", "goals", "try", "tries")):
        return "sports"
    if nunit in ("point", "points") and (
        sports() or re.match(_STANDING_AFTER, text[end + 1 : end + 20])
    ):
        return "sports"
    if nunit in ("yard", "yards", "yarder"):
        return "sports"
    if nunit in _DISTANCE_UNITS:
        if sports():
            return "sports"
        if ctx.hyphenated:
            return "descriptors"
    if ctx.hyphenated and nunit in _DESCRIPTOR_UNITS:
        return "descriptors"
    if nxt in ("places", "place", "spots", "spot", "notches", "rungs") and not is_word:
        return "ordinals"  # a chart or ranking move: "rose 23 places"
    if prev in _RANK_WORDS and ctx.prev_sep.strip(" .") == "":
        return "ordinals"
    if prev in _REFERENCE_WORDS and ctx.prev_sep.strip() == "":
        return "names"
    if plain and pats["address"].match(text, end):
        return "addresses"
    if ctx.at_sentence_start() and pats["list_start"].match(text, start):
        return "list_numbering"
    # Names: "Windows 95", "Channel 4", "BBC Four", "Six Nations", "Fathers 4 Justice".
    if is_word and token[:1].isupper() and not ctx.after_opening():
        return "names"
    if (
        plain
        and ctx.prev_word[:1].isupper()
        and ctx.prev_sep == " "
        and prev not in _NAME_STOP
        and not prev.endswith(("'s", "’s", "s'", "s’"))
        and not (nxt.endswith("s") and nxt[:1].islower() and len(nxt) > 3 and not ctx.hyphenated)
    ):
        return "names"
    if (
        not is_word
        and plain
        and ctx.next_sep == " "
        and ctx.next_word[:1].isupper()
        and not re.sub(r"['’]s$", "", ctx.next_word).endswith("s")
        and nunit.capitalize() not in _MONTHS_CAPITALISED
        and not ctx.next_word.isupper()
        and not _plural_follows(text, end)
    ):
        return "names"  # "50 Cent", "21 Grams": a number that starts a name
    if (
        not is_word
        and plain
        and len(token) == 4
        and value is not None
        and (
            not ctx.next_word[:1].islower()
            or nxt in _MODEL_FOLLOW
            or ctx.next_sep.strip() in ("-", "–", "—")
        )
    ):
        # News style writes a count of thousands with a separator; four bare digits that
        # are not a year are a model or code ("the 3230 and 7710").
        return "names"
    if (
        (
            (prev in _DETERMINERS or prev in _ANAPHORIC_LEAD)
            or (
                prev.endswith(("'s", "’s"))
                and ctx.prev_word[:1].isupper()
                and not ctx.hyphenated
                and not _SUPERLATIVE.match(text, end)
            )
        )
        and ctx.prev_sep == " "
        and value is not None
        and value <= 20
        and "." not in token
    ):
        return "anaphoric"
    if (
        value is not None
        and value <= 20
        and (is_word or plain)
        and not ctx.hyphenated
        and _ENUMERATION_AFTER.match(text, end, ctx.hi)
    ):
        return "anaphoric"  # "two handsets - the 3230 and 7710": the count names them
    if (
        not is_word
        and plain
        and value is not None
        and value < 100
        and re.match(r"\s?(?:[,;:)]|\.(?!\d)|$)", text[end : end + 2])
        and prev not in _QUANTITY_LEAD
        and not ctx.at_sentence_start()
    ):
        return "bare_numbers"
    return None


def _plural_follows(text: str, end: int) -> bool:
    """Whether a capitalised word after a number is a modifier of a plural noun
    ("30 Labour MPs", "15 British soldiers"), so the number counts people, not a name."""
    m = _PLURAL_AFTER_NAME.match(text, end)
    return m is not None and m.group(1).lower() not in ("has", "was", "does", "says", "is")


class _Cover:
    """Whether some span holds [start, end], answered by bisection over the
    spans sorted by start, with the furthest end reached so far, so that a sentence with
    thousands of figures and thousands of references stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []
        furthest = -1
        for _, b in spans:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def holds(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start)
        return i > 0 and self.reach[i - 1] >= end


# Prefilters (see ``copydesk.sourcing.prefilter``), read off the patterns in ``_patterns``:
# a sentence that holds none of these whole words or literals cannot match the pattern, so
# its scan is skipped. Tokens are lower-cased whole words; literals are lower-cased strings.
_WORD_TOKENS: Final = _NUMBER_WORDS | {
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
}
_HALF_TOKENS: Final = frozenset({"half"})
_WORD_STARTS: Final = _NUMBER_WORDS | {"a", "an", "half"}
_SCALE_TOKENS: Final = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
_RATIO_TOKENS: Final = frozenset({"in", "out"})
_FRACTION_LITERALS: Final = ("half", "third", "quarter", "fifth", "sixth", "eighth", "tenth")
_MULTIPLIER_LITERALS: Final = ("doubl", "tripl", "trebl", "quadrupl", "fold", "twice")
# Exactly the whole words that ``_any_number_word()`` matches, besides ``\w+fold``.
_ANY_NUMBER_TOKENS: Final = _WORD_TOKENS | _words(
    """
    hundreds thousands millions billions dozens half double doubled doubling tripled
    trebled quadrupled quadrupling quarter third scores twice tens
    """
)


def _scan(
    probe: Probe, pattern: re.Pattern[str], words: frozenset[str], *, digits: bool = False
) -> list[re.Match[str]]:
    """The matches of ``pattern`` in the probe's sentence, given that each begins with one
    of ``words`` as a whole word or (with ``digits``) at the start of a run of digits."""
    starts = probe.word_positions(words)
    if starts is None:
        return list(pattern.finditer(probe.text, probe.lo, probe.hi))
    if digits and probe.has_digit:
        starts += probe.digit_starts()
        starts.sort()
    return matches_at(pattern, probe.text, starts, probe.hi)


def _may_hold_figure(probe: Probe) -> bool:
    """The figure prefilter: a digit, or a number word (``_any_number_word()``)."""
    if probe.has_digit:
        return True
    if not probe.safe:
        return _has_number_word(probe.text[probe.lo : probe.hi])
    tokens = probe.tokens
    if not tokens.isdisjoint(_ANY_NUMBER_TOKENS):
        return True
    return "fold" in probe.low and any(len(t) > 4 and t.endswith("fold") for t in tokens)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a span of ``taken``: sorted spans, none overlapping
    another, so only those starting before ``end`` count, and going back from the last of
    them the first non-empty one that ends by ``start`` settles it (every earlier span ends
    before it starts). A sentence with thousands of figures stays linear."""
    k = bisect_left(taken, (end, -1))
    while k > 0:
        k -= 1
        a, b = taken[k]
        if start < b and a < end:
            return True
        if a < b:
            return False
    return False


def _references(
    opts: SourcingOptions, text: str, lo: int, hi: int, probe: Probe
) -> list[tuple[int, int]]:
    """The spans of the reference patterns (versions, issue numbers, telephone numbers) in
    the sentence: figures inside them are no claims."""
    spans: list[tuple[int, int]] = []
    index = probe.index
    if index is None:
        for hints, _, _, pattern in opts.reference_scans:
            if probe.has_digit if hints is None else probe.has_literal(hints):
                spans += [m.span() for m in pattern.compiled.finditer(text, lo, hi)]
        return spans
    # The scans whose literals and shapes occur anywhere in the document, found once.
    live = index.memo.get("references")
    if live is None:
        low = index.low
        has_digits = bool(index.digit_starts)
        live = index.memo["references"] = [
            scan
            for scan in opts.reference_scans
            if (
                has_digits
                if scan[0] is None or scan[2] is not None
                else any(map(low.__contains__, scan[0]))
            )
            and (scan[1] is None or any(map(index.shape.__contains__, scan[1])))
        ]
    for hints, shapes, leads, pattern in live:
        if leads is not None:
            if not _lead_before_digits(index.low, lo, probe.digit_starts(), leads):
                continue
        elif hints is None:
            if not probe.has_digit:
                continue
        elif not any(map(probe.low.__contains__, hints)):
            continue
        if shapes is not None:
            shape = index.shape
            if all(shape.find(s, lo, hi) == -1 for s in shapes):
                continue
        spans += [m.span() for m in pattern.compiled.finditer(text, lo, hi)]
    return spans


def _lead_before_digits(low: str, lo: int, starts: list[int], leads: tuple[str, ...]) -> bool:
    """Whether one of ``leads`` ends right before one of the runs of digits at ``starts``,
    white space between them aside, within the sentence from ``lo``."""
    for at in starts:
        while at > lo and low[at - 1].isspace():
            at -= 1
        if low.endswith(leads, lo, at):
            return True
    return False


def find_figures(
    opts: SourcingOptions, text: str, lo: int, hi: int, probe: Probe | None = None
) -> list[Figure]:
    """Return the figures of ``text[lo:hi]`` (one sentence), claims and exclusions alike.

    ``probe`` (optional) is the sentence's :class:`Probe`, when the caller already has it.
    """
    if probe is None:
        probe = Probe(text, lo, hi)
    if not _may_hold_figure(probe):
        return []
    pats = _patterns()
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    exclude = opts.exclude

    def add(start: int, end: int, kind: str, excluded: str | None) -> None:
        if _overlaps(taken, start, end):
            return
        if excluded is not None and not exclude.get(excluded, True):
            excluded = None
        insort(taken, (start, end))
        found.append(Figure(start, end, kind, excluded))

    idioms: list[tuple[int, int]] = []
    if probe.has_literal(opts.idiom_literals):
        idioms = [m.span() for m in opts.idiom_re.finditer(text, lo, hi)]
    if probe.has_literal(("whether",)):
        idioms += [m.span() for m in pats["whether"].finditer(text, lo, hi)]
    names: list[tuple[int, int]] = []
    if probe.has_literal(opts.name_literals):
        names = [m.span() for m in opts.name_re.finditer(text, lo, hi)]
    references = _references(opts, text, lo, hi, probe)
    sports_known: list[bool] = []

    def sports() -> bool:
        if not sports_known:
            # A sentence with none of the terms as a substring has none of them as a word.
            sports_known.append(
                probe.has_literal(opts.sports_literals) and _sports_context(opts, text, lo, hi)
            )
        return sports_known[0]

    covers = [(_Cover(spans), why) for spans, why in
              ((references, "references"), (idioms, "idioms"), (names, "names")) if spans]  # fmt: skip

    def common(start: int, end: int) -> str | None:
        for cover, why in covers:
            if cover.holds(start, end):
                return why
        return None

    if probe.has_token(opts.vague_quantity_words):
        start = probe.skip_to(opts.vague_quantity_starts)
        for m in opts.vague_quantity_re.finditer(text, start, hi):
            ctx = _Context(text, m.start(), m.end(), lo, hi)
            unit = ctx.next_unit
            excluded = common(*m.span())
            if excluded is None and unit in _TIME_UNITS:
                excluded = "durations"
            # "thousands" straight after a number is a scale word ("three thousands"), not a
            # quantity.
            if m.group(0).lower() in ("thousands", "millions", "billions") and (
                ctx.prev_lower in _NUMBER_WORDS or ctx.prev_word[:1].isdigit()
            ):
                continue
            add(m.start(), m.end(), "vague", excluded)
    has_word = probe.has_token(_WORD_TOKENS)
    if (probe.has_digit or has_word) and probe.has_token(_RATIO_TOKENS):
        # A ratio starts with a number word or a run of digits.
        for m in _scan(probe, pats["ratio"], _NUMBER_WORDS, digits=True):
            second = m.group(0).split()[-1]
            if second.isdigit() and len(second) == 4:
                continue
            add(m.start(), m.end(), "ratio", common(*m.span()))
    if probe.has_literal(_FRACTION_LITERALS) or (probe.has_digit and probe.has_token(_ONE)):
        for m in pats["fraction"].finditer(text, lo, hi):
            add(m.start(), m.end(), "fraction", common(*m.span()))
    if probe.has_token(_HALF_TOKENS):
        for m in pats["half"].finditer(text, lo, hi):
            ctx = _Context(text, m.start(), m.end(), lo, hi)
            if ctx.prev_lower in _NOT_HALF_BEFORE:
                continue
            nxt = ctx.next_lower
            follow = text[m.end() : m.end() + 2]
            quantity = (
                m.end() - m.start() > 4
                or nxt in _HALF_OF
                or re.match(_HALF_FOLLOW, follow) is not None
            )
            if quantity and nxt not in _NOT_HALF_AFTER:
                add(m.start(), m.end(), "fraction", common(*m.span()))
    if probe.has_literal(_MULTIPLIER_LITERALS):
        for m in pats["multiplier"].finditer(text, lo, hi):
            span = m.span("verb") if m.group("verb") else m.span()
            add(span[0], span[1], "multiplier", common(*span))
    if probe.has_digit:
        # A figure starts a run of digits (the look-behind rules out a digit before it), so
        # the pattern is tried only there rather than at every character after the first.
        for m in matches_at(pats["digit"], text, probe.digit_starts(), hi):
            _add_amount(
                opts,
                text,
                lo,
                hi,
                m.start(),
                m.group("num"),
                m.group("sfx") or "",
                False,
                sports,
                common,
                add,
            )
    if has_word:
        # A match starts with a number word, or with "a", "an" or "half" before a scale word
        # or "dozen"; without one of those, it can only start at a number word.
        starts = _WORD_STARTS if probe.has_token(_SCALE_TOKENS) else _NUMBER_WORDS
        for m in _scan(probe, pats["word"], starts):
            token = m.group(0)
            low = token.lower()
            if low == "one" or low.startswith(("one and", "one-")):
                continue
            _add_amount(opts, text, lo, hi, m.start(), token, "", True, sports, common, add)
    found.sort(key=lambda f: f.start)
    return found


_ONE: Final = frozenset({"one"})
_NOT_HALF_BEFORE: Final = frozenset(
    ("first", "second", "other", "latter", "former", "each", "the", "own")
)
_HALF_OF: Final = frozenset(
    ("of", "the", "its", "his", "her", "their", "our", "all", "those", "these")
)
_NOT_HALF_AFTER: Final = frozenset(("an", "time", "term", "hour", "century", "way"))
_HALF_FOLLOW: Final = r"\s?[.,;)]|$"


@cache
def _any_number_word() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:{_NW}|{_SCALES}|hundreds|thousands|millions|billions|dozens?|half|double|"
        r"doubled|doubling|tripled|trebled|quadrupled|quadrupling|quarter|third|scores|\w+fold|"
        r"twice|tens)\b",
        re.IGNORECASE,
    )


def _has_number_word(segment: str) -> bool:
    return _any_number_word().search(segment) is not None


def _add_amount(
    opts: SourcingOptions,
    text: str,
    lo: int,
    hi: int,
    start: int,
    token: str,
    suffix: str,
    is_word: bool,
    sports: Callable[[], bool],
    common: Callable[[int, int], str | None],
    add: Callable[[int, int, str, str | None], None],
) -> None:
    pats = _patterns()
    end = start + len(token) + len(suffix)
    kind = "number"
    sfx = suffix.lower()
    currency = pats["currency_before"].search(text, max(lo, start - 4), start)
    money = bool(currency)
    if not sfx or sfx in _SCALE_SUFFIX:
        tail = pats["after_amount"].match(text, end, hi)
        if tail and tail.end() > end:
            if tail.group("pct"):
                kind = "percent"
            end = tail.end()
            if tail.group("cur") and tail.group("cur").strip() not in _NAME_CURRENCY:
                money = True
            elif tail.group("cur"):
                end = tail.start("cur")  # "50 Cent": a name, not fifty cents
    if sfx == "p" and not money:
        money = True
    if money:
        kind = "money"
        if currency:  # the same search as above: start has not moved
            start = currency.start()
    ctx = _Context(text, start, end, lo, hi)
    excluded = common(start, end)
    if excluded is None:
        # Scale words belong to the amount ("two million people"), so read the unit after it.
        excluded = _classify_amount(opts, ctx, token, suffix, kind, is_word, sports)
    add(start, end, kind, excluded)
