"""`[sourcing] policy` in copydesk.toml: strict and lenient through the real CLI, and a bad
value named with its file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main

# The council is named two sentences before the figure: strict wants a source in this or
# the previous sentence, lenient accepts an earlier one on the same subject.
STORY = (
    "The county council said the flood defences along the river had failed overnight.\n"
    "Crews worked through the night. The failed river defences left 1,200 homes flooded.\n"
)


def check(tmp_path: Path, config: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    (tmp_path / "copydesk.toml").write_text(config, encoding="utf-8")
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    code = main(["check", "--select", "SRC001", "--format", "json", str(tmp_path / "story.md")])
    out, err = capsys.readouterr()
    return code, out, err


def figures(out: str) -> list[str]:
    return [f["excerpt"] for f in json.loads(out)["files"][0]["findings"]]


def test_strict_flags_a_source_two_sentences_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(tmp_path, '[sourcing]\npolicy = "strict"\n', capsys)
    assert code == 1 and figures(out) == ["1,200"]


def test_lenient_accepts_an_earlier_source_on_the_subject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = check(tmp_path, '[sourcing]\npolicy = "lenient"\n', capsys)
    assert code == 0 and figures(out) == []


def test_lenient_still_flags_a_hedge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "copydesk.toml").write_text('[sourcing]\npolicy = "lenient"\n', encoding="utf-8")
    story = tmp_path / "story.md"
    story.write_text(
        "The council said the river defences failed.\n\n"
        "An estimated 1,200 river homes were flooded, the defences having failed.\n",
        encoding="utf-8",
    )
    code = main(["check", "--select", "SRC002", "--format", "json", str(story)])
    out, _ = capsys.readouterr()
    assert code == 1 and figures(out) == ["1,200"]


def test_bad_policy_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = check(tmp_path, '[sourcing]\npolicy = "loose"\n', capsys)
    assert code == 2
    assert "copydesk.toml" in err and "policy" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_init_writes_a_policy_that_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--path", str(tmp_path / "copydesk.toml")]) == 0
    written = (tmp_path / "copydesk.toml").read_text(encoding="utf-8")
    assert "policy" in written
    (tmp_path / "story.md").write_text(STORY, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--select", "SRC001", str(tmp_path / "story.md")]) in (0, 1)
