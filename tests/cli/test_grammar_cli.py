"""Grammar through the CLI when LanguageTool cannot be reached: one line saying why, the other
checks intact, the exit code unchanged unless --require-grammar."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from copydesk.cli import main


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "copydesk.toml").write_text(
        f'select = ["MEC001", "GRM000"]\n[grammar]\nmode = "server"\nserver = "http://127.0.0.1:{_closed_port()}"\ntimeout = 2\nretries = 0\n'
    )
    f = tmp_path / "story.md"
    f.write_text("The the vote was close.\n")
    return f


def test_unreachable_server_is_noted_and_other_checks_run(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--format", "json", str(story)])
    data = json.loads(capsys.readouterr().out)
    assert code == 1  # the doubled word, not the missing server
    assert [f["code"] for f in data["files"][0]["findings"]] == ["MEC001"]
    assert len(data["summary"]["skipped"]) == 1
    assert data["summary"]["skipped"][0].startswith(
        "grammar skipped: LanguageTool server at http://127.0.0.1:"
    )


def test_require_grammar_makes_it_an_error(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--no-color", "--require-grammar", str(story)])
    out = capsys.readouterr().out
    assert code == 2
    assert "note: grammar skipped" in out
