"""copydesk docs: write (or, with --check, verify) the rule pages generated from metadata."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "docs",
        help="generate rule documentation",
        description="Write docs/rules/ from rule metadata: one page per rule and an index by pack.",
    )
    p.add_argument("--out", default="docs/rules", help="output folder (default: docs/rules)")
    p.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the pages are stale"
    )


def run(args: argparse.Namespace) -> int:
    from copydesk.docs import render_all
    from copydesk.engine.registry import load_registry

    pages = render_all(load_registry())
    out = Path(args.out)
    stale = []
    for name, text in pages.items():
        target = out / name
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if current != text:
            stale.append(name)
            if not args.check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    extra = sorted(p.name for p in out.glob("*.md") if p.name not in pages) if out.is_dir() else []
    if args.check:
        if stale or extra:
            print(
                f"copydesk: rule docs are stale ({len(stale)} changed, {len(extra)} extra): run 'copydesk docs'",
                file=sys.stderr,
            )
            return 1
        print(f"rule docs up to date ({len(pages)} pages)")
        return 0
    for name in extra:
        (out / name).unlink()
    print(
        f"wrote {len(stale)} of {len(pages)} pages to {out}"
        + (f", removed {len(extra)}" if extra else "")
    )
    return 0
