"""Where an archive's articles come from: the input files, cut into tasks small enough that a
worker holds one at a time, and the reading of one task's rows.

JSON lines are cut into byte ranges on the driver without reading them (a task takes the lines
that start inside its range), Parquet into row groups; a worker reads its own task from the
file. CSV cannot be cut by bytes (a quoted field may hold line breaks), so the driver streams
it and hands out batches of rows."""

from __future__ import annotations

import csv
import glob
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv"}
FORMATS[".parquet"] = FORMATS[".pq"] = "parquet"
BLOCK_BYTES = 1 << 20  # a JSON-lines task: about a megabyte, a few hundred news articles
CSV_BATCH_ROWS = 500


class AuditInputError(Exception):
    """An archive that cannot be read at all (no such file, an unknown format)."""


class Task(NamedTuple):
    """One unit of work. ``rows`` is set for CSV batches read on the driver; the other kinds
    are read on the worker from ``path``: bytes [start, end) of a JSON-lines file, or row
    group ``start`` of a Parquet file."""

    number: int
    format: str
    path: str
    start: int = 0
    end: int = 0
    rows: tuple[tuple[str, dict[str, Any] | None, str | None], ...] = ()


class Row(NamedTuple):
    """One input row: ``record`` is None when the row could not be read, and ``error`` says why."""

    where: str  # file and line, byte offset or row number
    record: dict[str, Any] | None
    error: str | None = None


def input_files(spec: str) -> list[Path]:
    """A file, a folder (its archive files, sorted) or a glob."""
    path = Path(spec)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in FORMATS)
        if not files:
            raise AuditInputError(f"{spec}: no .jsonl, .csv or .parquet files in this folder")
        return files
    if path.is_file():
        if path.suffix.lower() not in FORMATS:
            raise AuditInputError(
                f"{spec}: unknown archive format (expected .jsonl, .ndjson, .csv or .parquet)"
            )
        return [path]
    matches = sorted(Path(p) for p in glob.glob(spec, recursive=True))
    files = [p for p in matches if p.is_file() and p.suffix.lower() in FORMATS]
    if not files:
        raise AuditInputError(f"{spec}: no such file, folder or matching archive files")
    return files


def tasks(files: list[Path], columns: list[str], block_bytes: int = BLOCK_BYTES) -> Iterator[Task]:
    """The archive's tasks, in a fixed order: files as given, each from its start."""
    index = 0
    for path in files:
        fmt = FORMATS[path.suffix.lower()]
        if fmt == "jsonl":
            size = path.stat().st_size
            for start in range(0, size, block_bytes):
                yield Task(index, fmt, str(path), start, min(start + block_bytes, size))
                index += 1
        elif fmt == "parquet":
            import pyarrow.parquet as pq

            try:
                groups = pq.ParquetFile(path).num_row_groups
            except Exception as exc:  # pyarrow raises its own ArrowInvalid for a bad file
                raise AuditInputError(f"{path}: not a readable Parquet file ({exc})") from None
            for group in range(groups):
                yield Task(index, fmt, str(path), group)
                index += 1
        else:
            batch: list[tuple[str, dict[str, Any] | None, str | None]] = []
            for row in _csv_rows(path):
                batch.append((row.where, row.record, row.error))
                if len(batch) == CSV_BATCH_ROWS:
                    yield Task(index, fmt, str(path), rows=tuple(batch))
                    index += 1
                    batch = []
            if batch:
                yield Task(index, fmt, str(path), rows=tuple(batch))
                index += 1


def read_task(task: Task, columns: list[str]) -> Iterator[Row]:
    if task.format == "jsonl":
        yield from _jsonl_rows(task)
    elif task.format == "parquet":
        yield from _parquet_rows(task, columns)
    else:
        for where, record, error in task.rows:
            yield Row(where, record, error)


def _jsonl_rows(task: Task) -> Iterator[Row]:
    """The lines that start in [start, end): a line that starts before ``start`` belongs to
    the task before, even when it runs on into this range."""
    with open(task.path, "rb") as fh:
        pos = task.start
        if pos > 0:
            fh.seek(pos - 1)
            if fh.read(1) != b"\n":
                pos += len(fh.readline())  # the rest of the previous task's line
        fh.seek(pos)
        while pos < task.end:
            line = fh.readline()
            if not line:
                break
            where = f"{task.path}@{pos}"
            pos += len(line)
            if not line.strip():
                continue
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Row(where, None, f"not valid UTF-8 (byte {exc.start})")
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                yield Row(where, None, f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(record, dict):
                yield Row(where, None, "not a JSON object")
                continue
            yield Row(where, record)


def _parquet_rows(task: Task, columns: list[str]) -> Iterator[Row]:
    import pyarrow.parquet as pq

    file = pq.ParquetFile(task.path)
    present = [c for c in dict.fromkeys(columns) if c in file.schema_arrow.names]
    table = file.read_row_group(task.start, columns=present)
    for number, record in enumerate(table.to_pylist()):
        yield Row(f"{task.path}#group{task.start}:row{number}", record)


def _csv_rows(path: Path) -> Iterator[Row]:
    # surrogateescape keeps going past undecodable bytes; the rows holding them are reported
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as fh:
        reader = csv.DictReader(fh)
        try:
            for record in reader:
                where = f"{path}:{reader.line_num}"
                values = [v for v in record.values() if isinstance(v, str)]
                if any(_has_surrogates(v) for v in values):
                    yield Row(where, None, "not valid UTF-8")
                    continue
                yield Row(where, dict(record))
        except csv.Error as exc:
            raise AuditInputError(f"{path}:{reader.line_num}: not readable CSV ({exc})") from None


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def total_bytes(files: list[Path]) -> int:
    return sum(os.path.getsize(p) for p in files)
