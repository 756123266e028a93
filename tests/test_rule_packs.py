"""A newsroom's own rule pack, listed in ``rule-paths``, runs without further selection, in
``.yaml`` or ``.yml`` files; and every finding links to a rule page that exists."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from copydesk.api import default_registry
from copydesk.cli import main
from copydesk.engine.rules import RULE_DOCS
from pack_rule import RULE

ROOT = Path(__file__).resolve().parents[1]


def _house(tmp_path: Path) -> None:
    pack = tmp_path / "style" / "house"
    pack.mkdir(parents=True)
    (pack / "HSE001-no-gizmo.yaml").write_text(
        RULE.format(code="HSE001", name="no-gizmo", word="gizmo")
    )
    (pack / "HSE002-no-widget.yml").write_text(
        RULE.format(code="HSE002", name="no-widget", word="widget")
    )
    (tmp_path / "a.md").write_text("The gizmo and the widget arrived.\n")


def _codes(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    main(["check", "--format", "json", *args, "a.md"])
    return sorted(f["code"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"])


def test_rule_paths_pack_is_on_once_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _house(tmp_path)
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["style/house"]\n')
    monkeypatch.chdir(tmp_path)
    assert _codes(capsys) == ["HSE001", "HSE002"]
    # selection and ignoring work on them as on any rule
    assert _codes(capsys, "--ignore", "HSE002") == ["HSE001"]
    assert _codes(capsys, "--select", "MEC") == []
    assert _codes(capsys, "--select", "pack:house") == ["HSE001", "HSE002"]
    main(["rules"])
    listing = capsys.readouterr().out
    assert "HSE001" in listing and "HSE002" in listing


def test_own_rules_link_nowhere_unless_told(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _house(tmp_path)
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["style/house"]\n')
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "sarif", "a.md"])
    rules = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert "helpUri" not in by_id["HSE001"]  # no page of ours describes it
    assert by_id["MEC001"]["helpUri"] == RULE_DOCS.format(code="MEC001")
    (tmp_path / "copydesk.toml").write_text(
        'rule-paths = ["style/house"]\nrule-docs = "https://style.example.org/rules/{code}"\n'
    )
    main(["check", "--format", "sarif", "a.md"])
    sarif = json.loads(capsys.readouterr().out)["runs"][0]
    by_id = {r["id"]: r for r in sarif["tool"]["driver"]["rules"]}
    assert by_id["HSE001"]["helpUri"] == "https://style.example.org/rules/HSE001"
    assert by_id["MEC001"]["helpUri"] == "https://style.example.org/rules/MEC001"


def test_rule_docs_setting_needs_the_code_placeholder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "copydesk.toml").write_text('rule-docs = "https://style.example.org/"\n')
    (tmp_path / "a.md").write_text("Fine.\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md"]) == 2
    err = capsys.readouterr().err
    assert "copydesk.toml:1:" in err and "{code}" in err


def test_every_builtin_rule_links_to_a_page_in_this_repository() -> None:
    repository = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"][
        "Repository"
    ]
    prefix = f"{repository}/blob/main/"
    rules = list(default_registry())
    assert len(rules) > 50
    for rule in rules:
        uri = rule.help_uri()
        assert uri is not None and uri.startswith(prefix), uri
        assert (ROOT / uri[len(prefix) :]).is_file(), f"{rule.code}: {uri} names no file here"
