"""Options shared by the commands that lint, and the loop that lints and reports."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from copydesk.report import FORMATS


def add_lint_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="*",
        default=["."],
        metavar="PATH",
        help="files or folders (folders are walked; '-' reads stdin)",
    )
    p.add_argument(
        "--config", metavar="FILE", help="use this config file instead of searching for one"
    )
    p.add_argument(
        "--select",
        action="append",
        metavar="CODES",
        help="only these rules: codes, prefixes, slugs or pack:NAME, comma-separated",
    )
    p.add_argument("--extend-select", action="append", metavar="CODES", help="also these rules")
    p.add_argument("--ignore", action="append", metavar="CODES", help="not these rules")
    p.add_argument(
        "--fail-level",
        choices=("error", "warning", "suggestion"),
        help="lowest level that makes the exit code 1 (default: warning)",
    )
    p.add_argument("--language", choices=("en-GB", "en-US"), help="spelling variant")
    p.add_argument(
        "--format", choices=FORMATS, default="text", help="output format (default: text)"
    )
    p.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the report to FILE (atomically) instead of stdout",
    )
    p.add_argument(
        "--stdin-filename", metavar="NAME", help="name (and so format) of text read from stdin"
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="processes checking files in parallel (default: every core, when the run is big "
        "enough to gain from it; 1 otherwise)",
    )
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="findings only: no source lines, no summary when clean",
    )
    p.add_argument("--statistics", action="store_true", help="count findings per rule")
    p.add_argument("--no-color", action="store_true", help="no colour even on a terminal")
    p.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in this baseline"
    )
    p.add_argument(
        "--include-text",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="folders: check .txt files too (the default; --no-include-text skips them; "
        "named files are always checked)",
    )
    p.add_argument(
        "--no-cache",
        action="store_true",
        help="do not read or write the result cache (.copydesk_cache/)",
    )
    p.add_argument(
        "--require-grammar",
        action="store_true",
        help="fail (exit 2) when grammar checking was configured but could not run",
    )


def make_finder(args: argparse.Namespace) -> Any:
    from copydesk.config import ConfigError, ConfigFinder
    from copydesk.engine.session import overrides_from_args

    explicit = None
    if args.config:
        explicit = Path(args.config)
        if not explicit.is_file():
            raise ConfigError(f"{args.config}: no such config file")
    return ConfigFinder(explicit, overrides_from_args(args))


def open_output(args: argparse.Namespace) -> Any:
    if not getattr(args, "output", None):
        return sys.stdout
    import io

    return io.StringIO()


def close_output(args: argparse.Namespace, stream: Any) -> None:
    if not getattr(args, "output", None):
        return  # the report went to a standard stream
    from copydesk.atomic import write_atomic

    target = Path(args.output)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, stream.getvalue().encode("utf-8"))


def use_color(args: argparse.Namespace, stream: Any) -> bool:
    if args.no_color or os.environ.get("NO_COLOR") or stream is not sys.stdout:
        return False
    return bool(getattr(stream, "isatty", lambda: False)())
