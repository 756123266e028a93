"""The built-in packs' word forms ship with copydesk: parsing them needs no lemminflect, and
the shipped answers are lemminflect's own. A pack of your own that needs forms copydesk does
not ship says which extra to install."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from copydesk import wordforms
from copydesk.engine import registry
from copydesk.engine.rules import RuleError


def _builtin_specs() -> list[object]:
    return [
        registry._parse_file(name, path)
        for name, folder in registry.pack_dirs()
        for path in registry._rule_files(folder)
    ]


def test_builtin_packs_parse_without_lemminflect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "lemminflect", None)  # import raises ImportError
    wordforms.RECORDED.clear()
    specs = _builtin_specs()
    assert any(getattr(s, "options", {}).get("forms") for s in specs)
    assert wordforms.RECORDED == {}


def test_shipped_answers_are_lemminflects(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("lemminflect")
    table = wordforms.TABLE
    monkeypatch.setattr(wordforms, "TABLE", table.with_name("missing.json"))
    wordforms._shipped.cache_clear()
    wordforms.RECORDED.clear()
    try:
        _builtin_specs()
        asked = dict(wordforms.RECORDED)
    finally:
        wordforms._shipped.cache_clear()
    shipped = json.loads(table.read_text(encoding="utf-8"))
    assert asked == shipped, "run tools/build_wordforms.py"


def test_own_pack_needing_other_forms_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "lemminflect", None)
    rule = tmp_path / "HSE001-no-frobnicate-again.yaml"
    rule.write_text(
        "code: HSE001\nname: no-frobnicate-again\nkind: existence\nlevel: warning\n"
        "summary: No.\nmessage: No.\nsource: us\noptions:\n  forms: true\n"
        "  tokens: [frobnicate again]\nexamples:\n  fail: [They frobnicate again.]\n"
        "  pass: [They stop.]\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as caught:
        registry._parse_file("house", rule)
    message = str(caught.value)
    assert ":9: " in message  # the line of 'forms: true'
    assert "'frobnicate'" in message and "pip install 'copydesk[forms]'" in message
