"""Write src/copydesk/kinds/data/lexicon.txt, the word classes the agreement kind reads.

The classes come from lemminflect's inflection table (its ``infl_lu.csv.gz``), limited to the
speller's 12,000 most frequent words so the file stays small; run it again after upgrading lemminflect:

    .venv/bin/python tools/build_wordclasses.py

Each line is a class name, a tab, and its words separated by spaces:
``plural`` (plural noun forms), ``singular`` (noun base forms), ``vbz`` (third-person -s
verb forms), ``base`` (verb base forms), ``vbd_only`` (simple-past forms that are not also
the past participle: "went", "gave"), ``past`` (every simple-past form), ``vbn`` (past participles), ``adj`` and ``adv``, ``comparative`` and ``superlative`` (the
inflected degrees of adjectives: "bigger", "biggest").
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src/copydesk/kinds/data/lexicon.txt"
RANKED = ROOT / "src/copydesk/spelling/data/ranked.txt"
TOP = 12_000  # the most frequent words: a larger lexicon costs start-up time for rare words
DEGREES = frozenset({"comparative", "superlative"})


def main() -> None:
    ranked = RANKED.read_text(encoding="utf-8").split()
    common = set(ranked[:TOP])
    known = set(ranked)
    table = files("lemminflect") / "resources" / "infl_lu.csv.gz"
    classes: dict[str, set[str]] = defaultdict(set)
    with gzip.open(str(table), "rt", encoding="utf-8") as fh:
        for row in csv.reader(fh):
            lemma, upos, forms = row[0], row[1], row[2:]
            alts = [[f for f in cell.split("/") if f] for cell in forms]
            if upos == "noun":
                classes["singular"].add(lemma)
                for f in alts[0] if alts else []:
                    if f != lemma:
                        classes["plural"].add(f)
            elif upos == "verb":
                classes["base"].add(lemma)
                vbd = alts[0] if alts else []
                vbn = (alts[1] if len(alts) > 1 else []) or vbd
                classes["vbn"].update(vbn)
                classes["vbd"].update(vbd)
                classes["past"].update(vbd)
                if len(alts) > 3:
                    classes["vbz"].update(alts[3])
            elif upos == "adj":
                classes["adj"].add(lemma)
                for cell in alts:
                    classes["adj"].update(cell)
                # inflected degrees only: "more older" is a slip, "more clever" is not
                if alts:
                    classes["comparative"].update(f for f in alts[0] if f != lemma)
                if len(alts) > 1:
                    classes["superlative"].update(f for f in alts[1] if f != lemma)
            elif upos == "adv":
                classes["adv"].add(lemma)
    # an irregular simple past that is no verb's participle nor base, nor a noun: "went",
    # "gave"; regular ones with a second participle spelling ("learned", "learnt") are out
    classes["vbd_only"] = {
        f
        for f in classes.pop("vbd") - classes["vbn"] - classes["base"] - classes["singular"]
        if not f.endswith("ed") and not f.endswith("es")
    }
    lines = []
    for name in sorted(classes):
        # a degree form is looked up only after "more" or "most", so rarer ones cost little
        pool = known if name in DEGREES else common
        words = sorted(w for w in classes[name] if w in pool and w.islower() and w.isalpha())
        lines.append(f"{name}\t{' '.join(words)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
