#!/usr/bin/env python3
"""How much does copydesk flag on clean, professionally edited copy?

    .venv/bin/python benchmarks/noise.py /work/shared [--house KEY=VALUE ...] [--packs news-uk]

Writes each article of ``eval-dev/typos-dev-clean.jsonl`` to a .txt file in a temporary
folder with a ``copydesk.toml`` that extends the ``news-uk`` preset (which sets the house
parameters; ``--house`` overrides one of them), runs
``copydesk check --format json --extend-select pack:news-uk --ignore TYP,SRC <folder>`` and
prints findings per 1,000 words by level and the ten rules that fire most, with samples.
The typos and sourcing packs are measured by their own benchmarks.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXE = ROOT / ".venv" / "bin" / "copydesk"


def _toml_value(raw: str) -> str:
    if raw.lower() in ("true", "false"):
        return raw.lower()
    if raw.isdigit():
        return raw
    return json.dumps(raw)


def run(shared: Path, house: list[str], pack: str) -> dict[str, Any]:
    records = [
        json.loads(line)
        for line in (shared / "eval-dev" / "typos-dev-clean.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    with tempfile.TemporaryDirectory(prefix="copydesk-noise-") as tmp:
        folder = Path(tmp)
        config = [f'extends = ["{pack}"]']
        if house:
            config.append("[house]")
            for item in house:
                key, _, value = item.partition("=")
                config.append(f'"{key.strip()}" = {_toml_value(value.strip())}')
        (folder / "copydesk.toml").write_text("\n".join(config) + "\n", encoding="utf-8")
        texts: dict[str, str] = {}
        for rec in records:
            name = f"{rec['id']}.txt"
            (folder / name).write_text(rec["text"], encoding="utf-8")
            texts[name] = rec["text"]
        cmd = [
            str(EXE),
            "check",
            "--format",
            "json",
            "--extend-select",
            f"pack:{pack}",
            "--ignore",
            "TYP,SRC",
            str(folder),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=folder, check=False)
        if proc.returncode not in (0, 1):
            sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr[-2000:]}")
        data = json.loads(proc.stdout)
    findings = [f for entry in data["files"] for f in entry.get("findings") or []]
    words = sum(int(r.get("n_words") or len(r["text"].split())) for r in records)
    return {
        "findings": findings,
        "words": words,
        "articles": len(records),
        "command": " ".join(cmd[1:]),
        "config": config,
        "texts": texts,
    }


def report(result: dict[str, Any], top: int = 10, samples: int = 4) -> None:
    findings: list[dict[str, Any]] = result["findings"]
    words: int = result["words"]
    print(f"articles: {result['articles']}  words: {words:,}  findings: {len(findings)}")
    print(f"config: {' | '.join(result['config'])}")
    print(f"command: copydesk {result['command']}")
    by_level = Counter(f["level"] for f in findings)
    for level in ("error", "warning", "suggestion"):
        n = by_level.get(level, 0)
        print(f"  {level:<10} {n:6d}  {1000 * n / words:6.2f} per 1,000 words")
    serious = by_level.get("error", 0) + by_level.get("warning", 0)
    print(f"  warning+   {serious:6d}  {1000 * serious / words:6.2f} per 1,000 words (bar: 2.00)")
    by_rule: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for f in findings:
        by_rule[f"{f['code']} {f.get('name', '')} ({f['level']})"].append(f)
    print(f"\ntop {top} rules:")
    rng = random.Random(7)
    for rule, hits in sorted(by_rule.items(), key=lambda kv: -len(kv[1]))[:top]:
        print(f"  {len(hits):5d}  {rule}")
        for f in rng.sample(hits, min(samples, len(hits))):
            print(f"         {_context(result['texts'], f)}")


def _context(texts: dict[str, str], f: dict[str, Any]) -> str:
    name = Path(f.get("path", "")).name
    text = texts.get(name)
    start, end = f.get("offset"), f.get("end_offset")
    if text is None or start is None or end is None:
        return repr(f.get("excerpt", ""))
    left = text[max(0, start - 40) : start].replace("\n", " ")
    right = text[end : end + 40].replace("\n", " ")
    return f"…{left}[{text[start:end]}]{right}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("shared", type=Path, help="the shared folder (holds eval-dev/)")
    parser.add_argument(
        "--house",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a house parameter",
    )
    parser.add_argument(
        "--pack", default="news-uk", help="preset and pack to measure (default news-uk)"
    )
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args(argv)
    report(run(args.shared, args.house, args.pack), args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
