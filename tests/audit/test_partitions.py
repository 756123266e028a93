"""Cutting JSON lines into byte ranges: every row read exactly once, whatever the block size."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.audit.sources import read_task, tasks

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(texts, max_size=30), block=st.integers(1, 200), blank=st.booleans())
def test_each_row_once_in_order(
    tmp_path_factory: object, rows: list[str], block: int, blank: bool
) -> None:
    folder = Path(tmp_path_factory.mktemp("p"))  # type: ignore[attr-defined]
    path = folder / "a.jsonl"
    lines = [json.dumps({"id": str(i), "text": t}, ensure_ascii=False) for i, t in enumerate(rows)]
    path.write_text(
        "".join(line + "\n" + ("\n" if blank else "") for line in lines), encoding="utf-8"
    )
    read = [
        row.record["id"]
        for task in tasks([path], ["text", "id"], block_bytes=block)
        for row in read_task(task, ["text", "id"])
        if row.record is not None
    ]
    assert read == [str(i) for i in range(len(rows))]


def test_last_line_without_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "1", "text": "a"}\n{"id": "2", "text": "b"}', encoding="utf-8")
    ids = [r.record["id"] for t in tasks([path], [], 10) for r in read_task(t, []) if r.record]
    assert ids == ["1", "2"]
