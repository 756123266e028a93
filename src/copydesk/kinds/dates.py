"""Dates that cannot be right: a day the month does not have ("31 April", "29 February 2023")
and a weekday that does not fall on the date beside it ("Monday 3 March 2015").

A date without a year takes the year of the story's own date, from a ``date:`` line of YAML
front matter (``2015-03-02`` or ``2015-03-02T10:00``); without either, only the day of the
month is checked (29 February is then allowed).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from copydesk import patterncache
from copydesk.kinds import Context, Match
from copydesk.kinds.prefilter import word_index

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {}

# English names, whatever the machine's locale
MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = (
    {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
    | {m[:3].lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
    | {"sept": 9}
)
_MONTH_WORDS = frozenset(_MONTHS)
_DAYS = (
    {d.lower(): i for i, d in enumerate(DAY_NAMES)}
    | {d[:3].lower(): i for i, d in enumerate(DAY_NAMES)}
    | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
)


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    """Compiled on first need. Names are matched as any capitalised word and looked up
    afterwards: an alternation of every month and day name costs far more to compile."""

    def weekday(g: str) -> str:
        return rf"(?:(?P<{g}>[A-Z][a-z]{{2,8}})\.?,?\s+(?:the\s+)?)?"

    def day(g: str) -> str:
        return rf"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"

    def month(g: str) -> str:
        return rf"(?P<{g}>[A-Z][a-z]{{2,8}})"

    def year(g: str) -> str:
        return rf"(?:,?\s+(?P<{g}>1[6-9]\d\d|2[01]\d\d)\b(?![-/]))?"

    return patterncache.compile(
        rf"\b(?:{weekday('weekday')}{day('day')}(?:\s+of)?\s+{month('month')}{year('year')}"
        rf"|{weekday('weekday2')}{month('month2')}\s+{day('day2')}{year('year2')})(?![\w-])"
    )


def month_length(year: int, month: int) -> int:
    """Days in the month, by the Gregorian calendar (as ``datetime``, which costs a one-file
    run an import, reckons them)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_FRONT_DATE = patterncache.compile(r"^date:[ \t]*[\"']?(\d{4})-(\d\d)-(\d\d)", re.MULTILINE)


def story_year(source: str) -> int | None:
    """The year of a ``date:`` line in the document's YAML front matter, if any."""
    if not source.startswith("---"):
        return None
    end = source.find("\n---", 3)
    m = _FRONT_DATE.search(source, 0, end if end > 0 else 2000)
    return int(m.group(1)) if m else None


class Kind:
    default_quotes = "skip"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        pass

    def run(self, doc: Document) -> Iterator[Match]:
        text = doc.masked
        if not any(c.isdigit() for c in text):
            return
        # every finding names a month as a whole word written "March" (the pattern's month is
        # a capital and small letters between non-word characters): without one, skip the scan
        months = _MONTH_WORDS & word_index(text).words
        if not any(m.capitalize() in text for m in months):
            return
        default_year: int | bool | None = False  # read on first need
        for m in date_pattern().finditer(text):
            g = {k.rstrip("2"): v for k, v in m.groupdict().items() if v is not None}
            if g["month"].lower() not in _MONTHS:
                continue
            if "weekday" in g and g["weekday"].lower() not in _DAYS:
                del g["weekday"]  # "Paris 3 March": a word before the date, not a weekday
            month = _MONTHS[g["month"].lower()]
            day = int(g["day"])
            if day == 0:
                continue
            year: int | None
            if "year" in g:
                year = int(g["year"])
            else:
                if default_year is False:
                    default_year = story_year(doc.source)
                year = default_year if isinstance(default_year, int) else None
            longest = month_length(year if year else 2000, month)
            if day > longest:
                name = MONTH_NAMES[month - 1]
                where = f"{name} {year}" if year and month == 2 else name
                yield Match(
                    m.start(),
                    m.end(),
                    {"match": m.group(), "why": f"{where} has only {longest} days"},
                )
                continue
            if "weekday" in g and year:
                said = _DAYS[g["weekday"].lower()]
                import datetime  # a weekday with a year: seldom

                real = datetime.date(year, month, day).weekday()
                if said != real:
                    yield Match(
                        m.start(),
                        m.end(),
                        {
                            "match": m.group(),
                            "why": f"{day} {MONTH_NAMES[month - 1]} {year} is a {DAY_NAMES[real]}",
                        },
                    )
