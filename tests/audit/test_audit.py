"""copydesk audit end to end, in this process (-j 0): outputs, positions, bad rows, formats."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from auditkit import ARTICLES, write_jsonl

from copydesk.cli import main


def audit(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = main(["audit", "-j", "0", *args])
    out, err = capsys.readouterr()
    return code, out, err


def findings(out: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = pq.read_table(out / "findings.parquet").to_pylist()
    return rows


def test_findings_table_points_at_the_words(tmp_path: Path, archive: Path, capsys: Any) -> None:
    out = tmp_path / "out"
    code, stdout, _ = audit(capsys, str(archive), "--group-by", "desk", "--out", str(out))
    assert code == 0
    assert "audited 4 articles" in stdout
    rows = findings(out)
    typo = next(r for r in rows if r["id"] == "a1" and r["code"] == "TYP001")
    text = ARTICLES[0]["text"]
    assert text[typo["offset"] : typo["end_offset"]] == "Secretaray"
    assert (typo["line"], typo["column"], typo["desk"]) == (1, 10, "home")
    assert set(rows[0]) == {
        "id",
        "desk",
        "code",
        "level",
        "offset",
        "end_offset",
        "line",
        "column",
        "message",
    }
    assert any(r["id"] == "a3" and r["code"] in {"TYP001", "TYP002"} for r in rows)
    assert any(r["id"] == "a2" and r["code"] == "SRC002" for r in rows)
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_summary_counts_by_group(tmp_path: Path, archive: Path, capsys: Any) -> None:
    out = tmp_path / "out"
    audit(capsys, str(archive), "--group-by", "desk", "--group-by", "year", "--out", str(out))
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    rows = findings(out)
    assert summary["articles"] == 4
    assert summary["findings"] == len(rows) == sum(summary["by_code"].values())
    assert sum(summary["by_level"].values()) == len(rows)
    groups = {(g["group"]["desk"], g["group"]["year"]): g for g in summary["groups"]}
    assert set(groups) == {("home", "2019"), ("home", "2020"), ("world", "2020"), ("world", "2021")}
    assert sum(g["articles"] for g in groups.values()) == 4
    assert sum(g["words"] for g in groups.values()) == summary["words"]
    home_2019 = [r for r in rows if r["desk"] == "home" and r["year"] == "2019"]
    assert groups["home", "2019"]["findings"] == len(home_2019)


def test_bad_rows_are_counted_and_listed_never_fatal(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps(ARTICLES[0]).encode(),
        b'{"id": "no-text"}',
        b'{"id": "number", "text": 42}',
        b'{"id": "broken", "text": ',
        b'["a list"]',
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps(ARTICLES[3]).encode(),
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    out = tmp_path / "out"
    code, stdout, _ = audit(capsys, str(path), "--out", str(out))
    assert code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["articles"] == 2
    bad = summary["bad_rows"]
    assert bad["count"] == 5
    assert bad["by_reason"] == {
        "'text' is a int, not a string": 1,
        "no 'text' field": 1,
        "not a JSON object": 1,
        "not valid JSON": 1,
        "not valid UTF-8": 1,
    }
    listed = [json.loads(line) for line in (out / "bad_rows.jsonl").read_text().splitlines()]
    assert [row["id"] for row in listed] == ["no-text", "number", "", "", ""]
    assert all(row["where"].startswith(str(path) + "@") for row in listed)
    assert "5 unreadable rows" in stdout


def test_csv_with_line_breaks_inside_fields(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "archive.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["id", "desk", "text"])
        writer.writeheader()
        for article in ARTICLES:
            writer.writerow({k: article[k] for k in ("id", "desk", "text")})
    out = tmp_path / "out"
    assert audit(capsys, str(path), "--group-by", "desk", "--out", str(out))[0] == 0
    from_csv = findings(out)
    audit(
        capsys,
        str(write_jsonl(tmp_path / "a.jsonl", ARTICLES)),
        "--group-by",
        "desk",
        "--out",
        str(tmp_path / "j"),
    )
    assert from_csv == findings(tmp_path / "j")
    typo = next(r for r in from_csv if r["message"].startswith("'Secretaray'"))
    assert typo["line"] == 1


def test_parquet_input_and_folders(tmp_path: Path, capsys: Any) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    table = pa.Table.from_pylist(ARTICLES)
    pq.write_table(table, folder / "part-0.parquet", row_group_size=2)
    out = tmp_path / "out"
    assert audit(capsys, str(folder), "--group-by", "year", "--out", str(out))[0] == 0
    audit(
        capsys,
        str(write_jsonl(tmp_path / "a.jsonl", ARTICLES)),
        "--group-by",
        "year",
        "--out",
        str(tmp_path / "j"),
    )
    assert findings(out) == findings(tmp_path / "j")


def test_other_field_names(tmp_path: Path, capsys: Any) -> None:
    rows = [{"slug": a["id"], "body": a["text"]} for a in ARTICLES]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    out = tmp_path / "out"
    audit(capsys, str(path), "--text-field", "body", "--id-field", "slug", "--out", str(out))
    assert {r["id"] for r in findings(out)} >= {"a1", "a2", "a3"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nowhere.jsonl"], "nowhere.jsonl: no such file, folder or matching archive files"),
        (["{tmp}/notes.txt"], "notes.txt: unknown archive format"),
        (["{tmp}/empty"], "empty: no .jsonl, .csv or .parquet files in this folder"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(
    tmp_path: Path, capsys: Any, args: list[str], message: str
) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    args = [a.format(tmp=tmp_path) for a in args]
    code, _, err = audit(capsys, *args, "--out", str(tmp_path / "out"))
    assert code == 2
    assert err.count("\n") == 1 and message in err


def test_without_the_extra_says_what_to_install(
    tmp_path: Path, archive: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    code, _, err = audit(capsys, str(archive), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "pip install 'copydesk[archive]'" in err
