"""The HTTP side of ``copydesk serve``: the standard library's threading server, one thread per
request, LanguageTool's two endpoints, CORS for browser add-ons, a request-size limit."""

from __future__ import annotations

import json
import socket
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from copydesk import __version__
from copydesk.config import ConfigError
from copydesk.engine.rules import RuleError
from copydesk.serve.answer import languages
from copydesk.serve.service import BadRequest, CheckService

DEFAULT_MAX_BYTES = 2_000_000
MAX_FIELDS = 64


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(
        self,
        host: str,
        port: int,
        service: CheckService,
        max_bytes: int = DEFAULT_MAX_BYTES,
        cors_origin: str = "*",
        verbose: bool = False,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.service = service
        self.max_bytes = max_bytes
        self.cors_origin = cors_origin
        self.verbose = verbose
        super().__init__((host, port), Handler)


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = f"copydesk/{__version__}"
    protocol_version = "HTTP/1.1"

    # -- endpoints ---------------------------------------------------------------------------

    def do_OPTIONS(self) -> None:  # CORS preflight from a browser add-on
        self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if path.rstrip("/") == "/v2/languages":
            self._json(languages())
        elif path.rstrip("/") == "/v2/check":
            try:
                params = _form(query)
            except ValueError as exc:
                self._error(HTTPStatus.BAD_REQUEST, f"Error: {exc}")
                return
            self._check(params)
        else:
            self._not_found(path)

    def do_POST(self) -> None:
        path = self.path.partition("?")[0].rstrip("/")
        if path != "/v2/check":
            self.close_connection = True  # its body is not read
            self._not_found(path)
            return
        body = self._body()
        if body is None:
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            if kind == "application/json":
                data = json.loads(body.decode("utf-8"))
                if not isinstance(data, dict):
                    raise ValueError("the JSON body must be an object")
                params = {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
            else:
                params = _form(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as exc:
            self._error(HTTPStatus.BAD_REQUEST, f"Error: cannot read the request body: {exc}")
            return
        self._check(params)

    # -- helpers -----------------------------------------------------------------------------

    def _check(self, params: dict[str, str]) -> None:
        bearer = (self.headers.get("Authorization") or "").partition("Bearer ")[2].strip()
        if bearer and "apiKey" not in params:
            params["apiKey"] = bearer
        try:
            answer = self.server.service.check(params, self.headers.get("User-Agent") or "")
        except BadRequest as exc:
            self._error(exc.status, str(exc))
            return
        except (ConfigError, RuleError) as exc:  # edited into a broken state while serving
            self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                f"Error: the server's config cannot be used: {exc}",
            )
            return
        except Exception as exc:  # a bug answers 500 and the server goes on
            self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                f"Error: internal error: {type(exc).__name__}: {exc}",
            )
            return
        self._json(answer)

    def _body(self) -> bytes | None:
        raw = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") or raw is None:
            self.close_connection = True
            self._error(HTTPStatus.LENGTH_REQUIRED, "Error: send the body with a Content-Length")
            return None
        try:
            length = int(raw)
            if length < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            self._error(HTTPStatus.BAD_REQUEST, f"Error: bad Content-Length {raw!r}")
            return None
        if length > self.server.max_bytes:
            self.close_connection = True  # the body stays unread
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"Error: the request is {length} bytes; this server accepts at most "
                f"{self.server.max_bytes} (copydesk serve --max-request-bytes)",
            )
            return None
        return self.rfile.read(length)

    def _not_found(self, path: str) -> None:
        self._error(
            HTTPStatus.NOT_FOUND,
            f"Error: no endpoint {path!r} (this server answers GET /v2/languages and "
            "POST /v2/check)",
        )

    def _json(self, data: Any) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", self.server.cors_origin)
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Authorization")
        self.send_header("Access-Control-Max-Age", "600")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.verbose:
            sys.stderr.write(f"copydesk serve: {self.address_string()} {format % args}\n")


def _form(text: str) -> dict[str, str]:
    pairs = urllib.parse.parse_qsl(
        text, keep_blank_values=True, strict_parsing=False, max_num_fields=MAX_FIELDS
    )
    return dict(pairs)
