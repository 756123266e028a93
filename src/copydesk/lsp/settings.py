"""The client's settings for copydesk (``initializationOptions`` or the ``copydesk`` section
of ``workspace/configuration``). They take precedence over copydesk.toml, as command-line
options do. A bad value is reported and left out; the rest still apply."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.model import Level

DEFAULT_DEBOUNCE_MS = 300


class Settings(NamedTuple):
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    language: str | None = None
    config: Path | None = None
    accept_file: Path | None = None
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    rules_url: str | None = None
    min_level: Level = Level.SUGGESTION

    def overrides(self) -> dict[str, Any]:
        """The settings that replace the config's, as ``ConfigFinder`` takes them."""
        out: dict[str, Any] = {}
        if self.select:
            out["select"] = self.select
        if self.extend_select:
            out["extend_select"] = self.extend_select
        if self.ignore:
            out["ignore"] = self.ignore
        if self.language:
            out["language"] = self.language
        return out


def read_settings(raw: Any, root: Path) -> tuple[Settings, list[str]]:
    """Settings from a client's JSON (flat, or under a ``copydesk`` key), and one problem
    message per value that could not be used. Paths are relative to the workspace root."""
    problems: list[str] = []
    if isinstance(raw, Mapping) and isinstance(raw.get("copydesk"), Mapping):
        raw = raw["copydesk"]
    if not isinstance(raw, Mapping):
        return Settings(), problems
    values: dict[str, Any] = {}

    def strings(key: str) -> tuple[str, ...] | None:
        value = raw.get(key)
        if isinstance(value, str):
            value = [v for v in value.split(",") if v.strip()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v.strip() for v in value)
        problems.append(f"setting {key!r} must be a list of rule codes, prefixes or slugs")
        return None

    for key, attr in (
        ("select", "select"),
        ("extendSelect", "extend_select"),
        ("ignore", "ignore"),
    ):
        if raw.get(key) is not None and (got := strings(key)) is not None:
            values[attr] = got
    language = raw.get("language")
    if language is not None:
        if language in ("en-GB", "en-US"):
            values["language"] = language
        else:
            problems.append(f"setting 'language' must be en-GB or en-US, not {language!r}")
    for key, attr in (("config", "config"), ("acceptFile", "accept_file")):
        value = raw.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, str):
            values[attr] = (root / Path(value).expanduser()).resolve()
        else:
            problems.append(f"setting {key!r} must be a path")
    if values.get("config") is not None and not values["config"].is_file():
        problems.append(f"setting 'config': no such file {values.pop('config')}")
    debounce = raw.get("debounceMs")
    if debounce is not None:
        if (
            isinstance(debounce, int | float)
            and not isinstance(debounce, bool)
            and 0 <= debounce <= 10_000
        ):
            values["debounce_ms"] = int(debounce)
        else:
            problems.append("setting 'debounceMs' must be a number of milliseconds (0-10000)")
    url = raw.get("rulesUrl")
    if url is not None:
        if isinstance(url, str):
            values["rules_url"] = url or None
        else:
            problems.append("setting 'rulesUrl' must be a URL")
    level = raw.get("minLevel")
    if level is not None:
        try:
            values["min_level"] = Level.parse(str(level))
        except ValueError as exc:
            problems.append(f"setting 'minLevel': {exc}")
    known = {
        "select",
        "extendSelect",
        "ignore",
        "language",
        "config",
        "acceptFile",
        "debounceMs",
        "rulesUrl",
        "minLevel",
    }
    problems.extend(f"unknown setting {k!r}" for k in raw if k not in known)
    return Settings(**values), problems
