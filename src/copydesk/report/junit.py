"""JUnit XML, the report shape CI servers (Jenkins, GitLab, Azure, CircleCI) already display.

Each finding is a test case of its own with one ``<failure>`` (CI viewers show only the first
failure of a case), named by rule and position, its class the file's path so that viewers group
a file's findings. A clean file is one passing case and a file that could not be read one case
with an ``<error>``. The suite's counts are case counts, as Surefire writes them.
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
        path = xml_text(result.path)
        cases: list[ET.Element] = []
        if result.error is not None or not result.findings:
            case = ET.Element("testcase", {"classname": path, "name": path, "time": "0"})
            if result.error is not None:
                error = ET.SubElement(
                    case, "error", {"type": "read-error", "message": xml_text(result.error)}
                )
                error.text = xml_text(f"{result.path}: {result.error}")
                self._errored += 1
            cases.append(case)
        for finding in result.findings:
            name = f"{finding.code} {finding.name} at {finding.line}:{finding.column}"
            case = ET.Element("testcase", {"classname": path, "name": xml_text(name), "time": "0"})
            failure = ET.SubElement(
                case, "failure", {"type": finding.code, "message": xml_text(finding.message)}
            )
            failure.text = xml_text(failure_text(finding))
            self._failed += 1
            cases.append(case)
        if result.notes:
            out = ET.SubElement(cases[0], "system-out")
            out.text = xml_text("\n".join(result.notes))
        self._cases.extend(cases)

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
