"""Machine output, schema version 1 (documented in docs/json-output.md):

    {"version": 1, "tool": "copydesk", "tool_version": "...",
     "files": [{"path", "line_unit", "error", "findings": [Finding.to_dict()...]}],
     "summary": {"files", "files_with_findings", "errors", "counts", "by_rule", "skipped", "fixed",
                 "fixable"}}

Offsets are Unicode code points into the decoded file (a byte-order mark is not counted). In a
Word or OpenDocument file (``line_unit`` "paragraph") a line is a paragraph, a column a
character within it, and offsets count into its paragraphs joined by line feeds."""

from __future__ import annotations

import json
from typing import TextIO

from copydesk.document.wordproc import is_word_document
from copydesk.model import FileResult, RuleInfo
from copydesk.report import ReportOptions, Summary

SCHEMA_VERSION = 1


class Reporter:
    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.out = stream
        self.opts = options
        self.first = True

    def start(self, rules: dict[str, RuleInfo]) -> None:
        head = {
            "version": SCHEMA_VERSION,
            "tool": "copydesk",
            "tool_version": self.opts.tool_version,
        }
        self.out.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "files": [')

    def file(self, result: FileResult) -> None:
        # streamed one file at a time, so memory stays flat on large runs
        item = {
            "path": result.path,
            "line_unit": "paragraph" if is_word_document(result.path) else "line",
            "error": result.error,
            "findings": [f.to_dict() for f in result.findings],
        }
        self.out.write(("\n  " if self.first else ",\n  ") + json.dumps(item, ensure_ascii=False))
        self.first = False

    def finish(self, summary: Summary) -> None:
        tail = {
            "files": summary.files,
            "files_with_findings": summary.files_with_findings,
            "errors": summary.errors,
            "counts": summary.counts,
            "by_rule": summary.by_rule,
            "skipped": summary.skipped,
            "fixed": summary.fixed,
            "fixable": summary.fixable,
        }
        self.out.write(f'\n], "summary": {json.dumps(tail, ensure_ascii=False)}}}\n')
