"""Word and OpenDocument files: real packages built by hand, checked through the command line,
each planted typo found at its paragraph and character."""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from wordkit import docx_bytes, odt_bytes, para, run

from copydesk.cli import main
from copydesk.document import load_document

INS = '<w:ins w:id="11" w:author="Desk" w:date="2026-01-02T10:00:00Z">{}</w:ins>'
DEL = '<w:del w:id="12" w:author="Desk" w:date="2026-01-02T10:00:00Z">{}</w:del>'


def deleted(text: str) -> str:
    return DEL.format(f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>')


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["check", "--format", "json", "--no-cache", *args])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, json.loads(out)


def where(report: dict[str, Any], code: str = "TYP") -> list[tuple[int, int, str]]:
    return sorted(
        (f["line"], f["column"], f["excerpt"])
        for item in report["files"]
        for f in item["findings"]
        if f["code"].startswith(code)
    )


STORY = "".join(
    [
        para("Council Treasurry warns of cuts", style="Headline"),
        para(
            "The council ",
            INS.format(run("appeaved")),
            deleted("rejectted "),
            " the budget on Monday.",
            '<w:r><w:footnoteReference w:id="1"/></w:r>',
        ),
        para(""),  # empty: not counted
        "<w:tbl><w:tblPr/><w:tr><w:tc>" + para("Ward") + "</w:tc><w:tc>"
        + para("Cuts plannned") + "</w:tc></w:tr>"
        + '<w:tr><w:trPr><w:del w:id="13" w:author="Desk"/></w:trPr><w:tc>'
        + para("Deleeted row") + "</w:tc></w:tr></w:tbl>",
        para(
            "See the ",
            '<w:hyperlink r:id="rId3"><w:r><w:t>coucil website</w:t></w:r></w:hyperlink>',
            " updated ",
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
            '<w:r><w:instrText xml:space="preserve"> DATE \\@ "d MMMM" </w:instrText></w:r>',
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
            run("2 Janury"),
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
            ".",
        ),
    ]
)  # fmt: skip
NOTES = {1: para("<w:r><w:footnoteRef/></w:r>", " Figures from the finance departmnet.")}


def test_docx_paragraphs_changes_table_fields_and_footnote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "budget.docx"
    story.write_bytes(docx_bytes(STORY, NOTES))
    code, report = check_json(capsys, "--select", "TYP", str(story))
    assert code == 1
    assert report["files"][0]["line_unit"] == "paragraph"
    assert where(report) == [
        (1, 9, "Treasurry"),  # heading (a house style built on heading 1)
        (2, 13, "appeaved"),  # tracked insertion read; the deletion beside it is not
        (4, 6, "plannned"),  # table cell; the deleted row and empty paragraph are gone
        (5, 9, "coucil"),  # hyperlink text
        (5, 34, "Janury"),  # field result kept, its DATE code skipped
        (6, 27, "departmnet"),  # footnote, after the body
    ]
    doc = load_document(str(story))
    assert "rejectted" not in doc.source and "Deleeted" not in doc.source
    assert "DATE" not in doc.source
    assert [b.scope for b in doc.blocks][:4] == ["heading", "paragraph", "table_cell", "table_cell"]


def test_docx_text_box_read_once_and_deleted_paragraph_mark_joins(tmp_path: Path) -> None:
    box = (
        '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<mc:Choice Requires="wps"><w:drawing><w:txbxContent>'
        + para("Pull quote here")
        + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
        + para("Pull quote here")
        + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    joined = (
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="Desk"/></w:rPr></w:pPr>'
        + run("First half")
        + "</w:p>"
        + para(" and second half.")
    )
    story = tmp_path / "box.docx"
    story.write_bytes(docx_bytes(para("Anchor text.", box) + joined))
    doc = load_document(str(story))
    assert doc.source == "Anchor text.\nPull quote here\nFirst half and second half.\n"


def test_odt_headings_lists_tables_notes_and_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = (
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
        "<text:p>Removd words</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        '<text:h text:outline-level="1">Flood  warnng issued</text:h>'
        '<text:p>The river <text:change text:change-id="c1"/>rose   <text:span>quickley</text:span>'
        '<text:s text:c="2"/>overnight.<text:note text:note-class="footnote">'
        "<text:note-citation>1</text:note-citation><text:note-body>"
        "<text:p>Gauge readings from the agencey.</text:p></text:note-body></text:note></text:p>"
        "<text:list><text:list-item><text:p>Roads closd</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Level</text:p></table:table-cell>"
        "<table:table-cell><text:p>Risng</text:p></table:table-cell></table:table-row></table:table>"
        "<office:annotation><text:p>Chek this</text:p></office:annotation>"
    )
    story = tmp_path / "flood.odt"
    story.write_bytes(odt_bytes(body))
    code, report = check_json(capsys, "--select", "TYP", str(story))
    assert code == 1
    assert where(report) == [
        (1, 7, "warnng"),  # the double space collapses
        (2, 16, "quickley"),
        (3, 7, "closd"),
        (5, 1, "Risng"),
        (6, 25, "agencey"),
    ]
    doc = load_document(str(story))
    assert doc.source.splitlines()[1] == "The river rose quickley  overnight."
    assert "Removd" not in doc.source and "Chek" not in doc.source
    assert [b.scope for b in doc.blocks] == [
        "heading", "paragraph", "list_item", "table_cell", "table_cell", "paragraph",
    ]  # fmt: skip


def test_folder_walk_includes_word_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.docx").write_bytes(docx_bytes(para("A speling slip.")))
    (tmp_path / "b.odt").write_bytes(odt_bytes("<text:p>Another speling slip.</text:p>"))
    _, report = check_json(capsys, "--select", "TYP", str(tmp_path))
    assert sorted(Path(i["path"]).name for i in report["files"]) == ["a.docx", "b.odt"]


def test_fix_refuses_word_files_and_leaves_them_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.docx"
    story.write_bytes(docx_bytes(para("The the council met.")))
    md = tmp_path / "story.md"
    md.write_text("The the council met.\n")
    before = story.read_bytes()
    code = main(["fix", str(story), str(md)])
    out, err = capsys.readouterr()
    assert story.read_bytes() == before
    assert md.read_text() == "The council met.\n"  # other files are still fixed
    refusal = [line for line in err.splitlines() if "story.docx" in line]
    assert len(refusal) == 1 and "not fixed" in refusal[0] and "never edits" in refusal[0]
    assert "MEC001" in out  # the finding is still reported
    assert code == 1
    main(["fix", "--diff", str(story)])
    out, err = capsys.readouterr()
    assert story.read_bytes() == before and "+++" not in out and "not fixed" in err


def _zip(parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def _with_document(xml: bytes) -> bytes:
    return _zip({"word/document.xml": xml})


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
    b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL = (
    b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("text.docx", b"This is plain text, renamed.\n", "not a zip archive"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old binary .doc"),
        ("empty.docx", _zip({"README": b"hello"}), "word/document.xml is missing"),
        ("cut.docx", docx_bytes(para("Fine."))[:200], "not a zip archive"),
        ("badxml.docx", _with_document(b"<w:document><w:body>"), "not well-formed XML"),
        ("laughs.docx", _with_document(LAUGHS), "declares a DTD or entities"),
        ("external.docx", _with_document(EXTERNAL), "declares a DTD or entities"),
        ("empty.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "content.xml is missing"),
        ("sheet.odt", _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<a/>"}), "not OpenDocument text"),
    ],
)  # fmt: skip
def test_broken_files_give_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.md"
    good.write_text("The the end.\n")
    code = main(["check", "--no-color", "--no-cache", str(bad), str(good)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out + err
    lines = [line for line in out.splitlines() if name in line]
    assert len(lines) == 1, out
    assert reason in lines[0] and "passwd" not in out and "lol" not in out
    assert "MEC001" in out  # the other file was still checked


def test_zip_bomb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from copydesk.document.package import MAX_PART_BYTES

    buf = io.BytesIO()
    block = b"\0" * (1 << 20)
    with (
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z,
        z.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(MAX_PART_BYTES // len(block) + 1):
            part.write(block)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buf.getvalue())
    assert bomb.stat().st_size < 1_000_000
    code = main(["check", "--no-cache", str(bomb)])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in out + err
    assert "inflates past 64 MB" in out and "bomb.docx" in out


def test_reports_say_paragraph_and_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "s.docx"
    story.write_bytes(docx_bytes(para("Intro.") + para("A speling slip.")))
    args = ["check", "--no-cache", "--select", "TYP", str(story)]
    main([*args, "--format", "github"])
    out = capsys.readouterr().out
    assert "paragraph 2, character 3: 'speling'" in out and ",line=" not in out
    main([*args, "--format", "junit"])
    assert "s.docx: paragraph 2, character 3: TYP" in capsys.readouterr().out
    main([*args, "--format", "sarif"])
    sarif = json.loads(capsys.readouterr().out)
    run_ = sarif["runs"][0]
    location = run_["results"][0]["locations"][0]
    assert location["message"]["text"] == "paragraph 2, character 3"
    region = location["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 3) and "charOffset" not in region
    assert "fixes" not in run_["results"][0]
    assert "paragraph" in run_["artifacts"][0]["description"]["text"]
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (Path(__file__).parents[1] / "report" / "data" / "sarif-2.1.0.json").read_text()
    )
    jsonschema.validators.validator_for(schema)(schema).validate(sarif)
    main([*args, "--format", "html"])
    assert "paragraph 2" in capsys.readouterr().out
    main([*args, "--no-color"])
    out = capsys.readouterr().out
    assert "s.docx:2:3: TYP002" in out and "  A speling slip." in out


def test_agrees_with_python_docx_on_a_document_it_wrote(tmp_path: Path) -> None:
    """python-docx writes from Word's own template (its styles, settings and theme parts);
    copydesk reads the same paragraphs, with cells and scopes besides."""
    docx = pytest.importorskip("docx", reason="python-docx is a dev extra")
    d = docx.Document()
    d.add_heading("Council Treasurry warns", level=1)
    p = d.add_paragraph("The council ")
    p.add_run("appeaved").bold = True
    p.add_run(" the budget.\tIn full.")
    d.add_paragraph("Item one", style="List Bullet")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ward"
    table.cell(0, 1).text = "Cuts plannned"
    d.add_paragraph("Quoted words", style="Quote")
    d.add_paragraph("A caption", style="Caption")
    d.add_paragraph("")
    path = tmp_path / "written.docx"
    d.save(str(path))
    doc = load_document(str(path))
    theirs = [p.text for p in docx.Document(str(path)).paragraphs if p.text]
    ours = [doc.source[b.start : b.end] for b in doc.blocks if b.scope != "table_cell"]
    assert ours == theirs
    assert [b.scope for b in doc.blocks] == [
        "heading", "paragraph", "list_item", "table_cell", "table_cell", "blockquote", "caption",
    ]  # fmt: skip
    assert doc.source.splitlines()[3:5] == ["Ward", "Cuts plannned"]


def test_word_document_on_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    class Stdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin(docx_bytes(para("Intro.") + para("A speling slip."))))
    code = main(["check", "--no-color", "--stdin-filename", "story.docx", "-"])
    out, err = capsys.readouterr()
    assert code == 1 and "story.docx:2:3: TYP" in out and "Traceback" not in out + err
    monkeypatch.setattr(sys, "stdin", Stdin(b"plain text\n"))
    code = main(["check", "--no-color", "--stdin-filename", "story.docx", "-"])
    out, err = capsys.readouterr()
    assert code == 2 and "story.docx: not a readable Word document: not a zip archive" in out


def test_hidden_text_is_not_read_and_deep_nesting_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Hiden note</w:t></w:r>"
    shown = '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t> and shown.</w:t></w:r>'
    story = tmp_path / "hidden.docx"
    story.write_bytes(docx_bytes(para("Visible", hidden, shown)))
    assert load_document(str(story)).source == "Visible and shown.\n"
    deep = tmp_path / "deep.docx"
    nest = 50_000
    deep.write_bytes(
        docx_bytes("<w:p>" + "<w:hyperlink>" * nest + "</w:hyperlink>" * nest + "</w:p>")
    )
    code = main(["check", "--no-cache", str(deep)])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in out + err and "nests too deeply" in out


ODT_STORY = """\
Flood warnng issued
===================

The river rose quickley overnight. [#]_

* Roads closd

=====  =====
Level  Risng
=====  =====

.. [#] Gauge readings from the agencey.
"""


def test_reads_an_odt_written_by_docutils(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """docutils' OpenDocument writer is an independent one: its title is a paragraph whose
    automatic style is built on 'Title', its footnote a real note."""
    core = pytest.importorskip("docutils.core", reason="docutils is a dev extra")
    from docutils.writers.odf_odt import Writer

    story = tmp_path / "flood.odt"
    core.publish_file(
        source=io.StringIO(ODT_STORY),
        destination_path=str(story),
        writer=Writer(),
        settings_overrides={"report_level": 5},
    )
    code, report = check_json(capsys, "--select", "TYP", str(story))
    assert code == 1
    assert where(report) == [
        (1, 7, "warnng"),
        (2, 16, "quickley"),
        (3, 7, "closd"),
        (5, 1, "Risng"),
        (6, 25, "agencey"),
    ]
    doc = load_document(str(story))
    assert [b.scope for b in doc.blocks] == [
        "heading", "paragraph", "list_item", "table_cell", "table_cell", "paragraph",
    ]  # fmt: skip


def test_word_lock_files_are_skipped_in_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.docx").write_bytes(docx_bytes(para("A speling slip.")))
    (tmp_path / "~$story.docx").write_bytes(b"\x0bDesk Editor" + b"\0" * 150)
    code, report = check_json(capsys, "--select", "TYP", str(tmp_path))
    assert code == 1
    assert [Path(i["path"]).name for i in report["files"]] == ["story.docx"]
