#!/usr/bin/env python3
"""Score copydesk's grammar and style rules on the shared grammar dev set, by held-out fold.

    .venv/bin/python benchmarks/grammar_eval.py ../shared [--suite LT-xml] [--config TOML]
        [--fold tune|held|all] [--by code|family] [--misses N] [--false N] [--family TEXT]

The cases come from the peers' rule groups. Each group falls into one of two folds by a stable
hash of its name, so a rule written while reading the "tune" fold's misses can be scored on the
"held" fold, whose groups it never saw: the same split the hidden twin makes, one level down.
Counting follows ``eval-dev/score_grammar.py``: a bad case is caught when a finding at warning or
above overlaps its span; a good case is falsely flagged when it gets any such finding; SRC
findings are ignored. ``--by code`` lists which rule caught and which rule falsely flagged.
``--misses``/``--false`` print examples, from the tune fold only unless ``--fold`` says otherwise.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

RANK = {"suggestion": 1, "info": 1, "warning": 2, "error": 3}
Case = dict[str, Any]


def fold_of(group: str) -> str:
    digest = hashlib.sha256(group.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "held"


def copydesk_command() -> list[str]:
    script = Path(sys.executable).with_name("copydesk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "copydesk"]


def run(cases: list[Case], config: str) -> dict[int, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory(prefix="grammar-eval-") as tmp:
        root = Path(tmp)
        (root / "copydesk.toml").write_text(config + "\n", encoding="utf-8")
        paths: dict[str, int] = {}
        for i, case in enumerate(cases):
            rel = f"c{i // 1000:03d}/{i}.txt"
            (root / rel).parent.mkdir(exist_ok=True)
            (root / rel).write_text(case["text"] + "\n", encoding="utf-8")
            paths[rel] = i
        proc = subprocess.run(
            [*copydesk_command(), "check", "--no-cache", "--format", "json", "."],
            cwd=root,
            capture_output=True,
            text=True,
        )
        if proc.returncode not in (0, 1):
            sys.exit(f"copydesk exited {proc.returncode}: {proc.stderr[-300:]}")
    found: dict[int, list[dict[str, Any]]] = {}
    for record in json.loads(proc.stdout)["files"]:
        i = paths.get(str(Path(record["path"])))
        if i is not None:
            found[i] = [
                f
                for f in record["findings"]
                if not f["code"].startswith("SRC")
                and RANK.get(str(f.get("level", "")).lower(), 0) >= RANK["warning"]
            ]
    return found


def hits(case: Case, findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if not case.get("span"):
        return findings
    start, end = case["span"]
    end = max(end, start + 1)
    return [f for f in findings if f["offset"] < end and f["end_offset"] > start]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--suite", action="append", default=None)
    ap.add_argument("--config", default='extends = ["news-us"]')
    ap.add_argument("--fold", choices=["tune", "held", "all"], default="tune")
    ap.add_argument("--by", choices=["code", "family"], default="family")
    ap.add_argument("--family", help="only families containing this text")
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--false", type=int, default=0, dest="false_")
    a = ap.parse_args()
    suites = a.suite or ["LT-xml"]
    path = a.shared / "eval-dev" / "grammar-dev.jsonl"
    cases = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    cases = [c for c in cases if c["suite"] in suites]
    if a.family:
        cases = [c for c in cases if a.family.lower() in c.get("family", "").lower()]
    found = run(cases, a.config)

    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    rows: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    misses: list[Case] = []
    false: list[tuple[Case, list[dict[str, Any]]]] = []
    for i, case in enumerate(cases):
        fold = fold_of(case["group"])
        fs = found.get(i, [])
        shown = a.fold == "all" or fold == a.fold
        if case["bad"]:
            caught = hits(case, fs)
            for key in (fold, "all"):
                totals[key][0] += 1
                totals[key][1] += bool(caught)
            if shown:
                keys = {f["code"] for f in caught} if a.by == "code" else {case["family"]}
                for key in keys or ({"(none)"} if a.by == "code" else set()):
                    rows[key][0] += 1
                    rows[key][1] += bool(caught)
                if not caught and len(misses) < a.misses:
                    misses.append(case)
        else:
            for key in (fold, "all"):
                totals[key][2] += 1
                totals[key][3] += bool(fs)
            if shown:
                keys = {f["code"] for f in fs} if a.by == "code" else {case["family"]}
                for key in keys:
                    rows[key][2] += 1
                    rows[key][3] += bool(fs)
                if fs and len(false) < a.false_:
                    false.append((case, fs))

    for key in ("tune", "held", "all"):
        bad, caught, good, flagged = totals[key]
        print(
            f"{key:5} recall {caught / max(bad, 1):.3f} ({caught}/{bad})  "
            f"falsely flagged {flagged / max(good, 1):.3f} ({flagged}/{good})"
        )
    print(f"\nby {a.by} ({a.fold} fold): caught/bad, flagged/good")
    for key, (bad, caught, good, flagged) in sorted(
        rows.items(), key=lambda kv: -kv[1][1] - kv[1][3]
    ):
        if a.by == "code":
            print(f"  {key:10} caught {caught:4}  falsely flagged {flagged:3}")
        else:
            print(f"  {key:45} caught {caught:4}/{bad:<4}  flagged {flagged:3}/{good}")
    for case in misses:
        print(
            f"  missed [{case['group']}] {case['text']!r} {case.get('span')} -> {case.get('correction')!r}"
        )
    for case, fs in false:
        codes = ", ".join(f"{f['code']}@{f['offset']}" for f in fs)
        print(f"  false [{case['group']}] {case['text']!r} <- {codes}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
