"""YAML aliases in rule files are refused with the file and line: a few lines of nested aliases
(a "billion laughs") stand for billions of nodes, and used to eat gigabytes even when the pack
was not selected."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from copydesk import safeyaml

BOMB = """code: HSE001
name: bomb
kind: existence
level: warning
summary: s
message: m
source: s
tags:
  - &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  - &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
  - &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
  - &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
  - &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
  - &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
examples: {fail: [x], pass: [y]}
"""


def _limit_memory() -> None:
    limit = 1 << 30  # a bomb that expands fails here instead of taking the machine down
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def test_alias_bomb_in_a_rule_pack_is_refused(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "HSE001.yaml").write_text(BOMB)
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["house"]\n')
    (tmp_path / "s.md").write_text("The council met.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", "check", "s.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert f"{pack / 'HSE001.yaml'}:10: YAML aliases are not allowed (*a)" in proc.stderr
    assert proc.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a: &x 1\nb: *x\n", 2),
        ("- &x [1]\n- [*x, *x]\n", 2),
        ("base: &b {k: 1}\nother:\n  <<: *b\n", 3),
    ],
)
def test_safe_loader_refuses_every_alias(text: str, line: int) -> None:
    with pytest.raises(safeyaml.YAMLError, match="aliases are not allowed") as info:
        safeyaml.load(text)
    assert info.value.line == line


def test_safe_loader_keeps_ordinary_yaml_and_refuses_deep_nesting() -> None:
    assert safeyaml.load("a: &anchor-unused [1, 2]\nb: {c: 'd'}\n").data == {
        "a": [1, 2],
        "b": {"c": "d"},
    }
    with pytest.raises(safeyaml.YAMLError):
        safeyaml.load("[" * 100_000)
    with pytest.raises(safeyaml.YAMLError, match="invalid YAML"):
        safeyaml.load("a: [1\n")
