"""Where a run's time goes, rule by rule.

    python benchmarks/rule_times.py bench-out/corpus [--top 30]

(``benchmarks/perf.py ../shared`` writes bench-out/corpus.) Lints every Markdown and text
file under the folder in this process with the default rules, timing document loading and
each rule's run separately, and prints the total per kind and per rule. Rules that share one
analysis per document (the spelling rules, the sourcing rules) show it all under the first of
them to run. The times are CPU seconds of this process, which other work on a shared machine
disturbs far less than wall time. One pass only: repeat it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from copydesk.api import make_linter  # noqa: E402
from copydesk.document import load_document  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("folder", type=Path, help="a folder of .md/.txt files (bench-out/corpus)")
    ap.add_argument("--top", type=int, default=30, help="how many rules to list")
    args = ap.parse_args()
    files = sorted(p for p in args.folder.rglob("*") if p.suffix in (".md", ".txt"))
    if not files:
        print(f"rule_times: no .md or .txt files under {args.folder}", file=sys.stderr)
        return 2
    linter = make_linter()
    per_rule: defaultdict[str, float] = defaultdict(float)
    kinds = {rule.code: rule.kind for rule, _ in linter.kinds}
    loading = 0.0
    # CPU time of this process: on a shared machine wall time counts the others' work too
    clock = time.process_time
    start = clock()
    for path in files:
        t = clock()
        doc = load_document(str(path), str(path))
        loading += clock() - t
        for rule, kind in linter.kinds:
            t = clock()
            for _ in kind.run(doc):
                pass
            per_rule[rule.code] += clock() - t
    total = clock() - start
    per_kind: defaultdict[str, float] = defaultdict(float)
    for code, spent in per_rule.items():
        per_kind[kinds[code]] += spent
    print(f"{len(files)} files in {total:.2f} s; loading documents {loading:.2f} s\n")
    print(f"{'kind':<14} {'s':>7} {'share':>6}")
    for kind, spent in _by_time(per_kind):
        print(f"{kind:<14} {spent:>7.2f} {spent / total:>6.1%}")
    print(f"\n{'rule':<8} {'kind':<14} {'s':>7} {'share':>6}")
    for code, spent in _by_time(per_rule)[: args.top]:
        print(f"{code:<8} {kinds[code]:<14} {spent:>7.3f} {spent / total:>6.1%}")
    return 0


def _by_time(spent: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(spent.items(), key=lambda item: -item[1])


if __name__ == "__main__":
    sys.exit(main())
