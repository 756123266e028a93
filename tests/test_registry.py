"""The registry's own rules: unique codes and slugs, examples and authorities everywhere, and
clear errors for broken rule files."""

from __future__ import annotations

from pathlib import Path

import pytest

from copydesk.api import default_registry
from copydesk.engine.registry import load_registry
from copydesk.engine.rules import RuleError
from copydesk.kinds import KINDS, kind_module

RULE = """\
code: {code}
name: {name}
kind: existence
level: warning
summary: "x"
message: "x"
source: "house style"
options:
  tokens: ["foo"]
examples:
  fail: ["foo"]
  pass: ["bar"]
"""


def test_every_rule_is_documented_and_exemplified() -> None:
    for rule in default_registry():
        assert rule.fail and rule.passes, rule.code
        assert rule.source.strip(), f"{rule.code} has no authority"
        assert rule.summary.strip(), rule.code


def test_codes_and_slugs_are_unique() -> None:
    rules = list(default_registry())
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_every_kind_has_a_schema() -> None:
    for name in KINDS:
        module = kind_module(name)
        assert isinstance(module.SCHEMA, dict)
        assert hasattr(module, "Kind")


def _pack(tmp_path: Path, files: dict[str, str]) -> Path:
    pack = tmp_path / "house"
    pack.mkdir()
    for name, text in files.items():
        (pack / name).write_text(text, encoding="utf-8")
    return pack


def test_duplicate_code_is_rejected(tmp_path: Path) -> None:
    pack = _pack(
        tmp_path,
        {
            "a.yaml": RULE.format(code="HSE001", name="one"),
            "b.yaml": RULE.format(code="HSE001", name="two"),
        },
    )
    with pytest.raises(RuleError, match="duplicate rule code HSE001"):
        load_registry([pack])


def test_duplicate_code_with_a_builtin_is_rejected(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"a.yaml": RULE.format(code="MEC001", name="mine")})
    with pytest.raises(RuleError, match="duplicate rule code MEC001"):
        load_registry([pack])


def test_rule_without_examples_is_rejected_with_its_line(tmp_path: Path) -> None:
    text = RULE.format(code="HSE002", name="no-examples").replace('  pass: ["bar"]\n', "")
    pack = _pack(tmp_path, {"a.yaml": text})
    with pytest.raises(
        RuleError, match=r"a\.yaml:10: examples must have non-empty 'fail' and 'pass'"
    ):
        load_registry([pack])


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"bad.yaml": "code: HSE003\nname: [unclosed\n"})
    with pytest.raises(RuleError, match=r"bad\.yaml:\d+: invalid YAML"):
        load_registry([pack])


def test_unknown_option_names_its_line(tmp_path: Path) -> None:
    text = RULE.format(code="HSE004", name="bad-option").replace(
        '  tokens: ["foo"]', '  tokens: ["foo"]\n  tokenz: 3'
    )
    pack = _pack(tmp_path, {"a.yaml": text})
    with pytest.raises(
        RuleError, match=r"a\.yaml:10: option 'tokenz' is not known to kind existence"
    ):
        load_registry([pack])


def test_wrong_option_type(tmp_path: Path) -> None:
    text = RULE.format(code="HSE005", name="bad-type").replace('tokens: ["foo"]', "tokens: foo")
    pack = _pack(tmp_path, {"a.yaml": text})
    with pytest.raises(RuleError, match="option 'tokens' of kind existence must be list"):
        load_registry([pack])


def test_third_party_pack_loads_from_a_path(tmp_path: Path) -> None:
    pack = _pack(tmp_path, {"a.yaml": RULE.format(code="HSE006", name="house-foo")})
    registry = load_registry([pack])
    assert registry.rules["HSE006"].pack == "house"
    assert "house" in registry.packs


def test_pack_cache_keeps_one_version_per_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two checkouts of one pack share the user's cache; neither may evict the other's copy,
    # while an edited pack replaces its own stale copy.
    from copydesk.engine.registry import load_pack

    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path / "cache"))
    cache = tmp_path / "cache" / "copydesk"
    folders = [tmp_path / "a" / "house", tmp_path / "b" / "house"]
    seen: list[set[Path]] = []
    for folder in folders:
        folder.mkdir(parents=True)
        (folder / "HSE001.yaml").write_text(RULE.format(code="HSE001", name="no-foo"))
        load_pack("house", folder)
        seen.append(set(cache.glob("pack-house-*.marshal")))
    first = seen[0]
    second = seen[1] - first
    assert len(first) == 1 and len(second) == 1
    (folders[0] / "HSE001.yaml").write_text(RULE.format(code="HSE001", name="no-foo-at-all"))
    load_pack("house", folders[0])
    after = set(cache.glob("pack-house-*.marshal"))
    assert len(after) == 2 and second <= after and not first & after
