"""A reader that stops early (``copydesk rules | head``) ends a command quietly, whatever
the command: no error message, no traceback, the exit status of a program killed by SIGPIPE."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _closed_reader(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """Run copydesk with its stdout a pipe whose reading end is already closed, so the first
    write fails, however little the command prints."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [sys.executable, "-m", "copydesk.cli", *args],
            cwd=cwd,
            stdout=write,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=120,
            env={**os.environ, "COPYDESK_NO_CACHE": "1"},
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["rules"],
        ["explain", "TYP001"],
        ["check", "--no-color", "story.md"],
        ["check", "--format", "json", "story.md"],
        ["check", "--format", "junit", "."],
        ["fix", "--diff", "story.md"],
        ["vocab", "learn", "--min-files", "1", "."],
    ],
    ids=lambda a: " ".join(a),
)
def test_closed_pipe_is_quiet(args: list[str], tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("The council voted on the the budget , officials said.\n")
    proc = _closed_reader(args, tmp_path)
    assert proc.stderr.decode() == ""
    assert proc.returncode == 141


def test_help_on_a_closed_pipe_is_quiet(tmp_path: Path) -> None:
    proc = _closed_reader(["--help"], tmp_path)
    assert proc.stderr.decode() == ""
    assert proc.returncode in (0, 141)  # argparse itself drops a failed help write


def test_open_pipe_still_gets_everything(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "copydesk.cli", "rules"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert proc.returncode == 0 and proc.stderr == ""
    assert "TYP001" in proc.stdout
