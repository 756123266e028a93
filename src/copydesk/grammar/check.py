"""``check_document``: prose blocks in, LanguageTool matches in masked-text offsets out."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

from .cache import GrammarCache
from .client import (
    SPELLING_CATEGORY,
    CheckReply,
    LanguageToolUnavailable,
    check_url,
    display_url,
    post_check,
)
from .levels import level_for
from .prepare import Request, build_requests
from .result import GrammarMatch, GrammarResult
from .settings import GrammarSettings

if TYPE_CHECKING:
    from .local import LocalServer

__all__ = ["check_document", "forget_failures"]

MAX_REPLACEMENTS: Final = 5
_SPELLING_RULE_PREFIXES: Final = ("MORFOLOGIK_RULE_", "HUNSPELL")
# Slack on top of a request's own budget before the watchdog gives up on it; it only fires
# when a server keeps a connection alive by trickling bytes, which socket timeouts miss.
_WATCHDOG_SLACK: Final = 0.5


def _trim(match: Mapping[str, Any]) -> dict[str, Any] | None:
    """The fields copydesk uses from one ``/v2/check`` match, type-checked, or ``None`` for
    a match too malformed to place. This is also the form kept in the cache."""
    offset, length, rule = match.get("offset"), match.get("length"), match.get("rule")
    if not isinstance(offset, int) or not isinstance(length, int):
        return None
    if not isinstance(rule, Mapping) or not isinstance(rule.get("id"), str):
        return None
    category = rule.get("category")
    category_id = category.get("id") if isinstance(category, Mapping) else None
    urls = rule.get("urls")
    url = None
    if isinstance(urls, list) and urls and isinstance(urls[0], Mapping):
        first = urls[0].get("value")
        url = first if isinstance(first, str) else None
    replacements = match.get("replacements")
    values = [
        r["value"]
        for r in (replacements if isinstance(replacements, list) else [])
        if isinstance(r, Mapping) and isinstance(r.get("value"), str)
    ]
    message = match.get("message")
    return {
        "offset": offset,
        "length": length,
        "rule_id": rule["id"],
        "category": category_id if isinstance(category_id, str) else "",
        "issue_type": str(rule.get("issueType") or ""),
        "description": str(rule.get("description") or ""),
        "message": message if isinstance(message, str) else "",
        "replacements": values[:MAX_REPLACEMENTS],
        "url": url,
    }


def _is_unwanted_spelling(record: Mapping[str, Any], settings: GrammarSettings) -> bool:
    """LanguageTool's spellers are switched off by category in the request; this also
    drops speller matches from servers that file them elsewhere or ignore the parameter.
    Naming a rule or category in ``enable_*`` overrides ``spelling = false`` for it."""
    if settings.spelling:
        return False
    rule_id, category = record["rule_id"], record["category"]
    speller = rule_id.startswith(_SPELLING_RULE_PREFIXES) or category == SPELLING_CATEGORY
    return (
        speller
        and rule_id not in settings.enable_rules
        and category not in settings.enable_categories
    )


def _to_match(
    record: Mapping[str, Any], request: Request, settings: GrammarSettings
) -> GrammarMatch | None:
    if _is_unwanted_spelling(record, settings):
        return None
    span = request.to_masked(record["offset"], record["length"])
    if span is None:
        return None
    return GrammarMatch(
        start=span[0],
        end=span[1],
        rule_id=record["rule_id"],
        category=record["category"],
        message=record["message"],
        replacements=tuple(record["replacements"]),
        level=level_for(record["category"], record["issue_type"]),
        url=record["url"],
        issue_type=record["issue_type"],
        description=record["description"],
    )


def _trimmed(reply: CheckReply) -> list[dict[str, Any]]:
    return [t for t in (_trim(m) for m in reply.matches) if t is not None]


def _run_concurrently(
    indices: Sequence[int],
    check: Callable[[int, threading.Event], CheckReply],
    settings: GrammarSettings,
    shown: str,
) -> dict[int, CheckReply]:
    """Run ``check`` for each index on at most ``max_concurrency`` threads. The first
    request that cannot be completed cancels the rest and is raised at once.

    The threads are daemons and are not joined on failure: a request stuck in a socket
    must not hold up the caller (or interpreter exit) beyond its budget.
    """
    pending = list(reversed(indices))
    results: dict[int, CheckReply] = {}
    deadlines: dict[int, float] = {}
    failure: list[str] = []
    cancelled = threading.Event()
    condition = threading.Condition()
    budget = settings.request_budget() + _WATCHDOG_SLACK

    def work() -> None:
        while True:
            with condition:
                if failure or not pending:
                    return
                index = pending.pop()
                deadlines[index] = time.monotonic() + budget
            try:
                reply = check(index, cancelled)
            except LanguageToolUnavailable as error:
                outcome: CheckReply | str = str(error)
            except Exception as error:  # a bug must fail the run, not leave it waiting
                outcome = f"the LanguageTool adapter failed ({type(error).__name__}: {error})"
            else:
                outcome = reply
            with condition:
                deadlines.pop(index, None)
                if isinstance(outcome, str):
                    if not failure:
                        failure.append(outcome)
                    cancelled.set()
                else:
                    results[index] = outcome
                condition.notify_all()
                if failure:
                    return

    for n in range(min(settings.max_concurrency, len(indices))):
        threading.Thread(target=work, name=f"copydesk-grammar-{n}", daemon=True).start()
    with condition:
        while len(results) < len(indices) and not failure:
            now = time.monotonic()
            if any(deadline <= now for deadline in deadlines.values()):
                failure.append(
                    f"LanguageTool server at {shown} did not finish answering within "
                    f"{settings.request_budget():g} s"
                )
                cancelled.set()
                break
            nearest = min(deadlines.values(), default=now + budget)
            condition.wait(max(0.01, nearest - now))
    if failure:
        raise LanguageToolUnavailable(failure[0])
    return results


# After a request to an endpoint has failed, later documents in the same process skip at
# once instead of each waiting out the retries again; a run over a hundred files with the
# server down would otherwise take minutes. Cached answers are still served meanwhile.
_FAILURE_MEMORY_SECONDS: Final = 60.0
_failures: dict[str, tuple[float, str]] = {}
_failures_lock = threading.Lock()


def _recent_failure(identity: str) -> str | None:
    with _failures_lock:
        noted = _failures.get(identity)
    if noted is None or time.monotonic() - noted[0] > _FAILURE_MEMORY_SECONDS:
        return None
    return noted[1]


def _note_failure(identity: str, reason: str) -> None:
    with _failures_lock:
        _failures[identity] = (time.monotonic(), reason)


def forget_failures() -> None:
    """Let the next check try endpoints that failed recently (for tests, long-lived hosts)."""
    with _failures_lock:
        _failures.clear()


class _Endpoint:
    """Where requests go: a configured server, or the shared local one, started on first
    need so that a document answered wholly from the cache starts no JVM."""

    def __init__(self, settings: GrammarSettings) -> None:
        self._settings = settings
        self._local: LocalServer | None = None
        if settings.mode == "local":
            from .local import shared_local_server

            self._local = shared_local_server(settings.language, settings.startup_timeout)
            self.identity = self._local.identity
            self.shown = "the local LanguageTool"
        else:
            self.identity = "server:" + check_url(settings.server)
            self.shown = display_url(settings.server)

    def base_url(self) -> str:
        if self._local is None:
            return self._settings.server
        url = self._local.url()
        self.shown = display_url(url)
        return url


def _check(
    masked: str, blocks: Sequence[tuple[int, int]], settings: GrammarSettings
) -> GrammarResult:
    requests = build_requests(masked, blocks, settings.max_request_chars)
    if not requests:
        return GrammarResult()
    return _check_requests(requests, _Endpoint(settings), settings)


def _check_requests(
    requests: list[Request], endpoint: _Endpoint, settings: GrammarSettings
) -> GrammarResult:
    cache = (
        GrammarCache(settings.cache_dir, endpoint.identity, settings.fingerprint())
        if settings.cache
        else None
    )
    records: dict[int, list[dict[str, Any]]] = {}
    sent = 0
    base: str | None = None

    def fetch(indices: Sequence[int]) -> dict[int, CheckReply]:
        nonlocal base, sent
        earlier = _recent_failure(endpoint.identity)
        if earlier is not None:
            raise LanguageToolUnavailable(earlier)
        try:
            if base is None:
                base = endpoint.base_url()
            url = base

            def one(index: int, cancelled: threading.Event) -> CheckReply:
                return post_check(url, requests[index].text, settings, cancelled)

            replies = _run_concurrently(indices, one, settings, endpoint.shown)
        except LanguageToolUnavailable as failure:
            _note_failure(endpoint.identity, str(failure))
            raise
        sent += len(indices)
        for index, reply in replies.items():
            records[index] = _trimmed(reply)
            if cache is not None and reply.complete:
                cache.put(requests[index].text, reply.version, records[index])
        return replies

    def look_up(indices: Sequence[int], version: str) -> list[int]:
        hits = []
        if cache is not None:
            for index in indices:
                found = cache.get(requests[index].text, version)
                if found is not None:
                    records[index] = found
                    hits.append(index)
        return hits

    everything = range(len(requests))
    version = cache.known_version() if cache is not None else None
    if cache is not None and version is None:
        # One request first, to learn which LanguageTool answers before trusting the cache.
        version = fetch([0])[0].version
        cache.remember_version(version)
        hits = look_up(everything[1:], version)
    else:
        hits = look_up(everything, version) if version is not None else []
    misses = [i for i in everything if i not in records]
    if misses:
        replies = fetch(misses)
        seen = Counter(reply.version for reply in replies.values()).most_common(1)[0][0]
        if cache is not None and seen != version:
            # The server changed since its version was remembered: what came from the
            # cache was answered by the old one, so ask again.
            cache.remember_version(seen)
            if hits:
                fetch(hits)
                hits = []
        version = seen
    matches: dict[tuple[int, int, str], GrammarMatch] = {}
    for index, request in enumerate(requests):
        for record in records.get(index, []):
            match = _to_match(record, request, settings)
            if match is not None:
                matches.setdefault((match.start, match.end, match.rule_id), match)
    return GrammarResult(
        matches=sorted(matches.values(), key=lambda m: (m.start, m.end, m.rule_id)),
        language_tool_version=version,
        requests_sent=sent,
        cache_hits=len(hits),
    )


def check_document(
    masked: str, blocks: Sequence[tuple[int, int]], settings: GrammarSettings
) -> GrammarResult:
    """Check the prose ``blocks`` (code-point spans) of ``masked`` with LanguageTool.

    Never raises because LanguageTool is missing, unreachable, slow or failing: that comes
    back as ``GrammarResult.skipped``, one line starting "grammar skipped:".
    """
    if not settings.enabled:
        return GrammarResult()
    try:
        return _check(masked, blocks, settings)
    except LanguageToolUnavailable as reason:
        return GrammarResult(skipped=f"grammar skipped: {reason}")
