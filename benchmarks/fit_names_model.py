"""Refit the names model's weights (copydesk.spelling.names.WEIGHTS) by L2-regularised logistic
regression on the EVEN-numbered articles of the typo dev set; the odd half is kept for checking
(benchmarks/typos_eval.py --half odd). Prints the weights as JSON to paste into names.py.

    python benchmarks/fit_names_model.py ../shared [--l2 1.0]

Only the weights of generic features are fitted; no word or name is learned from the data."""

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from copydesk.spelling import Speller, names
from copydesk.spelling import speller as sp
from copydesk.spelling.tokens import FOREIGN, MISSPELLING, NAME_LISTED, UNKNOWN

ap = argparse.ArgumentParser(
    description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
)
ap.add_argument("shared", type=Path)
ap.add_argument("--l2", type=float, default=1.0)
args = ap.parse_args()
with open(args.shared / "eval-dev" / "typos-dev.jsonl", encoding="utf-8") as fh:
    recs = [json.loads(line) for line in fh][0::2]
S = Speller()
L2 = args.l2


def examples():
    out = []
    for r in recs:
        text = r["text"]
        words = S._tok().words(text)
        words = sp._drop_foreign(text, words)
        doc = sp._Doc(text, Counter(w.text for w in words if w.status != FOREIGN))
        for w in words:
            if w.status not in (UNKNOWN, MISSPELLING, NAME_LISTED) or not w.text[0].isupper():
                continue
            if w.text[1:] and not w.text[1:].islower():
                continue
            if doc.counts[w.text] > 1 or sp._SIC.match(text, w.end):
                continue
            if w.text.lower() in names.FOREIGN_PHRASE_WORDS and sp._in_foreign_phrase(text, w):
                continue
            y = any(t["start"] < w.end and w.start < t["end"] for t in r["typos"])
            out.append((S.typo_features(w, doc), 1.0 if y else 0.0))
    return out


def solve(A, b):
    n = len(b)
    M = [[*row[:], b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        if abs(M[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and M[r][c]:
                f = M[r][c] / M[c][c]
                M[r] = [x - f * y for x, y in zip(M[r], M[c], strict=False)]
    return [M[i][n] / M[i][i] if abs(M[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit(ex, keys):
    idx = {k: i for i, k in enumerate(keys)}
    X = [[(idx[k], v) for k, v in f.items() if k in idx] for f, _ in ex]
    Y = [y for _, y in ex]
    n = len(keys)
    w = [names.WEIGHTS.get(k, 0.0) for k in keys]
    for _it in range(25):
        g = [0.0] * n
        H = [[0.0] * n for _ in range(n)]
        for x, y in zip(X, Y, strict=False):
            z = sum(w[i] * v for i, v in x)
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i, v in x:
                g[i] += (p - y) * v
                for j, u in x:
                    H[i][j] += p * (1 - p) * v * u
        for i, k in enumerate(keys):
            if k != "bias":
                g[i] += L2 * w[i]
                H[i][i] += L2
            H[i][i] += 1e-9
        step = solve(H, g)
        w = [a - b for a, b in zip(w, step, strict=False)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return dict(zip(keys, w, strict=False))


for rnd in range(3):
    ex = examples()
    keys = sorted({k for f, _ in ex for k in f} | set(names.WEIGHTS))
    new = fit(ex, keys)
    names.WEIGHTS.clear()
    names.WEIGHTS.update({k: round(v, 2) for k, v in new.items()})
    pos = sum(y for _, y in ex)
    print(f"round {rnd}: {len(ex)} examples, {pos:.0f} typos", file=sys.stderr)
print(json.dumps(names.WEIGHTS, indent=1))
