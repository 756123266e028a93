"""Mistakes in a config or a rule file stop the run before any document is read: exit 2, one
line naming the file and line, no traceback, nothing reported about the documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from copydesk.cli import main

CONFIG_MISTAKES = [
    ('packs = ["typo"]', 1, "no rule pack 'typo'"),
    ('select = ["XYZ123"]', 1, "'XYZ123' names no rule"),
    ('extend-select = ["pack:nope"]', 1, "'pack:nope' names no rule"),
    ('ignore = ["MEC999"]', 1, "'MEC999' names no rule"),
    ('house = "x"', 1, "house must be a table"),
    ("extends = 5", 1, "extends must be a string or a list of strings"),
    ('[per-file-ignores]\n"a/**" = [1]', 1, "per-file-ignores 'a/**' must be"),
    ('[per-file-ignores]\n"a/**" = ["NOPE1"]', 2, "'NOPE1' names no rule"),
    ("[levels]\nMEC001 = 3", 1, "levels 'MEC001' must be error, warning or suggestion"),
    ('[levels]\nZZZ001 = "error"', 2, "'ZZZ001' names no rule"),
    ("[spelling]\naccept = 5", 2, "[spelling] accept must be"),
    ("[front-matter]\nprose-fields = 5", 2, "[front-matter] prose-fields must be"),
    ("[sourcing]\npolicy = 1", 2, "[sourcing] policy must be one of 'strict', 'lenient'"),
    ("language = 5", 1, "language must be one of"),
    ("fail-level = 2", 1, "fail-level must be error, warning or suggestion"),
    ("grammar = 5", 1, "grammar must be a table"),
    ('[house]\nnumerals = "ten"', 2, "house parameter numerals must be one of"),
    ("surprise = 1", 1, "unknown setting 'surprise'"),
    ('rule-paths = ["no-such-folder"]', 1, "rule-paths: no such folder"),
]


def _run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.md").write_text("The the council met.\n")
    (tmp_path / "b.md").write_bytes(b"\xff\xfe\x00binary")
    code = main(["check", "--no-color", "s.md", "b.md"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("toml", "line", "message"), CONFIG_MISTAKES)
def test_config_mistake_exits_2_with_file_and_line(
    toml: str,
    line: int,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "copydesk.toml").write_text(toml + "\n")
    code, out, err = _run(tmp_path, monkeypatch, capsys)
    assert code == 2
    assert "Traceback" not in err and "internal error" not in err
    assert err.count("\n") == 1
    assert f"copydesk.toml:{line}: " in err and message in err, err
    assert "s.md" not in out and "b.md" not in out  # no document was read


RULE = """code: HSE001
name: house-rule
kind: {kind}
level: warning
summary: s
message: {message}
source: s
options:
{options}
examples: {{fail: [x], pass: [y]}}
"""

RULE_MISTAKES = [
    ("existence", "'{match}'", "  regex: true\n  tokens: ['(unclosed']", 8,
     "invalid regular expression '(unclosed'"),
    ("substitution", "'{match}'", "  regex: true\n  swap: {'(a)b': '\\2'}", 8,
     "invalid replacement"),
    ("existence", "'Broken {match'", "  tokens: [x]", 6, "invalid message template"),
    ("existence", "'{0}'", "  tokens: [x]", 6, "invalid message template"),
    ("existence", "'{match.__class__}'", "  tokens: [x]", 6, "invalid message template"),
    ("existence", "'{match:>99999999}'", "  tokens: [x]", 6, "invalid message template"),
    ("existence", "'{match}'", "  tokens: 5", 9, "option 'tokens' of kind existence must be"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "message", "options", "line", "problem"), RULE_MISTAKES)
def test_rule_mistake_exits_2_with_file_and_line(
    kind: str,
    message: str,
    options: str,
    line: int,
    problem: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    rule = pack / "HSE001.yaml"
    rule.write_text(RULE.format(kind=kind, message=message, options=options))
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["house"]\n')
    code, out, err = _run(tmp_path, monkeypatch, capsys)
    assert code == 2
    assert err.count("\n") == 1 and "Traceback" not in err and "internal error" not in err
    assert re.search(rf"HSE001\.yaml:{line}: .*{re.escape(problem)}", err), err
    assert "s.md" not in out and "b.md" not in out
