"""Reporters: one module per output format, looked up by name.

A reporter module defines ``class Reporter`` with this shape (see ``Reporter`` below):
``__init__(stream, options)``, ``start(rules)``, ``file(result)`` called once per input file in
input order as results arrive (so output streams), and ``finish(summary)``. Adding a format is
adding a module here and its name to ``FORMATS``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from copydesk.model import FileResult, Level, RuleInfo

FORMATS = ("text", "json", "sarif", "github", "junit", "html")


@dataclass
class ReportOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    fail_level: Level = Level.WARNING
    show_source: bool = True
    tool_version: str = ""


@dataclass
class Summary:
    files: int = 0
    files_with_findings: int = 0
    errors: int = 0  # files that could not be read
    counts: dict[str, int] = field(default_factory=dict)  # level name -> count
    by_rule: dict[str, int] = field(default_factory=dict)  # code -> count
    words: int = 0
    skipped: list[str] = field(default_factory=list)  # e.g. "grammar: no LanguageTool server"
    fixed: int = 0


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
