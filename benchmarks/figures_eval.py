"""Score the sourcing rules on the unsourced-figures development set.

    python benchmarks/figures_eval.py ../shared [--cli] [--window strict|lenient] [--out DIR]

Reads the article ids of ``eval-dev/figures-dev.jsonl`` (never its ``figures`` or ``why``
fields, which leak the label), runs the checker over each article text from
``corpora/bbc-news/train.jsonl``, writes ``{"id", "flags": [{"start", "end"}]}`` per article
and runs ``eval-dev/score_figures.py`` on it.

Every issue of the four sourcing rules counts as a flag "unsourced": each of them is about a
figure with no usable source (SRC002 hedged, SRC003 vaguely sourced, SRC004 a vague
quantity). A vague attribution with no figure would be a stray flag, so
``vague_without_figure`` stays off (its default).

``--cli`` writes each article to a .txt file and takes offsets from
``copydesk check --format json --select SRC001,SRC002,SRC003,SRC004 DIR`` instead.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from copydesk.sourcing import SourcingChecker  # noqa: E402

CODES = "SRC001,SRC002,SRC003,SRC004"


def article_ids(gold_path: Path) -> list[str]:
    ids: list[str] = []
    with gold_path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                article = json.loads(line)["article_id"]
                if article not in ids:
                    ids.append(article)
    return ids


def article_texts(corpus: Path, wanted: set[str]) -> dict[str, str]:
    texts: dict[str, str] = {}
    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                texts[record["id"]] = record["text"]
    return texts


def predict_api(
    texts: dict[str, str], options: dict[str, Any]
) -> tuple[list[dict[str, Any]], float]:
    checker = SourcingChecker(options)
    rows = []
    started = time.perf_counter()
    for article, text in texts.items():
        issues = checker.check(text, [(0, len(text))])
        rows.append(
            {
                "id": article,
                "flags": [
                    {"start": i.start, "end": i.end, "rule": i.rule, "message": i.message}
                    for i in issues
                ],
            }
        )
    elapsed = (time.perf_counter() - started) / max(1, len(texts))
    return rows, elapsed


def predict_cli(texts: dict[str, str]) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for article, text in texts.items():
            (folder / f"{article}.txt").write_text(text, encoding="utf-8")
        launcher = "import sys; from copydesk.cli import main; sys.exit(main(sys.argv[1:]))"
        command = [
            sys.executable,
            "-c",
            launcher,
            "check",
            "--format",
            "json",
            "--select",
            CODES,
            str(folder),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"copydesk check failed ({done.returncode}): {done.stderr.strip()}")
        report = json.loads(done.stdout)
    flags: dict[str, list[dict[str, Any]]] = {article: [] for article in texts}
    for entry in report["files"]:
        article = Path(entry["path"]).stem
        for finding in entry.get("findings", []):
            if finding["code"] in CODES.split(","):
                flags.setdefault(article, []).append(
                    {
                        "start": finding["offset"],
                        "end": finding["end_offset"],
                        "rule": finding["code"],
                    }
                )
    return [{"id": article, "flags": found} for article, found in flags.items()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("shared", type=Path, help="the shared folder, e.g. ../shared")
    parser.add_argument("--cli", action="store_true", help="go through `copydesk check`")
    parser.add_argument("--window", choices=("strict", "lenient"), default="strict")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    args = parser.parse_args(argv)

    gold = args.shared / "eval-dev" / "figures-dev.jsonl"
    ids = article_ids(gold)
    found = article_texts(args.shared / "corpora" / "bbc-news" / "train.jsonl", set(ids))
    texts = {article: found[article] for article in ids if article in found}

    if args.cli:
        if args.window != "strict":
            parser.error("--window applies to the API mode; set it in the rule file for --cli")
        rows = predict_cli(texts)
        per_article = None
    else:
        rows, per_article = predict_api(texts, {"window": args.window})

    args.out.mkdir(parents=True, exist_ok=True)
    predictions = args.out / f"figures-pred-{'cli' if args.cli else args.window}.jsonl"
    with predictions.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"predictions: {predictions} ({len(rows)} articles)")
    if per_article is not None:
        print(f"checker time per article: {per_article * 1000:.2f} ms")
    scorer = args.shared / "eval-dev" / "score_figures.py"
    return subprocess.run(
        [sys.executable, str(scorer), str(gold), str(predictions)], check=False
    ).returncode


if __name__ == "__main__":
    raise SystemExit(main())
