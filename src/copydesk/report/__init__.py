"""Reporters: one module per output format, looked up by name.

A reporter module defines ``class Reporter`` with this shape (see ``Reporter`` below):
``__init__(stream, options)``, ``start(rules)``, ``file(result)`` called once per input file in
input order as results arrive (so output streams), and ``finish(summary)``. Adding a format is
adding a module here and its name to ``FORMATS``.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple, Protocol, TextIO

from copydesk.model import FileResult, Level, RuleInfo

FORMATS = ("text", "json", "sarif", "github", "junit", "html")


class ReportOptions(NamedTuple):
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    fail_level: Level = Level.WARNING
    tool_version: str = ""


class Summary:
    """Totals of a run, filled in as results arrive. (Plain classes and NamedTuples only on
    the start-up path: importing ``dataclasses`` costs a pre-commit run over 10 ms.)"""

    def __init__(
        self,
        files: int = 0,
        files_with_findings: int = 0,
        errors: int = 0,  # files that could not be read
        counts: dict[str, int] | None = None,  # level name -> count
        by_rule: dict[str, int] | None = None,  # code -> count
        words: int = 0,
        skipped: list[str] | None = None,  # e.g. "grammar skipped: no LanguageTool server"
        fixed: int = 0,
        fixable: int = 0,  # fixes shown by --diff and not written
    ) -> None:
        self.files = files
        self.files_with_findings = files_with_findings
        self.errors = errors
        self.counts = counts if counts is not None else {}
        self.by_rule = by_rule if by_rule is not None else {}
        self.words = words
        self.skipped = skipped if skipped is not None else []
        self.fixed = fixed
        self.fixable = fixable


class Reporter(Protocol):
    def __init__(self, stream: TextIO, options: ReportOptions) -> None: ...
    def start(self, rules: dict[str, RuleInfo]) -> None: ...
    def file(self, result: FileResult) -> None: ...
    def finish(self, summary: Summary) -> None: ...


def get_reporter(name: str, stream: TextIO, options: ReportOptions) -> Reporter:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
    module = importlib.import_module(f"copydesk.report.{name}")
    reporter: Reporter = module.Reporter(stream, options)
    return reporter
