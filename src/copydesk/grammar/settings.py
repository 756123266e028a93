"""Settings for the LanguageTool adapter, read from the ``[grammar]`` table of copydesk.toml.

Validation happens here, once, so a typo in the config fails loudly at start-up instead of
silently turning grammar checking into a no-op halfway through a run.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Final, Literal, cast

__all__ = ["DEFAULT_SERVER", "GrammarConfigError", "GrammarSettings", "Mode"]

Mode = Literal["off", "server", "local"]
_MODES: Final[tuple[Mode, ...]] = ("off", "server", "local")

# LanguageTool's own HTTP server listens on 8081 unless told otherwise.
DEFAULT_SERVER: Final = "http://localhost:8081"


class GrammarConfigError(ValueError):
    """The ``[grammar]`` table holds a key or value copydesk cannot use."""


@dataclass(frozen=True, slots=True)
class GrammarSettings:
    mode: Mode = "off"
    server: str = DEFAULT_SERVER
    language: str = "en-GB"
    username: str | None = None
    api_key: str | None = None
    timeout: float = 10.0
    max_concurrency: int = 4
    retries: int = 2
    backoff: float = 0.5
    enable_rules: tuple[str, ...] = ()
    disable_rules: tuple[str, ...] = ()
    enable_categories: tuple[str, ...] = ()
    disable_categories: tuple[str, ...] = ()
    spelling: bool = False
    cache: bool = True
    cache_dir: Path = Path(".copydesk_cache/grammar")
    # The free public API refuses texts over 20,000 characters; self-hosted servers accept
    # more, but smaller requests also spread better over the worker threads.
    max_request_chars: int = 20_000
    # Only for local mode: a JVM plus LanguageTool's rule loading takes seconds, not the
    # sub-second a request takes, so it gets its own budget.
    startup_timeout: float = 60.0

    def __post_init__(self) -> None:
        # Accept the obvious spellings from Python callers (a str path, a list of rules)
        # while keeping the instance hashable and the cache fingerprint stable.
        object.__setattr__(self, "cache_dir", Path(self.cache_dir))
        for key in ("enable_rules", "disable_rules", "enable_categories", "disable_categories"):
            object.__setattr__(self, key, tuple(getattr(self, key)))

    @property
    def enabled(self) -> bool:
        return self.mode != "off"

    def backoff_delays(self) -> tuple[float, ...]:
        """The pauses between attempts: one fewer than the number of attempts."""
        return tuple(self.backoff * (2**n) for n in range(self.retries))

    def request_budget(self) -> float:
        """The longest one request may take, every attempt and pause included."""
        return self.timeout * (self.retries + 1) + sum(self.backoff_delays())

    def fingerprint(self) -> dict[str, object]:
        """Everything that changes what LanguageTool answers, for the cache key. Timeouts and
        concurrency do not; the credentials do not either, but the endpoint does."""
        return {
            "mode": self.mode,
            "server": self.server if self.mode == "server" else None,
            "language": self.language,
            "enable_rules": sorted(self.enable_rules),
            "disable_rules": sorted(self.disable_rules),
            "enable_categories": sorted(self.enable_categories),
            "disable_categories": sorted(self.disable_categories),
            "spelling": self.spelling,
            "premium": self.api_key is not None,
        }

    @classmethod
    def from_config(cls, table: Mapping[str, object] | None) -> GrammarSettings:
        """Build settings from the ``[grammar]`` table (``None`` or ``{}`` gives the defaults).

        Raises :class:`GrammarConfigError` naming the offending key.
        """
        if not table:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(table) - known)
        if unknown:
            raise GrammarConfigError(
                f"[grammar]: unknown key(s) {', '.join(unknown)} "
                f"(known: {', '.join(sorted(known))})"
            )
        values: dict[str, object] = {}
        for key, raw in table.items():
            values[key] = _convert(key, raw)
        settings = cls(**values)  # type: ignore[arg-type]
        settings._check()
        return settings

    def _check(self) -> None:
        if self.mode not in _MODES:
            raise GrammarConfigError(
                f"[grammar] mode: {self.mode!r} is not one of {', '.join(_MODES)}"
            )
        parsed = urllib.parse.urlsplit(self.server)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise GrammarConfigError(
                f"[grammar] server: {self.server!r} is not an http:// or https:// URL"
            )
        if not self.language.strip():
            raise GrammarConfigError("[grammar] language: must not be empty")
        if (self.username is None) != (self.api_key is None):
            raise GrammarConfigError(
                "[grammar] username and api_key: LanguageTool needs both or neither"
            )
        for key in ("timeout", "startup_timeout"):
            if not getattr(self, key) > 0:
                raise GrammarConfigError(f"[grammar] {key}: must be more than 0 seconds")
        if self.backoff < 0:
            raise GrammarConfigError("[grammar] backoff: must not be negative")
        if self.max_concurrency < 1:
            raise GrammarConfigError("[grammar] max_concurrency: must be at least 1")
        if self.retries < 0:
            raise GrammarConfigError("[grammar] retries: must not be negative")
        # Below this a single ordinary paragraph would have to be cut mid-sentence.
        if self.max_request_chars < 1000:
            raise GrammarConfigError("[grammar] max_request_chars: must be at least 1000")
        for on, off, what in (
            (self.enable_rules, self.disable_rules, "rule"),
            (self.enable_categories, self.disable_categories, "category"),
        ):
            both = sorted(set(on) & set(off))
            if both:
                raise GrammarConfigError(
                    f"[grammar]: {what} {', '.join(both)} is both enabled and disabled"
                )


_LIST_KEYS: Final = frozenset(
    {"enable_rules", "disable_rules", "enable_categories", "disable_categories"}
)
_INT_KEYS: Final = frozenset({"max_concurrency", "retries", "max_request_chars"})
_FLOAT_KEYS: Final = frozenset({"timeout", "backoff", "startup_timeout"})
_BOOL_KEYS: Final = frozenset({"spelling", "cache"})
_OPTIONAL_STR_KEYS: Final = frozenset({"username", "api_key"})


def _convert(key: str, raw: object) -> object:
    # bool is an int subclass in Python, so `timeout = true` must be rejected explicitly.
    if key in _LIST_KEYS:
        if not isinstance(raw, list | tuple) or not all(isinstance(x, str) for x in raw):
            raise GrammarConfigError(f"[grammar] {key}: expected a list of strings")
        items = cast("list[str] | tuple[str, ...]", raw)
        return tuple(dict.fromkeys(x.strip() for x in items if x.strip()))
    if key in _INT_KEYS:
        if isinstance(raw, bool) or not isinstance(raw, int):
            raise GrammarConfigError(f"[grammar] {key}: expected a whole number")
        return raw
    if key in _FLOAT_KEYS:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            raise GrammarConfigError(f"[grammar] {key}: expected a number of seconds")
        return float(raw)
    if key in _BOOL_KEYS:
        if not isinstance(raw, bool):
            raise GrammarConfigError(f"[grammar] {key}: expected true or false")
        return raw
    if key == "cache_dir":
        if not isinstance(raw, str | Path) or not str(raw).strip():
            raise GrammarConfigError(f"[grammar] {key}: expected a directory path")
        return Path(raw)
    if key in _OPTIONAL_STR_KEYS:
        if raw is None:
            return None
        if not isinstance(raw, str) or not raw.strip():
            raise GrammarConfigError(f"[grammar] {key}: expected a non-empty string")
        return raw.strip()
    if not isinstance(raw, str):
        raise GrammarConfigError(f"[grammar] {key}: expected a string")
    return raw.strip().rstrip("/") if key == "server" else raw.strip()
