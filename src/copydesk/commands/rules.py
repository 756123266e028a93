"""copydesk rules: list the rules, filtered by pack, kind, level or text."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "rules",
        help="list rules",
        description="List the rules copydesk knows, with their codes, levels and packs.",
    )
    p.add_argument(
        "--pack", help="only this pack (core, typos, sourcing, news-uk, news-us, plain, ...)"
    )
    p.add_argument("--kind", help="only rules of this kind")
    p.add_argument("--level", choices=("error", "warning", "suggestion"))
    p.add_argument(
        "--enabled", action="store_true", help="only rules the config in this folder turns on"
    )
    p.add_argument("--config", metavar="FILE")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("search", nargs="?", help="only rules whose code, name or summary contain this")


def run(args: argparse.Namespace) -> int:
    from copydesk.config import ConfigFinder, load_config
    from copydesk.engine.registry import load_registry
    from copydesk.engine.runner import select_rules

    config = load_config(Path(args.config)) if args.config else ConfigFinder().for_path(Path.cwd())
    registry = load_registry(config.rule_paths)
    rules = list(registry)
    if args.pack:
        if args.pack not in registry.packs:
            raise ValueError(f"no pack named {args.pack!r} (packs: {', '.join(registry.packs)})")
        rules = [r for r in rules if r.pack == args.pack]
    if args.kind:
        rules = [r for r in rules if r.kind == args.kind]
    if args.level:
        rules = [r for r in rules if str(r.level) == args.level]
    if args.enabled:
        on = {r.code for r in select_rules(registry, config)}
        rules = [r for r in rules if r.code in on]
    if args.search:
        needle = args.search.lower()
        rules = [r for r in rules if needle in f"{r.code} {r.name} {r.summary}".lower()]
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "code": r.code,
                        "name": r.name,
                        "pack": r.pack,
                        "kind": r.kind,
                        "level": str(r.level),
                        "fix": str(r.fix) if r.fix else None,
                        "summary": r.summary,
                    }
                    for r in rules
                ],
                indent=2,
            )
        )
        return 0
    for r in rules:
        fix = "fix" if r.fix else "   "
        print(f"{r.code:<8} {r.name:<32} {r.pack:<9} {r.level!s:<10} {fix}  {r.summary}")
    print(f"{len(rules)} rule{'s' if len(rules) != 1 else ''}")
    return 0
