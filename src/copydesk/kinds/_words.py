"""Turning word lists from rule files into one compiled pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable


def phrase_pattern(token: str, regex: bool) -> str:
    """A literal phrase matches across any run of white space and is bounded by non-word
    characters at the ends that are word characters."""
    if regex:
        body = token
        return f"(?:{body})"
    body = r"\s+".join(re.escape(part) for part in token.split())
    left = r"(?<![\w'’-])" if token[:1].isalnum() else ""
    right = r"(?![\w-]|['’]\w)" if token[-1:].isalnum() else ""
    return f"{left}(?:{body}){right}"


def compile_alternation(tokens: Iterable[str], regex: bool, ignorecase: bool) -> re.Pattern[str]:
    # longest first, so "per cent" wins over "per" when both are listed
    parts = sorted(tokens, key=len, reverse=True)
    flags = re.IGNORECASE if ignorecase else 0
    return re.compile("|".join(phrase_pattern(t, regex) for t in parts), flags)


def normalise(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


def match_case(original: str, replacement: str) -> str:
    """Give the replacement the case pattern of the text it replaces."""
    if not replacement or not original:
        return replacement
    letters = [c for c in original if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement
