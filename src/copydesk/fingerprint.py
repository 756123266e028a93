"""Position-free identities for findings, shared by SARIF ``partialFingerprints`` and baselines.

A finding is identified by its rule, the text it flags and a few words either side of it,
never by line or offset, so an edit elsewhere in the article leaves it recognisable. The
context stops at paragraph breaks: inserting or rewriting a paragraph above a finding must not
change the finding's identity, and words from a neighbouring paragraph would make it do so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from copydesk.atomic import digest as _digest
from copydesk.model import Finding

CONTEXT_WORDS = 3
"""Words taken on each side; enough to tell two occurrences of a typo apart, few enough that
an edit a sentence away does not disturb it."""

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
_SCAN = 256
"""First look-around window, in code points; doubled until enough words are seen."""
_REACH = 4096
"""Farthest the look-around goes: words further away are not "nearby", and the bound keeps
each finding's cost independent of the article's length."""


@dataclass(frozen=True, slots=True)
class Identity:
    """What makes a finding the same finding after edits; ``occurrence`` numbers findings of the
    same file that share every other field, in file order."""

    code: str
    text: str
    context: str
    occurrence: int

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.code, self.text, self.context)

    def context_digest(self) -> str:
        """Short hex digest of the context alone, for baselines: it keeps article text out of
        the file beyond the flagged words themselves."""
        return _digest(self.context, size=8)

    def digest(self) -> str:
        """Hex digest of the identity without the occurrence, for fingerprints."""
        return _digest(*self.key, size=16)


def normalise_text(text: str) -> str:
    """Flagged text with runs of whitespace made single spaces, so re-wrapping a paragraph
    keeps identities; case and punctuation stay because they are often the problem."""
    return _SPACE.sub(" ", text).strip().replace("\x00", "")


def _words_before(source: str, pos: int, count: int) -> list[re.Match[str]]:
    floor = max(0, pos - _REACH)
    window = _SCAN
    while True:
        lo = max(floor, pos - window)
        words = list(_WORD.finditer(source, lo, pos))
        if lo > 0 and words and words[0].start() == lo and _WORD.match(source, lo - 1):
            # The window cut this word in half; its tail is not a real word.
            words = words[1:]
        if len(words) >= count or lo == floor:
            return words[-count:] if count else []
        window *= 2


def _words_after(source: str, pos: int, count: int) -> list[re.Match[str]]:
    ceiling = min(len(source), pos + _REACH)
    window = _SCAN
    while True:
        hi = min(ceiling, pos + window)
        words = list(_WORD.finditer(source, pos, hi))
        if hi < len(source) and words and words[-1].end() == hi and _WORD.match(source, hi):
            words = words[:-1]
        if len(words) >= count or hi == ceiling:
            return words[:count]
        window *= 2


def context_of(source: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """The ``words`` words before and after ``source[start:end]`` within its paragraph,
    case-folded and joined by spaces, with ``|`` marking where the flagged text sits."""
    start = max(0, min(start, len(source)))
    end = max(start, min(end, len(source)))
    before = _words_before(source, start, words)
    if before:
        # Only the stretch the words came from can hold a paragraph break that matters.
        breaks = list(_BLANK_LINE.finditer(source, before[0].start(), start))
        if breaks:
            cut = breaks[-1].end()
            before = [w for w in before if w.start() >= cut]
    after = _words_after(source, end, words)
    if after:
        first_break = _BLANK_LINE.search(source, end, after[-1].end())
        if first_break:
            after = [w for w in after if w.end() <= first_break.start()]
    left = " ".join(w.group() for w in before).casefold()
    right = " ".join(w.group() for w in after).casefold()
    return f"{left} | {right}"


def identify(findings: Iterable[Finding], source: str | None) -> Iterator[Identity]:
    """Identities for one file's findings, in the order given. Without the source (unreadable
    file) the finding's excerpt stands in for the flagged text and the context is empty."""
    seen: dict[tuple[str, str, str], int] = {}
    for f in findings:
        if source is None:
            text = normalise_text(f.excerpt)
            context = ""
        else:
            text = normalise_text(source[f.span.start : f.span.end])
            context = context_of(source, f.span.start, f.span.end)
        key = (f.code, text, context)
        n = seen.get(key, 0)
        seen[key] = n + 1
        yield Identity(f.code, text, context, n)


def fingerprint(identity: Identity) -> str:
    """Stable per-result fingerprint: the identity digest plus its occurrence index."""
    return f"{identity.digest()}:{identity.occurrence}"
