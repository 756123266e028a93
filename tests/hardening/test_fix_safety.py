"""``fix`` with the world moving under it: another process rewriting the file, a file that
vanishes or cannot be written. The text written is always a fix of exactly what was read, and
one file's trouble never stops the others."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from copydesk.cli import main

WRITER = r"""
import os, sys, time
path, stop = sys.argv[1], sys.argv[2]
versions = ["Word " * i + "The the council met in in the hall.\n" for i in range(1, 40)]
fixed = [v.replace("The the", "The").replace("in in", "in") for v in versions]
allowed = set(versions) | set(fixed)
# the fixer may apply one round of edits only partly when the file was short-read: any mix of
# the two repeated words being fixed is a fix of that version
allowed |= {v.replace("The the", "The") for v in versions} | {v.replace("in in", "in") for v in versions}
bad = 0
end = time.monotonic() + 300  # a bound, should the test die before it says stop
i = 0
while time.monotonic() < end and not os.path.exists(stop):
    with open(path, encoding="utf-8") as fh:
        now = fh.read()
    if now not in allowed:
        bad += 1
        print("GARBLED", repr(now), flush=True)
    tmp = path + ".w"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(versions[i % len(versions)])
    os.replace(tmp, path)  # as editors save: the fixer never reads half a file
    i += 1
print("writes", i, "garbled", bad)
"""


def test_fix_never_garbles_a_file_another_process_is_rewriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.md"
    story.write_text("Word The the council met in in the hall.\n")
    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(story), str(stop)], stdout=subprocess.PIPE, text=True
    )
    runs = changed = 0
    try:
        deadline = time.monotonic() + 60
        while runs < 40 and time.monotonic() < deadline:
            code = main(["fix", "--no-color", "--select", "MEC001", "story.md"])
            out, err = capsys.readouterr()
            assert "Traceback" not in out + err and "internal error" not in err
            assert code in (0, 1, 2)
            changed += "changed while it was being fixed" in out
            runs += 1
    finally:
        stop.touch()
        report, _ = writer.communicate(timeout=60)
    assert "GARBLED" not in report, report
    assert runs >= 10 and "writes" in report


def test_file_changed_between_read_and_write_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the text changes right after the fixer has read it: the write must not happen
    import copydesk.commands._lint as lint_module

    monkeypatch.chdir(tmp_path)
    story = tmp_path / "story.md"
    story.write_text("The the council met.\n")
    real_fix_loop = lint_module._fix_loop

    def editor_saves_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real_fix_loop(*args, **kwargs)
        story.write_text("The council met on Monday, said the the mayor.\n")
        return result

    monkeypatch.setattr(lint_module, "_fix_loop", editor_saves_meanwhile)
    assert main(["fix", "--no-color", "--select", "MEC001", "story.md"]) == 2
    out = capsys.readouterr().out
    assert "story.md: changed while it was being fixed; left as it is" in out
    assert story.read_text() == "The council met on Monday, said the the mayor.\n"


def _lock(folder: Path) -> bool:
    """Make a folder unwritable, for root too (an immutable folder); False if impossible."""
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return True
    return subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0


def _unlock(folder: Path) -> None:
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def test_unwritable_and_vanished_files_do_not_stop_the_others() -> None:
    base = Path(tempfile.mkdtemp(prefix="copydesk-fix-"))
    try:
        base.chmod(0o755)
        free = base / "free"
        locked = base / "locked"
        for folder in (free, locked):
            folder.mkdir()
        for name in ("a.md", "c.md"):
            (free / name).write_text("The the council met.\n")
        (locked / "b.md").write_text("The the council met.\n")
        longname = free / ("long-" + "x" * 240 + ".md")
        longname.write_text("The the council met.\n")
        if not _lock(locked):
            pytest.skip("cannot make a folder unwritable here")
        files = [str(free / "a.md"), str(locked / "b.md"), str(longname), str(free / "c.md")]
        files.insert(2, str(free / "gone.md"))
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "copydesk.cli",
                "fix",
                "--no-color",
                "--select",
                "MEC001",
                *files,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=base,
            env={**os.environ, "COPYDESK_CACHE_DIR": str(base / "cache")},
        )
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stderr and ".tmp" not in proc.stdout + proc.stderr
        assert "locked/b.md: cannot write: " in proc.stdout
        assert f"{free / 'gone.md'}: no such file" in proc.stdout
        for f in (free / "a.md", free / "c.md", longname):
            assert f.read_text() == "The council met.\n", f
        assert (locked / "b.md").read_text() == "The the council met.\n"
    finally:
        _unlock(base / "locked")
        subprocess.run(["rm", "-rf", str(base)], check=False)
