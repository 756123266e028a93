"""copydesk baseline write FILE: record today's findings so that --baseline reports only new ones."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from copydesk.commands._common import add_lint_options


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "baseline",
        help="record current findings as a baseline",
        description="Record the current findings so that later runs with --baseline FILE fail only on new ones.",
    )
    bs = p.add_subparsers(dest="baseline_command", metavar="ACTION", required=True)
    w = bs.add_parser("write", help="write a baseline file")
    w.add_argument("file", metavar="FILE")
    add_lint_options(w)


def run(args: argparse.Namespace) -> int:
    from copydesk.baseline import write_baseline
    from copydesk.commands._common import make_finder
    from copydesk.engine.session import Session, default_jobs

    session = Session(make_finder(args))
    results = list(session.run(args.paths, args.jobs or default_jobs()))
    write_baseline(results, Path(args.file))
    count = sum(len(r.findings) for r in results)
    print(f"wrote {count} findings from {len(results)} files to {args.file}")
    return 0
