"""Correction candidates: edit-distance neighbours ranked by word frequency.

Distance-1 neighbours come from generating every edit and probing the ranked word list, which
is cheap enough to run for every doubtful capitalised word. Distance 2 needs an index of the
ranked words with one letter deleted (the symmetric-delete trick); it is built with the
lexicon and memory-mapped, so a lookup costs microseconds and loading it nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from copydesk.spelling.lexicon import F_MISSPELLING, encode_lexicon, load_deletes, load_ranking

ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_LETTERS = tuple(c.encode("ascii") for c in ALPHABET)
# Words rarer than this are not worth indexing for distance-2 suggestions.
DELETE_INDEX_SIZE = 30_000
# Shorter words have too many neighbours at distance 2 to be worth suggesting.
MIN_INDEXED = 4


def edits1(word: str) -> Iterator[tuple[str, str]]:
    """Every string one edit from ``word`` with the kind of edit that produced it.

    Kinds describe the typo as typed, so "deletion" means the typist dropped a letter (and the
    candidate therefore has one more letter than the typo).
    """
    n = len(word)
    for i in range(n):
        yield word[:i] + word[i + 1 :], "insertion"
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            yield word[:i] + word[i + 1] + word[i] + word[i + 2 :], "transposition"
    for i in range(n):
        head, tail = word[:i], word[i + 1 :]
        for c in ALPHABET:
            if c != word[i]:
                yield head + c + tail, "substitution"
    for i in range(n + 1):
        head, tail = word[:i], word[i:]
        for c in ALPHABET:
            yield head + c + tail, "deletion"


def near_words(
    word: str, rank_of: Callable[[str], int | None] | None = None
) -> list[tuple[int, str, str]]:
    """Ranked words one edit from lower-case ``word`` as ``(rank, candidate, kind)``, best first.

    This runs for every doubtful word, so the edits are built as flat lists (f-strings join
    three parts in one step) and, when ``rank_of`` is the ranking dict's ``get``, probed all
    at once by a set intersection with the dict's keys: no Python call per candidate.
    """
    get = rank_of or load_ranking().ranks.get
    ranks = getattr(get, "__self__", None)
    n = len(word)
    heads = [word[:i] for i in range(n + 1)]
    tails = [word[i:] for i in range(n + 1)]
    found: dict[str, tuple[int, str, str]] = {}
    groups = (
        ("insertion", [heads[i] + tails[i + 1] for i in range(n)]),
        (
            "transposition",
            [f"{heads[i]}{word[i + 1]}{word[i]}{tails[i + 2]}" for i in range(n - 1)],
        ),
        (
            "substitution",
            # An apostrophe typed for a letter is no slip of the fingers ("Ca'e" is no "Case").
            [
                f"{h}{c}{t}"
                for h, t, own in zip(heads[:n], tails[1:], word, strict=True)
                if own not in "'’"
                for c in ALPHABET
            ],
        ),
        ("deletion", [f"{h}{c}{t}" for h, t in zip(heads, tails, strict=True) for c in ALPHABET]),
    )
    for kind, cands in groups:
        hits = ranks.keys() & cands if type(ranks) is dict else cands
        for cand in hits:
            r = get(cand)
            if r is not None and cand not in found:
                found[cand] = (r, cand, kind)
    return sorted(found.values())


def encode_deletes(ranked: list[str], size: int = DELETE_INDEX_SIZE) -> bytes:
    """The symmetric-delete index of the ``size`` most frequent words, in the lexicon format.

    Each key is a word or the word with one letter deleted; its extra text lists the words
    (comma-separated, most frequent first). Shipped prebuilt: building it costs a third of a
    second, and it is read through a memory map like the lexicon.
    """
    index: dict[str, list[str]] = {}
    for word in ranked[:size]:
        if len(word) < MIN_INDEXED:
            continue
        for key in (word, *(word[:i] + word[i + 1 :] for i in range(len(word)))):
            words = index.setdefault(key, [])
            if word not in words:
                words.append(word)
    return encode_lexicon({k: (F_MISSPELLING, ",".join(v)) for k, v in index.items()})


def within_one(a: str, b: str) -> bool:
    """Whether ``damerau(a, b) <= 1``, by comparing slices at the first difference instead of
    filling the table: the question asked of every pair of names in a story."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    n = min(la, lb)
    while i < n and a[i] == b[i]:
        i += 1
    if la == lb:
        return a[i + 1 :] == b[i + 1 :] or (
            a[i + 1 : i + 2] == b[i : i + 1]
            and a[i : i + 1] == b[i + 1 : i + 2]
            and a[i + 2 :] == b[i + 2 :]
        )
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


def damerau(a: str, b: str, limit: int = 3) -> int:
    """Optimal-string-alignment distance, giving up (returning ``limit``) past ``limit - 1``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    # A common prefix or suffix never changes the distance, and a typo and its candidate
    # share most of their letters: the table shrinks to the part where they differ.
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    a, b = a[head : len(a) - tail], b[head : len(b) - tail]
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
        if min(cur) >= limit:
            return limit
        prev2, prev = prev, cur
    return min(prev[-1], limit)


def far_words(
    word: str,
    max_distance: int = 2,
    rank_of: Callable[[str], int | None] | None = None,
    max_rank: int = DELETE_INDEX_SIZE,
) -> list[tuple[int, int, str]]:
    """Ranked words within ``max_distance`` of ``word`` as ``(distance, rank, candidate)``.

    Only words more frequent than ``max_rank`` are considered.

    The typo's own deletions (one and two letters) are probed in the shipped index of the
    frequent words' one-letter deletions, which finds every word within two edits (two
    insertions included) for a few dozen hash lookups.
    """
    index = load_deletes()
    get = rank_of or load_ranking().ranks.get
    n = len(word)
    ones = [word[:i] + word[i + 1 :] for i in range(n)]
    keys = {word, *ones}
    if n >= 6:
        keys.update([one[:j] + one[j + 1 :] for i, one in enumerate(ones) for j in range(i, n - 1)])
    found: set[str] = set()
    # One ``extras`` call probes every key without a Python call (and flags decode) per key.
    for extra in index.extras([key.encode("utf-8") for key in keys]):
        if extra:
            found.update(extra.split(","))
    out = []
    for cand in found:
        if abs(len(cand) - n) > max_distance:
            continue
        r = get(cand)
        r = DELETE_INDEX_SIZE if r is None else r
        if r >= max_rank:
            continue
        d = damerau(word, cand, max_distance + 1)
        if d <= max_distance:
            out.append((d, r, cand))
    out.sort()
    return out


def keep_case(original: str, candidate: str) -> str:
    """Give ``candidate`` the capitalisation pattern of ``original``."""
    if original.isupper() and len(original) > 1:
        return candidate.upper()
    if original[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY_POS: dict[str, tuple[int, int]] = {
    ch: (r, c) for r, row in enumerate(_KEY_ROWS) for c, ch in enumerate(row)
}
_VOWEL_SET = frozenset("aeiouy")


def adjacent_keys(a: str, b: str) -> bool:
    pa, pb = _KEY_POS.get(a), _KEY_POS.get(b)
    if pa is None or pb is None or a == b:
        return False
    # Keyboard rows are staggered, so a key touches two keys on each neighbouring row.
    dr, dc = pb[0] - pa[0], pb[1] - pa[1]
    return (dr == 0 and abs(dc) == 1) or (dr == 1 and dc in (-1, 0)) or (dr == -1 and dc in (0, 1))


def edit_shape(typo: str, cand: str, kind: str) -> str:
    """Name how a typist or speller would have made ``typo`` from ``cand``.

    Shapes that fingers and ears produce (a swapped pair, a doubled letter, a neighbouring key,
    one vowel for another, a dropped double letter) are the evidence that a capitalised
    unknown word is a typo rather than a name that happens to be one edit from a word.
    """
    if kind == "transposition":
        return "swap"
    if kind == "insertion":
        i = next((k for k in range(len(cand)) if typo[k] != cand[k]), len(cand))
        extra = typo[i]
        near = [typo[k] for k in (i - 1, i + 1) if 0 <= k < len(typo)]
        if extra in near:
            return "double"
        if any(adjacent_keys(extra, ch) for ch in near):
            return "key-insert"
        return "insert"
    if kind == "substitution":
        i = next(k for k in range(len(typo)) if typo[k] != cand[k])
        a, b = typo[i], cand[i]
        if adjacent_keys(a, b):
            return "key"
        if a in _VOWEL_SET and b in _VOWEL_SET:
            return "vowel"
        return "substitute"
    i = next((k for k in range(len(typo)) if typo[k] != cand[k]), len(typo))
    dropped = cand[i]
    if (i > 0 and cand[i - 1] == dropped) or (i + 1 < len(cand) and cand[i + 1] == dropped):
        return "undouble"
    if dropped in _VOWEL_SET:
        return "drop-vowel"
    return "drop"


# Hand-written spelling rewrites: how people spell by ear and by analogy. Each pair is tried
# both ways, at every place it fits. Written for copydesk from general English orthography.
REWRITES: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("ance", "ence"),
    ("ant", "ent"),
    ("able", "ible"),
    ("ie", "ei"),
    ("ie", "y"),
    ("c", "s"),
    ("c", "k"),
    ("ck", "k"),
    ("ck", "c"),
    ("s", "z"),
    ("tion", "sion"),
    ("tion", "shun"),
    ("sion", "tion"),
    ("ou", "o"),
    ("ou", "u"),
    ("ea", "e"),
    ("ee", "ea"),
    ("ee", "i"),
    ("er", "ar"),
    ("er", "or"),
    ("ar", "or"),
    ("ight", "ite"),
    ("ally", "ly"),
    ("ary", "ery"),
    ("wr", "r"),
    ("kn", "n"),
    ("gh", ""),
    ("mb", "m"),
    ("wh", "w"),
    ("gu", "g"),
    ("sc", "s"),
    ("x", "cks"),
    ("j", "g"),
    ("qu", "kw"),
    ("ch", "sh"),
)
_REWRITE_TO: dict[str, tuple[str, ...]] = {}
for _a, _b in REWRITES:
    for _x, _y in ((_a, _b), (_b, _a)):
        if _x and _y not in _REWRITE_TO.get(_x, ()):
            _REWRITE_TO[_x] = (*_REWRITE_TO.get(_x, ()), _y)
# The rewrites by first letter, so a scan costs one lookup a letter.
_REWRITE_BY_FIRST: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {}
for _x, _to in _REWRITE_TO.items():
    _REWRITE_BY_FIRST[_x[0]] = (*_REWRITE_BY_FIRST.get(_x[0], ()), (_x, _to))
_CONSONANTS = frozenset("bcdfgklmnprstvz")


def _rewrite_spans(word: str) -> list[tuple[int, int, str, bool]]:
    """The single rewrites of ``word`` as ``(start, end, replacement, vowel)`` spans, sorted:
    a rewrite pair, a doubled or undoubled consonant, one vowel for another, or an added or
    dropped final "e" (the last two marked ``vowel``). The first letter is left alone."""
    out: list[tuple[int, int, str, bool]] = []
    n = len(word)
    get = _REWRITE_BY_FIRST.get
    for i in range(1, n):
        ch = word[i]
        rules = get(ch)
        if rules is not None:
            for a, to in rules:
                if word.startswith(a, i):
                    out.extend((i, i + len(a), b, False) for b in to)
        if ch in _CONSONANTS:
            if i + 1 < n and word[i + 1] == ch:
                out.append((i, i + 1, "", False))
            elif word[i - 1] != ch:
                out.append((i, i, ch, False))
        elif ch in _VOWEL_SET:
            out.extend((i, i + 1, v, True) for v in "aeiou" if v != ch)
    out.append((n - 1, n, "", True) if word.endswith("e") else (n, n, "e", True))
    out.sort()
    return out


def rule_words(
    word: str, rank_of: Callable[[str], int | None], max_rank: int
) -> list[tuple[int, str]]:
    """Frequent words one or two spelling rewrites from lower-case ``word`` (``REWRITES``,
    doubling, vowels) as ``(rank, candidate)``: "milenium" -> "millennium".

    Two vowel changes make too many words of a short name ("Lagat", "Legit"), so at most one
    of the two rewrites is a vowel change. The two never overlap."""
    spans = _rewrite_spans(word)
    found: dict[str, int] = {}
    for k, (i, j, rep, vowel) in enumerate(spans):
        head = word[:i] + rep
        cands = [head + word[j:]]
        cands += [
            head + word[j:i2] + rep2 + word[j2:]
            for i2, j2, rep2, vowel2 in spans[k + 1 :]
            if i2 >= j and not (vowel and vowel2)
        ]
        for cand in cands:
            if cand not in found:
                r = rank_of(cand)
                if r is not None and r < max_rank and cand != word:
                    found[cand] = r
    return sorted((r, c) for c, r in found.items())


def dropped_words(
    word: str, rank_of: Callable[[str], int | None], max_rank: int
) -> list[tuple[int, str]]:
    """Frequent words that lose one letter and change another to become lower-case ``word``
    ("secatary" for "secretary", "deffrent" for "different").

    The typo with one letter changed is probed in the index of the frequent words' one-letter
    deletions, which the symmetric-delete search of ``far_words`` cannot reach. (Probing the
    typo with a letter added would find two dropped letters too, "instute" for "institute",
    but doubles the cost and found nothing the rewrites did not on the dev set.)
    """
    n = len(word)
    if not word.isascii():
        return []
    raw = word.encode("ascii")
    keys: set[bytes] = set()
    # The first letter stays: typists keep it, and a changed one gives a one-edit neighbour.
    for i in range(1, n):
        head, tail = raw[:i], raw[i + 1 :]
        keys.update([head + c + tail for c in _LETTERS if c[0] != raw[i]])
    found: dict[str, int] = {}
    for extra in load_deletes().extras(keys):
        for cand in extra.split(","):
            if cand in found or cand[0] != word[0] or len(cand) != n + 1:
                continue
            r = rank_of(cand)
            if r is not None and r < max_rank:
                found[cand] = r
    return sorted((r, c) for c, r in found.items())
