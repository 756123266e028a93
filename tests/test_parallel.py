"""Runs fork workers only when the work pays for them (``--jobs`` unset), or when asked; a
parallel run gives what a serial one gives, in the same order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.config import ConfigFinder
from copydesk.engine import session as session_module
from copydesk.engine.session import PARALLEL_MIN_BYTES, PARALLEL_MIN_FILES, Session, auto_jobs

ARTICLE = "The council voted on the the budget , officials said. " * 10 + "\n"


def _tree(root: Path, files: int, size: int) -> list[Path]:
    root.mkdir(parents=True, exist_ok=True)
    body = (ARTICLE * (size // len(ARTICLE) + 1))[:size]
    paths = []
    for i in range(files):
        p = root / f"s{i:03d}.md"
        p.write_text(body)
        paths.append(p)
    return paths


def test_small_runs_stay_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_module, "default_jobs", lambda: 2)
    few_big = _tree(tmp_path / "a", PARALLEL_MIN_FILES - 1, PARALLEL_MIN_BYTES)
    assert auto_jobs(few_big) == 1
    many_small = _tree(tmp_path / "b", 64, PARALLEL_MIN_BYTES // 64 - 100)
    assert auto_jobs(many_small) == 1
    enough = _tree(tmp_path / "c", PARALLEL_MIN_FILES, PARALLEL_MIN_BYTES // PARALLEL_MIN_FILES + 1)
    assert auto_jobs(enough) == 2


def test_jobs_unset_forks_only_for_big_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forked: list[int] = []
    real = Session._parallel

    def spy(self: Session, items: list[tuple[Path, str | None]], jobs: int):  # type: ignore[no-untyped-def]
        forked.append(jobs)
        return real(self, items, jobs)

    monkeypatch.setattr(Session, "_parallel", spy)
    monkeypatch.setattr(session_module, "default_jobs", lambda: 2)
    small = _tree(tmp_path / "small", 4, 500)
    big = _tree(tmp_path / "big", PARALLEL_MIN_FILES, PARALLEL_MIN_BYTES // PARALLEL_MIN_FILES + 1)
    session = Session(ConfigFinder())
    assert len(list(session.run([str(small[0].parent)], None))) == 4
    assert forked == []
    serial = [r.findings for r in Session(ConfigFinder()).run([str(big[0].parent)], 1)]
    parallel = [r.findings for r in session.run([str(big[0].parent)], None)]
    assert forked == [2]
    assert parallel == serial
    assert len(list(session.run([str(small[0].parent)], 2))) == 4  # asked for: forked
    assert forked == [2, 2]


def test_parallel_output_is_the_serial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, 12, 2000)
    monkeypatch.chdir(tmp_path)
    outputs = []
    for jobs in ("1", "2"):
        main(["check", "--format", "json", "--jobs", jobs, "."])
        outputs.append(json.loads(capsys.readouterr().out)["files"])
    assert outputs[0] == outputs[1]
