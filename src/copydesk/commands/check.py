"""copydesk check: lint files and report."""

from __future__ import annotations

import argparse
from typing import Any

from copydesk.commands._common import add_lint_options


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "check",
        help="check files and report findings",
        description="Check articles for typos, style, unsourced figures and grammar.",
    )
    add_lint_options(p)


def run(args: argparse.Namespace) -> int:
    from copydesk.commands._lint import lint_and_report

    return lint_and_report(args, fix=None)
