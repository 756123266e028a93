"""copydesk audit: the rules of ``check`` over an archive table, on Dask."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "audit",
        help="audit an archive (JSON lines, CSV or Parquet) on Dask",
        description="Run the same rules as 'check' over an archive of articles stored as a table "
        "(JSON lines, CSV or Parquet: a file, a folder or a glob), on a local process pool or a "
        "dask.distributed cluster. Writes findings.parquet, summary.json, bad_rows.jsonl and "
        "report.html to the output folder. Needs the 'archive' extra: pip install "
        "'copydesk[archive]'.",
    )
    p.add_argument("articles", nargs="+", metavar="ARTICLES", help="files, folders or globs")
    p.add_argument("--out", required=True, metavar="DIR", help="the folder to write to")
    p.add_argument("--text-field", default="text", metavar="FIELD", help="default: text")
    p.add_argument("--id-field", default="id", metavar="FIELD", help="default: id")
    p.add_argument(
        "--group-by",
        action="append",
        default=[],
        metavar="FIELD",
        help="count findings per value of this field (repeatable: desk, author, year...)",
    )
    p.add_argument(
        "--kind",
        choices=("text", "markdown", "html"),
        default="text",
        help="how the text field is read (default: text)",
    )
    p.add_argument(
        "--config", metavar="FILE", help="use this config file instead of searching from here"
    )
    p.add_argument("--select", action="append", metavar="CODES", help="only these rules")
    p.add_argument("--ignore", action="append", metavar="CODES", help="not these rules")
    p.add_argument("--language", choices=("en-GB", "en-US"), help="spelling variant")
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a dask.distributed scheduler (tcp://host:port); default: a local process pool",
    )
    p.add_argument(
        "-j",
        "--workers",
        type=int,
        metavar="N",
        help="local worker processes (default: the number of cores; 0: in this process)",
    )
    p.add_argument(
        "--partition-bytes",
        type=int,
        default=1 << 20,
        metavar="N",
        help="JSON-lines partition size in bytes (default: 1 MiB; CSV: 500 rows; Parquet: a "
        "row group)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress line on a terminal")


def run(args: argparse.Namespace) -> int:
    from copydesk.commands._common import make_finder

    try:
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print(
            "copydesk: error: audit needs the archive extra: pip install 'copydesk[archive]'",
            file=sys.stderr,
        )
        return 2
    from copydesk.atomic import write_atomic
    from copydesk.audit.report import render
    from copydesk.audit.run import Progress, run_audit, write_summary
    from copydesk.audit.sources import AuditInputError
    from copydesk.audit.work import Settings
    from copydesk.engine.session import default_jobs

    args.extend_select = None
    args.fail_level = None
    config = make_finder(args).for_path(Path.cwd())
    group_by = tuple(dict.fromkeys(args.group_by))
    settings = Settings(config, args.text_field, args.id_field, group_by, args.kind)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"copydesk: error: {out}: exists and is not a folder", file=sys.stderr)
        return 2
    progress = None
    if not args.no_progress and sys.stderr.isatty():
        progress = Progress()
    workers = default_jobs() if args.workers is None else args.workers
    try:
        result = run_audit(
            args.articles,
            settings,
            out,
            args.scheduler,
            workers,
            progress,
            max(1, args.partition_bytes),
        )
    except AuditInputError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:  # e.g. no scheduler at that address
        print(f"copydesk: error: {args.scheduler or out}: {exc}", file=sys.stderr)
        return 2
    finally:
        if progress is not None:
            progress.finish()
    summary = write_summary(out, result, settings, args.articles)
    write_atomic(out / "report.html", render(summary).encode("utf-8"))
    total = result.tally.total
    print(
        f"audited {total.articles:,} articles ({total.words:,} words): "
        f"{sum(total.by_code.values()):,} findings, {result.tally.bad_rows:,} unreadable rows; "
        f"wrote {out}/findings.parquet, summary.json, bad_rows.jsonl, report.html"
    )
    return 0
