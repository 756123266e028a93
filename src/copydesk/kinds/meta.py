"""Findings about copydesk's own directives (unknown codes, suppressions that suppress
nothing). The runner produces them, since only it knows what every rule found."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk.kinds import Context, Match

if TYPE_CHECKING:
    from copydesk.document import Document
    from copydesk.engine.rules import RuleSpec

SCHEMA: dict[str, tuple[str, Any]] = {}


class Kind:
    default_quotes = "check"

    def __init__(self, rule: RuleSpec, ctx: Context) -> None:
        pass

    def run(self, doc: Document) -> Iterator[Match]:
        return iter(())
