"""copydesk's findings in LanguageTool's JSON (the ``/v2/check`` answer). LanguageTool counts
offsets in UTF-16 code units (Java's chars), so an emoji counts two here too."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from copydesk import __version__
from copydesk.document import Document
from copydesk.engine.registry import Registry
from copydesk.engine.rules import RuleSpec
from copydesk.links import rule_page_url
from copydesk.model import Finding, Level

CONTEXT_CHARS = 40
LANGUAGES = {"en-GB": "English (GB)", "en-US": "English (US)"}

# The issue types LanguageTool clients colour by (LTeX, the browser add-ons).
_ISSUE_TYPE = {
    "spelling": "misspelling",
    "repetition": "duplication",
    "consistency": "inconsistency",
    "grammar": "grammar",
}


def languages() -> list[dict[str, str]]:
    out = [{"name": name, "code": "en", "longCode": code} for code, name in LANGUAGES.items()]
    out.append({"name": "English", "code": "en", "longCode": "en"})
    return out


def software() -> dict[str, Any]:
    return {
        "name": "copydesk",
        "version": __version__,
        "buildDate": None,
        "apiVersion": 1,
        "premium": False,
        "status": "",
    }


def category_of(finding: Finding, rule: RuleSpec | None) -> tuple[str, str]:
    """(id, name) of the LanguageTool category a finding is filed under."""
    if rule is None:
        return "MISC", "Miscellaneous"
    if rule.kind == "spelling":
        return "TYPOS", "Possible Typo"
    if rule.kind == "grammar":
        return "GRAMMAR", "Grammar"
    return rule.pack.upper().replace("-", "_"), f"copydesk {rule.pack}"


class Utf16:
    """Code-point offsets to UTF-16 ones, with one bisect when the text leaves the BMP."""

    def __init__(self, text: str) -> None:
        self._astral = (
            [i for i, c in enumerate(text) if ord(c) > 0xFFFF] if not text.isascii() else []
        )

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset) if self._astral else offset


def _units(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def _context(text: str, start: int, end: int) -> dict[str, Any]:
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    before = ("..." if left else "") + text[left:start]
    shown = before + text[start:end] + text[end:right] + ("..." if right < len(text) else "")
    shown = re.sub(r"[\r\n\t]", " ", shown)
    return {"text": shown, "offset": _units(before), "length": _units(text[start:end])}


def _sentence(doc: Document, offset: int) -> str:
    for span in doc.sentences:
        if span.start <= offset < span.end:
            return " ".join(doc.source[span.start : span.end].split())
    return ""


def _replacements(finding: Finding) -> list[dict[str, str]]:
    values: list[str] = []
    fix = finding.fix
    if fix is not None and len(fix.edits) == 1 and fix.edits[0].span == finding.span:
        values.append(fix.edits[0].replacement)
    values.extend(finding.suggestions)
    return [{"value": v} for v in dict.fromkeys(values)]


def matches(
    original: str,
    doc: Document,
    findings: Sequence[Finding],
    registry: Registry,
    rules_base: str | None,
) -> list[dict[str, Any]]:
    by_name = {r.name: r for r in registry}
    units = Utf16(original)
    out = []
    for f in findings:
        rule = registry.rules.get(f.code) or by_name.get(f.name)
        category, category_name = category_of(f, rule)
        if rule is not None and rule.kind in _ISSUE_TYPE:
            issue = _ISSUE_TYPE[rule.kind]
        else:
            issue = "style" if f.level == Level.SUGGESTION else "non-conformance"
        start, end = f.span
        rule_json: dict[str, Any] = {
            "id": f.code,
            "description": rule.summary if rule else f.name,
            "issueType": issue,
            "category": {"id": category, "name": category_name},
        }
        if rule is not None:
            rule_json["urls"] = [{"value": rule_page_url(rule, rules_base)}]
        out.append(
            {
                "message": f.message,
                "shortMessage": f.name.replace("-", " ").capitalize(),
                "replacements": _replacements(f),
                "offset": units(start),
                "length": units(end) - units(start),
                "context": _context(original, start, end),
                "sentence": _sentence(doc, start),
                "type": {"typeName": "UnknownWord" if issue == "misspelling" else "Other"},
                "rule": rule_json,
                "ignoreForIncompleteSentence": False,
                "contextForSureMatch": 0,
            }
        )
    return out


def check_answer(
    language: str, found: list[dict[str, Any]], notes: Sequence[str]
) -> dict[str, Any]:
    name = LANGUAGES.get(language, "English")
    answer: dict[str, Any] = {
        "software": software(),
        "warnings": {"incompleteResults": False},
        "language": {
            "name": name,
            "code": language,
            "detectedLanguage": {"name": name, "code": language, "confidence": 1.0},
        },
        "matches": found,
    }
    if notes:
        answer["warnings"]["notes"] = list(notes)  # e.g. LanguageTool could not be merged, and why
    return answer
