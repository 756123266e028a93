"""Every example in rules/sourcing/*.yaml behaves as the rule file says."""

from __future__ import annotations

import pytest

from copydesk.sourcing import OPTION_OWNERS, RULES, SourcingChecker
from copydesk.sourcing.options import DEFAULT_OPTIONS

from .rule_examples import example_cases, load_rule_files, merged_options, run

FILES = load_rule_files()
CHECKER = SourcingChecker(merged_options(FILES))


def test_one_file_per_rule_with_required_fields() -> None:
    assert sorted(f.name for f in FILES) == sorted(RULES)
    for rule in FILES:
        data = rule.data
        for key in (
            "code",
            "name",
            "kind",
            "level",
            "quotes",
            "summary",
            "description",
            "source",
            "message",
            "options",
            "examples",
        ):
            assert key in data, f"{rule.path.name}: missing {key}"
        assert data["kind"] == "sourcing"
        assert data["quotes"] == "check"
        assert data["level"] in ("error", "warning", "suggestion")
        assert rule.path.name.startswith(data["code"])
        assert data["examples"]["fail"] and data["examples"]["pass"]


def test_each_rule_owns_its_option_keys() -> None:
    for rule in FILES:
        for key in rule.data["options"]:
            assert OPTION_OWNERS[key] == rule.name, f"{rule.path.name} sets {key}"
    assert set(merged_options(FILES)) == set(DEFAULT_OPTIONS)


def test_rule_file_options_match_the_built_in_defaults() -> None:
    # The defaults apply when a rule file is disabled; they must not drift from the files.
    assert merged_options(FILES) == dict(DEFAULT_OPTIONS)


@pytest.mark.parametrize(("rule", "expect", "text"), example_cases(FILES))
def test_rule_example(rule: str, expect: str, text: str) -> None:
    issues = run(CHECKER, text)
    fired = [i for i in issues if i.rule == rule]
    if expect == "fail":
        assert fired, f"{rule} should flag: {text!r} (got {[(i.rule, i.figure) for i in issues]})"
    else:
        assert not fired, (
            f"{rule} should not flag: {text!r} (got {[(i.figure, i.message) for i in fired]})"
        )
