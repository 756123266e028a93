"""copydesk's spelling engine: a compact English lexicon plus a document-level names model."""

from __future__ import annotations

from copydesk.spelling.lexicon import variant_of
from copydesk.spelling.speller import (
    KNOWN_MISSPELLING,
    NAME_VARIANT,
    UNKNOWN_WORD,
    Misspelling,
    Speller,
)
from copydesk.spelling.vocab import (
    VocabEntry,
    format_vocabulary,
    learn_vocabulary,
    parse_vocabulary,
    read_vocabulary,
)

__all__ = [
    "KNOWN_MISSPELLING",
    "NAME_VARIANT",
    "UNKNOWN_WORD",
    "Misspelling",
    "Speller",
    "VocabEntry",
    "format_vocabulary",
    "learn_vocabulary",
    "parse_vocabulary",
    "read_vocabulary",
    "variant_of",
]
