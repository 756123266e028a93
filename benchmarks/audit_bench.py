"""Archive audits on the BBC News corpus: the audit's counts against ``copydesk check`` over the
same texts written as files, throughput with one and two local workers, and peak memory (the
driver and every worker together) on the corpus and on ten copies of it.

    .venv/bin/python benchmarks/audit_bench.py ../shared [--out bench-out/audit] [--scale 10]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psutil

BIN = Path(sys.executable).parent


def articles(shared: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted((shared / "corpora" / "bbc-news").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            rows.extend(json.loads(line) for line in fh if line.strip())
    return rows


def timed(cmd: list[str], cwd: Path) -> tuple[float, int, subprocess.CompletedProcess[str]]:
    """Wall time and the peak of the summed RSS of the command and all its descendants."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                procs = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
            except psutil.Error:
                pass
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - start
    return wall, peak, subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("shared", type=Path)
    ap.add_argument("--out", type=Path, default=Path("bench-out/audit"))
    ap.add_argument("--scale", type=int, default=10)
    args = ap.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    rows = articles(args.shared)
    words = 0

    archive = out / "bbc.jsonl"
    with open(archive, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    big = out / f"bbc-x{args.scale}.jsonl"
    with open(big, "w", encoding="utf-8") as fh:
        for copy in range(args.scale):
            for row in rows:
                fh.write(
                    json.dumps({**row, "id": f"{row['id']}-{copy}"}, ensure_ascii=False) + "\n"
                )

    # 1. the same counts as check over files
    files = out / "files"
    files.mkdir(exist_ok=True)
    for row in rows:
        (files / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
    category = {row["id"]: row["category"] for row in rows}
    paths = sorted(str(p) for p in files.glob("*.txt"))
    check = subprocess.run(
        [str(BIN / "copydesk"), "check", "--format", "json", "--no-cache", "--jobs", "2", *paths],
        cwd=out,
        capture_output=True,
        text=True,
    )
    report = json.loads(check.stdout)
    by_code: Counter[str] = Counter()
    by_group: dict[str, Counter[str]] = {}
    for file in report["files"]:
        group = category[Path(file["path"]).stem]
        for f in file["findings"]:
            by_code[f["code"]] += 1
            by_group.setdefault(group, Counter())[f["code"]] += 1

    audit = [str(BIN / "copydesk"), "audit", "--group-by", "category", "--no-progress"]
    results = {}
    for workers in (1, 2):
        wall, peak, done = timed(
            [*audit, str(archive), "--out", f"x1-j{workers}", "-j", str(workers)], out
        )
        assert done.returncode == 0, done.stderr
        summary = json.loads((out / f"x1-j{workers}" / "summary.json").read_text(encoding="utf-8"))
        words = summary["words"]
        results[workers] = (wall, peak)
        same = summary["by_code"] == dict(sorted(by_code.items())) and all(
            g["by_code"] == dict(sorted(by_group[g["group"]["category"]].items()))
            for g in summary["groups"]
        )
        print(
            f"1x, {workers} worker(s): {wall:6.1f} s, {len(rows) / wall:6.0f} articles/s, "
            f"{words / wall:8.0f} words/s, peak {peak / 2**20:5.0f} MiB; counts by code and "
            f"by category equal check's: {same}"
        )
    wall, peak, done = timed([*audit, str(big), "--out", f"x{args.scale}-j2", "-j", "2"], out)
    assert done.returncode == 0, done.stderr
    print(
        f"{args.scale}x, 2 workers: {wall:6.1f} s = {wall / results[2][0]:.1f} x the 1x run, "
        f"peak {peak / 2**20:5.0f} MiB (1x: {results[2][1] / 2**20:.0f} MiB)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
