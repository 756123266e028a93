"""Speed and memory of copydesk on the BBC News corpus, next to a bare interpreter and a
pure-Python floor measured in the same run (the machine is noisy, so read the ratios): the
budget's floor, which loads a whole dictionary eagerly, and one with only the corpus's words.

    python benchmarks/perf.py ../shared [--runs 5] [--scale 10] [--pairs 3] [--out bench-out]

Builds bench-out/corpus/ (2,225 Markdown files) and bench-out/one/ (the median article), then
times each case several times and prints the median wall time, CPU time, peak RSS and words/s.
For the corpus it also checks that the JSON output is identical across --jobs 1 / --jobs 2 and
cold / warm cache."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).with_name("copydesk")
ROOT = Path(__file__).resolve().parent.parent


def build(shared: Path, out: Path, scale: int) -> tuple[Path, Path, int, int]:
    articles = []
    for name in ("train.jsonl", "val.jsonl", "test.jsonl"):
        with open(shared / "corpora" / "bbc-news" / name, encoding="utf-8") as fh:
            articles.extend(json.loads(line) for line in fh if line.strip())
    corpus = out / "corpus"
    if corpus.exists():
        shutil.rmtree(corpus)
    corpus.mkdir(parents=True)
    words = 0
    for a in articles:
        (corpus / f"{a['id']}.md").write_text(a["text"] + "\n", encoding="utf-8")
        words += len(a["text"].split())
    median = sorted(articles, key=lambda a: len(a["text"].split()))[len(articles) // 2]
    one = out / "one"
    one.mkdir(exist_ok=True)
    (one / "article.md").write_text(median["text"] + "\n", encoding="utf-8")
    if scale > 1:
        big = out / f"corpus-x{scale}"
        if big.exists():
            shutil.rmtree(big)
        for i in range(scale):
            shutil.copytree(corpus, big / f"copy{i:02d}")
    return corpus, one / "article.md", words, len(median["text"].split())


FLOOR = r"""
import re, sys, pathlib
words = set(open(sys.argv[2], encoding="utf-8").read().split())
tok = re.compile(r"[A-Za-z]+")
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.md")):
    for w in tok.findall(p.read_text(encoding="utf-8")):
        n += w.lower() in words
"""


def measure(
    cmd: list[str], runs: int, env: dict[str, str], before: list[str] | None = None
) -> dict[str, float | str]:
    walls, cpus, rss = [], [], []
    digest = ""
    for _ in range(runs):
        if before:
            subprocess.run(before, check=True)
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
        out, _ = proc.communicate()
        _, _status, usage = os.wait4(proc.pid, 0) if proc.returncode is None else (0, 0, None)
        wall = time.perf_counter() - start
        walls.append(wall)
        digest = hashlib.sha256(out).hexdigest()[:16]
        if usage is not None:
            cpus.append(usage.ru_utime + usage.ru_stime)
            rss.append(usage.ru_maxrss / 1024)
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus) if cpus else float("nan"),
        "rss": max(rss) if rss else float("nan"),
        "digest": digest,
    }


def timed(
    cmd: list[str], runs: int, env: dict[str, str], before: list[str] | None = None
) -> dict[str, float | str]:
    """Like measure, but with per-process resource use from a wrapper that waits for the child."""
    wrapper = [sys.executable, "-c", _WRAP, *cmd]
    walls, cpus, rss, digests = [], [], [], []
    for _ in range(runs):
        if before:
            subprocess.run(before, check=True, stdout=subprocess.DEVNULL)
        proc = subprocess.run(wrapper, capture_output=True, env=env)
        stats = json.loads(proc.stderr.decode().strip().splitlines()[-1])
        walls.append(stats["wall"])
        cpus.append(stats["cpu"])
        rss.append(stats["rss"])
        digests.append(
            hashlib.sha256(re.sub(rb'"tool_version": "[^"]*"', b"", proc.stdout)).hexdigest()[:16]
        )
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "rss": max(rss),
        "digest": digests[-1],
    }


_WRAP = r"""
import json, os, subprocess, sys, time
start = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=sys.stdout.fileno(), stderr=subprocess.DEVNULL)
_, status, ru = os.wait4(p.pid, 0)
wall = time.perf_counter() - start
print(json.dumps({"wall": wall, "cpu": ru.ru_utime + ru.ru_stime, "rss": ru.ru_maxrss / 1024}), file=sys.stderr)
"""


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("shared", type=Path, help="path to the shared folder (holds corpora/bbc-news)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--scale", type=int, default=0, help="also time N copies of the corpus (e.g. 10)"
    )
    ap.add_argument("--out", type=Path, default=Path("bench-out"))
    ap.add_argument("--only", default="", help="comma-separated case names to run")
    ap.add_argument(
        "--pairs", type=int, default=3, help="rounds of baseline-then-case for the target ratios"
    )
    args = ap.parse_args()
    corpus, one, corpus_words, one_words = build(args.shared, args.out, args.scale)
    lexicon = args.out / "floor-words.txt"
    lexicon.write_text(
        "\n".join(
            sorted(
                {
                    w.lower()
                    for p in corpus.glob("*.md")
                    for w in re.findall(r"[A-Za-z]+", p.read_text(encoding="utf-8"))
                }
            )
        ),
        encoding="utf-8",
    )
    # The budget's floor loads a whole dictionary eagerly (321k words); the words of copydesk's
    # own lexicon, lower-cased, are a set of that size.
    dictionary = args.out / "floor-dictionary.txt"
    raw = (ROOT / "src" / "copydesk" / "spelling" / "data" / "lexicon.bin").read_bytes()
    blob = raw[12 + 4 * (int.from_bytes(raw[8:12], "little") + 1) :]  # past the bucket table
    dictionary.write_text(
        "\n".join(sorted({w.decode().lower() for w in re.findall(rb"\n([^\t\n]+)\t", blob)})),
        encoding="utf-8",
    )
    env = {**os.environ, "COPYDESK_CACHE_DIR": str(args.out / "rule-cache")}
    env.pop("COPYDESK_NO_CACHE", None)
    cache = Path(".copydesk_cache")
    clear = [
        sys.executable,
        "-c",
        f"import shutil; shutil.rmtree({str(cache)!r}, ignore_errors=True)",
    ]
    check = [str(BIN), "check", "--format", "json", "--no-color"]
    cases: list[tuple[str, list[str], int, list[str] | None]] = [
        ("python -c pass", [sys.executable, "-c", "pass"], 0, None),
        ("copydesk --version", [str(BIN), "--version"], 0, None),
        (
            "floor: one article",
            [sys.executable, "-c", FLOOR, str(one.parent), str(lexicon)],
            one_words,
            None,
        ),
        (
            "floor: one article, dictionary",
            [sys.executable, "-c", FLOOR, str(one.parent), str(dictionary)],
            one_words,
            None,
        ),
        ("check: one article", [*check, "--no-cache", str(one)], one_words, None),
        (
            "floor: corpus",
            [sys.executable, "-c", FLOOR, str(corpus), str(lexicon)],
            corpus_words,
            None,
        ),
        (
            "floor: corpus, dictionary",
            [sys.executable, "-c", FLOOR, str(corpus), str(dictionary)],
            corpus_words,
            None,
        ),
        ("check: corpus --jobs 1, cold", [*check, "--jobs", "1", str(corpus)], corpus_words, clear),
        ("check: corpus --jobs 2, cold", [*check, "--jobs", "2", str(corpus)], corpus_words, clear),
        ("check: corpus --jobs 1, warm", [*check, "--jobs", "1", str(corpus)], corpus_words, None),
        ("check: corpus --jobs 2, warm", [*check, "--jobs", "2", str(corpus)], corpus_words, None),
    ]
    if args.scale:
        big = args.out / f"corpus-x{args.scale}"
        cases.append(
            (
                f"check: corpus x{args.scale} --jobs 2, cold",
                [*check, "--jobs", "2", str(big)],
                corpus_words * args.scale,
                clear,
            )
        )
    only = {c.strip() for c in args.only.split(",") if c.strip()}
    base = None
    print(
        f"corpus: {len(list(corpus.glob('*.md')))} files, {corpus_words:,} words; median article {one_words} words; {args.runs} runs each, median\n"
    )
    print(
        f"{'case':<36} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'words/s':>10} {'x bare':>7}  output"
    )
    digests: dict[str, str] = {}
    for name, cmd, words, before in cases:
        if only and not any(o in name for o in only):
            continue
        r = timed(cmd, args.runs if "x10" not in name else 1, env, before)
        wall = float(r["wall"])
        if base is None:
            base = wall
        wps = f"{words / wall:,.0f}" if words else ""
        print(
            f"{name:<36} {wall:>8.3f} {float(r['cpu']):>8.3f} {float(r['rss']):>9.1f} {wps:>10} {wall / base:>7.1f}  {r['digest']}"
        )
        if name.startswith("check: corpus") and "x" not in name.split("corpus")[1][:3]:
            digests[name] = str(r["digest"])
    if len(set(digests.values())) > 1:
        print("\nWARNING: corpus output differs between runs:", digests)
    elif digests:
        print(
            f"\ncorpus output identical across {len(digests)} runs ({next(iter(digests.values()))})"
        )
    chosen = [c for c in cases if not only or any(o in c[0] for o in only)]
    _targets({name: (cmd, before) for name, cmd, _, before in chosen}, env, args.pairs)
    return 0


# The speed budget's targets and the baselines they were set against (seconds).
TARGETS = (
    ("check: one article", "python -c pass", 0.100, 0.011),
    ("check: corpus --jobs 1, cold", "floor: corpus, dictionary", 6.0, 0.42),
    ("check: corpus --jobs 2, cold", "floor: corpus, dictionary", 4.0, 0.42),
)


def _targets(
    cases: dict[str, tuple[list[str], list[str] | None]], env: dict[str, str], pairs: int
) -> None:
    """Each target as a ratio to the baseline the budget gives beside it, next to ours. The
    box's speed drifts between the table's blocks of runs, so each ratio is the median over
    ``pairs`` rounds of the baseline run right before the case."""
    rows = [t for t in TARGETS if t[0] in cases and t[1] in cases]
    if not rows or pairs < 1:
        return
    print(f"\ntargets as ratios, the median of {pairs} paired rounds (ours / the budget's):")
    for case, baseline, target, theirs in rows:
        ratios = []
        for _ in range(pairs):
            base = float(timed(cases[baseline][0], 1, env, cases[baseline][1])["wall"])
            wall = float(timed(cases[case][0], 1, env, cases[case][1])["wall"])
            ratios.append(wall / base)
        ours = statistics.median(ratios)
        verdict = "met" if ours <= target / theirs else "not met"
        print(
            f"  {case:<30} {ours:5.1f} x {baseline:<26} ({min(ratios):.1f}-{max(ratios):.1f})"
            f"  target {target / theirs:5.1f} x  {verdict}"
        )


if __name__ == "__main__":
    sys.exit(main())
