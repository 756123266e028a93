"""The compact on-disk lexicon and the lazily loaded frequency ranking.

The lexicon is one file: a hash table whose buckets are runs of text in a single bytes blob.
Loading it is a single ``read`` plus an ``array.frombytes`` (a few milliseconds for the whole
English word list), because building a Python ``set`` of ~400,000 strings at start-up would
cost more than the whole spelling budget of a one-article run.

File layout (all integers little-endian):

``MAGIC`` (8 bytes) | bucket count ``n`` (uint32) | ``n + 1`` bucket offsets (uint32) | blob

Each bucket is a run of entries ``\\n<word>\\t<flags><extra>`` where ``flags`` is one byte
``0x30 + bits`` (see the ``F_*`` constants) and ``extra`` is free text up to the next entry
(used for the corrections of known misspellings). A word's bucket is ``crc32(word) % n``.
"""

from __future__ import annotations

import array
import mmap
import os
import sys
import zlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

MAGIC: Final = b"CDLEX001"

# Entry flags. A word can carry several.
F_GB: Final = 1  # in a British list: SCOWL's, or LibreOffice's en_GB for lower-case words
F_US: Final = 2  # in SCOWL's American list
F_CA: Final = 4  # in SCOWL's Canadian list
F_FREQ: Final = 8  # in pyspellchecker's frequency list
F_NAME: Final = 16  # a person or place name from the names lists (weaker evidence)
F_MISSPELLING: Final = 32  # a common misspelling; the extra text holds the corrections
F_RANKED: Final = 64  # among the ranked words; the extra text holds the rank in base 36

FLAG_BASE: Final = 0x30

# A plain path rather than importlib.resources or pathlib: either costs more import time than
# the whole lexicon load, and the package always ships as files on disk.
DATA_DIR: Final = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
LEXICON_FILE: Final = "lexicon.bin"
RANKED_FILE: Final = "ranked.txt"
# Kept apart from the word lists because it is under another licence (see SOURCES.md).
MISSPELLINGS_FILE: Final = "misspellings.bin"
# The symmetric-delete index of the frequent words, for distance-2 candidates (see suggest.py).
DELETES_FILE: Final = "deletes.bin"
# How often the words no dictionary has are written on the web (wordfreq), another licence too.
WEB_FILE: Final = "web.bin"


def bucket_of(word: str, n_buckets: int) -> int:
    return zlib.crc32(word.encode("utf-8")) % n_buckets


def encode_lexicon(entries: dict[str, tuple[int, str]], load_factor: int = 4) -> bytes:
    """Serialise ``word -> (flags, extra)`` into the on-disk format (used by the build script)."""
    n_buckets = max(1, len(entries) // load_factor)
    buckets: list[list[bytes]] = [[] for _ in range(n_buckets)]
    for word in sorted(entries):
        flags, extra = entries[word]
        if "\n" in word or "\t" in word or "\n" in extra:
            raise ValueError(f"unencodable lexicon entry {word!r}")
        if not 0 <= flags < 128:
            raise ValueError(f"flags out of range for {word!r}: {flags}")
        raw = b"\n" + word.encode("utf-8") + b"\t" + bytes([FLAG_BASE + flags])
        buckets[bucket_of(word, n_buckets)].append(raw + extra.encode("utf-8"))
    offsets = array.array("I", [0])
    blob = bytearray()
    for bucket in buckets:
        blob += b"".join(bucket)
        offsets.append(len(blob))
    if sys.byteorder != "little":
        offsets.byteswap()
    header = MAGIC + n_buckets.to_bytes(4, "little")
    # A trailing newline lets every lookup find the end of the last entry the same way.
    return header + offsets.tobytes() + bytes(blob) + b"\n"


class Lexicon:
    """Exact-form word lookup over the shipped hash table."""

    __slots__ = ("_base", "_blob", "_n", "_offsets")

    def __init__(self, raw: bytes | mmap.mmap) -> None:
        if raw[:8] != MAGIC:
            raise ValueError("not a copydesk lexicon file")
        n = int.from_bytes(raw[8:12], "little")
        offsets = array.array("I")
        end_offsets = 12 + 4 * (n + 1)
        offsets.frombytes(raw[12:end_offsets])
        if sys.byteorder != "little":
            offsets.byteswap()
        self._offsets = offsets
        self._n = n
        # The blob is searched in place (with a base offset) so the mapped file is never copied.
        self._base = end_offsets
        self._blob = raw

    def entry(self, word: str) -> tuple[int, str] | None:
        """Return ``(flags, extra)`` for an exact form, or ``None`` if the lexicon lacks it."""
        key = word.encode("utf-8")
        b = zlib.crc32(key) % self._n
        lo = self._offsets[b] + self._base
        hi = self._offsets[b + 1] + self._base
        blob = self._blob
        needle = b"\n" + key + b"\t"
        pos = blob.find(needle, lo, hi)
        if pos < 0:
            return None
        flag_at = pos + len(needle)
        flags = blob[flag_at] - FLAG_BASE
        if flags & (F_MISSPELLING | F_RANKED):
            stop = blob.find(b"\n", flag_at + 1)
            return flags, blob[flag_at + 1 : stop].decode("utf-8")
        return flags, ""

    def extras(self, keys: Iterable[bytes]) -> list[str]:
        """The extra texts of those UTF-8 ``keys`` the table holds (for probing many at once)."""
        offsets, base, blob, n = self._offsets, self._base, self._blob, self._n
        crc32 = zlib.crc32
        out = []
        for key in keys:
            b = crc32(key) % n
            needle = b"\n" + key + b"\t"
            pos = blob.find(needle, offsets[b] + base, offsets[b + 1] + base)
            if pos >= 0:
                at = pos + len(needle) + 1
                out.append(blob[at : blob.find(b"\n", at)].decode("utf-8"))
        return out

    def rank(self, word: str) -> int | None:
        """The word's frequency rank, the same as ``Ranking.rank`` gives."""
        key = word.encode("utf-8")
        b = zlib.crc32(key) % self._n
        needle = b"\n" + key + b"\t"
        base = self._base
        blob = self._blob
        pos = blob.find(needle, self._offsets[b] + base, self._offsets[b + 1] + base)
        if pos < 0:
            return None
        flag_at = pos + len(needle)
        if not (blob[flag_at] - FLAG_BASE) & F_RANKED:
            return None
        return int(blob[flag_at + 1 : blob.find(b"\n", flag_at)], 36)

    def flags(self, word: str) -> int:
        """Flags of an exact form, 0 when absent (cheaper to test than ``entry``)."""
        key = word.encode("utf-8")
        b = zlib.crc32(key) % self._n
        needle = b"\n" + key + b"\t"
        base = self._base
        pos = self._blob.find(needle, self._offsets[b] + base, self._offsets[b + 1] + base)
        if pos < 0:
            return 0
        return self._blob[pos + len(needle)] - FLAG_BASE


def _map(name: str) -> Lexicon:
    with open(os.path.join(DATA_DIR, name), "rb") as fh:
        try:
            # Mapping costs nothing up front; only the pages that lookups touch are read.
            raw: bytes | mmap.mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            raw = fh.read()
    return Lexicon(raw)


def _map_optional(name: str) -> Lexicon:
    """A data file a distribution may leave out: without it, an empty table."""
    try:
        return _map(name)
    except FileNotFoundError:
        return Lexicon(encode_lexicon({}))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The known words: dictionaries, frequency list, names."""
    return _map(LEXICON_FILE)


@lru_cache(maxsize=1)
def load_misspellings() -> Lexicon:
    """Common misspellings (flag ``F_MISSPELLING``) with their corrections as extra text.

    Optional: a distribution may leave the file out for licence reasons (see SOURCES.md),
    and then every such word is simply an unknown word.
    """
    return _map_optional(MISSPELLINGS_FILE)


@lru_cache(maxsize=1)
def load_deletes() -> Lexicon:
    """Frequent words by their one-letter deletions; an entry's extra text lists the words.

    Built from the ranked list by ``tools/build_lexicon.py``; without the file there are simply
    no distance-2 candidates.
    """
    return _map_optional(DELETES_FILE)


@lru_cache(maxsize=1)
def load_web() -> Lexicon:
    """Lower-case forms the dictionaries lack, with how often the web writes them: ``rank``
    gives the Zipf frequency times ten (30 is once per million words). Optional like the
    misspellings: without the file no word has web evidence.
    """
    return _map_optional(WEB_FILE)


class Ranking:
    """Frequency ranks (0 = most frequent) of lower-case words, as a dict for long runs.

    The lexicon carries the same ranks (``Lexicon.rank``), which costs nothing to load but a
    microsecond a lookup; this dict costs tens of milliseconds to build but answers at once,
    so a speller switches to it once a run has looked up enough words.
    """

    __slots__ = ("by_rank", "ranks")

    def __init__(self, text: str) -> None:
        words = text.split("\n")
        if words and not words[-1]:
            words.pop()
        self.by_rank: list[str] = words
        self.ranks: dict[str, int] = dict(zip(words, range(len(words)), strict=True))

    def rank(self, word: str) -> int | None:
        return self.ranks.get(word)

    def __len__(self) -> int:
        return len(self.by_rank)


@lru_cache(maxsize=1)
def load_ranking() -> Ranking:
    with open(os.path.join(DATA_DIR, RANKED_FILE), encoding="utf-8") as fh:
        return Ranking(fh.read())


def variant_of(word: str) -> str | None:
    """ "en-GB" or "en-US" when only that variant's list spells the word this way, else None.

    Canadian spellings count with the British list only when the American one lacks them
    (e.g. "colour"), which is what a British/American consistency check wants.
    """
    lex = load_lexicon()
    flags = lex.flags(word)
    if not flags and word[:1].isupper():
        flags = lex.flags(word.lower())
    gb = bool(flags & F_GB)
    us = bool(flags & F_US)
    if gb and not us:
        return "en-GB"
    if us and not gb:
        return "en-US"
    return None
