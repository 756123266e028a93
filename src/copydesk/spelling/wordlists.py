"""Shipped word lists the speller accepts besides its dictionaries: the newsroom's own jargon
(every profile) and the vocabulary of software documentation (the docs profile)."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Final

from copydesk.spelling.lexicon import DATA_DIR

NEWSROOM_FILE: Final = "newsroom.txt"
TECHNICAL_FILE: Final = "technical.txt"


@lru_cache(maxsize=4)
def load_words(name: str) -> frozenset[str]:
    """The words of one list, each also capitalised, as a sentence or heading starts it."""
    try:
        with open(os.path.join(DATA_DIR, name), encoding="utf-8") as fh:
            words = [w for w in (line.strip() for line in fh) if w and not w.startswith("#")]
    except OSError:
        return frozenset()  # a trimmed install: the speller works, with fewer words
    return frozenset(words) | {w[0].upper() + w[1:] for w in words if w.islower()}


def accepted(technical: bool) -> frozenset[str]:
    if technical:
        return load_words(NEWSROOM_FILE) | load_words(TECHNICAL_FILE)
    return load_words(NEWSROOM_FILE)
