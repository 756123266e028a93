"""What the adapter hands back: matches in code points of the masked text, or why it skipped."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = ["GrammarLevel", "GrammarMatch", "GrammarResult"]

# Spelled as copydesk.model.Level names, so ``Level.parse(match.level)`` converts it; kept a
# plain string so this package does not depend on the engine's data model.
GrammarLevel = Literal["error", "warning", "suggestion"]


@dataclass(frozen=True, slots=True)
class GrammarMatch:
    """One LanguageTool match. ``start``/``end`` are a half-open range of code points into the
    masked text (hence into the source file, which has the same length)."""

    start: int
    end: int
    rule_id: str
    category: str
    message: str
    replacements: tuple[str, ...]
    level: GrammarLevel
    url: str | None = None
    issue_type: str = ""
    description: str = ""


@dataclass(slots=True)
class GrammarResult:
    """``skipped`` is one printable line when LanguageTool could not be used; ``matches`` is
    then empty, so a half-checked document never passes for a checked one."""

    matches: list[GrammarMatch] = field(default_factory=list)
    skipped: str | None = None
    language_tool_version: str | None = None
    requests_sent: int = 0
    cache_hits: int = 0
