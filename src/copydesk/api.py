"""A small Python API over the engine, for tests, scripts and editor integrations."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from copydesk.config import Config
from copydesk.document import parse_document
from copydesk.engine.registry import Registry, load_registry
from copydesk.engine.runner import Linter
from copydesk.model import Finding


@lru_cache(maxsize=1)
def default_registry() -> Registry:
    return load_registry()


def make_linter(
    select: Sequence[str] = (),
    house: dict[str, Any] | None = None,
    config: Config | None = None,
    registry: Registry | None = None,
    **settings: Any,
) -> Linter:
    config = config or Config()
    changes: dict[str, Any] = dict(settings)
    if select:
        changes["select"] = tuple(select)
    if house is not None:
        changes["house"] = tuple((dict(config.house) | house).items())
    return Linter(registry or default_registry(), config._replace(**changes))


def check_text(
    text: str, path: str = "<text>", kind: str = "text", linter: Linter | None = None, **kwargs: Any
) -> list[Finding]:
    linter = linter or make_linter(**kwargs)
    return linter.lint(parse_document(text, path, kind))
