"""copydesk vocab learn: propose a newsroom vocabulary from an archive of articles."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "vocab", help="build spelling vocabularies", description="Work with spelling vocabularies."
    )
    vs = p.add_subparsers(dest="vocab_command", metavar="ACTION", required=True)
    learn = vs.add_parser("learn", help="propose words and names that recur across an archive")
    learn.add_argument("paths", nargs="+", metavar="PATH")
    learn.add_argument(
        "--min-files",
        type=int,
        default=3,
        help="a word must appear in at least this many files (default 3)",
    )
    learn.add_argument(
        "-o", "--output", metavar="FILE", help="write the vocabulary here (default: stdout)"
    )
    learn.add_argument("--language", choices=("en-GB", "en-US"), default="en-GB")


def run(args: argparse.Namespace) -> int:
    from copydesk.config import ConfigFinder
    from copydesk.document import InputError, load_document
    from copydesk.engine.session import Session
    from copydesk.spelling.vocab import format_vocabulary, learn_vocabulary

    session = Session(ConfigFinder())

    def texts() -> Any:
        for path, err in session.files(args.paths):
            if err:
                print(f"copydesk: warning: {err}", file=sys.stderr)
                continue
            try:
                doc = load_document(str(path))
            except InputError as exc:
                print(f"copydesk: warning: {exc}", file=sys.stderr)
                continue
            yield str(path), doc.masked

    entries = learn_vocabulary(texts(), min_files=args.min_files)
    text = format_vocabulary(entries)
    if args.output:
        from copydesk.atomic import write_atomic

        out = Path(args.output)
        out.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(out, text.encode("utf-8"))
        print(
            f"wrote {len(entries)} entries to {out}; review it, then list it under [spelling] accept"
        )
    else:
        sys.stdout.write(text)
    return 0
