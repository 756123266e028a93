"""A stand-in LanguageTool for the adapter tests: a real HTTP server on 127.0.0.1 that
answers ``POST /v2/check`` from the recorded fixtures, so the client's whole path (form
encoding, urllib, JSON, offsets) runs as it would against LanguageTool."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from copydesk.grammar import GrammarSettings

FIXTURES = Path(__file__).parent / "fixtures"
MANIFEST: dict[str, dict[str, str]] = json.loads((FIXTURES / "manifest.json").read_text("utf-8"))


def fixture(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    return loaded


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    delay: float = 0.0
    # Send the body one byte at a time, this far apart, to keep a socket timeout from firing.
    trickle: float | None = None


Responder = Callable[[dict[str, str]], Reply]


def json_reply(payload: dict[str, Any]) -> Reply:
    return Reply(body=json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def from_fixtures(form: dict[str, str]) -> Reply:
    """Answer with the fixture recorded for exactly this text, as LanguageTool would only
    give those matches for that text; anything else is a test bug, so a loud 400."""
    for name, recorded in MANIFEST.items():
        if recorded["text"] == form.get("text"):
            return Reply(body=(FIXTURES / f"{name}.json").read_bytes())
    return Reply(400, f"Error: no fixture for text {form.get('text')!r}".encode(), "text/plain")


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def a_vs_an_everywhere(form: dict[str, str], version: str = "6.4") -> Reply:
    """For generated documents: an EN_A_VS_AN match, copied from the recorded one, at every
    "a apple" in the text, with offsets in UTF-16 units as LanguageTool counts them."""
    text = form["text"]
    template = fixture("markup")
    recorded = template["matches"][0]
    matches = []
    for found in re.finditer(r"\ba apple\b", text):
        match = json.loads(json.dumps(recorded))
        match["offset"] = units(text[: found.start()])
        match["length"] = 1
        match["context"] = {"text": found.group(), "offset": 0, "length": 1}
        matches.append(match)
    template["matches"] = matches
    template["software"]["version"] = version
    return json_reply(template)


class FakeLanguageTool:
    def __init__(self, respond: Responder) -> None:
        self.respond = respond
        self.requests: list[dict[str, str]] = []
        self.in_flight = 0
        self.peak = 0
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode("utf-8")
                form = {k: v[0] for k, v in urllib.parse.parse_qs(raw, True).items()}
                form["_path"] = self.path
                form["_authorization"] = self.headers.get("Authorization", "")
                with owner._lock:
                    owner.requests.append(form)
                    owner.in_flight += 1
                    owner.peak = max(owner.peak, owner.in_flight)
                try:
                    reply = owner.respond(form)
                    if reply.delay:
                        time.sleep(reply.delay)
                finally:
                    # Counted down before answering: the client may send its next request
                    # the moment the answer arrives, and that must not look concurrent.
                    with owner._lock:
                        owner.in_flight -= 1
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.trickle is None:
                        self.wfile.write(reply.body)
                    else:
                        for byte in reply.body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(reply.trickle)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def texts(self) -> list[str]:
        return [r["text"] for r in self.requests]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def server_settings(url: str, cache_dir: Path, **overrides: Any) -> GrammarSettings:
    values: dict[str, Any] = {
        "mode": "server",
        "server": url,
        "cache_dir": cache_dir,
        "timeout": 5.0,
        "retries": 0,
        "backoff": 0.05,
    }
    values.update(overrides)
    return GrammarSettings(**values)


_MARKUP = re.compile(
    r"^#+ |^> |\*\*|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`[^`\n]*`|\]\([^)\s]*\)|\[",
    re.MULTILINE,
)


def mask(source: str) -> str:
    """A small Markdown masker for the tests: markup characters, inline code and link
    targets become spaces; line breaks (CR and LF) stay."""
    return _MARKUP.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), source)


def paragraphs(masked: str) -> list[tuple[int, int]]:
    """Spans of the text between blank lines, leading blanks and all, as a document model
    that does not trim would hand them over."""
    spans = []
    for found in re.finditer(r"(?:[^\r\n]|\r?\n(?![ \t]*\r?\n))+", masked):
        if found.group().strip():
            spans.append((found.start(), found.end()))
    return spans
