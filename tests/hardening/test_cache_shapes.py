"""A result-cache entry of the wrong shape (another version's, a hand edit, a bad merge) is a
miss: the file is linted again, the entry replaced, and the run never crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main

STORY = "The the council met on Monday in in the hall.\n"

GOOD_FINDING = {
    "path": "s.md", "code": "MEC001", "name": "repeated-word", "level": "warning",
    "message": "m", "offset": 0, "end_offset": 7, "line": 1, "column": 1, "end_line": 1,
    "end_column": 8, "excerpt": "The the", "fix": None, "suggestions": [], "help_uri": None,
}  # fmt: skip

WRONG_SHAPES = [
    [],
    "findings",
    {"words": 3},
    {"words": "3", "findings": []},
    {"words": 3, "findings": {"a": 1}},
    {"words": 3, "findings": [[1, 2]]},
    {"words": 3, "findings": [7]},
    {"words": 3, "findings": [GOOD_FINDING | {"offset": "0"}]},
    {"words": 3, "findings": [GOOD_FINDING | {"line": None}]},
    {"words": 3, "findings": [GOOD_FINDING | {"level": "loud"}]},
    {"words": 3, "findings": [GOOD_FINDING | {"offset": 9, "end_offset": 2}]},
    {"words": 3, "findings": [GOOD_FINDING | {"end_offset": 10**6}]},
    {"words": 3, "findings": [GOOD_FINDING | {"fix": [1]}]},
    {"words": 3, "findings": [GOOD_FINDING | {"fix": {"applicability": "safe", "edits": [3]}}]},
    {"words": 3, "findings": [GOOD_FINDING | {"suggestions": "abc"}]},
    {"words": 3, "findings": [GOOD_FINDING | {"help_uri": 5}]},
]


@pytest.mark.parametrize("payload", WRONG_SHAPES, ids=range(len(WRONG_SHAPES)))
def test_wrong_shaped_entry_is_replaced(
    payload: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    (tmp_path / "s.md").write_text(STORY)
    args = ["check", "--no-color", "--format", "json", "s.md"]
    assert main(args) == 1
    expected = json.loads(capsys.readouterr().out)["files"]

    buckets = list((tmp_path / ".copydesk_cache" / "results").glob("*.jsonl"))
    assert buckets
    for bucket in buckets:
        lines = []
        for line in bucket.read_bytes().splitlines():
            key, _, _ = line.partition(b"\t")
            lines.append(key + b"\t" + json.dumps(payload).encode() + b"\n")
        bucket.write_bytes(b"".join(lines))

    for _ in range(2):  # the first run replaces the entry, the second reads the new one
        assert main(args) == 1
        out, err = capsys.readouterr()
        assert "error" not in err
        assert json.loads(out)["files"] == expected
    for bucket in buckets:
        last = bucket.read_bytes().splitlines()[-1]
        assert json.loads(last.partition(b"\t")[2])["findings"]
