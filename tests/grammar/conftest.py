from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from grammar_support import FakeLanguageTool, Responder, from_fixtures

from copydesk.grammar import close_local_servers
from copydesk.grammar.check import forget_failures


@pytest.fixture
def lt_server() -> Iterator[Callable[..., FakeLanguageTool]]:
    """Start fake LanguageTool servers (fixture-backed by default); all stop afterwards."""
    started: list[FakeLanguageTool] = []

    def start(respond: Responder = from_fixtures) -> FakeLanguageTool:
        server = FakeLanguageTool(respond)
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # The client honours proxy variables (needed for the public API behind a proxy); the
    # fake servers are on 127.0.0.1 and must be reached directly.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _fresh_process_state() -> Iterator[None]:
    # Each test stands for a separate copydesk run: no remembered failures, no local server
    # left running from a previous test.
    forget_failures()
    yield
    forget_failures()
    close_local_servers()
