"""JUnit XML, the report shape CI servers (Jenkins, GitLab, Azure, CircleCI) already display.

Each input file is a test case; each finding in it is a ``<failure>``, and a file that could
not be read is an ``<error>``. The suite's ``failures`` and ``errors`` count test cases, not
findings, as Surefire does, so that tests − failures − errors is the number of clean files
and no consumer computes a negative pass count.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TextIO

from copydesk.document.wordproc import describe_position, is_word_document
from copydesk.model import FileResult, Finding, RuleInfo
from copydesk.report import ReportOptions, Summary

SUITE = "copydesk"

# XML 1.0 cannot carry most C0 controls, lone surrogates or U+FFFE/U+FFFF even as references;
# ElementTree writes them through and the document then fails to parse.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def failure_text(finding: Finding) -> str:
    where = (
        f"{finding.path}: {describe_position(finding.path, finding.line, finding.column)}"
        if is_word_document(finding.path)
        else f"{finding.path}:{finding.line}:{finding.column}"
    )
    line = f"{where}: {finding.code} {finding.level} {finding.message}"
    if finding.suggestions:
        line += f"\nsuggestions: {', '.join(finding.suggestions)}"
    if finding.excerpt:
        line += f"\n{finding.excerpt}"
    return line


class Reporter:
    """Buffers test cases because the root's counts must be written before them."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.options = options
        self._cases: list[ET.Element] = []
        self._failed = 0
        self._errored = 0

    def start(self, rules: dict[str, RuleInfo]) -> None:
        pass

    def file(self, result: FileResult) -> None:
        case = ET.Element(
            "testcase", {"classname": SUITE, "name": xml_text(result.path), "time": "0"}
        )
        if result.error is not None:
            error = ET.SubElement(
                case, "error", {"type": "read-error", "message": xml_text(result.error)}
            )
            error.text = xml_text(f"{result.path}: {result.error}")
            self._errored += 1
        for finding in result.findings:
            failure = ET.SubElement(
                case, "failure", {"type": finding.code, "message": xml_text(finding.message)}
            )
            failure.text = xml_text(failure_text(finding))
        if result.findings and result.error is None:
            self._failed += 1
        if result.notes:
            out = ET.SubElement(case, "system-out")
            out.text = xml_text("\n".join(result.notes))
        self._cases.append(case)

    def finish(self, summary: Summary) -> None:
        counts = {
            "tests": str(len(self._cases)),
            "failures": str(self._failed),
            "errors": str(self._errored),
            "skipped": "0",
            "time": "0",
        }
        root = ET.Element("testsuites", {"name": SUITE, **counts})
        suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
        suite.extend(self._cases)
        if summary.skipped:
            out = ET.SubElement(suite, "system-out")
            out.text = xml_text("".join(f"check skipped: {s}\n" for s in summary.skipped))
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
        self._cases = []
