"""The language server's plain parts: positions, suppression placement, settings, merging."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from copydesk.api import check_text
from copydesk.document import parse_document
from copydesk.fix import apply_edits
from copydesk.lsp.actions import disable_edits
from copydesk.lsp.settings import read_settings
from copydesk.lsp.text import Lines, apply_changes
from copydesk.merge import one_per_problem
from copydesk.model import Finding, Level, Span


@pytest.mark.parametrize(("encoding", "character"), [("utf-16", 7), ("utf-8", 10), ("utf-32", 6)])
def test_positions_count_the_agreed_code_units(encoding: str, character: int) -> None:
    text = "first\r\nab😀 é x\rlast"
    lines = Lines(text, encoding)
    x = text.index("x")
    assert lines.position(x) == (1, character)
    assert lines.offset(1, character) == x
    assert lines.position(text.index("last")) == (2, 0)
    assert lines.offset(0, 99) == len("first")  # past the end of a line: its end
    assert lines.offset(7, 0) == len(text)


def test_incremental_changes_apply_in_order() -> None:
    def edit(
        sl: int, sc: int, el: int, ec: int, new: str
    ) -> types.TextDocumentContentChangePartial:
        rng = types.Range(types.Position(sl, sc), types.Position(el, ec))
        return types.TextDocumentContentChangePartial(range=rng, text=new)

    text = "The Home\nSecretaray 😀 left.\n"
    out = apply_changes(
        text, [edit(1, 0, 1, 10, "Secretary"), edit(1, 10, 1, 12, "🙂"), edit(0, 0, 0, 3, "A")],
        "utf-16",
    )  # fmt: skip
    assert out == "A Home\nSecretary 🙂 left.\n"
    whole = types.TextDocumentContentChangeWholeDocument(text="new")
    assert apply_changes(text, [whole], "utf-16") == "new"


def _disable(text: str, kind: str, word: str) -> str:
    doc = parse_document(text, "x", kind)
    finding = next(
        f for f in check_text(text, "x", kind) if doc.source[f.span.start : f.span.end] == word
    )
    return apply_edits(text, disable_edits(doc, finding))


def test_suppression_goes_where_it_changes_nothing_else() -> None:
    para = "Intro line here.\n\nThe talks began.\nThe Home Secretaray left.\n"
    fixed = _disable(para, "markdown", "Secretaray")
    assert "began. <!-- copydesk: disable-next-line=TYP001 -->\nThe Home" in fixed
    first = "Intro.\n\n  The Home Secretaray left.\n"
    assert _disable(first, "text", "Secretaray") == (
        "Intro.\n\n  <!-- copydesk: disable-next-line=TYP001 -->\n  The Home Secretaray left.\n"
    )
    table = "| who | what |\n| --- | --- |\n| The Home Secretaray | left |\n"
    fixed = _disable(table, "markdown", "Secretaray")
    assert (
        "| The Home <!-- copydesk: disable=TYP001 -->Secretaray<!-- copydesk: enable=TYP001 --> |"
        in fixed
    )
    for text, kind in ((para, "markdown"), (first, "text"), (table, "markdown")):
        fixed = _disable(text, kind, "Secretaray")
        codes = [f.code for f in check_text(fixed, "x", kind)]
        assert "TYP001" not in codes and "CDK002" not in codes


def test_no_suppression_inside_front_matter() -> None:
    text = '---\ntitle: "The Home Secretaray"\n---\n\nBody text.\n'
    doc = parse_document(text, "x.md", "markdown")
    (finding,) = [f for f in check_text(text, "x.md", "markdown") if f.code == "TYP001"]
    assert disable_edits(doc, finding) == []


def test_settings_are_read_and_bad_values_reported(tmp_path: Path) -> None:
    settings, problems = read_settings(
        {"copydesk": {"ignore": "TYP001,STY", "language": "fr-FR", "debounceMs": 50,
                      "acceptFile": "vocab.txt", "minLevel": "loud", "colour": "red"}},
        tmp_path,
    )  # fmt: skip
    assert settings.ignore == ("TYP001", "STY")
    assert settings.debounce_ms == 50
    assert settings.accept_file == tmp_path / "vocab.txt"
    assert settings.language is None and settings.min_level == Level.SUGGESTION
    assert len(problems) == 3
    assert read_settings(None, tmp_path) == (read_settings({}, tmp_path)[0], [])


def _finding(code: str, start: int, end: int) -> Finding:
    return Finding("x", code, "n", Level.WARNING, "m", Span(start, end), 1, 1, 1, 1, "")


def test_languagetool_matches_on_copydesk_findings_are_dropped() -> None:
    own = _finding("MEC001", 10, 17)
    same = _finding("GRM:ENGLISH_WORD_REPEAT_RULE", 14, 17)
    twin = _finding("GRM:OTHER", 14, 17)
    apart = _finding("GRM:EN_A_VS_AN", 30, 32)
    touching = _finding("GRM:COMMA", 17, 18)
    assert one_per_problem([own, same, twin, touching, apart]) == [own, touching, apart]
    assert one_per_problem([same, twin]) == [same]
