"""Write src/copydesk/data/wordforms.json: every word-form question the
built-in rule packs ask of lemminflect when they are parsed, with its answer, so that the base
install parses them without lemminflect (and the numpy it brings). Run it after changing a
built-in rule with ``forms: true`` (a test fails until then):

    .venv/bin/pip install -e '.[forms]'
    .venv/bin/python tools/build_wordforms.py
"""

from __future__ import annotations

import json

from copydesk import wordforms
from copydesk.engine import registry


def main() -> None:
    wordforms._shipped.cache_clear()
    wordforms.RECORDED.clear()
    saved = wordforms.TABLE
    wordforms.TABLE = saved.with_name("missing.json")  # ask lemminflect every question
    try:
        for name, folder in registry.pack_dirs():
            for path in registry._rule_files(folder):
                registry._parse_file(name, path)
    finally:
        wordforms.TABLE = saved
        wordforms._shipped.cache_clear()
    entries = sorted(wordforms.RECORDED.items())
    lines = ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in entries)
    saved.parent.mkdir(exist_ok=True)
    saved.write_text("{\n" + lines + "\n}\n", encoding="utf-8")
    print(f"wrote {len(wordforms.RECORDED)} answers to {saved}")


if __name__ == "__main__":
    main()
