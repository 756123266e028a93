"""copydesk baseline write FILE: record today's findings so that --baseline reports only new ones."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from copydesk.commands._common import add_lint_options
from copydesk.model import FileResult


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
    from copydesk.engine.session import Session

    session = Session(make_finder(args))
    files = 0
    errors: list[str] = []

    def results() -> Iterator[FileResult]:
        # streamed: only the baseline entries are kept, not every article's text
        nonlocal files
        for result in session.run(args.paths, args.jobs or None):
            files += 1
            if result.error:
                errors.append(result.error)
            yield result

    target = Path(args.file)
    staged = target.with_name(f".{target.name}.partial")
    count = write_baseline(results(), staged)
    if errors:
        staged.unlink(missing_ok=True)
        for error in errors:
            print(f"copydesk: error: {error}", file=sys.stderr)
        print(
            f"copydesk: baseline not written: {len(errors)} file(s) could not be read",
            file=sys.stderr,
        )
        return 2
    staged.replace(target)
    print(f"wrote {count} findings from {files} files to {args.file}")
    return 0
