#!/usr/bin/env python3
"""Score copydesk's speller on the shared typo dev set.

    .venv/bin/python benchmarks/typos_eval.py ../shared [--out bench-out/typos] [--cli]
        [--vocab FILE] [--vocab-split] [--half even|odd]

Runs the speller over ``eval-dev/typos-dev.jsonl`` and ``typos-dev-clean.jsonl``, writes the
scorer's prediction files to the output folder and runs ``score_typos.py`` on them.

``--cli`` goes through ``copydesk check --format json --select TYP`` on the articles written
out as .txt files instead of calling the Speller. ``--vocab FILE`` passes a vocabulary as the
accept list. ``--vocab-split`` learns a vocabulary from the even-numbered articles and scores
only the odd-numbered ones, so no scored article taught the vocabulary anything. ``--technical``
adds the software vocabulary the docs profile accepts, to see what it would cost news copy.
``--half`` scores only the even-numbered (tuning) or odd-numbered (held-out) articles.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.spelling import Speller, format_vocabulary, learn_vocabulary  # noqa: E402
from copydesk.spelling.vocab import read_vocabulary  # noqa: E402

Record = dict[str, Any]


def load(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def predict_direct(records: list[Record], speller: Speller) -> list[Record]:
    out = []
    for rec in records:
        flags = [
            {
                "start": m.start,
                "end": m.end,
                "rule": m.reason,
                "message": f"{m.word} -> {', '.join(m.suggestions[:3])}: {m.detail}",
            }
            for m in speller.check(rec["text"])
        ]
        out.append({"id": rec["id"], "flags": flags})
    return out


def copydesk_command() -> list[str]:
    script = Path(sys.executable).with_name("copydesk")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from copydesk.cli import main; sys.exit(main())"]


def predict_cli(records: list[Record], accept: Path | None, variant: str) -> list[Record]:
    with tempfile.TemporaryDirectory(prefix="copydesk-typos-") as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        for rec in records:
            # newline="" keeps the text byte-for-byte so the CLI's offsets match ours.
            with (folder / f"{rec['id']}.txt").open("w", encoding="utf-8", newline="") as fh:
                fh.write(rec["text"])
        if accept is not None:
            # The CLI takes vocabularies from its configuration file.
            config = f'[spelling]\naccept = ["{accept.resolve().as_posix()}"]\n'
            (root / "copydesk.toml").write_text(config, encoding="utf-8")
        cmd = [*copydesk_command(), "check", "--format", "json", "--select", "TYP"]
        cmd += ["--language", variant, "articles"]
        proc = subprocess.run(
            cmd, capture_output=True, text=True, encoding="utf-8", check=False, cwd=root
        )
        if not proc.stdout.strip():
            sys.exit(f"copydesk check printed nothing (exit {proc.returncode}): {proc.stderr}")
        report = json.loads(proc.stdout)
    by_id: dict[str, list[Record]] = {}
    for entry in report.get("files", []):
        rid = Path(entry["path"]).stem
        by_id[rid] = [
            {
                "start": f["offset"],
                "end": f["end_offset"],
                "rule": f["code"],
                "message": f.get("message", ""),
            }
            for f in entry.get("findings", [])
        ]
    return [{"id": rec["id"], "flags": by_id.get(rec["id"], [])} for rec in records]


def write_jsonl(path: Path, rows: list[Record]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description="Score the speller on the typo dev set.")
    parser.add_argument("shared", type=Path, help="the shared folder (holding eval-dev/)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out" / "typos")
    parser.add_argument("--cli", action="store_true", help="go through `copydesk check`")
    parser.add_argument("--variant", default="en-GB")
    parser.add_argument(
        "--technical", action="store_true", help="accept the docs profile's software words too"
    )
    parser.add_argument("--vocab", type=Path, help="vocabulary file to accept")
    parser.add_argument(
        "--vocab-split",
        action="store_true",
        help="learn a vocabulary from even-numbered articles, score the odd-numbered ones",
    )
    parser.add_argument("--min-files", type=int, default=3)
    parser.add_argument(
        "--half",
        choices=("even", "odd"),
        help="score only the even- or odd-numbered articles (the tuning and held-out halves)",
    )
    args = parser.parse_args()

    eval_dir = args.shared / "eval-dev"
    gold_path = eval_dir / "typos-dev.jsonl"
    gold = load(gold_path)
    clean = load(eval_dir / "typos-dev-clean.jsonl")
    args.out.mkdir(parents=True, exist_ok=True)

    if args.half:
        start = 0 if args.half == "even" else 1
        gold, clean = gold[start::2], clean[start::2]
        gold_path = args.out / f"typos-dev-{args.half}.jsonl"
        write_jsonl(gold_path, gold)

    vocab_path: Path | None = args.vocab
    if args.vocab_split:
        learn_from = gold[0::2]
        gold, clean = gold[1::2], clean[1::2]
        entries = learn_vocabulary(((r["id"], r["text"]) for r in learn_from), args.min_files)
        vocab_path = args.out / "learned-vocab.txt"
        vocab_path.write_text(format_vocabulary(entries), encoding="utf-8")
        gold_path = args.out / "typos-dev-scored-half.jsonl"
        write_jsonl(gold_path, gold)
        print(f"learned {len(entries)} words from {len(learn_from)} held-out articles")
    accept = read_vocabulary(vocab_path) if vocab_path else []

    t0 = time.perf_counter()
    if args.cli:
        pred = predict_cli(gold, vocab_path, args.variant)
        clean_pred = predict_cli(clean, vocab_path, args.variant)
    else:
        speller = Speller(args.variant, accept=accept, technical=args.technical)
        pred, clean_pred = predict_direct(gold, speller), predict_direct(clean, speller)
    elapsed = time.perf_counter() - t0
    words = sum(r["n_words"] for r in gold) + sum(r["n_words"] for r in clean)
    print(
        f"checked {len(gold) + len(clean)} articles in {elapsed:.1f}s ({words / elapsed:,.0f} w/s)"
    )

    pred_path, clean_path = args.out / "pred.jsonl", args.out / "clean-pred.jsonl"
    write_jsonl(pred_path, pred)
    write_jsonl(clean_path, clean_pred)
    cmd = [
        sys.executable,
        str(eval_dir / "score_typos.py"),
        str(gold_path),
        str(pred_path),
        "--clean-pred",
        str(clean_path),
        "--json",
        str(args.out / "score.json"),
    ]
    sys.exit(subprocess.run(cmd, check=False).returncode)


if __name__ == "__main__":
    main()
