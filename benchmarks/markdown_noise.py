#!/usr/bin/env python3
"""Findings per 1,000 words on site-generator Markdown, out of the box, without markup leaks.

    .venv/bin/python benchmarks/markdown_noise.py /work/shared [--sample N --seed S] [--json OUT]

Runs ``copydesk check --format json`` from ``corpora/markdown-dev/`` over each repository
folder there (no config: the built-in defaults, profile ``auto``), counts the words of each
file as copydesk does (``Document.word_count``), and asks the corpus's own
``markup_leaks.py`` which findings lie wholly inside markup that is not prose (front matter,
shortcodes, admonition markers...). Prints, per repository and overall, findings at warning
level and above per 1,000 words, raw and without those leaks, the rules that fire most, and
optionally a random sample of non-leak warning+ findings (fixed seed) for judging by hand.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / ".venv" / "bin" / "copydesk"
WARNING_UP = ("error", "warning")


def _leak_module(corpus: Path) -> Any:
    spec = importlib.util.spec_from_file_location("markup_leaks", corpus / "markup_leaks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["markup_leaks"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _words(path: Path) -> int:
    from copydesk.document import load_document

    return load_document(str(path)).word_count


def run(shared: Path) -> list[dict[str, Any]]:
    corpus = shared / "corpora" / "markdown-dev"
    leaks = _leak_module(corpus)
    repos = sorted(p.name for p in corpus.iterdir() if p.is_dir() and not p.name.startswith("_"))
    out = subprocess.run(
        [str(EXE), "check", "--no-cache", "--format", "json", "--fail-level", "error", *repos],
        cwd=corpus,
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"copydesk failed: {out.stderr.strip()}")
    rows: list[dict[str, Any]] = []
    for f in json.loads(out.stdout)["files"]:
        path = corpus / f["path"]
        text, scan = leaks.scan_file(str(path))
        rows.append({"path": f["path"], "words": _words(path), "findings": []})
        for fd in f["findings"]:
            hit = leaks.classify(text, scan.spans, fd["offset"], fd["end_offset"])
            fd["leak"] = hit[0] if hit and hit[1] else None
            rows[-1]["findings"].append(fd)
    return rows


def report(rows: list[dict[str, Any]], sample: int, seed: int) -> None:
    by_repo: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_repo.setdefault(row["path"].split("/")[0], []).append(row)
    print(f"{'repository':<34} {'words':>8} {'warn+':>6} {'/1k':>6} {'non-leak':>8} {'/1k':>6}")
    total = Counter[str]()
    for repo, files in [*sorted(by_repo.items()), ("overall", rows)]:
        words = sum(f["words"] for f in files)
        warn = [fd for f in files for fd in f["findings"] if fd["level"] in WARNING_UP]
        clean = [fd for fd in warn if not fd["leak"]]
        print(
            f"{repo:<34} {words:>8} {len(warn):>6} {1000 * len(warn) / words:>6.2f} "
            f"{len(clean):>8} {1000 * len(clean) / words:>6.2f}"
        )
        if repo == "overall":
            total.update(fd["code"] for fd in clean)
    print(
        "\nnon-leak warning+ findings by rule:",
        ", ".join(f"{c} {n}" for c, n in total.most_common()),
    )
    if sample:
        pool = [
            (f["path"], fd)
            for f in rows
            for fd in f["findings"]
            if fd["level"] in WARNING_UP and not fd["leak"]
        ]
        picked = random.Random(seed).sample(pool, min(sample, len(pool)))
        print(f"\nsample of {len(picked)} non-leak warning+ findings (seed {seed}):")
        for n, (path, fd) in enumerate(picked, 1):
            context = fd["excerpt"].replace("\n", " ")[:160]
            print(
                f"{n}. {path}:{fd['line']}:{fd['column']} {fd['code']} {fd['message']}\n     {context}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--sample", type=int, default=0, help="list N random non-leak findings")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--json", type=Path, help="also write every finding, leak or not, here")
    args = ap.parse_args()
    rows = run(args.shared)
    report(rows, args.sample, args.seed)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
