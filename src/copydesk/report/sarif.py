"""SARIF 2.1.0 output, for code-scanning dashboards (GitHub, Azure DevOps, IDE viewers).

One run; the rule table holds every rule the run was started with, so a viewer can show
rules that found nothing. Columns and character offsets are counted in Unicode code points,
declared through ``run.columnKind``, because that is how findings are measured; without the
declaration viewers would read them as UTF-16 units and drift after any astral character.

A Word or OpenDocument file has no lines of its own: there a result's ``startLine`` is the
paragraph's number and ``startColumn`` the character within it. Such a region carries no
character offsets (they would point into the zip) and a result no fix (copydesk never edits
these files); the location's message says "paragraph N, character M" and the run lists each
such file under ``artifacts`` with that description and its media type.
"""

from __future__ import annotations

import json
import posixpath
from importlib import metadata
from typing import Any, TextIO
from urllib.parse import quote

from copydesk import __version__
from copydesk.document.wordproc import describe_position, is_word_document
from copydesk.fingerprint import fingerprint, identify
from copydesk.model import Applicability, FileResult, Finding, Level, RuleInfo
from copydesk.report import ReportOptions, Summary

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "copydeskContext/v1"
SRCROOT = "%SRCROOT%"
SNIPPET_MAX = 500
"""Longer regions get no snippet: the excerpt a finding carries may be shortened with an
ellipsis, which a snippet must not be, and whole-paragraph copies would bloat the buffer."""

_MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
}
PARAGRAPH_LINES = (
    "A line in this document's results is a paragraph (body and table cells in reading order, "
    "then footnotes, then endnotes; empty paragraphs not counted) and a column is a character "
    "within that paragraph."
)

_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "note"}


def _information_uri() -> str | None:
    # Taken from the installed package's metadata rather than written here, so the report
    # never points at an address the project does not publish.
    try:
        meta = metadata.metadata("copydesk")
    except metadata.PackageNotFoundError:
        return None
    # hatchling writes [project.urls] as "Label, URL" Project-URL fields.
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = str(entry).partition(",")
        url = url.strip()
        if label.strip().lower() in {"homepage", "home", "source", "repository"} and (
            url.startswith(("https://", "http://"))
        ):
            return url
    return None


def artifact_location(path: str) -> dict[str, Any]:
    """A relative URI reference under %SRCROOT%, or a file URI for absolute paths."""
    p = path.replace("\\", "/")
    if p.startswith("/") or (len(p) > 2 and p[1] == ":" and p[2] == "/"):
        prefix = "file://" if p.startswith("/") else "file:///"
        return {"uri": prefix + quote(p, safe="/:")}
    p = posixpath.normpath(p)
    return {"uri": quote(p, safe="/"), "uriBaseId": SRCROOT}


def _rule_descriptor(info: RuleInfo) -> dict[str, Any]:
    help_text = info.description or info.summary
    if info.help_uri:
        help_text = f"{help_text}\n\nMore: {info.help_uri}"
    rule: dict[str, Any] = {
        "id": info.code,
        "name": info.name,
        "shortDescription": {"text": info.summary or info.name},
        "fullDescription": {"text": info.description or info.summary or info.name},
        "help": {"text": help_text or info.name},
        "defaultConfiguration": {"level": _LEVELS[info.level]},
        "properties": {"pack": info.pack, "source": info.source},
    }
    if info.help_uri:
        rule["helpUri"] = info.help_uri
    return rule


def _fix(finding: Finding, location: dict[str, Any]) -> dict[str, Any] | None:
    fix = finding.fix
    if fix is None or fix.applicability == Applicability.DISPLAY_ONLY or not fix.edits:
        return None
    return {
        "description": {"text": f"{fix.applicability} fix for {finding.code}"},
        "artifactChanges": [
            {
                "artifactLocation": location,
                "replacements": [
                    {
                        "deletedRegion": {
                            "charOffset": e.span.start,
                            "charLength": e.span.end - e.span.start,
                        },
                        "insertedContent": {"text": e.replacement},
                    }
                    for e in fix.edits
                ],
            }
        ],
        "properties": {"applicability": str(fix.applicability)},
    }


class Reporter:
    """Buffers results (already in their final, source-free shape) and writes one document."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.options = options
        self._rules: list[dict[str, Any]] = []
        self._rule_index: dict[str, int] = {}
        self._results: list[dict[str, Any]] = []
        self._notifications: list[dict[str, Any]] = []
        self._artifacts: list[dict[str, Any]] = []

    def start(self, rules: dict[str, RuleInfo]) -> None:
        for code in sorted(rules):
            self._rule_index[code] = len(self._rules)
            self._rules.append(_rule_descriptor(rules[code]))

    def _index_for(self, finding: Finding) -> int:
        index = self._rule_index.get(finding.code)
        if index is None:
            # A finding from a rule the run was not told about still needs a descriptor, or
            # its ruleIndex would point at nothing.
            index = len(self._rules)
            self._rule_index[finding.code] = index
            rule: dict[str, Any] = {
                "id": finding.code,
                "name": finding.name,
                "shortDescription": {"text": finding.name},
                "defaultConfiguration": {"level": _LEVELS[finding.level]},
            }
            if finding.help_uri:
                rule["helpUri"] = finding.help_uri
            self._rules.append(rule)
        return index

    def file(self, result: FileResult) -> None:
        location = artifact_location(result.path)
        if result.error is not None:
            self._notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{result.path}: {result.error}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        for note in result.notes:
            self._notifications.append(
                {
                    "level": "note",
                    "message": {"text": f"{result.path}: {note}"},
                    "locations": [{"physicalLocation": {"artifactLocation": location}}],
                }
            )
        paragraphs = is_word_document(result.path)
        if paragraphs:
            self._artifacts.append(
                {
                    "location": location,
                    "mimeType": _MEDIA_TYPES[posixpath.splitext(result.path.lower())[1]],
                    "description": {"text": PARAGRAPH_LINES},
                }
            )
        identities = identify(result.findings, result.source)
        for finding, ident in zip(result.findings, identities, strict=True):
            snippet = None
            if result.source is not None and finding.span.end - finding.span.start <= SNIPPET_MAX:
                snippet = result.source[finding.span.start : finding.span.end]
            self._results.append(
                self._result(finding, fingerprint(ident), location, snippet, paragraphs)
            )

    def _result(
        self,
        f: Finding,
        ident_fp: str,
        loc: dict[str, Any],
        snippet: str | None,
        paragraphs: bool = False,
    ) -> dict[str, Any]:
        region: dict[str, Any] = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
        }
        if not paragraphs:
            region["charOffset"] = f.span.start
            region["charLength"] = f.span.end - f.span.start
        if snippet:
            region["snippet"] = {"text": snippet}
        location: dict[str, Any] = {"physicalLocation": {"artifactLocation": loc, "region": region}}
        if paragraphs:
            location["message"] = {"text": describe_position(f.path, f.line, f.column)}
        out: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": self._index_for(f),
            "level": _LEVELS[f.level],
            "message": {"text": f.message},
            "locations": [location],
            "partialFingerprints": {FINGERPRINT_KEY: ident_fp},
        }
        fix = None if paragraphs else _fix(f, loc)
        if fix is not None:
            out["fixes"] = [fix]
        if f.suggestions:
            out["properties"] = {"suggestions": list(f.suggestions)}
        return out

    def finish(self, summary: Summary) -> None:
        version = self.options.tool_version or __version__
        driver: dict[str, Any] = {"name": "copydesk", "version": version, "rules": self._rules}
        if all(part.isdigit() for part in version.split(".")[:3]):
            driver["semanticVersion"] = version
        uri = _information_uri()
        if uri:
            driver["informationUri"] = uri
        notifications = list(self._notifications)
        for skipped in summary.skipped:
            notifications.append({"level": "warning", "message": {"text": f"skipped {skipped}"}})
        invocation: dict[str, Any] = {"executionSuccessful": True}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        run: dict[str, Any] = {
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {SRCROOT: {"description": {"text": "The linted tree's root"}}},
            "invocations": [invocation],
            "results": self._results,
        }
        if self._artifacts:
            run["artifacts"] = self._artifacts
        document = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
        self._results = []
        self._notifications = []
        self._artifacts = []
