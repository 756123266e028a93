"""Find the words worth spell-checking in a masked document.

Whitespace-separated chunks are classified once and the verdict cached by chunk string: news
copy repeats its chunks ("the", "said,") so heavily that almost every chunk costs one dict
lookup. Only the words a later stage must look at come out: words the lexicon does not know,
capitalised words (for the document-level names evidence) and foreign function words (for the
foreign-passage detector).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Final, NamedTuple

from copydesk import patterncache
from copydesk.spelling.lexicon import F_MISSPELLING, F_NAME, Lexicon, load_misspellings

# Word statuses.
KNOWN_CAP: Final = 0  # a known capitalised word, kept for counts and context
UNKNOWN: Final = 1
MISSPELLING: Final = 2  # in the list of common misspellings
NAME_LISTED: Final = 3  # unknown to the dictionaries but in a names list
FOREIGN: Final = 4  # a function word of another language (often also an English word)
KNOWN_LOWER: Final = 5  # only reported for accepted or rejected words; never checked


class Word(NamedTuple):
    start: int
    end: int
    text: str
    status: int


# Letters with internal apostrophes; hyphens are split later so each part can be checked.
_WORD: Final = patterncache.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SEPARATORS: Final = patterncache.compile(r"[—–/…|]|--")
_OPENERS: Final = "\"'“‘‚„([{<«‹*_¿¡"
_CLOSERS: Final = "\"'”’)]}>»›.,;:!?*_…"
_CONTRACTIONS: Final = ("'s", "'ll", "'re", "'ve", "'d", "'m")
# Chunks that are code, not words: paths and slashed names (src/app, stdout/stderr), command
# line flags (--verbose, -v), calls and scopes (render(), std::vector), arrows, templates
# and placeholders (<name>, {id}, $HOME, %PATH%), backslashes. A plural in brackets
# ("format(s)") is prose.
_CODE_LIKE: Final = patterncache.compile(
    r"\w/|/\w|^-{1,2}\w|\(\)|::|->|=>|[<>{}$%\\]|\w\((?!e?s\))"
)

# High-frequency words of the languages most often quoted in English news copy. Several are
# also English words ("die", "son", "come"), so they count only as a share of a passage.
FOREIGN_WORDS: Final = frozenset(
    [
        "der",
        "die",
        "das",
        "und",
        "ist",
        "nicht",
        "mit",
        "auf",
        "für",
        "von",
        "dem",
        "den",
        "ein",
        "eine",
        "einer",
        "sich",
        "auch",
        "wir",
        "ich",
        "sie",
        "le",
        "la",
        "les",
        "et",
        "est",
        "une",
        "des",
        "du",
        "au",
        "aux",
        "pas",
        "que",
        "qui",
        "dans",
        "pour",
        "sur",
        "avec",
        "nous",
        "vous",
        "ce",
        "cette",
        "sont",
        "el",
        "los",
        "las",
        "y",
        "es",
        "por",
        "para",
        "con",
        "una",
        "lo",
        "del",
        "se",
        "muy",
        "pero",
        "está",
        "son",
        "como",
        "más",
        "il",
        "di",
        "che",
        "non",
        "per",
        "gli",
        "della",
        "sono",
        "questo",
        "anche",
        "ma",
        "come",
        "alla",
        "nel",
        "o",
        "os",
        "da",
        "em",
        "um",
        "uma",
        "não",
        "com",
        "são",
        "isso",
        "het",
        "een",
        "van",
        "en",
        "niet",
        "zijn",
        "ook",
        "wat",
    ]
)


_QUIET: Final = (None, KNOWN_CAP, KNOWN_LOWER)

# Words English writes mostly as one part of a hyphenated compound: combining forms
# ("cyber-rights", "neo-classical", "uber-category") and the halves of set pairs
# ("kung-fu", "touchy-feely"). As a part of a compound, not alone, they are meant. Written
# for copydesk from general knowledge.
HYPHEN_PARTS: Final = frozenset(
    [
        "cyber",
        "neo",
        "uber",
        "über",
        "eco",
        "euro",
        "agro",
        "agri",
        "bio",
        "geo",
        "hydro",
        "petro",
        "socio",
        "techno",
        "info",
        "retro",
        "proto",
        "pseudo",
        "quasi",
        "crypto",
        "nano",
        "mega",
        "giga",
        "tera",
        "narco",
        "paleo",
        "palaeo",
        "franco",
        "anglo",
        "sino",
        "afro",
        "indo",
        "kung",
        "touchy",
        "feely",
        "hoity",
        "toity",
        "helter",
        "skelter",
        "hanky",
        "panky",
        "willy",
        "nilly",
        "topsy",
        "turvy",
        "hurly",
        "burly",
        "mumbo",
        "jumbo",
        "namby",
        "pamby",
        "wishy",
        "washy",
        "shilly",
        "shally",
        "dilly",
        "dally",
        "teeny",
        "weeny",
        "itsy",
        "bitsy",
        "roly",
        "poly",
        "hokey",
        "pokey",
        "argy",
        "bargy",
        "hoo",
        "hah",
    ]
)


def _strip_accents(word: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )


Chunk = tuple[tuple[int, str, int], ...]


class _ChunkCache(dict[str, Chunk]):
    """Chunk verdicts that classify a chunk on first sight, so looking chunks up is all a
    text needs; past the size cap new chunks are classified each time but not kept."""

    def __init__(self, analyse: Callable[[str], Chunk]) -> None:
        super().__init__()
        self._analyse = analyse

    def __missing__(self, chunk: str) -> Chunk:
        found = self._analyse(chunk)
        if len(self) < 500_000:
            self[chunk] = found
        return found


class Tokenizer:
    """Classifies chunks against one lexicon and word lists; the cache lives with it."""

    def __init__(
        self,
        lexicon: Lexicon,
        accept: frozenset[str],
        reject: frozenset[str],
        misspellings: Lexicon | None = None,
    ) -> None:
        self._lex = lexicon
        self._miss = misspellings or load_misspellings()
        self._accept = accept
        self._reject = reject
        self._chunks = _ChunkCache(self._analyse_chunk)
        self._words: dict[str, int | None] = {}

    def words(self, text: str) -> list[Word]:
        cache = self._chunks
        # Most chunks are known lower-case words with nothing to report: ``filter`` drops them
        # (classifying new ones on the way) without a Python step per chunk, and only the
        # others need their offset, found by searching on from the previous one.
        out: list[Word] = []
        find = text.find
        # Word(...) runs the named tuple's Python-level __new__, a frame per word; building
        # the tuple directly skips it (a tenth of a warm pass over the BBC corpus).
        new = tuple.__new__
        pos, end_of_text = 0, len(text)
        # split() gives runs of non-space, like \S+, without a match object for each.
        for chunk in filter(cache.__getitem__, text.split()):
            start = find(chunk, pos)
            end = start + len(chunk)
            # The first whole chunk with this text is this one; a bare match may sit inside
            # an earlier chunk with nothing to report ("10Home" before "Home").
            while (start and not text[start - 1].isspace()) or (
                end < end_of_text and not text[end].isspace()
            ):
                start = find(chunk, start + 1)
                end = start + len(chunk)
            for offset, word, status in cache[chunk]:
                out.append(new(Word, (start + offset, start + offset + len(word), word, status)))
            pos = end
        return out

    def _analyse_chunk(self, chunk: str) -> Chunk:
        if chunk.isalpha():
            status = self.status(chunk)
            return () if status is None else ((0, chunk, status),)
        if _CODE_LIKE.search(chunk):
            return ()
        core = chunk.lstrip(_OPENERS)
        lo = len(chunk) - len(core)
        core = core.rstrip(_CLOSERS)
        if core.isalpha():  # a word with punctuation round it, the usual case
            status = self.status(core)
            return () if status is None else ((lo, core, status),)
        if not core or "@" in core or core[0] == "#" or "://" in core or "_" in core:
            return ()
        if any(ch.isdigit() for ch in core) or "&" in core:
            return ()
        out: list[tuple[int, str, int]] = []
        pos = 0
        for sep in (*_SEPARATORS.finditer(core), None):
            stop = sep.start() if sep else len(core)
            piece = core[pos:stop]
            # A dot inside a piece marks an abbreviation, a domain or a file name.
            if piece and "." not in piece and "=" not in piece and "+" not in piece:
                self._analyse_piece(piece, lo + pos, out)
            if sep:
                pos = sep.end()
        return tuple(out)

    def _analyse_piece(self, piece: str, base: int, out: list[tuple[int, str, int]]) -> None:
        compound = "-" in piece
        if compound:
            whole = piece.strip("-")
            joined = whole.replace("-", "")
            if joined.isalpha() and (self._whole_known(whole) or self._whole_known(joined)):
                return
        found = list(_WORD.finditer(piece))
        # A short lower-case part joined to a capitalised word belongs to a name
        # ("Chung Mong-koo", "Dai-ichi"): transliterated names are hyphenated so.
        capital_part = compound and any(
            m.group()[0].isupper() and self.status(m.group()) is not None for m in found
        )
        for m in found:
            word = m.group()
            if word.endswith(("'s", "’s")) and len(word) > 3:
                word = word[:-2]  # the possessive of a name counts as the name
            if compound and (
                word.lower() in HYPHEN_PARTS or (capital_part and word.islower() and len(word) <= 4)
            ):
                continue
            status = self.status(word)
            if status is not None:
                out.append((base + m.start(), word, status))

    def _whole_known(self, word: str) -> bool:
        """A hyphenated compound known as a whole; "Spider-Man" is, "Spidder-Man" is not.

        ``status`` also says None for inner capitals, which a compound of capitalised parts
        always has, so such a compound needs the lexicon to know it.
        """
        status = self.status(word)
        if status is None:
            return word[1:].islower() or self._known(word, True)
        return status in _QUIET

    def status(self, word: str) -> int | None:
        """None for a word needing no look (known lower-case, acronym, mixed case...)."""
        cached = self._words.get(word, -1)
        if cached != -1:
            return cached
        status = self._status(word)
        if len(self._words) < 500_000:
            self._words[word] = status
        return status

    def _status(self, word: str) -> int | None:
        if word in self._reject:
            return UNKNOWN
        if word in self._accept:
            return KNOWN_LOWER if word.islower() else KNOWN_CAP
        norm = word.replace("’", "'")
        if norm != word and (norm in self._reject or norm in self._accept):
            return self._status(norm)
        if len(norm) < 3 or not norm[0].isalpha():
            return None
        lower = norm.lower()
        if norm.islower():
            if lower in FOREIGN_WORDS:
                return FOREIGN
            return self._lookup(norm, capital=False)
        rest = norm[1:]
        if not rest.islower():
            # Acronyms (AFP, MPs) and inner capitals (iPod, McDonald) are names, not words.
            return None
        return self._lookup(norm, capital=True)

    def _lookup(self, word: str, capital: bool) -> int | None:
        known = KNOWN_CAP if capital else None
        if self._known(word, capital):
            return known
        for suffix in _CONTRACTIONS:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                base = word[: -len(suffix)]
                if base in self._reject:
                    return UNKNOWN
                if base in self._accept or self._known(base, capital):
                    return known
        if (
            word.endswith("s")
            and len(word) >= 5
            and word[-2] not in "sfy"
            and self._lex.rank(word[:-1].lower()) is not None
            and self._known(word[:-1], capital)
        ):
            # A plural or verb form the lists lack ("shockwaves", "The Incredibles"). A typo
            # can end in a stray "s" too, but then the letter before is almost always one;
            # "companys" and "themselfs" are the usual wrong plurals.
            return known
        if not word.isascii():
            plain = _strip_accents(word)
            if plain != word and plain.isascii() and self._known(plain, capital):
                return known
        flags = self._miss.flags(word.lower()) if capital else self._miss.flags(word)
        if flags & F_MISSPELLING:
            return MISSPELLING
        if capital and self._lex.flags(word) & F_NAME:
            return NAME_LISTED
        return UNKNOWN

    def _known(self, word: str, capital: bool) -> bool:
        lex = self._lex
        flags = lex.flags(word)
        if flags and not flags & (F_MISSPELLING | F_NAME):
            return True
        if capital:
            lflags = lex.flags(word.lower())
            if lflags and not lflags & (F_MISSPELLING | F_NAME):
                return True
            # House styles write some acronyms as words ("Nato", "Aids").
            if lex.flags(word.upper()) & ~(F_MISSPELLING | F_NAME):
                return True
        return False
