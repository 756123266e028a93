"""copydesk init: write a commented starter config."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

STYLES = ("default", "news-uk", "news-us")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "init",
        help="write a starter copydesk.toml",
        description="Write a commented copydesk.toml with the house parameters spelled out.",
    )
    p.add_argument("--style", choices=STYLES, default="default", help="house style to start from")
    p.add_argument(
        "--path", default="copydesk.toml", help="where to write (default: copydesk.toml)"
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")


def render(style: str) -> str:
    from copydesk.config import HOUSE_CHOICES, HOUSE_DEFAULTS

    language = "en-US" if style == "news-us" else "en-GB"
    extends = f'extends = ["{style}"]' if style != "default" else 'extends = ["default"]'
    lines = [
        "# copydesk configuration. Docs: copydesk explain CODE, copydesk rules.",
        extends,
        "",
        "# Packs: core (mechanics), typos (spelling), sourcing (unsourced figures),",
        "# news-uk, news-us (house style), plain (clichés, wordiness). The preset sets these.",
        '# packs = ["core", "typos", "sourcing"]',
        f'language = "{language}"           # spelling variant: en-GB or en-US',
        'fail-level = "warning"       # error | warning | suggestion',
        "# select = []                # only these codes, prefixes, slugs or pack:NAME",
        "# ignore = []                # never these",
        '# exclude = ["drafts/**"]',
        "",
        "# [per-file-ignores]",
        '# "archive/**" = ["STY"]',
        "",
        "# [levels]",
        '# SRC003 = "suggestion"',
        "",
        "# [spelling]",
        '# accept = ["vocab/accept.txt"]   # one word per line, exact match',
        '# reject = ["vocab/reject.txt"]',
        "",
        "# [sourcing]",
        '# policy = "strict"          # strict: sentence and the one before; lenient: any earlier attribution',
        "",
        "# [markdown]",
        '# dialect = "auto"           # the site generator\'s; or gfm, hugo, jekyll, mkdocs, docusaurus, pandoc, ...',
        "",
        "# [grammar]",
        '# mode = "off"               # off | server | local',
        '# server = "http://localhost:8081"',
        "",
    ]
    if style in HOUSE_DEFAULTS:
        lines.append("[house]")
        for key, value in HOUSE_DEFAULTS[style].items():
            choices = " | ".join(_toml(c) for c in HOUSE_CHOICES[key])
            lines.append(f"{key} = {_toml(value):<12} # {choices}")
        lines.append("")
    return "\n".join(lines)


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return f'"{value}"'


def run(args: argparse.Namespace) -> int:
    import sys

    target = Path(args.path)
    if target.exists() and not args.force:
        print(f"copydesk: error: {target} exists (use --force to overwrite)", file=sys.stderr)
        return 2
    text = render(args.style)
    import tomllib

    from copydesk.config import Config, apply_settings

    apply_settings(
        Config(path=target), tomllib.loads(text), text, target
    )  # never write a config we would reject
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target} ({args.style})")
    return 0
