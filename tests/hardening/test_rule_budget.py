"""A rule pack's regex that backtracks without end is stopped by its time budget: the run goes
on, and a CDK003 finding names the rule. Built-in rules are not timed (and not slowed)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from copydesk.api import make_linter
from copydesk.engine.budget import budget_for

RUNAWAY = """code: HSE001
name: runaway
kind: existence
level: warning
summary: Nested repeats.
message: "'{match}'"
source: a test
options:
  regex: true
  tokens: ['(a+)+$']
examples: {fail: [aaa], pass: [b]}
"""


def test_runaway_user_regex_becomes_a_finding(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "HSE001.yaml").write_text(RUNAWAY)
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["house"]\npacks = ["core", "house"]\n')
    (tmp_path / "a.md").write_text("The the council met. " + "a" * 31 + "b\n")
    (tmp_path / "b.md").write_text("The the mayor spoke.\n")
    env = {**os.environ, "COPYDESK_RULE_TIMEOUT": "0.5"}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", "check", "--no-color", "a.md", "b.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 30
    assert proc.returncode == 1, proc.stderr
    assert "a.md:1:1: CDK003 error Rule HSE001" in proc.stdout
    assert "HSE001.yaml" in proc.stdout and "was stopped" in proc.stdout
    # the other rules and the other file still ran
    assert "a.md:1:1: MEC001" in proc.stdout and "b.md:1:1: MEC001" in proc.stdout


def test_an_ordinary_user_rule_is_unaffected(tmp_path: Path) -> None:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "HSE001.yaml").write_text(RUNAWAY.replace("(a+)+$", "colou?r"))
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["house"]\npacks = ["house"]\n')
    (tmp_path / "a.md").write_text("The colour of the room.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", "check", "--no-color", "a.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1 and "HSE001" in proc.stdout and "CDK003" not in proc.stdout


def test_built_in_rules_are_not_timed() -> None:
    linter = make_linter(select=["pack:core", "pack:typos", "pack:sourcing"])
    assert linter.rules and not linter._timed


def test_budget_grows_with_the_document() -> None:
    assert budget_for(1_000_000) - budget_for(0) == 10
