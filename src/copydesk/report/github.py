"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request.

GitHub reads ``::level file=…,line=…::message`` lines from a step's output. Property values and
the message are escaped as the runner expects, or a ``,`` in a path or a newline in a message
would cut the command short and the rest would be shown as plain log text.
"""

from __future__ import annotations

from typing import TextIO

from copydesk.document.wordproc import describe_position, is_word_document
from copydesk.model import FileResult, Finding, Level, RuleInfo
from copydesk.report import ReportOptions, Summary

_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.SUGGESTION: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message; ``%`` goes first so the escapes themselves survive."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, which also ends at ``,`` and must not contain ``:``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return (
        f"::{name} {props}::{escape_data(message)}"
        if props
        else f"::{name}::{escape_data(message)}"
    )


def annotation(finding: Finding) -> str:
    message = finding.message
    if finding.suggestions:
        message = f"{message} (suggestions: {', '.join(finding.suggestions)})"
    properties: dict[str, str | int] = {"file": finding.path}
    if is_word_document(finding.path):
        # GitHub would mark line N of the file as text; a .docx has none, so the annotation
        # stays on the file and the message says where in the document.
        message = f"{describe_position(finding.path, finding.line, finding.column)}: {message}"
    else:
        properties.update(
            line=finding.line,
            col=finding.column,
            endLine=finding.end_line,
            endColumn=finding.end_column,
        )
    properties["title"] = f"{finding.code} {finding.name}"
    return command(_COMMANDS[finding.level], properties, message)


class Reporter:
    """Streams one command per finding as each file arrives."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.options = options

    def start(self, rules: dict[str, RuleInfo]) -> None:
        pass

    def file(self, result: FileResult) -> None:
        if result.error is not None:
            self.stream.write(command("error", {"file": result.path}, result.error) + "\n")
        for finding in result.findings:
            self.stream.write(annotation(finding) + "\n")

    def finish(self, summary: Summary) -> None:
        for skipped in summary.skipped:
            self.stream.write(
                command("warning", {"title": "copydesk"}, f"check skipped: {skipped}") + "\n"
            )
