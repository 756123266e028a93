"""Grammar checking through LanguageTool.

Only settings and result types are imported here; the HTTP client, cache and
language-tool-python are loaded by the first :func:`check_document` call that has grammar
enabled, because copydesk often runs as a pre-commit hook where start-up time shows.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from .result import GrammarLevel, GrammarMatch, GrammarResult
from .settings import GrammarConfigError, GrammarSettings, Mode

__all__ = [
    "GrammarConfigError",
    "GrammarLevel",
    "GrammarMatch",
    "GrammarResult",
    "GrammarSettings",
    "Mode",
    "check_document",
    "close_local_servers",
]


def check_document(
    masked: str, blocks: Sequence[tuple[int, int]], settings: GrammarSettings
) -> GrammarResult:
    """Check the prose ``blocks`` of ``masked`` with LanguageTool; see ``check.py``.

    ``masked`` is the source text with markup blanked to spaces (same length, newlines
    kept); ``blocks`` are half-open code-point spans of prose paragraphs. Returned offsets
    are code points into ``masked``. Network trouble never raises: it becomes ``skipped``.
    """
    if not settings.enabled:
        return GrammarResult()
    from .check import check_document as run

    return run(masked, blocks, settings)


def close_local_servers() -> None:
    """Stop any local LanguageTool started by local mode. Optional: it also happens at
    interpreter exit; call it when a long-lived process is done with grammar checking."""
    local = sys.modules.get(f"{__name__}.local")
    if local is not None:
        local.close_local_servers()
