"""What a large regex rule costs against its number of entries.

    python benchmarks/entry_scaling.py bench-out/corpus [--sizes 200,2000] [--files 500] [--legacy]

(``benchmarks/perf.py ../shared`` writes bench-out/corpus.) Builds regex rules of N entries
shaped like the grammar tables (``\\b([Ww]ord)\\s+other\\b``: a boundary, a word, a second
word), from every pair of the words that the shipped regex rules start with or need, and
times matching them over the files as a rule that large is matched (``EntryScanner``), in
this process, one warm pass each: CPU seconds, and microseconds per file and per 1,000
entries. Each pass builds each file's word index again (in a run it is built once per file
for all the rules); its cost alone is printed first. With ``--legacy`` it also times the mechanism the word index replaced, each entry
tried on every text that holds one of its literals, for comparison."""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from itertools import product
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk import literals, patterncache  # noqa: E402
from copydesk.api import default_registry  # noqa: E402
from copydesk.document import load_document  # noqa: E402
from copydesk.kinds import regex_patterns  # noqa: E402
from copydesk.kinds.prefilter import (  # noqa: E402
    EntryScanner,
    WordIndex,
    entry,
    may_match,
    required_literals,
)


def shipped_words() -> list[str]:
    """The words the shipped regex rules start with or need, two letters or more."""
    words: set[str] = set()
    for rule in default_registry():
        for pattern in regex_patterns(rule):
            starts, gates = entry(pattern)
            words |= starts.words if starts else set()
            words |= gates or set()
    return sorted(w for w in words if len(w) > 1 and w.isalpha())


def rule_entries(words: list[str], size: int) -> list[str]:
    pairs = [(a, b) for a, b in product(words, words) if a != b]
    random.Random(0).shuffle(pairs)
    return [rf"\b([{a[0].upper()}{a[0]}]{a[1:]})\s+{b}\b" for a, b in pairs[:size]]


class Legacy:
    """The mechanism before the word index: each entry whose required literals a text holds
    is scanned for over the whole text, then the matches are merged."""

    def __init__(self, entries: list[str], flags: int) -> None:
        self.patterns = [f"(?:{e})" for e in entries]
        self.flags = flags
        self.required = [required_literals(e) for e in entries]
        self.scanners: dict[int, literals.Scanner] = {}

    def finditer(self, masked: str, folded: str) -> Iterator[tuple[int, re.Match[str]]]:
        found = []
        for i, need in enumerate(self.required):
            if not may_match(need, folded):
                continue
            scanner = self.scanners.get(i)
            if scanner is None:
                scanner = self.scanners[i] = literals.Scanner(
                    patterncache.compile(self.patterns[i], self.flags)
                )
            for m in scanner.finditer(masked, folded=folded):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), i, m))
        found.sort(key=lambda f: f[:3])
        free = 0
        for start, _, i, m in found:
            if start >= free:
                free = m.end()
                yield i, m


def timed(
    run: Callable[[str, str], Iterator[tuple[int, re.Match[str]]]], docs: list[tuple[str, str]]
) -> tuple[float, int]:
    for masked, folded in docs:  # warm: compiled patterns, the scanners' finders
        for _ in run(masked, folded):
            pass
    found = 0
    start = time.process_time()
    for masked, folded in docs:
        for _ in run(masked, folded):
            found += 1
    return time.process_time() - start, found


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("folder", type=Path, help="a folder of .md/.txt files (bench-out/corpus)")
    ap.add_argument("--sizes", default="200,2000", help="numbers of entries, comma-separated")
    ap.add_argument("--files", type=int, default=500, help="how many files (0: all)")
    ap.add_argument("--legacy", action="store_true", help="also time the mechanism before")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".md", ".txt"))
    if args.files:
        files = files[: args.files]
    if not files:
        print(f"entry_scaling: no .md or .txt files under {args.folder}", file=sys.stderr)
        return 2
    docs = []
    for path in files:
        doc = load_document(str(path), str(path))
        docs.append((doc.masked, doc.folded))
    words = shipped_words()
    print(f"{len(files)} files; entries from {len(words)} words")
    start = time.process_time()
    for masked, _ in docs:
        WordIndex(masked)
    spent = time.process_time() - start
    print(
        f"the word index alone (built once per file, shared by all rules): {spent:.2f} s,"
        f" {spent / len(docs) * 1e6:.0f} us/file\n"
    )
    print(
        f"{'mechanism':<12} {'entries':>7} {'matches':>8} {'CPU s':>7} {'us/file':>8} {'us/file/1k':>10}"
    )
    for size in (int(s) for s in args.sizes.split(",")):
        entries = rule_entries(words, size)
        cases: list[tuple[str, Callable[[str, str], Iterator[tuple[int, re.Match[str]]]]]] = [
            ("word index", EntryScanner(entries, 0).finditer)
        ]
        if args.legacy:
            cases.append(("legacy", Legacy(entries, 0).finditer))
        for name, run in cases:
            spent, found = timed(run, docs)
            per_file = spent / len(docs) * 1e6
            print(
                f"{name:<12} {len(entries):>7} {found:>8} {spent:>7.2f} {per_file:>8.0f}"
                f" {per_file / len(entries) * 1000:>10.0f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
