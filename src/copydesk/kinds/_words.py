"""Turning word lists from rule files into one compiled pattern."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from copydesk.document.model import TOKEN_RE

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


class PhraseBook:
    """Every literal phrase of every word-list rule in a run, matched in ONE pass over a
    document's words with one dictionary lookup per word; each rule gets back its own
    non-overlapping, longest-first matches. Far cheaper than a regular expression of hundreds
    of alternatives per rule, or a pass per rule."""

    def __init__(self) -> None:
        # first word (lower case) -> (owner, words of the phrase, phrase as written, ignorecase)
        self.first: dict[str, list[tuple[int, tuple[str, ...], str, bool]]] = {}
        self.owners = 0
        self._doc: Document | None = None
        self._hits: dict[int, list[tuple[int, int, str]]] = {}

    def register(self, phrases: Iterable[str], ignorecase: bool) -> int:
        owner = self.owners
        self.owners += 1
        for phrase in phrases:
            words = tuple(_norm(m.group(), ignorecase) for m in TOKEN_RE.finditer(phrase))
            if words:
                self.first.setdefault(words[0].lower(), []).append(
                    (owner, words, phrase, ignorecase)
                )
        for entries in self.first.values():
            entries.sort(key=lambda e: (e[0], -len(e[1])))  # per owner, longest phrase first
        self._doc = None
        return owner

    def hits(self, doc: Document, owner: int) -> list[tuple[int, int, str]]:
        if self._doc is not doc:
            self._hits = self._scan(doc)
            self._doc = doc
        return self._hits.get(owner, [])

    def _scan(self, doc: Document) -> dict[int, list[tuple[int, int, str]]]:
        found: dict[int, list[tuple[int, int, str]]] = {}
        norms = doc.token_norm_list
        if self.first.keys().isdisjoint(norms):
            return found
        texts = doc.token_text_list
        starts, ends = doc.token_starts, doc.token_ends
        masked = doc.masked
        free: dict[int, int] = {}  # owner -> first word index it may match at again
        n = len(norms)
        first = self.first
        for i, norm in enumerate(norms):
            entries = first.get(norm)
            if not entries:
                continue
            done = -1
            for owner, words, phrase, icase in entries:
                if owner == done or free.get(owner, 0) > i:
                    continue
                k = len(words)
                if i + k > n:
                    continue
                seq = norms if icase else texts
                if seq[i] != words[0] if not icase else False:
                    continue
                if any(seq[i + j] != words[j] for j in range(1, k)):
                    continue
                end = ends[i + k - 1]
                if (
                    k > 1
                    and "\n" in masked[starts[i] : end]
                    and doc.block_at(starts[i]) is not doc.block_at(end - 1)
                ):
                    continue  # a phrase never runs across two blocks
                found.setdefault(owner, []).append((starts[i], end, phrase))
                free[owner] = i + k
                done = owner
        return found


def _norm(text: str, ignorecase: bool) -> str:
    text = text.replace("’", "'")
    return text.lower() if ignorecase else text


class PhraseIndex:
    """One rule's phrases, matched through the run's shared ``PhraseBook``."""

    def __init__(self, phrases: Iterable[str], ignorecase: bool, book: PhraseBook) -> None:
        self.book = book
        self.owner = book.register(phrases, ignorecase)

    def finditer(self, doc: Document) -> Iterator[tuple[int, int, str]]:
        """(start, end, phrase as written in the rule) for each non-overlapping occurrence."""
        yield from self.book.hits(doc, self.owner)
