"""Schedule an audit's tasks on Dask and write what they return, in task order.

A bounded number of tasks is in flight at a time and each result is written (and dropped) as
soon as every task before it is written, so the driver's memory stays flat however large the
archive, and the output is the same whichever worker finishes first."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.atomic import write_atomic
from copydesk.audit.sources import BLOCK_BYTES, Task, input_files, tasks
from copydesk.audit.summary import Tally
from copydesk.audit.work import FINDING_COLUMNS, PartResult, Settings, audit_task

LISTED_BAD_ROWS = 100  # in summary.json; bad_rows.jsonl lists them all
CONNECT_SECONDS = 20


class AuditResult(NamedTuple):
    tally: Tally
    tasks: int
    bad_reasons: Counter[str]


def run_audit(
    inputs: list[str],
    settings: Settings,
    out: Path,
    scheduler: str | None = None,
    workers: int = 1,
    progress: Callable[[int, Tally], None] | None = None,
    block_bytes: int = BLOCK_BYTES,
) -> AuditResult:
    files: list[Path] = []
    for spec in inputs:
        files.extend(p for p in input_files(spec) if p not in files)
    out.mkdir(parents=True, exist_ok=True)
    todo = tasks(files, settings.columns, block_bytes)
    writer = _Writer(out, settings.group_by)
    tally = Tally()
    reasons: Counter[str] = Counter()
    done = 0
    try:
        for part in _results(todo, settings, scheduler, workers):
            writer.write(part)
            tally.merge(part.tally)
            reasons.update(row["reason"].split(" (")[0] for row in part.bad_rows)
            done += 1
            if progress is not None:
                progress(done, tally)
        writer.close()
    finally:
        writer.abandon()
    return AuditResult(tally, done, reasons)


def _results(
    todo: Iterator[Task], settings: Settings, scheduler: str | None, workers: int
) -> Iterator[PartResult]:
    if scheduler is None and workers <= 0:
        for task in todo:  # in this process: no pool, for small archives and debugging
            yield audit_task(task, settings)
        return
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=workers,
            threads_per_worker=1,  # the rules are pure Python: threads would share one GIL
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    try:
        target = cluster if cluster is not None else scheduler
        with Client(target, timeout=CONNECT_SECONDS) as client:  # type: ignore[no-untyped-call]
            slots = max(4, 2 * sum(client.nthreads().values()))
            pending = as_completed()  # type: ignore[no-untyped-call]
            ready: dict[int, PartResult] = {}
            next_index = 0
            in_flight = 0
            for task in todo:
                future = client.submit(audit_task, task, settings, pure=False)
                pending.add(future)  # type: ignore[no-untyped-call]
                in_flight += 1
                while in_flight >= slots:
                    in_flight -= 1
                    part = next(pending).result()
                    ready[part.number] = part
                    while next_index in ready:
                        yield ready.pop(next_index)
                        next_index += 1
            for future in pending:
                part = future.result()
                ready[part.number] = part
                while next_index in ready:
                    yield ready.pop(next_index)
                    next_index += 1
    finally:
        if cluster is not None:
            cluster.close()


class _Writer:
    """findings.parquet and bad_rows.jsonl, written to temporary names in the output folder and
    renamed into place once complete: an interrupted audit leaves no half-written table."""

    def __init__(self, out: Path, group_by: tuple[str, ...]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.out = out
        self.columns = ("id", *group_by, *FINDING_COLUMNS)
        ints = {"offset", "end_offset", "line", "column"}
        self.schema = pa.schema(
            [
                ("id", pa.string()),
                *((field, pa.string()) for field in group_by),
                *((c, pa.int64() if c in ints else pa.string()) for c in FINDING_COLUMNS),
            ]
        )
        self.findings_tmp = out / f".findings.parquet.{os.getpid()}.tmp"
        self.bad_tmp = out / f".bad_rows.jsonl.{os.getpid()}.tmp"
        self.table = pq.ParquetWriter(self.findings_tmp, self.schema)
        self.bad = open(self.bad_tmp, "w", encoding="utf-8")  # noqa: SIM115
        self.closed = False

    def write(self, part: PartResult) -> None:
        import pyarrow as pa

        if part.findings["id"]:
            self.table.write_table(
                pa.table([part.findings[c] for c in self.columns], schema=self.schema)
            )
        for row in part.bad_rows:
            self.bad.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.table.close()
        self.bad.close()
        os.replace(self.findings_tmp, self.out / "findings.parquet")
        os.replace(self.bad_tmp, self.out / "bad_rows.jsonl")
        self.closed = True

    def abandon(self) -> None:
        if self.closed:
            return
        self.table.close()
        self.bad.close()
        for tmp in (self.findings_tmp, self.bad_tmp):
            tmp.unlink(missing_ok=True)


def write_summary(
    out: Path, result: AuditResult, settings: Settings, inputs: list[str]
) -> dict[str, Any]:
    summary = result.tally.as_dict(settings.group_by)
    listed: list[dict[str, str]] = []
    bad_file = out / "bad_rows.jsonl"
    if result.tally.bad_rows:
        with open(bad_file, encoding="utf-8") as fh:
            for line, _ in zip(fh, range(LISTED_BAD_ROWS), strict=False):
                listed.append(json.loads(line))
    summary = {
        "inputs": inputs,
        "text_field": settings.text_field,
        "id_field": settings.id_field,
        "kind": settings.kind,
        **summary,
        "bad_rows": {
            "count": result.tally.bad_rows,
            "by_reason": dict(sorted(result.bad_reasons.items())),
            "listed": listed,
            "all": "bad_rows.jsonl",
        },
    }
    data = json.dumps(summary, indent=2, ensure_ascii=False) + "\n"
    write_atomic(out / "summary.json", data.encode("utf-8"))
    return summary


class Progress:
    """One line on a terminal's standard error, redrawn as tasks finish."""

    def __init__(self, stream: Any = sys.stderr) -> None:
        self.stream = stream

    def __call__(self, done: int, tally: Tally) -> None:
        t = tally.total
        self.stream.write(
            f"\raudit: {done} partitions, {t.articles:,} articles, {t.words:,} words, "
            f"{sum(t.by_code.values()):,} findings"
        )
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write("\n")
        self.stream.flush()
