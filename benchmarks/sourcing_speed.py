#!/usr/bin/env python3
"""Measure the sourcing checker's throughput and cold start, and prove its output unchanged.

    .venv/bin/python benchmarks/sourcing_speed.py ../shared [--repeat 3] [--golden FILE]

Loads the 2,225 articles of ``corpora/bbc-news/{train,val,test}.jsonl``, builds each
document as the engine does (``parse_document(text, "x.txt", "text")``) and runs
``SourcingChecker(merged options).check(doc.masked, blocks, sentences)``, the options being
the union of the ``options:`` of the rule files in ``rules/sourcing/`` (as
``copydesk.engine.runner.Linter`` merges them).

Prints:

* words per second on one core, checker time only (document parsing excluded), the median
  of ``--repeat`` runs, each with a fresh checker;
* the cold cost in a fresh interpreter (bytecode compiled, the standard modules a copydesk
  run has already imported imported first, the document already parsed): import of
  ``copydesk.sourcing``, construction of the checker, and the first check of the article of
  median length; the best and the median of ``--repeat`` processes.

``--golden FILE`` writes every issue of every article, under several option variants (the
engine's options, ``window: lenient``, ``vague_without_figure``, every exclusion off, and
the checker's own sentence splitting), to FILE; if FILE exists it compares instead and exits
1 on any difference.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SPLITS = ("train", "val", "test")

COLD = """
import sys, time, json
import collections, dataclasses, re, typing, functools, os, bisect, pathlib
sys.path.insert(0, {src!r})
from copydesk.document import parse_document
text = open({article!r}, encoding="utf-8").read()
options = json.loads(open({options!r}, encoding="utf-8").read())
doc = parse_document(text, "x.txt", "text")
blocks = [(b.start, b.end) for b in doc.blocks]
sentences = [(s.start, s.end) for s in doc.sentences]
t0 = time.perf_counter()
from copydesk.sourcing import SourcingChecker
t1 = time.perf_counter()
checker = SourcingChecker(options)
t2 = time.perf_counter()
issues = checker.check(doc.masked, blocks, sentences)
t3 = time.perf_counter()
print(t1 - t0, t2 - t1, t3 - t2, t3 - t0, len(issues))
"""


def merged_options() -> dict[str, Any]:
    """The options the engine hands the checker: the union of the sourcing rule files'."""
    from copydesk.engine.registry import load_registry

    options: dict[str, Any] = {}
    for rule in load_registry():
        if rule.kind == "sourcing":
            options.update(rule.options)
    return options


def load_articles(shared: Path) -> list[tuple[str, str]]:
    articles: list[tuple[str, str]] = []
    for split in SPLITS:
        path = shared / "corpora" / "bbc-news" / f"{split}.jsonl"
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    articles.append((record["id"], record["text"]))
    return articles


Prepared = tuple[str, str, list[tuple[int, int]], list[tuple[int, int]]]


def prepare(articles: list[tuple[str, str]]) -> list[Prepared]:
    from copydesk.document import parse_document

    out: list[Prepared] = []
    for ident, text in articles:
        doc = parse_document(text, "x.txt", "text")
        blocks = [(b.start, b.end) for b in doc.blocks]
        sentences = [(s.start, s.end) for s in doc.sentences]
        out.append((ident, doc.masked, blocks, sentences))
    return out


def compile_package() -> None:
    """Installed packages import from bytecode; measure that, not compiling the source."""
    compileall.compile_dir(str(ROOT / "src" / "copydesk"), quiet=1)


def cold_run(article: Path, options: Path) -> list[float]:
    code = COLD.format(src=str(ROOT / "src"), article=str(article), options=str(options))
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.split()
    return [float(x) * 1000 for x in out[:4]]


def variants(options: Mapping[str, Any]) -> dict[str, tuple[dict[str, Any], bool]]:
    """Option variants for the golden file: name -> (options, use the given sentences)."""
    from copydesk.sourcing import EXCLUSION_CLASSES

    base = dict(options)
    return {
        "engine": (base, True),
        "lenient": (base | {"window": "lenient"}, True),
        "vague-no-figure": (base | {"vague_without_figure": True}, True),
        "no-exclusions": (base | {"exclude": dict.fromkeys(EXCLUSION_CLASSES, False)}, True),
        "no-carryover": (base | {"carryover": False}, True),
        "own-split": (base, False),
    }


def golden(prepared: list[Prepared], options: Mapping[str, Any], path: Path) -> int:
    from copydesk.sourcing import SourcingChecker

    lines: list[str] = []
    for name, (opts, given) in variants(options).items():
        checker = SourcingChecker(opts)
        for ident, text, blocks, sentences in prepared:
            if given:
                issues = checker.check(text, blocks, sentences)
            else:
                issues = checker.check(text, [(0, len(text))])
            row = {"variant": name, "id": ident, "issues": [list(i) for i in issues]}
            lines.append(json.dumps(row, ensure_ascii=False))
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"golden: wrote {len(lines)} rows to {path}")
        return 0
    expected = path.read_text(encoding="utf-8").splitlines()
    count = sum(len(json.loads(line)["issues"]) for line in lines)
    if expected == lines:
        print(f"golden: identical ({len(lines)} rows, {count} issues) to {path}")
        return 0
    differing = [i for i, (a, b) in enumerate(zip(expected, lines, strict=False)) if a != b]
    print(f"golden: DIFFERENT from {path}: {len(expected)} rows expected, {len(lines)} got")
    for i in differing[:10]:
        print(f"  expected: {expected[i][:400]}\n  got:      {lines[i][:400]}")
    print(f"  {len(differing)} differing rows")
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description="Sourcing checker speed over the BBC corpus.")
    parser.add_argument("shared", type=Path, help="the shared folder (holding corpora/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--golden", type=Path, help="write, or compare against, every issue")
    parser.add_argument("--no-cold", action="store_true", help="skip the cold-start runs")
    parser.add_argument("--no-warm", action="store_true", help="skip the throughput runs")
    args = parser.parse_args()

    options = merged_options()
    articles = load_articles(args.shared)
    prepared = prepare(articles)

    if args.golden is not None:
        return golden(prepared, options, args.golden)

    from copydesk.sourcing import SourcingChecker

    words = sum(len(text.split()) for _, text in articles)
    if not args.no_warm:
        rates: list[float] = []
        flags = 0
        for _ in range(args.repeat):
            checker = SourcingChecker(options)  # fresh: compiled patterns are per instance
            elapsed = 0.0
            flags = 0
            for _, text, blocks, sentences in prepared:
                t0 = time.perf_counter()
                flags += len(checker.check(text, blocks, sentences))
                elapsed += time.perf_counter() - t0
            rates.append(words / elapsed)
        print(
            f"warm: {len(prepared)} articles, {words:,} words, {flags} issues: "
            f"median {statistics.median(rates):,.0f} words/s "
            f"(runs: {', '.join(f'{r:,.0f}' for r in rates)})"
        )

    if not args.no_cold:
        lengths = sorted(range(len(articles)), key=lambda i: len(articles[i][1].split()))
        median = articles[lengths[len(lengths) // 2]]
        out = ROOT / "bench-out"
        out.mkdir(exist_ok=True)
        article = out / "sourcing-cold-article.txt"
        article.write_text(median[1], encoding="utf-8")
        opts_file = out / "sourcing-cold-options.json"
        opts_file.write_text(json.dumps(options), encoding="utf-8")
        compile_package()
        runs = [cold_run(article, opts_file) for _ in range(max(3, args.repeat))]
        best = [min(col) for col in zip(*runs, strict=True)]
        med = [statistics.median(col) for col in zip(*runs, strict=True)]
        print(
            f"cold ({median[0]}, {len(median[1].split())} words), best of {len(runs)}: "
            f"import {best[0]:.1f} ms, construct {best[1]:.1f} ms, first check {best[2]:.1f} ms, "
            f"total {best[3]:.1f} ms (median total {med[3]:.1f} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
