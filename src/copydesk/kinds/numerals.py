"""Numbers written in the wrong form for the house threshold.

The house parameter ``numerals`` is the first number written in figures (10: spell out one to
nine, as AP, the BBC and the Guardian do; 9: spell out one to eight). ``check: small`` flags
figures below the threshold ("3 firms"); ``check: large`` flags number words at or above it
("fifteen people"). Figures stay figures where every house keeps them: percentages, money,
measurements and units, ages, scores and results, times, dates, decimals, ranges, ordinals,
numbered things ("No 3", "page 4", "Article 5"), headings, and sentences that already hold a
figure at or above the threshold (a set that mixes small and large numbers is written in
figures throughout).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match, option
from copydesk.model import Applicability

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {
    "check": ("str", "small"),  # small | large
    "threshold": ("int", 0),  # 0: take the house parameter ``numerals`` (default 10)
    "units": ("list[str]", []),  # extra words after a figure that keep it a figure
    "before": ("list[str]", []),  # extra words before a figure that keep it a figure
}

WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen", "twenty"]  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip

# capitalised only because they start a sentence: "The 3 children" is no name like "Halo 2"
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "your",
        "all",
        "only",
        "some",
        "these",
        "those",
        "about",
        "almost",
        "nearly",
        "just",
        "over",
        "under",
        "at",
        "in",
        "on",
        "for",
        "with",
        "by",
        "from",
        "after",
        "before",
        "and",
        "but",
    ]
)

# feet and inches (straight or prime marks) and numbered sections ("4.a", "5.2")
_MARK_AFTER = re.compile(r"[′″\"]|'(?:\d|\s|$)|\.[a-z\d]\b")

# words after a figure that make it a measurement, a count of units or part of a name
UNITS = [
    "per",
    "percent",
    "cent",
    "%",
    "pc",
    "pct",
    "pence",
    "p",
    "m",
    "bn",
    "tn",
    "million",
    "billion",
    "trillion",
    "k",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "bst",
    "et",
    "est",
    "pst",
    "utc",
    "hours",
    "hrs",
    "hr",
    "minutes",
    "mins",
    "min",
    "seconds",
    "secs",
    "sec",
    "years",
    "year",
    "yrs",
    "yr",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "nights",
    "decades",
    "mph",
    "kph",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "m",
    "cm",
    "mm",
    "miles",
    "mile",
    "yards",
    "yard",
    "feet",
    "foot",
    "ft",
    "inches",
    "inch",
    "in",
    "kg",
    "kilos",
    "kilograms",
    "grams",
    "g",
    "lb",
    "lbs",
    "pounds",
    "ounces",
    "oz",
    "stone",
    "st",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "gallons",
    "pints",
    "ml",
    "degrees",
    "°c",
    "°f",
    "c",
    "f",
    "mw",
    "gw",
    "kw",
    "kwh",
    "mb",
    "gb",
    "tb",
    "ghz",
    "mhz",
    "mbps",
    "bit",
    "bits",
    "megapixel",
    "megapixels",
    "points",
    "point",
    "pts",
    "goals",
    "goal",
    "runs",
    "wickets",
    "wicket",
    "sets",
    "set",
    "games",
    "shots",
    "strokes",
    "holes",
    "under",
    "over",
    "seconds",
    "lengths",
    "furlongs",
    "yards-per-carry",
    "to",
    "-1",
    "-2",
    "-3",
    "-",
    "–",
    "x",
    "stars",
    "star",
    "percentage-point",
    "inch-thick",
    "year-old",
    "year-olds",
]
# words before a figure that number or measure it
BEFORE = [
    "no",
    "no.",
    "number",
    "nos",
    "page",
    "pages",
    "p",
    "pp",
    "chapter",
    "chapters",
    "article",
    "articles",
    "section",
    "clause",
    "rule",
    "level",
    "grade",
    "class",
    "category",
    "phase",
    "stage",
    "round",
    "game",
    "match",
    "race",
    "leg",
    "heat",
    "track",
    "series",
    "season",
    "volume",
    "vol",
    "part",
    "act",
    "scene",
    "verse",
    "line",
    "room",
    "floor",
    "platform",
    "gate",
    "terminal",
    "channel",
    "radio",
    "bbc",
    "windows",
    "version",
    "v",
    "model",
    "type",
    "mark",
    "mk",
    "size",
    "aged",
    "age",
    "ages",
    "top",
    "under",
    "over-",
    "division",
    "league",
    "tier",
    "step",
    "figure",
    "fig",
    "table",
    "appendix",
    "annex",
    "item",
    "paragraph",
    "para",
    "flight",
    "route",
    "bus",
    "junction",
    "j",
    "highway",
    "interstate",
    "area",
    "zone",
    "ward",
    "district",
    "pier",
    "bay",
    "group",
    "pool",
    "set",
    "hole",
    "day",
    "week",
    "month",
    "year",
    "minute",
    "period",
    "quarter",
    "q",
    "half",
    "stage",
    "form",
    "world",
    "war",
    "apollo",
    "formula",
    "f1",
    "player",
    "seed",
    "no.1",
    "number-one",
    "rank",
    "ranked",
    "ranking",
]

_FIGURE = re.compile(
    r"(?<![\w.,:/£$€¥#+−-])(?P<n>\d+)(?![\w%°]|[.,:/-]\d|[-–]\w|\s?[-–]\s?\d|\.\d)"
)
_WORD_NUM = re.compile(
    r"(?<![\w'’-])(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand)(?![\w'’-])",
    re.IGNORECASE,
)
# The words next to a number are looked for within this many characters of it: a sentence of
# thousands of figures (or one without spaces) must not cost each of them a scan of the whole.
_WINDOW = 64
_NEXT = re.compile(r"\s*([^\s]+)")
_PREV = re.compile(r"([^\s]+)\s*$")
_BIG_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\w.,])\d+(?![\d])")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
           "jul", "aug", "sep", "sept", "oct", "nov", "dec"}  # fmt: skip
_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def word_value(text: str) -> int | None:
    low = text.lower()
    if low in WORDS:
        return WORDS.index(low)
    if low == "hundred":
        return 100
    if low == "thousand":
        return 1000
    head, _, tail = low.partition("-")
    if head in _TENS:
        return _TENS[head] + (WORDS.index(tail) if tail else 0)
    return None


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        self.check: str = option(rule, "check")
        if self.check not in ("small", "large"):
            raise ValueError("option 'check' must be small or large")
        threshold: int = option(rule, "threshold") or int(ctx.house.get("numerals", 10))
        self.threshold = threshold
        self.units = {u.lower() for u in UNITS} | {u.lower() for u in option(rule, "units")}
        self.before = {b.lower() for b in BEFORE} | {b.lower() for b in option(rule, "before")}

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        for sentence in doc.sentences:
            block = doc.block_at(sentence.start)
            if block is not None and block.scope in ("heading", "table_cell"):
                continue
            if self.check == "small":
                yield from self._small(text, sentence.start, sentence.end)
            else:
                yield from self._large(text, sentence.start, sentence.end)

    def _small(self, text: str, start: int, end: int) -> Iterator[Match]:
        hits = list(_FIGURE.finditer(text, start, end))
        if not hits:
            return
        # a sentence that also has a figure at or above the threshold keeps all its figures
        for m in _BIG_FIGURE.finditer(text, start, end):
            value = _value(m.group().replace(",", ""))
            if value >= self.threshold:
                return
        for m in hits:
            value = _value(m.group("n"))
            if not 1 <= value < self.threshold or m.group("n").startswith("0"):
                continue
            if m.start() == start or not text[start : m.start()].strip():
                continue  # sentence start: another rule's business
            if self._kept(text, m.start(), m.end(), start, end):
                continue
            yield Match(
                m.start(),
                m.end(),
                {"match": m.group(), "word": WORDS[value], "threshold": self.threshold},
                (WORDS[value],),
            )

    def _kept(self, text: str, s: int, e: int, start: int, end: int) -> bool:
        if _MARK_AFTER.match(text, e, end):
            return True  # 5'9", 2′ 9″, section 4.a: a measurement or a label
        nxt = _NEXT.match(text, e, min(end, e + _WINDOW))
        after = nxt.group(1).lower().strip(".,;:!?)\"'’”") if nxt else ""
        if after in self.units or (after != "" and after[0] in "%°-–"):
            return True
        if after in _MONTHS or after.rstrip("s") in ("o'clock",):
            return True
        if nxt and nxt.group(1)[:1].isdigit():
            return True  # "3 1/2", "2 000"
        if text[s - 1 : s] == "(" and text[e : e + 1] == ")":
            return True  # "(2)": a tally or a label in brackets
        prev = _PREV.search(text, max(start, s - _WINDOW), s)
        before = prev.group(1).lower().rstrip(".,:") if prev else ""
        if before in self.before or before in _MONTHS or before in _DAYS:
            return True
        if (before != "" and before[0] in "£$€¥#") or before.endswith(
            ("£", "$", "€", "-", "–", "/")
        ):
            return True
        if prev and prev.group(1)[-1:].isdigit():
            return True
        if (
            prev
            and prev.group(1)[:1].isupper()
            and prev.group(1).replace("-", "").isalpha()
            and before not in _FUNCTION_WORDS
        ):
            return True  # part of a name: "Halo 2", "Channel 4", "Spider-Man 2"
        if nxt and nxt.group(1)[:1].isupper():
            return True  # part of a name: "6 Music", "3 Mobile"
        if re.match(r"\s*(?:-|–|to|and|or|by|of|out\s+of)\s*\d", text[e : min(end, e + _WINDOW)]):
            return True  # "3 to 5", "4 out of 10": a range or a comparison in figures
        # "between 5 and 7", "3, 4 and 5": a run of figures
        return (
            re.search(r"\d\s*(?:-|–|to|and|or|by|,)\s*$", text[max(start, s - _WINDOW) : s])
            is not None
        )

    def _large(self, text: str, start: int, end: int) -> Iterator[Match]:
        for m in _WORD_NUM.finditer(text, start, end):
            value = word_value(m.group("n"))
            if value is None or value < self.threshold or value >= 100:
                continue
            if not text[start : m.start()].strip():
                continue  # sentence start is spelled out
            if m.group("n")[0].isupper():
                continue  # a capital mid-sentence makes it part of a name: "Ocean's Twelve"
            nxt = _NEXT.match(text, m.end(), end)
            after = nxt.group(1).lower().strip(".,;:!?)\"'’”") if nxt else ""
            if after in (
                "hundred",
                "thousand",
                "million",
                "billion",
                "of",
                "and",
                "or",
                "to",
                "per",
            ):
                continue  # "twelve hundred", "twenty of them", ranges in words
            prev = _PREV.search(text, start, m.start())
            if prev and prev.group(1).lower() in ("the", "of"):
                continue  # "the Twelve", "one of twenty": names and literary uses
            figure = str(value)
            yield Match(
                m.start(),
                m.end(),
                {"match": m.group(), "figure": figure, "threshold": self.threshold},
                (figure,),
                applicability=Applicability.UNSAFE,
            )


def _value(digits: str) -> int:
    """The number a run of digits writes; a run too long for any count (Python refuses to
    convert more than a few thousand digits) is simply a very large number."""
    return int(digits) if len(digits) <= 30 else 10**30
