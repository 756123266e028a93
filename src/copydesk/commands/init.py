"""copydesk init: write a commented starter config."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

STYLES = ("default", "news-uk", "news-us")
LEARNED = "vocab/accept.txt"  # where --learn writes, relative to the config


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
    p.add_argument(
        "--profile",
        choices=("auto", "news", "docs"),
        help="news copy or documentation (default: detected from the files beside the config)",
    )
    p.add_argument(
        "--learn",
        action="store_true",
        help=f"learn the project's vocabulary (copydesk vocab learn) into {LEARNED}",
    )


def render(style: str, profile: tuple[str, str] = ("auto", ""), accept: str | None = None) -> str:
    from copydesk.config import HOUSE_CHOICES, HOUSE_DEFAULTS

    language = "en-US" if style == "news-us" else "en-GB"
    extends = f'extends = ["{style}"]' if style != "default" else 'extends = ["default"]'
    name, why = profile
    lines = [
        "# copydesk configuration. Docs: copydesk explain CODE, copydesk rules.",
        extends,
        "",
        "# Profile: news (house style, sourcing) or docs (no sourcing or news-only rules;",
        "# unknown words are warnings); auto decides per file.",
        *([f"# Chosen because {why}."] if why else []),
        f'profile = "{name}"',
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
        *(
            [
                "[spelling]",
                f'accept = ["{accept}"]   # learned by copydesk init --learn: review it',
                '# reject = ["vocab/reject.txt"]',
            ]
            if accept
            else [
                "# [spelling]",
                '# accept = ["vocab/accept.txt"]   # one word per line, exact match',
                '# reject = ["vocab/reject.txt"]',
            ]
        ),
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
    target = Path(args.path)
    if target.exists() and not args.force:
        print(f"copydesk: error: {target} exists (use --force to overwrite)", file=sys.stderr)
        return 2
    folder = target.resolve().parent
    if args.profile:
        profile = (args.profile, "it was asked for")
    else:
        from copydesk.profiles import survey

        profile = survey(folder)
    accept = None
    if args.learn:
        learned = folder / LEARNED
        if learned.exists() and not args.force:
            print(f"copydesk: error: {learned} exists (use --force to overwrite)", file=sys.stderr)
            return 2
        count = _learn(folder, learned)
        accept = LEARNED
        print(f"learned {count} words into {learned}; review them")
    text = render(args.style, profile, accept)
    import tomllib

    from copydesk.atomic import write_atomic
    from copydesk.config import Config, apply_settings

    apply_settings(
        Config(path=target), tomllib.loads(text), text, target
    )  # never write a config we would reject
    write_atomic(target, text.encode("utf-8"), keep_mode=False)
    print(f"wrote {target} ({args.style}, profile {profile[0]}: {profile[1]})")
    return 0


def _learn(folder: Path, out: Path) -> int:
    """``copydesk vocab learn`` over the folder, written to ``out`` (its folder created)."""
    from copydesk.atomic import write_atomic
    from copydesk.config import ConfigFinder
    from copydesk.document import InputError, load_document
    from copydesk.engine.session import Session
    from copydesk.spelling.vocab import format_vocabulary, learn_vocabulary

    session = Session(ConfigFinder())

    def texts() -> Any:
        for path, err in session.files([str(folder)]):
            if err is None and path.resolve() != out:
                try:
                    yield str(path), load_document(str(path)).masked
                except InputError:
                    continue

    entries = learn_vocabulary(texts())
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, format_vocabulary(entries).encode("utf-8"), keep_mode=False)
    return len(entries)
