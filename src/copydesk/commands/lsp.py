"""copydesk lsp: the language server, over stdio."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "lsp",
        help="run the language server (LSP over stdio) for editors",
        description="Run copydesk as a Language Server Protocol server over stdin and stdout: "
        "diagnostics as you type, quick fixes, hover. Needs the 'lsp' extra "
        "(pip install 'copydesk[lsp]'). Editor set-up: docs/editors.md.",
    )
    p.add_argument(
        "--stdio", action="store_true", help="talk over stdin and stdout (the default and only way)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        print(
            "copydesk: error: 'copydesk lsp' needs the lsp extra: pip install 'copydesk[lsp]'",
            file=sys.stderr,
        )
        return 2
    from copydesk.lsp.server import main

    return main()
