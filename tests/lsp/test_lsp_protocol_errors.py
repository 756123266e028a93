"""Malformed JSON-RPC and unknown methods, written straight to ``copydesk lsp``'s stdin: each
gets its JSON-RPC error answer and the server goes on working."""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from lsp_support import SERVER

WAIT = 60.0


def _frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _send(proc: subprocess.Popen[bytes], message: dict[str, Any] | bytes) -> None:
    body = message if isinstance(message, bytes) else json.dumps(message).encode()
    assert proc.stdin is not None
    proc.stdin.write(_frame(body))
    proc.stdin.flush()


def _reader(stream: IO[bytes], out: queue.Queue[dict[str, Any]]) -> None:
    while True:
        length = 0
        while True:
            line = stream.readline()
            if not line:
                return
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
            if line in (b"\r\n", b"\n"):
                break
        out.put(json.loads(stream.read(length)))


def _wait_for(
    messages: queue.Queue[dict[str, Any]], test: Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    for _ in range(200):  # other notifications (log messages) may come first
        message = messages.get(timeout=WAIT)
        if test(message):
            return message
    raise AssertionError("the awaited message never came")


def _answer(messages: queue.Queue[dict[str, Any]], msg_id: Any) -> dict[str, Any]:
    return _wait_for(messages, lambda m: "method" not in m and m.get("id", "-") == msg_id)


def test_bad_messages_are_answered_and_the_server_survives(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("The Home Secretaray flew to Calais.\n", encoding="utf-8")
    proc = subprocess.Popen(
        SERVER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )  # fmt: skip
    messages: queue.Queue[dict[str, Any]] = queue.Queue()
    assert proc.stdout is not None
    threading.Thread(target=_reader, args=(proc.stdout, messages), daemon=True).start()
    try:
        _send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                     "params": {"processId": None, "rootUri": tmp_path.as_uri(),
                                "capabilities": {}}})  # fmt: skip
        assert "capabilities" in _answer(messages, 1)["result"]
        _send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})

        _send(proc, b'{"jsonrpc": "2.0", "id": 2, "method": ')  # cut short: not JSON
        assert _answer(messages, None)["error"]["code"] == -32700

        _send(proc, b"[1, 2, 3]")  # JSON, but no JSON-RPC message
        assert _answer(messages, None)["error"]["code"] == -32600

        _send(proc, {"jsonrpc": "2.0", "id": 3, "method": "copydesk/noSuchMethod"})
        assert _answer(messages, 3)["error"]["code"] == -32601

        _send(proc, {"jsonrpc": "2.0", "id": 4, "method": "textDocument/hover",
                     "params": {"position": "here"}})  # fmt: skip
        assert _answer(messages, 4)["error"]["code"] == -32602

        _send(proc, {"jsonrpc": "2.0", "method": "copydesk/noSuchNotification"})

        # still working: a document opened now gets its diagnostics
        uri = story.as_uri()
        _send(proc, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
                     "params": {"textDocument": {"uri": uri, "languageId": "markdown",
                                                 "version": 1, "text": story.read_text()}}})  # fmt: skip
        published = _wait_for(
            messages,
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
            ),
        )
        codes = [d["code"] for d in published["params"]["diagnostics"]]
        assert codes == ["TYP001"]

        _send(proc, {"jsonrpc": "2.0", "id": 5, "method": "shutdown"})
        assert _answer(messages, 5)["result"] is None
        _send(proc, {"jsonrpc": "2.0", "method": "exit"})
        assert proc.wait(timeout=WAIT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=WAIT)


def test_without_the_extra_the_error_is_one_line(tmp_path: Path) -> None:
    # a Python whose import of pygls fails, as in an install without copydesk[lsp]
    blocker = tmp_path / "pygls.py"
    blocker.write_text("raise ImportError('no pygls here')\n", encoding="utf-8")
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "from copydesk.cli import main; sys.exit(main(['lsp']))"
    )
    done = subprocess.run(
        [SERVER[0], "-c", code, str(tmp_path)],
        capture_output=True, text=True, timeout=WAIT, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "copydesk: error: 'copydesk lsp' needs the lsp extra: pip install 'copydesk[lsp]'"
    ]
