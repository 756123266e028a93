#!/usr/bin/env python3
"""Measure the speller's throughput and start-up cost.

    .venv/bin/python benchmarks/speller_speed.py ../shared [--repeat 3]

Prints the lexicon and ranking load times (each in a fresh interpreter, so nothing is
cached), the cost of checking one article from cold, and words per second on one core over
``eval-dev/typos-dev.jsonl`` (suggestions included, since every flag carries them).
"""

from __future__ import annotations

import argparse
import compileall
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# The standard modules any copydesk command has imported before spelling runs are imported
# first, so the figures are what spelling adds to a CLI run.
COLD = """
import sys, time
import collections, dataclasses, re, typing, functools, os, json
sys.path.insert(0, {src!r})
t0 = time.perf_counter()
from copydesk.spelling import Speller
from copydesk.spelling.lexicon import load_lexicon
t1 = time.perf_counter()
load_lexicon()
t2 = time.perf_counter()
text = open({article!r}, encoding="utf-8").read()
found = Speller().check(text)
t3 = time.perf_counter()
from copydesk.spelling.lexicon import load_ranking
load_ranking()
t4 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t3 - t0, t4 - t3, len(found))
"""


def cold_run(article: Path) -> list[float]:
    code = COLD.format(src=str(ROOT / "src"), article=str(article))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    return [float(x) * 1000 for x in out[:5]]


def compile_package() -> None:
    """Installed packages import from bytecode; measure that, not compiling the source."""
    compileall.compile_file(str(ROOT / "src" / "copydesk" / "__init__.py"), quiet=1)
    compileall.compile_dir(str(ROOT / "src" / "copydesk" / "spelling"), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description="Speller speed on the typo dev set.")
    parser.add_argument("shared", type=Path, help="the shared folder (holding eval-dev/)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = [
        json.loads(line)
        for line in (args.shared / "eval-dev" / "typos-dev.jsonl").open(encoding="utf-8")
    ]

    # A typical article: the one whose length is closest to 332 words.
    typical = min(records, key=lambda r: abs(r["n_words"] - 332))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(typical["text"])
        article = Path(fh.name)
    compile_package()
    try:
        runs = [cold_run(article) for _ in range(args.repeat)]
    finally:
        article.unlink()
    best = [min(col) for col in zip(*runs, strict=True)]
    print(
        f"cold, best of {args.repeat}: import {best[0]:.1f} ms, lexicon load {best[1]:.1f} ms, "
        f"check one {typical['n_words']}-word article {best[2]:.1f} ms; "
        f"spelling's total {best[3]:.1f} ms "
        f"(the ranking dict, built only for long runs, would add {best[4]:.1f} ms)"
    )

    from copydesk.spelling import Speller

    words = sum(r["n_words"] for r in records)
    rates = []
    for _ in range(args.repeat):
        speller = Speller()  # a fresh speller each time: no warm caches from the last pass
        t0 = time.perf_counter()
        flags = sum(len(speller.check(r["text"])) for r in records)
        elapsed = time.perf_counter() - t0
        rates.append(words / elapsed)
    print(
        f"throughput over {len(records)} articles, {words:,} words, {flags} flags: "
        f"best {max(rates):,.0f} words/s, worst {min(rates):,.0f} words/s"
    )


if __name__ == "__main__":
    main()
