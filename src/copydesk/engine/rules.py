"""Rule specs: what a YAML rule file says, validated, with no behaviour of its own."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from copydesk.model import Applicability, Level, RuleInfo

CODE_RE = re.compile(r"^[A-Z]{2,4}\d{3}$")
SLUG_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
SCOPES = ("heading", "paragraph", "list_item", "blockquote", "caption", "table_cell")
DOCS_BASE = "https://copydesk.readthedocs.io/en/latest/rules/"

TOP_KEYS = {
    "code": True,
    "name": True,
    "kind": True,
    "level": True,
    "summary": True,
    "message": True,
    "source": True,
    "examples": True,
    "description": False,
    "scope": False,
    "quotes": False,
    "fix": False,
    "options": False,
    "when": False,
    "enabled": False,
    "aliases": False,
    "tags": False,
    "profiles": False,
}
PROFILES = ("news", "docs")


class RuleError(Exception):
    """A rule file that cannot be used; the message names the file and line."""


class Example(NamedTuple):
    text: str
    fix: str | None = None
    occurrences: int | None = None  # the YAML key 'count': a tuple already has .count
    house: tuple[tuple[str, Any], ...] = ()
    kind: str = "text"


_EMPTY: Mapping[str, Any] = MappingProxyType({})


class RuleSpec(NamedTuple):
    """One rule file, validated. Its dictionaries are never mutated after loading."""

    code: str
    name: str
    kind: str
    level: Level
    pack: str
    path: str
    summary: str
    message: str
    source: str
    description: str = ""
    scope: tuple[str, ...] | None = None
    quotes: str | None = None  # None: the kind's default
    fix: Applicability | None = None
    options: Mapping[str, Any] = _EMPTY
    when: Mapping[str, Any] = _EMPTY
    enabled: bool = True
    aliases: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    profiles: tuple[str, ...] = PROFILES  # the profiles it runs in unless selected by name
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()

    @property
    def help_uri(self) -> str:
        return f"{DOCS_BASE}{self.code}.html"

    def info(self) -> RuleInfo:
        return RuleInfo(
            code=self.code,
            name=self.name,
            level=self.level,
            summary=self.summary,
            description=self.description,
            pack=self.pack,
            source=self.source,
            help_uri=self.help_uri,
        )

    def active_for(self, house: dict[str, Any]) -> bool:
        """A rule with ``when: {percent: ["per cent"]}`` runs only for houses that match."""
        for key, allowed in self.when.items():
            value = house.get(key)
            options = allowed if isinstance(allowed, list) else [allowed]
            if value not in options and str(value) not in [str(o) for o in options]:
                return False
        return True


def _where(path: str, line: int | None) -> str:
    return f"{path}:{line}" if line else path


def build_spec(data: Any, pack: str, path: str, lines: dict[str, int]) -> RuleSpec:
    """Validate one rule file's data. ``lines`` maps top-level keys (and ``options.x``) to the
    line they stand on, for error messages."""

    def fail(msg: str, key: str | None = None) -> RuleError:
        return RuleError(f"{_where(path, lines.get(key or '', lines.get('')))}: {msg}")

    if not isinstance(data, dict):
        raise fail("a rule file must be a mapping of keys to values")
    for key in data:
        if key not in TOP_KEYS:
            raise fail(f"unknown key {key!r} (known: {', '.join(TOP_KEYS)})", key)
    for key, required in TOP_KEYS.items():
        if required and key not in data:
            raise fail(f"missing required key {key!r}")
    code = str(data["code"])
    if not CODE_RE.match(code):
        raise fail(f"code {code!r} must be 2-4 capital letters and 3 digits, e.g. STY010", "code")
    name = str(data["name"])
    if not SLUG_RE.match(name):
        raise fail(f"name {name!r} must be a kebab-case slug, e.g. repeated-word", "name")
    try:
        level = Level.parse(str(data["level"]))
    except ValueError as exc:
        raise fail(str(exc), "level") from None
    scope = data.get("scope")
    if scope is not None:
        if isinstance(scope, str):
            scope = [scope]
        bad = [s for s in scope if s not in SCOPES]
        if bad:
            raise fail(f"unknown scope {bad[0]!r} (known: {', '.join(SCOPES)})", "scope")
        scope = tuple(scope)
    quotes = data.get("quotes")
    if quotes is not None and quotes not in ("skip", "check"):
        raise fail("quotes must be 'skip' or 'check'", "quotes")
    fix = data.get("fix")
    applicability = None
    if fix is not None and fix != "none":
        try:
            applicability = Applicability.parse(str(fix))
        except ValueError as exc:
            raise fail(str(exc), "fix") from None
    options = data.get("options") or {}
    if not isinstance(options, dict):
        raise fail("options must be a mapping", "options")
    when = data.get("when") or {}
    if not isinstance(when, dict):
        raise fail("when must be a mapping of house parameters to allowed values", "when")
    profiles = data.get("profiles", list(PROFILES))
    if isinstance(profiles, str):
        profiles = [profiles]
    if not isinstance(profiles, list) or not profiles or any(p not in PROFILES for p in profiles):
        raise fail(f"profiles must be a non-empty list of {', '.join(PROFILES)}", "profiles")
    examples = data["examples"]
    if not isinstance(examples, dict) or not examples.get("fail") or not examples.get("pass"):
        raise fail("examples must have non-empty 'fail' and 'pass' lists", "examples")
    fails = tuple(_example(e, fail) for e in examples["fail"])
    passes = tuple(_example(e, fail) for e in examples["pass"])
    return RuleSpec(
        code=code,
        name=name,
        kind=str(data["kind"]),
        level=level,
        pack=pack,
        path=path,
        summary=str(data["summary"]).strip(),
        message=str(data["message"]),
        source=str(data["source"]).strip(),
        description=str(data.get("description") or "").strip(),
        scope=scope,
        quotes=quotes,
        fix=applicability,
        options=options,
        when=when,
        enabled=bool(data.get("enabled", True)),
        aliases=tuple(str(a) for a in data.get("aliases") or ()),
        tags=tuple(str(t) for t in data.get("tags") or ()),
        profiles=tuple(profiles),
        fail=fails,
        passes=passes,
    )


def _example(raw: Any, fail: Any) -> Example:
    if isinstance(raw, str):
        return Example(raw)
    if isinstance(raw, dict) and isinstance(raw.get("text"), str):
        unknown = set(raw) - {"text", "fix", "count", "house", "format"}
        if unknown:
            raise fail(f"unknown example key {sorted(unknown)[0]!r}", "examples")
        house = raw.get("house") or {}
        return Example(
            text=raw["text"],
            fix=raw.get("fix"),
            occurrences=raw.get("count"),
            house=tuple(sorted(house.items())),
            kind=str(raw.get("format", "text")),
        )
    raise fail("each example is a string or a mapping with 'text'", "examples")
