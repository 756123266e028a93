"""Hostile input: how the time of a check grows with the size of a document built from one
repeated unit (a character class a pattern may backtrack on).

    python benchmarks/hostile.py growth [--reader text|markdown|html] [--units 'a.|[|1 ']
    python benchmarks/hostile.py cli [--size 5000000]

``growth`` lints a document of each unit at 20 KB and at 200 KB (every rule of the ``all``
preset) and prints both times and their ratio: about 10 for work that grows linearly, about
100 for quadratic. A case that runs past 40 times its small size's time is stopped and
flagged. ``cli`` writes the URL and e-mail classes of hostile document at ``--size``
characters and times ``copydesk check`` on each, in a fresh process, as a user would run it
(CPU time, the figure to read on a shared machine, and wall time).
"""

from __future__ import annotations

import argparse
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.api import make_linter  # noqa: E402
from copydesk.config import PRESETS, Config, apply_settings  # noqa: E402
from copydesk.document import parse_document  # noqa: E402

UNITS = [
    "a.", "a.a@", "a@", "@a", "x@a.", "http://", "www.", "www", "[", "(", "<", "a ", "A ",
    "1,", "1", "1.", " ", "  .", "'", '"', "-", "a-", "--", ". ", "A. ", "Mr ", "$1", "£",
    "%", "a,", ", ", "’", "“", "*", "_", "`", "#", "\n", "a\n", "\r", "?", "!", "...", "1-",
    ":", ";", "/", "é", "St", "A A ", "said ", "per cent ", "1st ", "1am ", "U.S.", "e.g.",
    "the the ", "1.1.", "x\t", "(a ", "[a", '"a ',
]  # fmt: skip
# URL and e-mail address classes: runs that an address pattern may try from every position
ADDRESS_CASES = {
    "local part a.a.a...@": lambda n: "a." * (n // 2) + "@",
    "runs of a@": lambda n: "a@" * (n // 2),
    "domain x@a.a.a...": lambda n: "x@" + "a." * (n // 2),
    "www.www.www...": lambda n: "www." * (n // 4),
    "http:// repeated": lambda n: "http://" * (n // 7),
    "dots after www": lambda n: "www" + "." * n,
}
NAMES = {"text": "x.txt", "markdown": "x.md", "html": "x.html"}


class _Stop(Exception):
    pass


def _timed(run: object, limit: float) -> float | None:
    def stop(*_: object) -> None:
        raise _Stop

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        run()  # type: ignore[operator]
    except _Stop:
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - started


def growth(reader: str, units: list[str], small: int, large: int) -> int:
    linter = make_linter(config=apply_settings(Config(), PRESETS["all"], "", Path("all")))
    flagged = 0
    for unit in units:

        def lint(n: int, unit: str = unit) -> None:
            linter.lint(parse_document(unit * (n // len(unit)), NAMES[reader], reader))

        a = min(_timed(lambda: lint(small), 60) or 60.0 for _ in range(2))
        b = _timed(lambda: lint(large), max(5.0, a * 40 * large / small / 10))
        ratio = b / a if b else float("inf")
        flag = "  super-linear?" if ratio > 25 * large / small / 10 else ""
        flagged += bool(flag)
        shown = "stopped" if b is None else f"{b:.3f} s"
        print(f"{unit!r:14} {a:.3f} s  {shown:>9}  x{ratio:.1f}{flag}", flush=True)
    return 1 if flagged else 0


def cli(size: int) -> int:
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in ADDRESS_CASES.items():
            for ext in (".txt", ".md", ".html"):
                path = Path(tmp) / f"hostile{ext}"
                path.write_text(make(size) + "\n")
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                proc = subprocess.run(
                    [sys.executable, "-m", "copydesk.cli", "check", "--no-cache", str(path)],
                    capture_output=True,
                    timeout=600,
                )
                took = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                worst = max(worst, cpu)
                print(f"{name:24} {ext:6} {path.stat().st_size:>9} bytes  CPU {cpu:6.2f} s  "
                      f"wall {took:6.2f} s  exit {proc.returncode}", flush=True)  # fmt: skip
    print(f"most CPU time: {worst:.2f} s")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("mode", choices=["growth", "cli"])
    ap.add_argument("--reader", choices=sorted(NAMES), default="text")
    ap.add_argument("--units", help="units separated by |, instead of the built-in list")
    ap.add_argument("--small", type=int, default=20_000)
    ap.add_argument("--large", type=int, default=200_000)
    ap.add_argument("--size", type=int, default=5_000_000)
    args = ap.parse_args()
    if args.mode == "cli":
        return cli(args.size)
    units = args.units.split("|") if args.units else UNITS
    return growth(args.reader, units, args.small, args.large)


if __name__ == "__main__":
    sys.exit(main())
