"""Project vocabularies: reading accept/reject files and learning one from a body of copy.

A vocabulary file has one word per line; ``#`` starts a comment. Entries match exactly, so
accepting "config" never hides "configurtions".
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from typing import NamedTuple

from copydesk.spelling.lexicon import Lexicon, load_lexicon
from copydesk.spelling.suggest import near_words
from copydesk.spelling.tokens import NAME_LISTED, UNKNOWN, Tokenizer

# A word one edit from one of this many most frequent words may be a habitual misspelling.
_COMMON_RANK = 20_000


class VocabEntry(NamedTuple):
    word: str
    occurrences: int
    files: int


def parse_vocabulary(text: str) -> list[str]:
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(word)
    return words


def read_vocabulary(path: str | os.PathLike[str]) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return parse_vocabulary(fh.read())


def learn_vocabulary(texts: Iterable[tuple[str, str]], min_files: int = 3) -> list[VocabEntry]:
    """Words the lexicon lacks that recur in at least ``min_files`` of the (path, text) pairs.

    Known misspellings are never learned: a team's habitual "accomodate" is still wrong. Nor
    is a word one letter from a common word unless some file uses it twice: common
    misspellings ("Presedent") recur across files too, but a name recurs within its story.
    """
    lexicon = load_lexicon()
    tokenizer = Tokenizer(lexicon, frozenset(), frozenset())
    occurrences: Counter[str] = Counter()
    files: Counter[str] = Counter()
    most_in_one: Counter[str] = Counter()
    for _path, text in texts:
        here = Counter(w.text for w in tokenizer.words(text) if w.status in (UNKNOWN, NAME_LISTED))
        occurrences.update(here)
        files.update(here.keys())
        for word, n in here.items():
            most_in_one[word] = max(most_in_one[word], n)
    entries = [
        VocabEntry(word, occurrences[word], n)
        for word, n in files.items()
        if n >= min_files and (most_in_one[word] > 1 or not _near_common(word.lower(), lexicon))
    ]
    entries.sort(key=lambda e: (-e.files, -e.occurrences, e.word))
    return entries


def _near_common(lower: str, lexicon: Lexicon) -> bool:
    return any(rank < _COMMON_RANK for rank, _, _ in near_words(lower, lexicon.rank))


def format_vocabulary(entries: Iterable[VocabEntry]) -> str:
    lines = [
        "# copydesk vocabulary: words accepted as correctly spelt, one per line.",
        "# Learned from the project's own files; review before committing.",
    ]
    for e in entries:
        lines.append(f"{e.word}  # {e.occurrences} times in {e.files} files")
    return "\n".join(lines) + "\n"
