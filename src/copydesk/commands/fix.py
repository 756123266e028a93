"""copydesk fix: apply fixes (safe ones unless --unsafe-fixes), or show them with --diff."""

from __future__ import annotations

import argparse
from typing import Any

from copydesk.commands._common import add_lint_options


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "fix",
        help="apply safe fixes and report what remains",
        description="Apply fixes and report what remains. Only safe fixes unless --unsafe-fixes.",
    )
    add_lint_options(p)
    p.add_argument(
        "--unsafe-fixes", action="store_true", help="also apply fixes that may change meaning"
    )
    p.add_argument(
        "--diff",
        action="store_true",
        help="show the changes as a unified diff instead of writing them",
    )


def run(args: argparse.Namespace) -> int:
    from copydesk.commands._lint import lint_and_report

    return lint_and_report(args, fix="unsafe" if args.unsafe_fixes else "safe")
