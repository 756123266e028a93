"""A small client for LanguageTool's documented HTTP API (``POST /v2/check``).

language-tool-python is not used for talking to a server because its remote mode cannot be
used without side effects or hangs (as of 3.4): constructing
``LanguageTool(remote_server=...)`` already queries ``/v2/languages``; every request has a
fixed 300-second timeout; 5xx answers are not retried and come back as a
``LanguageToolError`` (or a ``KeyError`` when the body happens to be JSON); there is no
``username``/``apiKey`` for the premium API; and ``Match`` drops the rule URLs, corrects
offsets but not lengths for emoji, and keeps the emoji positions of "the previous text" in
class attributes, which gives wrong offsets as soon as two threads check different texts.
The check endpoint is one form-encoded POST, so it is done here with the standard library.
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any, Final

from .settings import GrammarSettings

__all__ = ["CheckReply", "LanguageToolUnavailable", "check_url", "display_url", "post_check"]

# The spelling rules LanguageTool runs for English and most other languages.
SPELLING_CATEGORY: Final = "TYPOS"
_USER_AGENT: Final = "copydesk-grammar/1"


class LanguageToolUnavailable(Exception):
    """LanguageTool could not be used; ``str(exc)`` is the reason, fit for one line."""


def check_url(base: str) -> str:
    """The check endpoint under a server base URL, accepting the forms people paste: with
    or without a trailing slash, ``/v2`` or the full ``/v2/check``."""
    base = base.rstrip("/")
    for suffix in ("/v2/check", "/v2"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
            break
    return base + "/v2/check"


def _netloc(parts: urllib.parse.SplitResult) -> str:
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{parts.port}" if parts.port else host


def display_url(url: str) -> str:
    """The URL without any ``user:password@`` part, for messages that end up in CI logs."""
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((parts.scheme, _netloc(parts), parts.path, "", "")).rstrip("/")


def request_form(text: str, settings: GrammarSettings) -> dict[str, str]:
    form = {"text": text, "language": settings.language}
    disabled_categories = list(settings.disable_categories)
    if not settings.spelling and SPELLING_CATEGORY not in settings.enable_categories:
        disabled_categories.append(SPELLING_CATEGORY)
    for key, values in (
        ("enabledRules", settings.enable_rules),
        ("disabledRules", settings.disable_rules),
        ("enabledCategories", settings.enable_categories),
        ("disabledCategories", tuple(dict.fromkeys(disabled_categories))),
    ):
        if values:
            form[key] = ",".join(values)
    if settings.username is not None and settings.api_key is not None:
        form["username"] = settings.username
        form["apiKey"] = settings.api_key
    return form


class CheckReply:
    """The parts of a ``/v2/check`` answer the adapter uses."""

    __slots__ = ("complete", "matches", "version")

    def __init__(self, payload: Mapping[str, Any]) -> None:
        matches = payload.get("matches")
        if not isinstance(matches, list):
            raise ValueError("no 'matches' list")
        software = payload.get("software")
        version = software.get("version") if isinstance(software, Mapping) else None
        warnings = payload.get("warnings")
        self.matches: list[Mapping[str, Any]] = [m for m in matches if isinstance(m, Mapping)]
        self.version: str = str(version) if version else "unknown"
        # LanguageTool sets this when it stopped early (its own time limit); such an answer
        # is fine to report but must not be cached as the full truth.
        self.complete: bool = not (
            isinstance(warnings, Mapping) and bool(warnings.get("incompleteResults"))
        )


class _Retryable(Exception):
    pass


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    line = text.splitlines()[0] if text else ""
    return line[:200]


def _split_credentials(url: str) -> tuple[str, dict[str, str]]:
    """urllib cannot use ``user:password@`` in a URL; a self-hosted LanguageTool behind a
    reverse proxy with basic auth needs it, so it becomes an Authorization header."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None:
        return url, {}
    pair = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
    token = base64.b64encode(pair.encode("utf-8")).decode("ascii")
    clean = urllib.parse.urlunsplit((parts.scheme, _netloc(parts), parts.path, parts.query, ""))
    return clean, {"Authorization": f"Basic {token}"}


def _attempt(url: str, data: bytes, timeout: float) -> CheckReply:
    target, auth = _split_credentials(url)
    request = urllib.request.Request(
        target,
        data=data,
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
            "Accept": "application/json",
            "User-Agent": _USER_AGENT,
            **auth,
        },
    )
    shown = display_url(url.removesuffix("/v2/check"))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read()
    except urllib.error.HTTPError as error:
        status = f"HTTP {error.code} {error.reason}".strip()
        detail = _first_line(error.read() or b"")
        if error.code >= 500:
            raise _Retryable(f"LanguageTool server at {shown} answered {status}") from None
        if error.code in (426, 429):
            raise LanguageToolUnavailable(
                f"LanguageTool server at {shown} is rate-limiting requests ({status}); "
                "try later or use a self-hosted server"
            ) from None
        hint = "; lower max_request_chars" if error.code == 413 else ""
        raise LanguageToolUnavailable(
            f"LanguageTool server at {shown} rejected the request ({status}"
            + (f": {detail}" if detail else "")
            + f"){hint}"
        ) from None
    except TimeoutError:
        raise _Retryable(
            f"LanguageTool server at {shown} did not answer within {timeout:g} s"
        ) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, ConnectionRefusedError):
            message = f"LanguageTool server at {shown} refused the connection"
        elif isinstance(reason, TimeoutError):
            message = f"LanguageTool server at {shown} did not answer within {timeout:g} s"
        elif isinstance(reason, socket.gaierror):
            message = f"LanguageTool server at {shown} could not be found (unknown host)"
        else:
            message = f"LanguageTool server at {shown} could not be reached ({reason})"
        raise _Retryable(message) from None
    except (http.client.HTTPException, ConnectionError, OSError) as error:
        raise _Retryable(
            f"LanguageTool server at {shown} dropped the connection ({type(error).__name__})"
        ) from None
    try:
        payload = json.loads(body.decode("utf-8"))
        if not isinstance(payload, Mapping):
            raise ValueError("not a JSON object")
        return CheckReply(payload)
    except ValueError:
        raise LanguageToolUnavailable(
            f"LanguageTool server at {shown} sent an answer that is not LanguageTool JSON"
        ) from None


def post_check(
    base_url: str,
    text: str,
    settings: GrammarSettings,
    cancelled: threading.Event,
) -> CheckReply:
    """Check one text, retrying connection failures, timeouts and 5xx answers with
    exponential back-off. Raises :class:`LanguageToolUnavailable` once retries run out, on
    any answer that retrying cannot fix, or when ``cancelled`` is set."""
    url = check_url(base_url)
    data = urllib.parse.urlencode(request_form(text, settings)).encode("ascii")
    delays = settings.backoff_delays()
    attempts = len(delays) + 1
    last = ""
    for attempt in range(attempts):
        if cancelled.is_set():
            raise LanguageToolUnavailable(last or "cancelled")
        try:
            return _attempt(url, data, settings.timeout)
        except _Retryable as failure:
            last = str(failure)
        if attempt + 1 < attempts and cancelled.wait(delays[attempt]):
            break
    tries = f" ({attempts} attempts)" if attempts > 1 else ""
    raise LanguageToolUnavailable(last + tries)
