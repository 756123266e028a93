"""When does checking files in parallel pay? Runs ``copydesk check`` on trees of growing size
with one process and with ``--jobs`` processes, interleaved, and prints for each the median
wall time and the median CPU time (user + system, workers included).

Wall time answers the question directly but only on an otherwise idle machine. CPU time
holds up under load, and gives the estimate for idle cores: a parallel run costs the serial
part S (start-up and the first file, measured on a one-file tree) plus its own overhead O
(its CPU time minus the serial run's) plus the rest of the work W divided among the
processes, against S + W for one process; so it wins once O < W × (1 − 1/jobs).

Two trees per size: the corpus's articles as they are, and the same text in files four times
as long, to tell whether the number of files or of bytes decides. The smallest size where the
parallel run wins in both is what ``PARALLEL_MIN_FILES`` / ``PARALLEL_MIN_BYTES`` in
src/copydesk/engine/session.py hold.

    python benchmarks/parallel_threshold.py ../shared [--rounds 5] [--jobs 2] [--out bench-out/parallel]
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).with_name("copydesk")
SIZES = (8, 16, 32, 48, 64, 96, 128, 192, 256, 512)


def articles(shared: Path) -> list[str]:
    with open(shared / "corpora" / "bbc-news" / "train.jsonl", encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def build(texts: list[str], out: Path, files: int, join: int) -> tuple[Path, int]:
    tree = out / f"x{join}-{files:04d}"
    if tree.exists():
        shutil.rmtree(tree)
    tree.mkdir(parents=True)
    size = 0
    for i in range(files):
        text = "\n\n".join(texts[(i * join + k) % len(texts)] for k in range(join)) + "\n"
        data = text.encode("utf-8")
        (tree / f"a{i:04d}.md").write_bytes(data)
        size += len(data)
    return tree, size


def once(tree: Path, jobs: int) -> tuple[float, float]:
    """(wall, CPU) seconds of one run."""
    cmd = [str(BIN), "check", "--no-cache", "--format", "json", "--jobs", str(jobs), str(tree)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode()}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def paired(tree: Path, jobs: int, rounds: int) -> tuple[float, float, float, float]:
    """Medians of (wall -j1, wall -jN, CPU -j1, CPU -jN), each pair run back to back."""
    once(tree, 1)  # page cache and rule cache warm for both
    runs: dict[int, list[tuple[float, float]]] = {1: [], jobs: []}
    for r in range(rounds):
        for j in (1, jobs) if r % 2 == 0 else (jobs, 1):
            runs[j].append(once(tree, j))

    def med(j: int, k: int) -> float:
        return statistics.median(x[k] for x in runs[j])

    return med(1, 0), med(jobs, 0), med(1, 1), med(jobs, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=Path("bench-out/parallel"))
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)))
    args = ap.parse_args()
    texts = articles(args.shared)
    j = args.jobs
    tree, _ = build(texts, args.out, 1, 1)
    serial = paired(tree, j, args.rounds)[2]
    print(f"serial part S (one-file run, CPU): {serial:.3f} s")
    print(
        f"{'size':>5} {'files':>6} {'KiB':>6} {'wall-j1':>8} {f'wall-j{j}':>8} {'ratio':>6} "
        f"{'cpu-j1':>7} {f'cpu-j{j}':>7} {'O':>6} {'W':>6} {'idle est.':>9}"
    )
    for join in (1, 4):
        for files in (int(s) for s in args.sizes.split(",")):
            tree, size = build(texts, args.out, files, join)
            w1, wn, c1, cn = paired(tree, j, args.rounds)
            overhead, work = cn - c1, max(c1 - serial, 0.0)
            estimate = (serial + overhead + work / j) / (serial + work)
            print(
                f"{'x' + str(join):>5} {files:>6} {size // 1024:>6} {w1:>8.3f} {wn:>8.3f} "
                f"{wn / w1:>6.2f} {c1:>7.3f} {cn:>7.3f} {overhead:>6.3f} {work:>6.3f} "
                f"{estimate:>9.2f}",
                flush=True,
            )
            shutil.rmtree(tree)


if __name__ == "__main__":
    main()
