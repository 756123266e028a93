"""Ctrl-C during a parallel check: the terminal sends SIGINT to the whole process group. The
workers ignore it and the parent stops them: exit 130, one line on stderr, no traceback, no
hang, and the result cache still serves the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from copydesk.engine.session import PARALLEL_MIN_FILES

STORY = (
    "The the council met on Monday in the hall, officials said. An estimated 3,000 people "
    "attended the meeting, and the mayor said the plan would cost £5m over five years.\n\n"
)


def _corpus(root: Path, files: int) -> Path:
    folder = root / "stories"
    folder.mkdir()
    for i in range(files):
        (folder / f"s{i:03}.md").write_text(f"# Story {i}\n\n" + STORY * (5 + i % 7))
    return folder


def _start(root: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "copydesk.cli",
            "check",
            "--jobs",
            "2",
            "--format",
            "json",
            "stories",
        ],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a shell gives a foreground job
    )


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_during_parallel_check(tmp_path: Path) -> None:
    _corpus(tmp_path, max(120, PARALLEL_MIN_FILES))
    env = {k: v for k, v in os.environ.items() if k != "COPYDESK_NO_CACHE"}
    env["COPYDESK_CACHE_DIR"] = str(tmp_path / "user-cache")
    delays = [0.4, 0.8, 1.2, 1.6, 2.0, 0.6, 1.0, 1.4]
    for delay in delays:
        proc = _start(tmp_path, env)
        time.sleep(delay)
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
        try:
            out, err = proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            pytest.fail(f"copydesk hung after Ctrl-C ({delay} s in)")
        if proc.returncode != 130:  # finished before the signal: a whole, valid report
            assert proc.returncode == 1 and not err, err
            continue
        assert err == "copydesk: interrupted\n", err
    # the cache survived every interruption: a full run agrees with one made without it
    done = _start(tmp_path, env)
    out, err = done.communicate(timeout=300)
    fresh = subprocess.run(
        [
            sys.executable,
            "-m",
            "copydesk.cli",
            "check",
            "--no-cache",
            "--format",
            "json",
            "stories",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == fresh.returncode == 1, err
    assert out == fresh.stdout
