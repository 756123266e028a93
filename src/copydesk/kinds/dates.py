"""Dates that cannot be right: a day the month does not have ("31 April", "29 February 2023")
and a weekday that does not fall on the date beside it ("Monday 3 March 2015").

A date without a year takes the year of the story's own date, from a ``date:`` line of YAML
front matter (``2015-03-02`` or ``2015-03-02T10:00``); without either, only the day of the
month is checked (29 February is then allowed).
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {}

_MONTHS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {
    abbr.lower(): i for i, abbr in enumerate(calendar.month_abbr) if abbr
} | {"sept": 9}
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)} | {
    abbr.lower(): i for i, abbr in enumerate(calendar.day_abbr)
}
_MONTH = r"(?P<month>" + "|".join(
    sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True)
) + r")\.?"
_WEEKDAY = r"(?:(?P<weekday>" + "|".join(
    sorted((d.capitalize() for d in _DAYS), key=len, reverse=True)
) + r")\.?,?\s+(?:the\s+)?)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>1[6-9]\d\d|2[01]\d\d)\b(?![-/]))?"
_DATE = re.compile(
    r"\b(?:"
    + _WEEKDAY.replace("?P<weekday>", "?P<weekday>")
    + _DAY
    + r"(?:\s+of)?\s+"
    + _MONTH
    + _YEAR
    + r"|"
    + _WEEKDAY.replace("weekday", "weekday2")
    + _MONTH.replace("month", "month2")
    + r"\s+"
    + _DAY.replace("day", "day2")
    + _YEAR.replace("year", "year2")
    + r")(?![\w-])"
)
_FRONT_DATE = re.compile(r"^date:[ \t]*[\"']?(\d{4})-(\d\d)-(\d\d)", re.MULTILINE)


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
        default_year: int | bool | None = False  # read on first need
        for m in _DATE.finditer(text):
            g = {k.rstrip("2"): v for k, v in m.groupdict().items() if v is not None}
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
            longest = calendar.monthrange(year if year else 2000, month)[1]
            if day > longest:
                where = f"{calendar.month_name[month]} {year}" if year and month == 2 else (
                    calendar.month_name[month]
                )
                yield Match(
                    m.start(),
                    m.end(),
                    {"match": m.group(), "why": f"{where} has only {longest} days"},
                )
                continue
            if "weekday" in g and year:
                said = _DAYS[g["weekday"].lower()]
                real = datetime.date(year, month, day).weekday()
                if said != real:
                    yield Match(
                        m.start(),
                        m.end(),
                        {
                            "match": m.group(),
                            "why": f"{day} {calendar.month_name[month]} {year} is a "
                            f"{calendar.day_name[real]}",
                        },
                    )
