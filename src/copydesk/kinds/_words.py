"""Turning word lists from rule files into one compiled pattern."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final

from copydesk import patterncache
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
    return patterncache.compile("|".join(phrase_pattern(t, regex) for t in parts), flags)


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
    """Every literal phrase of every word-list rule in a run, found in ONE pass over a
    document; each rule gets back its own non-overlapping, longest-first matches. A phrase is
    matched token by token (``TOKEN_RE``), so it is found whatever the white space between
    its words, and never inside a longer word."""

    def __init__(self) -> None:
        # first word (lower case) -> (owner, words of the phrase, phrase as written, ignorecase)
        self._first: dict[str, list[tuple[int, tuple[str, ...], str, bool]]] = {}
        self.owners = 0
        self.need: dict[str, int] = {}  # first word -> words in the longest phrase it starts
        self._finder: re.Pattern[str] | None = None
        self._scans = 0  # documents scanned: the finder is worth compiling only for a batch
        self._doc: Document | None = None
        self._hits: dict[int, list[tuple[int, int, str]]] = {}
        self._words_first = True  # no phrase starts with a punctuation mark

    def register(self, phrases: Iterable[str], ignorecase: bool) -> int:
        owner = self.owners
        self.owners += 1
        first, need = self._first, self.need
        phrases = list(phrases)
        # Splitting a rule's phrases into words and ordering them costs a one-file run more
        # than its check: the result is kept in the pattern cache under the phrases.
        joined = patterncache.joined(phrases)
        if joined is not None:
            key = f"phrase-groups-1\n{TOKEN_RE.pattern}\n{int(ignorecase)}\n{joined}"
            groups, words_first = patterncache.derived(key, lambda: _grouped(phrases, ignorecase))
        else:
            groups, words_first = _grouped(phrases, ignorecase)
        # A word's entries stay in the order ``_scan`` tries them, by owner and then longest
        # phrase first: each owner's come sorted, after those of the owners before it.
        for word, longest, entries in groups:
            mine = [(owner, words, phrase, ignorecase) for words, phrase in entries]
            if word in first:
                first[word].extend(mine)
                if need[word] < longest:
                    need[word] = longest
            else:
                first[word] = mine
                need[word] = longest
        self._words_first = self._words_first and words_first
        self._finder = None
        self._doc = None
        return owner

    @property
    def first(self) -> dict[str, list[tuple[int, tuple[str, ...], str, bool]]]:
        return self._first

    def hits(self, doc: Document, owner: int) -> list[tuple[int, int, str]]:
        if self._doc is not doc:
            self._hits = self._scan(doc.masked, doc) if self._first else {}
            self._doc = doc
        return self._hits.get(owner, [])

    def _candidates(self, masked: str) -> Iterator[int]:
        """Token starts where a phrase may begin, in order. Tokenising the whole document
        costs far more than the matching, so when every phrase is plain words a regular
        expression finds where one of them may stand in the lower-cased text (its first item
        is a character class, which the regex engine scans for without leaving C)."""
        self._scans += 1
        if self._finder is None and self._scans > _FINDER_AFTER:
            self._finder = _phrase_finder([e[1] for es in self.first.values() for e in es])
        lowered = masked.lower()
        if self._finder in (None, TOKEN_RE) or len(lowered) != len(masked):
            # when no phrase starts with a punctuation mark, only words can start one: a
            # text of brackets or dashes has no candidates at all
            tokens = _WORD_TOKEN if self._words_first else TOKEN_RE
            for m in tokens.finditer(masked):
                yield m.start()
            return
        # the finder consumes the character before a word: give the first one a line break
        for m in self._finder.finditer("\n" + lowered):
            if _TOKEN_START.match(masked, m.end() - 1):
                yield m.end() - 1

    def _scan(self, masked: str, doc: Document) -> dict[int, list[tuple[int, int, str]]]:
        book = self.first
        found: dict[int, list[tuple[int, int, str]]] = {}
        free: dict[int, int] = {}  # owner -> offset from which it may match again
        search = TOKEN_RE.search
        for start in self._candidates(masked):
            first = search(masked, start)
            if first is None:
                continue
            key = first.group().replace("’", "'").lower()
            entries = book.get(key)
            if not entries:
                continue
            need = self.need[key]  # only as many tokens as this word's longest phrase holds
            tokens = [first]
            pos = first.end()
            while len(tokens) < need and (token := search(masked, pos)) is not None:
                tokens.append(token)
                pos = token.end()
            texts = [t.group().replace("’", "'") for t in tokens]
            norms = [t.lower() for t in texts]
            done = -1
            for owner, words, phrase, icase in entries:
                if owner == done or free.get(owner, 0) > start:
                    continue
                k = len(words)
                if tuple((norms if icase else texts)[:k]) != words:
                    continue
                end = tokens[k - 1].end()
                if (
                    k > 1
                    and "\n" in masked[start:end]
                    and doc.block_at(start) is not doc.block_at(end - 1)
                ):
                    continue  # a phrase never runs across two blocks
                found.setdefault(owner, []).append((start, end, phrase))
                free[owner] = end
                done = owner
        return found


# TOKEN_RE's words, without its single punctuation marks
_WORD_TOKEN = patterncache.compile(r"\w+(?:['’-]\w+)*")
_PLAIN_WORD = patterncache.compile(r"[A-Za-z0-9_]+(?:['-][A-Za-z0-9_]+)*")
# where TOKEN_RE starts a token: not after a word character, nor after an apostrophe or a
# hyphen that joins it to one ("re-run")
_TOKEN_START = patterncache.compile(r"(?<!\w)(?<!\w['’-])")


# Compiling the finder costs as much as scanning a few articles token by token.
_FINDER_AFTER: Final = 4


def _phrase_finder(phrases: list[tuple[str, ...]]) -> re.Pattern[str]:
    r"""A pattern for the lower-cased text (after a line break) whose matches end just before
    every occurrence of ``phrases``, or ``TOKEN_RE`` itself when a phrase starts with a word it
    cannot express (punctuation, or letters beyond ASCII, which ``str.lower`` may map to ASCII).
    A phrase with such a word later on ("St. Patrick's Day", "old wives' tale") is looked for
    by the words before it: every occurrence of the phrase starts with them.
    A word of plain ASCII can only be written with characters that lower-case, one for
    one, to the word itself, and no character outside ``\w`` lower-cases to an ASCII
    letter, digit or underscore, so when the text keeps its length on lower-casing, nothing
    is missed; whether a match really is a run of whole tokens is the caller's to check."""
    # The phrases decide the pattern, and writing it out costs tens of milliseconds: it is
    # kept in the pattern cache under the phrases themselves.
    key = "\n".join("\t".join(p) for p in phrases)
    pattern = patterncache.compile_built(
        f"phrase-finder-1\n{key}", lambda: _finder_pattern(phrases)
    )
    return TOKEN_RE if pattern.pattern == TOKEN_RE.pattern else pattern


def _finder_pattern(phrases: list[tuple[str, ...]]) -> str:
    trie: dict[str, Any] = {}
    for phrase in phrases:
        words = list(itertools.takewhile(_PLAIN_WORD.fullmatch, phrase))
        if not words:
            return TOKEN_RE.pattern
        node = trie
        for atom in _atoms(words):
            if node.get(_END):
                break  # a shorter phrase already stands for this one (see ``_trie_pattern``)
            node = node.setdefault(atom, {})
        node.clear()
        node[_END] = True
    # A phrase starts a word, so after a character that is no word character in the
    # original text either: the finder consumes that one, a class the regex engine scans
    # for in C, and looks ahead for the phrases, written as a tree of their common
    # beginnings, so that the engine tries a letter at each step and not every phrase in turn.
    return f"[^a-z0-9_](?={_trie_pattern(trie)})"


_END: Final = ""  # marks a node where a phrase ends; no atom is empty


def _atoms(words: list[str]) -> Iterator[str]:
    """The pieces of pattern that spell ``words`` in lower case, white space between them."""
    for n, word in enumerate(words):
        if n:
            yield r"\s+"
        for ch in word.lower():
            yield "['’]" if ch == "'" else re.escape(ch)


def _trie_pattern(node: dict[str, Any]) -> str:
    """The pattern of a tree of atoms. A lookahead needs only one phrase to match, so a node
    where a phrase ends ends there: any longer phrase through it starts with that one."""
    if node.get(_END):
        return ""
    branches = [atom + _trie_pattern(child) for atom, child in node.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _grouped(phrases: list[str], ignorecase: bool) -> list[Any]:
    """One owner's phrases by first word (in the order the words first appear): for each,
    the most words a phrase of it holds and its (words, phrase) longest first, phrases of one
    length in their order; and whether every first word is a word, not a punctuation mark."""
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase in phrases:
        words = _words_of(phrase, ignorecase)
        if words:
            groups.setdefault(words[0].lower(), []).append((words, phrase))
    out = [
        [word, max(len(w) for w, _ in entries), sorted(entries, key=lambda e: -len(e[0]))]
        for word, entries in groups.items()
    ]
    return [out, all(_WORD_TOKEN.fullmatch(word) for word in groups)]


def _words_of(phrase: str, ignorecase: bool) -> tuple[str, ...]:
    """The tokens of a phrase as ``PhraseBook`` compares them."""
    if phrase.isascii():
        # lower-casing ASCII keeps every character's place and class: the tokens of the
        # lower-cased phrase are the lower-cased tokens
        return tuple(TOKEN_RE.findall(phrase.lower() if ignorecase else phrase))
    return tuple(_norm(m.group(), ignorecase) for m in TOKEN_RE.finditer(phrase))


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
