"""copydesk serve: LanguageTool's HTTP API, answered by copydesk."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="answer LanguageTool's HTTP API with copydesk's findings",
        description="Serve LanguageTool's HTTP API (GET /v2/languages, POST /v2/check) so that "
        "LanguageTool clients (browser add-ons with a custom server, LTeX, editor plug-ins, "
        "language-tool-python) show copydesk's findings. The config is the one that governs "
        "the working folder (or --config); it is re-read when it changes.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument(
        "--port", type=int, default=8081, help="port (default: 8081; 0 picks a free one)"
    )
    p.add_argument("--config", metavar="FILE", help="use this config file")
    p.add_argument(
        "--api-key",
        metavar="KEY",
        help="require this key as the 'apiKey' parameter or an 'Authorization: Bearer' header "
        "(default: $COPYDESK_API_KEY; none: no key needed)",
    )
    p.add_argument(
        "--max-request-bytes",
        type=int,
        default=2_000_000,
        metavar="N",
        help="larger requests are refused with 413 (default: 2000000)",
    )
    p.add_argument(
        "--cors-origin", default="*", help="Access-Control-Allow-Origin to send (default: *)"
    )
    p.add_argument(
        "--rules-url",
        metavar="BASE",
        help="base URL of the rule pages (BASE/CODE.md) linked from each match",
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")


def run(args: argparse.Namespace) -> int:
    from copydesk.live import LiveChecker
    from copydesk.serve.http import Server
    from copydesk.serve.service import CheckService

    if not 0 <= args.port <= 65535:
        raise ValueError(f"--port {args.port}: not a port number")
    if args.max_request_bytes < 1:
        raise ValueError("--max-request-bytes must be at least 1")
    explicit = Path(args.config) if args.config else None
    if explicit is not None and not explicit.is_file():
        raise ValueError(f"{args.config}: no such config file")
    api_key = args.api_key or os.environ.get("COPYDESK_API_KEY") or None
    service = CheckService(LiveChecker(explicit), Path.cwd(), api_key, args.rules_url)
    service.warm()  # config errors show now, and the first request is as fast as the rest
    try:
        server = Server(
            args.host, args.port, service, args.max_request_bytes, args.cors_origin, args.verbose
        )
    except OSError as exc:
        raise ValueError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}"
        ) from None
    host, port = str(server.server_address[0]), int(server.server_address[1])
    shown = f"[{host}]" if ":" in host else host
    print(
        f"copydesk serve: LanguageTool API on http://{shown}:{port}/v2/ (Ctrl-C stops)",
        file=sys.stderr,
        flush=True,
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    finally:
        server.server_close()
    return 0
