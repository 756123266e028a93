"""Starting ``copydesk serve`` on a free loopback port in a subprocess, and talking to it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CLI = "import sys; from copydesk.cli import main; sys.exit(main(sys.argv[1:]))"
WAIT = 60.0


@contextmanager
def serving(folder: Path, *options: str) -> Iterator[str]:
    """The base URL (``http://127.0.0.1:PORT``) of a server started in ``folder``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--host", "127.0.0.1", "--port", "0", *options],
        cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip
    try:
        assert proc.stderr is not None
        seen = ""
        found = None
        for _ in range(20):  # the line is written once the port is bound
            line = proc.stderr.readline()
            seen += line
            found = re.search(r"http://127\.0\.0\.1:(\d+)/v2/", line)
            if found or not line:
                break
        assert found, f"copydesk serve did not start: {seen}"
        yield f"http://127.0.0.1:{found.group(1)}"
        assert proc.poll() is None, "the server died"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=WAIT)


def call(
    url: str,
    form: dict[str, str] | None = None,
    method: str | None = None,
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
) -> tuple[int, dict[str, str], Any]:
    """(status, headers, JSON answer or text) of one request; HTTP errors are answers too."""
    data = body if body is not None else urllib.parse.urlencode(form).encode() if form else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only
    try:
        with opener.open(request, timeout=WAIT) as response:
            status, got, raw = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, got, raw = error.code, dict(error.headers), error.read()
    text = raw.decode("utf-8")
    if got.get("Content-Type", "").startswith("application/json"):
        return status, got, json.loads(text)
    return status, got, text
