"""The data that flows between stages: spans, edits, fixes, findings and per-file results.

Everything here is plain data with no behaviour beyond ordering and serialisation, so every
stage (rules, fixes, reporters, baselines, the cache) can share it without importing the engine.
Immutable values are NamedTuples: a frozen dataclass costs ten times as much to define, and a
pre-commit run defines every one of them before it checks a word.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, NamedTuple


class Level(IntEnum):
    """Finding severity; ordered so that ``level >= fail_level`` decides the exit code."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Level:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown level {name!r} (expected error, warning or suggestion)"
            ) from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(IntEnum):
    """How far a fix may be trusted: only SAFE fixes apply unless unsafe ones are asked for."""

    DISPLAY_ONLY = 1
    UNSAFE = 2
    SAFE = 3

    def __str__(self) -> str:
        return self.name.lower().replace("_", "-")

    @classmethod
    def parse(cls, name: str) -> Applicability:
        try:
            return cls[name.strip().upper().replace("-", "_")]
        except KeyError:
            raise ValueError(
                f"unknown fix applicability {name!r} (expected safe, unsafe or display-only)"
            ) from None


class Span(NamedTuple):
    """Half-open range of Unicode code points into the decoded source."""

    start: int
    end: int


class Edit(NamedTuple):
    span: Span
    replacement: str


class Fix(NamedTuple):
    applicability: Applicability
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicability": str(self.applicability),
            "edits": [
                {"offset": e.span.start, "end_offset": e.span.end, "replacement": e.replacement}
                for e in self.edits
            ],
        }


class Finding(NamedTuple):
    """One problem at one place of one file. Line and column are 1-based; columns count code
    points; ``end_line``/``end_column`` point one past the last flagged character."""

    path: str
    code: str
    name: str
    level: Level
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    fix: Fix | None = None
    suggestions: tuple[str, ...] = ()
    help_uri: str | None = None
    # codes of other checkers' findings on the same words, dropped in favour of this one
    duplicates: tuple[str, ...] = ()

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Finding:
        fix = None
        if d.get("fix"):
            fix = Fix(
                Applicability.parse(d["fix"]["applicability"]),
                tuple(
                    Edit(Span(e["offset"], e["end_offset"]), e["replacement"])
                    for e in d["fix"]["edits"]
                ),
            )
        return cls(
            path=d["path"],
            code=d["code"],
            name=d["name"],
            level=Level.parse(d["level"]),
            message=d["message"],
            span=Span(d["offset"], d["end_offset"]),
            line=d["line"],
            column=d["column"],
            end_line=d["end_line"],
            end_column=d["end_column"],
            excerpt=d["excerpt"],
            fix=fix,
            suggestions=tuple(d.get("suggestions", ())),
            help_uri=d.get("help_uri"),
            duplicates=tuple(d.get("duplicates", ())),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "name": self.name,
            "level": str(self.level),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "offset": self.span.start,
            "end_offset": self.span.end,
            "excerpt": self.excerpt,
            "suggestions": list(self.suggestions),
            "fix": self.fix.to_dict() if self.fix else None,
            "duplicates": list(self.duplicates),
        }


class FileResult(NamedTuple):
    """Everything learnt about one input: its findings (sorted by position), or the one-line
    error that stopped it being read, plus what the reporters need to show context."""

    path: str
    findings: Sequence[Finding] = ()
    error: str | None = None
    source: str | None = None
    words: int = 0
    notes: Sequence[str] = ()


class RuleInfo(NamedTuple):
    """What reporters need to know about a rule (SARIF rule table, HTML legend, docs links)."""

    code: str
    name: str
    level: Level
    summary: str
    description: str
    pack: str
    source: str
    help_uri: str | None = None
