"""Rule kinds: the code behind rules. One module per kind, each with ``SCHEMA`` (its options)
and ``class Kind``; ``KINDS`` below is the only place a kind is registered."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol, TypeVar

from copydesk.model import Applicability, Level

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

KINDS = {
    "existence": "copydesk.kinds.existence",
    "substitution": "copydesk.kinds.substitution",
    "repetition": "copydesk.kinds.repetition",
    "consistency": "copydesk.kinds.consistency",
    "metric": "copydesk.kinds.metric",
    "balance": "copydesk.kinds.balance",
    "spelling": "copydesk.kinds.spelling",
    "sourcing": "copydesk.kinds.sourcing",
    "grammar": "copydesk.kinds.grammar",
    "meta": "copydesk.kinds.meta",
    "numerals": "copydesk.kinds.numerals",
    "article": "copydesk.kinds.article",
    "abbreviation": "copydesk.kinds.abbreviation",
    "headline": "copydesk.kinds.headline",
    "agreement": "copydesk.kinds.agreement",
    "verbforms": "copydesk.kinds.verbforms",
    "verbpatterns": "copydesk.kinds.verbpatterns",
    "dates": "copydesk.kinds.dates",
    "capitals": "copydesk.kinds.capitals",
    "slots": "copydesk.kinds.slots",
    "classed": "copydesk.kinds.classed",
}

REQUIRED = object()
T = TypeVar("T")


class Match(NamedTuple):
    start: int
    end: int
    data: Mapping[str, Any] = MappingProxyType({})
    replacements: tuple[str, ...] = ()
    applicability: Applicability | None = None  # overrides the rule's fix safety
    message: str | None = None  # overrides the rule's message template
    level: Level | None = None
    code: str | None = None  # for kinds that report under sub-codes (GRM:EN_A_VS_AN)
    suggestions: tuple[str, ...] = ()


class Context:
    """What a kind may read besides its own options: settings from the config, and a per-run
    memo for heavy objects (``shared``)."""

    def __init__(
        self,
        variant: str = "en-GB",
        house: dict[str, Any] | None = None,
        accept: tuple[str, ...] = (),
        reject: tuple[str, ...] = (),
        grammar: dict[str, Any] | None = None,
        sourcing: dict[str, Any] | None = None,
        profile: str = "news",
    ) -> None:
        self.variant = variant
        self.profile = profile  # news or docs
        self.house = house or {}
        self.accept = accept
        self.reject = reject
        self.grammar = grammar or {}
        self.sourcing = sourcing or {}
        self.shared: dict[str, Any] = {}

    def settings(self) -> tuple[Any, ...]:
        """What a kind may be built from besides its rule: two contexts with equal settings
        build equal kinds."""
        return (
            self.variant,
            self.profile,
            repr(sorted(self.house.items())),
            self.accept,
            self.reject,
            repr(sorted(self.grammar.items())),
            repr(sorted(self.sourcing.items())),
        )

    def tool(self, key: str, factory: Callable[[], T]) -> T:
        """One instance per run of a heavy object (the speller, the sourcing checker)."""
        if key not in self.shared:
            self.shared[key] = factory()
        value: T = self.shared[key]
        return value

    def per_document(self, key: str, doc: Document, compute: Callable[[], T]) -> T:
        """Rules that share one analysis (each spelling rule reports one kind of typo) compute
        it once per document; the document itself is kept so its id cannot be reused."""
        slot = self.shared.get(f"doc:{key}")
        if slot is None or slot[0] is not doc:
            slot = (doc, compute())
            self.shared[f"doc:{key}"] = slot
        value: T = slot[1]
        return value


class Kind(Protocol):
    default_quotes: str

    def __init__(self, rule: RuleSpec, ctx: Context) -> None: ...
    def run(self, doc: Document) -> Iterable[Match]: ...


def kind_module(name: str) -> Any:
    if name not in KINDS:
        raise ValueError(f"unknown kind '{name}' (known: {', '.join(sorted(KINDS))})")
    return importlib.import_module(KINDS[name])


_TYPES: dict[str, Any] = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "dict[str,str]": lambda v: (
        isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items())
    ),
    "list[list[str]]": lambda v: (
        isinstance(v, list)
        and all(isinstance(g, list) and all(isinstance(x, str) for x in g) for g in v)
    ),
    "dict": lambda v: isinstance(v, dict),
    "any": lambda v: True,
}


def validate_options(rule: RuleSpec) -> None:
    """Check a rule's options against its kind's schema; raise ValueError naming the option."""
    schema: dict[str, tuple[str, Any]] = kind_module(rule.kind).SCHEMA
    for key, value in rule.options.items():
        if "*" in schema:
            break  # the kind validates its own options (sourcing: the checker's keys)
        if key not in schema:
            known = ", ".join(schema) or "none"
            raise ValueError(f"option '{key}' is not known to kind {rule.kind} (known: {known})")
        type_name, _ = schema[key]
        if not _TYPES[type_name](value):
            raise ValueError(f"option '{key}' of kind {rule.kind} must be {type_name}")
    for key, (_, default) in schema.items():
        if default is REQUIRED and key not in rule.options:
            raise ValueError(f"option '{key}' is required by kind {rule.kind}")


def regex_patterns(rule: RuleSpec) -> list[str]:
    """The regular expressions a word-list rule's options hold (for prefilters)."""
    opts = rule.options
    if not opts.get("regex"):
        return []
    groups = opts.get("groups") or []
    return [*(opts.get("tokens") or []), *(opts.get("swap") or {}), *(v for g in groups for v in g)]


def option(rule: RuleSpec, key: str) -> Any:
    value = rule.options.get(key, kind_module(rule.kind).SCHEMA[key][1])
    return None if value is REQUIRED else value
