"""LanguageTool refusing, stalling or failing: a one-line skip, in bounded time, no raise."""

from __future__ import annotations

import base64
import socket
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from grammar_support import FakeLanguageTool, Reply, fixture, from_fixtures, server_settings

from copydesk.grammar import GrammarResult, GrammarSettings, check_document

Start = Callable[..., FakeLanguageTool]
SLACK = 1.5  # thread start-up and a loaded CI machine; far below any real hang

TEXT = "Nothing here is wrong."


def timed(settings: GrammarSettings, text: str = TEXT) -> tuple[GrammarResult, float]:
    began = time.monotonic()
    result = check_document(text, [(0, len(text))], settings)
    return result, time.monotonic() - began


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_refused_connection(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    settings = server_settings(url, tmp_path, retries=2, backoff=0.05, timeout=1.0)
    result, took = timed(settings)

    assert result.matches == []
    assert result.skipped == (
        f"grammar skipped: LanguageTool server at {url} refused the connection (3 attempts)"
    )
    assert took < settings.request_budget() + SLACK


def test_refused_connection_fails_fast_for_long_documents(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    settings = server_settings(
        url, tmp_path, retries=2, backoff=0.2, max_request_chars=1000, max_concurrency=2
    )
    text = "\n\n".join(["Paragraph of text. " * 40] * 20)
    result, took = timed(settings, text)

    assert result.skipped is not None
    assert "refused the connection" in result.skipped
    # Twenty requests, but the first that runs out of retries ends the whole check.
    assert took < settings.request_budget() + SLACK


def test_stalled_server_times_out(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server(lambda form: Reply(body=b"{}", delay=5.0))
    settings = server_settings(server.url, tmp_path, timeout=0.5, retries=1, backoff=0.1)
    result, took = timed(settings)

    assert result.skipped == (
        f"grammar skipped: LanguageTool server at {server.url} did not answer within 0.5 s "
        "(2 attempts)"
    )
    assert len(server.requests) == 2
    assert took < 0.5 * 2 + 0.1 + SLACK


def test_trickling_server_is_cut_off(lt_server: Start, tmp_path: Path) -> None:
    # Each byte arrives well inside the socket timeout, so only the overall budget stops it.
    body = fixture("clean") | {"padding": "x" * 200}
    server = lt_server(lambda form: Reply(body=repr(body).encode(), trickle=0.1))
    settings = server_settings(server.url, tmp_path, timeout=0.5, retries=1, backoff=0.1)
    result, took = timed(settings)

    assert result.skipped is not None
    assert result.skipped.startswith(
        f"grammar skipped: LanguageTool server at {server.url} did not finish answering"
    )
    assert took < settings.request_budget() + SLACK


def test_server_error_is_retried_then_skipped(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server(lambda form: Reply(500, b"Error: java.lang.OutOfMemoryError", "text/plain"))
    settings = server_settings(server.url, tmp_path, timeout=1.0, retries=2, backoff=0.05)
    result, took = timed(settings)

    assert result.skipped == (
        f"grammar skipped: LanguageTool server at {server.url} answered "
        "HTTP 500 Internal Server Error (3 attempts)"
    )
    assert len(server.requests) == 3
    assert took < settings.request_budget() + SLACK


def test_one_server_error_then_success(lt_server: Start, tmp_path: Path) -> None:
    answers = iter([Reply(503, b"busy", "text/plain")])
    server = lt_server(lambda form: next(answers, None) or from_fixtures(form))
    settings = server_settings(server.url, tmp_path, retries=2, backoff=0.05)
    result, _ = timed(settings)

    assert result.skipped is None
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (
            Reply(
                400, b"Error: 'xx-YY' is not a language code known to LanguageTool.", "text/plain"
            ),
            "rejected the request (HTTP 400 Bad Request: Error: 'xx-YY' is not a language "
            "code known to LanguageTool.)",
        ),
        (Reply(429, b"", "text/plain"), "is rate-limiting requests (HTTP 429 Too Many Requests)"),
        (
            Reply(413, b"Error: Your text exceeds the limit", "text/plain"),
            "(HTTP 413 Request Entity Too Large: Error: Your text exceeds the limit); "
            "lower max_request_chars",
        ),
        (Reply(200, b"<html>captive portal</html>", "text/html"), "not LanguageTool JSON"),
        (Reply(200, b'{"message": "hello"}'), "not LanguageTool JSON"),
    ],
    ids=["bad-language", "rate-limit", "too-large", "html", "wrong-json"],
)
def test_answers_retrying_cannot_fix(
    lt_server: Start, tmp_path: Path, reply: Reply, expected: str
) -> None:
    server = lt_server(lambda form: reply)
    settings = server_settings(server.url, tmp_path, retries=2, backoff=1.0)
    result, took = timed(settings)

    assert result.skipped is not None
    assert result.skipped.startswith(f"grammar skipped: LanguageTool server at {server.url} ")
    assert expected in result.skipped
    assert len(server.requests) == 1
    assert took < 1.0


def test_credentials_never_appear_in_the_reason(tmp_path: Path) -> None:
    url = f"http://ed:secret@127.0.0.1:{closed_port()}"
    result, _ = timed(server_settings(url, tmp_path))
    assert result.skipped is not None
    assert "secret" not in result.skipped
    assert "refused the connection" in result.skipped


def test_credentials_in_the_url_become_basic_auth(lt_server: Start, tmp_path: Path) -> None:
    seen: list[str] = []

    def record(form: dict[str, str]) -> Reply:
        seen.append(form["_authorization"])
        return from_fixtures(form)

    server = lt_server(record)
    url = server.url.replace("http://", "http://ed:s%40cret@")
    result, _ = timed(server_settings(url, tmp_path))
    assert result.skipped is None
    assert seen == ["Basic " + base64.b64encode(b"ed:s@cret").decode()]


def test_unwritable_cache_does_not_stop_the_check(lt_server: Start, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    server = lt_server()
    result, _ = timed(server_settings(server.url, blocker / "grammar"))
    assert result.skipped is None
    assert result.language_tool_version == "6.4"


def test_later_documents_skip_at_once_after_a_failure(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}"
    settings = server_settings(url, tmp_path, retries=2, backoff=0.3)
    first, first_took = timed(settings)
    second, second_took = timed(settings, "Another document entirely.")

    assert first_took >= 0.9
    assert second.skipped == first.skipped
    assert second_took < 0.2


def test_cached_documents_are_still_checked_while_the_server_is_down(
    lt_server: Start, tmp_path: Path
) -> None:
    server = lt_server()
    settings = server_settings(server.url, tmp_path)
    before, _ = timed(settings, "The café charges £5 for a apple and a éclair.")
    server.close()
    failed, _ = timed(settings, "Nothing here is wrong.")
    after, _ = timed(settings, "The café charges £5 for a apple and a éclair.")

    assert failed.skipped is not None
    assert after.skipped is None
    assert after.matches == before.matches
