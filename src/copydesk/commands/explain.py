"""copydesk explain CODE: print a rule's page (the same text as docs/rules/CODE.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "explain",
        help="explain a rule",
        description="Print a rule's documentation: what it flags, why, options and examples.",
    )
    p.add_argument("code", help="a rule code or slug, e.g. STY010 or repeated-word")
    p.add_argument("--config", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    from copydesk.config import ConfigFinder, load_config
    from copydesk.docs import rule_page
    from copydesk.engine.registry import load_registry

    config = load_config(Path(args.config)) if args.config else ConfigFinder().for_path(Path.cwd())
    registry = load_registry(config.rule_paths)
    found = [r for r in registry if args.code in (r.code, r.name) or args.code in r.aliases]
    if not found:
        raise ValueError(f"no rule with code or name {args.code!r} (see 'copydesk rules')")
    print(rule_page(found[0]))
    return 0
