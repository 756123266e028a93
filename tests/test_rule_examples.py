"""Every rule's fail and pass examples, run through the whole engine, in one test."""

from __future__ import annotations

import os
from typing import Any

import pytest

from copydesk.api import default_registry, make_linter
from copydesk.document import parse_document
from copydesk.engine.rules import Example, RuleSpec
from copydesk.fix import fix_text
from copydesk.model import Applicability

RULES = list(default_registry())


def _house(rule: RuleSpec, example: Example) -> dict[str, Any]:
    house: dict[str, Any] = {}
    for key, allowed in rule.when.items():
        house[key] = allowed[0] if isinstance(allowed, list) else allowed
    house.update(dict(example.house))
    return house


def _findings(rule: RuleSpec, example: Example) -> tuple[Any, list[Any]]:
    settings: dict[str, Any] = {}
    if rule.kind == "grammar":
        url = os.environ.get("COPYDESK_LT_URL")
        if not url:
            pytest.skip(
                "COPYDESK_LT_URL not set: no LanguageTool server to run grammar examples against"
            )
        settings["grammar"] = (("mode", "server"), ("server", url))
    linter = make_linter(
        # meta rules judge other rules' suppressions, so those rules must run too
        select=[rule.code, "pack:core"] if rule.kind == "meta" else [rule.code],
        house=_house(rule, example),
        language="en-US" if rule.pack == "news-us" else "en-GB",
        **settings,
    )
    doc = parse_document(
        example.text,
        f"example.{ {'markdown': 'md', 'html': 'html'}.get(example.kind, 'txt') }",
        example.kind,
    )
    return linter, [
        f
        for f in linter.lint(doc)
        if f.code.split(":")[0] == rule.code.split(":")[0] or f.code == rule.code
    ]


CASES = [
    pytest.param(rule, ex, expected, id=f"{rule.code}-{expected}-{i}")
    for rule in RULES
    for expected, examples in (("fail", rule.fail), ("pass", rule.passes))
    for i, ex in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_example(rule: RuleSpec, example: Example, expected: str) -> None:
    linter, found = _findings(rule, example)
    if expected == "pass":
        assert not found, (
            f"{rule.code} flagged a pass example: {[(f.excerpt, f.message) for f in found]}"
        )
        return
    assert found, f"{rule.code} did not flag: {example.text!r}"
    if example.occurrences is not None:
        assert len(found) == example.occurrences, [f.excerpt for f in found]
    for f in found:
        assert example.text[f.span.start : f.span.end] == f.excerpt or f.excerpt.endswith("…")
    if example.fix is not None:
        minimum = rule.fix or Applicability.UNSAFE
        fixed, _, _ = fix_text(
            example.text,
            lambda t: [
                f for f in linter.lint(parse_document(t, "x", example.kind)) if f.code == rule.code
            ],
            minimum,
        )
        assert fixed == example.fix
