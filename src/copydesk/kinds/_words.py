"""Turning word lists from rule files into one compiled pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from copydesk.document.model import TOKEN_RE, Token

if TYPE_CHECKING:
    from copydesk.document import Document


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


class PhraseIndex:
    """Literal phrases from a rule file, matched token by token with one dictionary lookup per
    word of the document: much cheaper than compiling a regular expression of hundreds of
    alternatives on every run."""

    def __init__(self, phrases: Iterable[str], ignorecase: bool = True) -> None:
        self.ignorecase = ignorecase
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase in phrases:
            toks = tuple(self._norm(m.group()) for m in TOKEN_RE.finditer(phrase))
            if toks:
                self.first.setdefault(toks[0], []).append((toks, phrase))
        for entries in self.first.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)  # longest phrase wins
        self.first_lower = frozenset(k.lower() for k in self.first)

    def _norm(self, text: str) -> str:
        return text.lower().replace("’", "'") if self.ignorecase else text.replace("’", "'")

    def finditer(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase as written in the rule) for each non-overlapping occurrence."""
        if self.first_lower.isdisjoint(doc.token_norms):
            return  # none of the phrases' first words is in the document
        tokens = doc.tokens

        def key(t: Token) -> str:
            return t.norm if self.ignorecase else t.text.replace("’", "'")

        masked = doc.masked
        n = len(tokens)
        i = 0
        while i < n:
            entries = self.first.get(key(tokens[i]))
            matched = 0
            if entries:
                for toks, phrase in entries:
                    k = len(toks)
                    if i + k <= n and all(key(tokens[i + j]) == toks[j] for j in range(1, k)):
                        end = tokens[i + k - 1].end
                        if k > 1 and "\n" in masked[tokens[i].start : end] and doc.block_at(tokens[i].start) is not doc.block_at(end - 1):
                            continue  # a phrase never runs across two blocks
                        yield tokens[i].start, end, phrase
                        matched = k
                        break
            i += matched or 1
