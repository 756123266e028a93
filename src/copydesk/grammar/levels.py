"""How LanguageTool's categories and issue types become copydesk levels.

The category decides first because it is what LanguageTool users switch on and off, and a
style category stays a suggestion even when one of its rules calls itself ``grammar``. The
issue type decides the rest: that is how EN_A_VS_AN (category MISC, issue type misspelling)
becomes an error while ENGLISH_WORD_REPEAT_RULE (MISC, duplication) stays a warning.
Anything unknown is a warning: visible, but never what fails a build on its own.
"""

from __future__ import annotations

from typing import Final

from .result import GrammarLevel

__all__ = ["level_for"]

_SUGGESTION_CATEGORIES: Final = frozenset(
    {
        "STYLE",
        "REDUNDANCY",
        "PLAIN_ENGLISH",
        "REPETITIONS_STYLE",
        "GENDER_NEUTRALITY",
        "CREATIVE_WRITING",
        "TEXT_ANALYSIS",
        "WIKIPEDIA",
    }
)
_ERROR_CATEGORIES: Final = frozenset({"TYPOS", "GRAMMAR"})
_ERROR_ISSUES: Final = frozenset({"misspelling", "grammar"})
_SUGGESTION_ISSUES: Final = frozenset({"style", "register", "terminology"})


def level_for(category: str, issue_type: str) -> GrammarLevel:
    category = category.upper()
    issue_type = issue_type.lower()
    if category in _SUGGESTION_CATEGORIES:
        return "suggestion"
    if category in _ERROR_CATEGORIES or issue_type in _ERROR_ISSUES:
        return "error"
    if issue_type in _SUGGESTION_ISSUES:
        return "suggestion"
    return "warning"
