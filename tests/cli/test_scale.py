"""Baselines, the result cache and parallel runs, end to end through the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from copydesk.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    out, _ = capsys.readouterr()
    return code, out


def test_baseline_survives_edits_above_and_fails_only_on_new(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chdir(tmp_path)
    story = tmp_path / "story.md"
    story.write_text("# Vote\n\nThe council voted on the the budget.\n")
    baseline = tmp_path / "baseline.json"
    code, _ = run(["baseline", "write", str(baseline), "--select", "pack:core", "story.md"], capsys)
    assert code == 0
    assert (
        run(["check", "--select", "pack:core", "--baseline", str(baseline), "story.md"], capsys)[0]
        == 0
    )
    # a new paragraph above the old finding moves it down two lines; a new problem is added
    story.write_text(
        "# Vote\n\nA new opening paragraph was added.\n\nThe council voted on the the budget.\n\nIt rained , too.\n"
    )
    code, out = run(
        [
            "check",
            "--format",
            "json",
            "--select",
            "pack:core",
            "--baseline",
            str(baseline),
            "story.md",
        ],
        capsys,
    )
    findings = json.loads(out)["files"][0]["findings"]
    assert code == 1
    assert [f["code"] for f in findings] == ["MEC003"]


def test_cache_gives_identical_output_and_notices_edits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COPYDESK_NO_CACHE")
    os.chdir(tmp_path)
    for i in range(3):
        (tmp_path / f"s{i}.md").write_text(f"Story {i} has the the slip , here.\n")
    args = ["check", "--format", "json", "--select", "pack:core", "."]
    cold = run(args, capsys)[1]
    buckets = (tmp_path / ".copydesk_cache" / "results").glob("*.jsonl")
    assert sum(p.read_bytes().count(b"\n") for p in buckets) == 3
    warm = run(args, capsys)[1]
    assert warm == cold
    (tmp_path / "s1.md").write_text("Story 1 is clean now.\n")
    after = json.loads(run(args, capsys)[1])
    assert {Path(f["path"]).name: len(f["findings"]) for f in after["files"]} == {
        "s0.md": 2,
        "s1.md": 0,
        "s2.md": 2,
    }


def test_parallel_output_matches_serial(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(40):
        (tmp_path / f"a{i:02d}.md").write_text(
            f"Article {i} says the the thing{' , twice' * (i % 3)}.\n"
        )
    serial = run(
        ["check", "--format", "json", "--jobs", "1", "--select", "pack:core", str(tmp_path)], capsys
    )[1]
    parallel = run(
        ["check", "--format", "json", "--jobs", "2", "--select", "pack:core", str(tmp_path)], capsys
    )[1]
    assert parallel == serial
    assert len(json.loads(serial)["files"]) == 40


def test_baseline_is_not_written_when_a_file_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chdir(tmp_path)
    (tmp_path / "good.md").write_text("The the end.\n")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00broken")
    baseline = tmp_path / "baseline.json"
    code = main(["baseline", "write", str(baseline), "--select", "pack:core", "good.md", "bad.md"])
    err = capsys.readouterr().err
    assert code == 2
    assert "baseline not written" in err
    assert not baseline.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.md", "good.md"]
