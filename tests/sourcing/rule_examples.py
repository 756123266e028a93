"""A small loader for the sourcing rule files, used until the engine-wide example test exists.

It reads ``rules/sourcing/*.yaml``, merges their ``options:`` (each rule owns distinct keys, so
the merge is a plain union) and runs each rule's examples through ``SourcingChecker``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from copydesk.sourcing import SourcingChecker, SourcingIssue

RULES_DIR = Path(__file__).resolve().parents[2] / "rules" / "sourcing"
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True)
class RuleFile:
    path: Path
    data: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.data["name"])


def load_rule_files(directory: Path = RULES_DIR) -> list[RuleFile]:
    files = []
    for path in sorted(directory.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            files.append(RuleFile(path, yaml.safe_load(handle)))
    return files


def merged_options(files: list[RuleFile]) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for rule in files:
        for key, value in (rule.data.get("options") or {}).items():
            if key in merged:
                raise ValueError(f"{rule.path.name}: option {key!r} is set by two rule files")
            merged[key] = value
    return merged


def paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _BLANK_LINE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def run(checker: SourcingChecker, text: str) -> list[SourcingIssue]:
    return checker.check(text, paragraphs(text), source=text)


def example_cases(files: list[RuleFile]) -> list[tuple[str, str, str]]:
    """(rule name, "fail" | "pass", text) for every example of every rule file."""
    cases = []
    for rule in files:
        examples = rule.data.get("examples") or {}
        for item in examples.get("fail") or []:
            cases.append((rule.name, "fail", item["text"] if isinstance(item, dict) else item))
        for item in examples.get("pass") or []:
            cases.append((rule.name, "pass", item if isinstance(item, str) else item["text"]))
    return cases
