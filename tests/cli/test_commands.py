"""The commands end to end: output formats, exit codes, fixes, config discovery."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from copydesk.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_has_caret_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.md"
    f.write_text("# Head\n\nThe talks ended , officials said.\n")
    code, out, _ = run(["check", "--no-color", "--select", "MEC003", str(f)], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].endswith("a.md:3:16: MEC003 warning Remove the space before ','.")
    assert lines[2] == "  " + " " * 15 + "^^"
    assert lines[-1].startswith("1 finding (0 error, 1 warning, 0 suggestion) in 1 file")


def test_json_report_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.md"
    f.write_text("Café: the the end.\n")
    code, out, _ = run(["check", "--format", "json", "--select", "MEC001", str(f)], capsys)
    data = json.loads(out)
    assert data["version"] == 1
    finding = data["files"][0]["findings"][0]
    assert finding["code"] == "MEC001" and finding["offset"] == 6 and finding["end_offset"] == 13
    assert finding["fix"]["applicability"] == "safe"
    assert data["summary"]["counts"] == {"error": 1}
    assert code == 1


def test_fail_level(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.md"
    f.write_text("The talks ended , officials said.\n")
    assert run(["check", "--fail-level", "error", "--select", "MEC003", str(f)], capsys)[0] == 0
    assert run(["check", "--fail-level", "warning", "--select", "MEC003", str(f)], capsys)[0] == 1


def test_fix_writes_atomically_keeps_mode_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.md"
    f.write_text("The the talks ended , officials said.  Next.\n")
    f.chmod(0o640)
    code, _, _ = run(["fix", "--select", "MEC001,MEC002,MEC003,MEC007", str(f)], capsys)
    assert code == 0
    once = f.read_text()
    assert once == "The talks ended, officials said. Next.\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o640
    before = f.stat().st_mtime_ns
    run(["fix", "--select", "MEC001,MEC002,MEC003,MEC007", str(f)], capsys)
    assert f.read_text() == once
    assert f.stat().st_mtime_ns == before  # nothing to fix: not written at all
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary files left


def test_fix_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.md"
    f.write_text("The the end.\n")
    _code, out, _ = run(["fix", "--diff", "--select", "MEC001", str(f)], capsys)
    assert "-The the end." in out and "+The end." in out
    assert f.read_text() == "The the end.\n"


def test_fix_keeps_bom_and_crlf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"\xef\xbb\xbfLine one.\r\nThe the end.\r\n")
    run(["fix", "--select", "MEC001", str(f)], capsys)
    assert f.read_bytes() == b"\xef\xbb\xbfLine one.\r\nThe end.\r\n"


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The the end.\n")))
    code, out, _ = run(
        ["check", "--no-color", "--select", "MEC001", "--stdin-filename", "story.md", "-"], capsys
    )
    assert code == 1 and "story.md:1:1: MEC001" in out


def test_config_discovery_select_ignore_levels_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.copydesk]\nselect = ["pack:core"]\nignore = ["double-space"]\n'
        '[tool.copydesk.levels]\nMEC003 = "suggestion"\n[tool.copydesk.per-file-ignores]\n"archive/*" = ["MEC001"]\n'
    )
    (tmp_path / "archive").mkdir()
    text = "The the end , here.  Yes.\n"
    (tmp_path / "archive" / "old.md").write_text(text)
    (tmp_path / "new.md").write_text(text)
    _code, out, _ = run(["check", "--no-color", "--format", "json", str(tmp_path)], capsys)
    data = {Path(f["path"]).name: f["findings"] for f in json.loads(out)["files"]}
    assert {f["code"] for f in data["new.md"]} == {"MEC001", "MEC003"}
    assert {f["code"] for f in data["old.md"]} == {"MEC003"}
    assert all(f["level"] == "suggestion" for f in data["old.md"])


def test_gitignore_and_exclude_respected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".gitignore").write_text("build/\n*.draft.md\n")
    (tmp_path / "copydesk.toml").write_text('exclude = ["skip/**"]\n')
    for name in ("build/a.md", "b.draft.md", "skip/c.md", "keep/d.md"):
        p = tmp_path / name
        p.parent.mkdir(exist_ok=True)
        p.write_text("The the end.\n")
    os.chdir(tmp_path)
    _code, out, _ = run(["check", "--format", "json", "--select", "MEC001", "."], capsys)
    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == [os.path.join("keep", "d.md")]


def test_suppressions_in_markdown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.md"
    f.write_text(
        "<!-- copydesk: disable=MEC001 -->\nThe the one.\n<!-- copydesk: enable -->\n\nThe the two.\n\n"
        "<!-- copydesk: disable-next-line=repeated-word -->\nThe the three.\n\n<!-- copydesk: disable-next-line=MEC003 -->\nClean line.\n"
    )
    _code, out, _ = run(["check", "--format", "json", "--select", "pack:core", str(f)], capsys)
    findings = json.loads(out)["files"][0]["findings"]
    assert [(x["code"], x["line"]) for x in findings] == [("MEC001", 5), ("CDK002", 10)]


def test_rules_explain_init(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["rules", "--pack", "core"], capsys)
    assert code == 0 and "MEC001" in out
    code, out, _ = run(["explain", "repeated-word"], capsys)
    assert code == 0 and out.startswith("# MEC001: repeated-word")
    target = tmp_path / "copydesk.toml"
    code, _, _ = run(["init", "--style", "news-uk", "--path", str(target)], capsys)
    assert code == 0 and 'percent = "%"' in target.read_text()
    assert run(["init", "--path", str(target)], capsys)[0] == 2  # never overwrites silently


def test_sample_article_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """The README's promise: the sample article's planted problems are caught, its names are not."""
    code, out, _ = run(
        ["check", "--format", "json", str(ROOT / "examples" / "calais-crossing.md")], capsys
    )
    findings = json.loads(out)["files"][0]["findings"]
    flagged = {f["excerpt"]: f for f in findings}
    assert code == 1
    assert flagged["the the"]["code"] == "MEC001"
    assert flagged["Secretaray"]["suggestions"][0] == "Secretary"
    assert flagged["agreeements"]["suggestions"][0] == "agreements"
    assert flagged["3,000"]["code"] in ("SRC001", "SRC002")  # "An estimated 3,000 people..."
    assert " ," in flagged  # the space before a comma
    for attributed in ("85 million euros", "37,000", "800,000", "four times"):
        assert not any(attributed in f["excerpt"] for f in findings), attributed
    spelling = {f["excerpt"] for f in findings if f["code"].startswith("TYP")}
    assert spelling == {"Secretaray", "agreeements"}  # no name, place or coinage


def test_shared_analyses_serve_many_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The speller and the sourcing checker are built once per run and reused file after file."""
    for i in range(3):
        (tmp_path / f"s{i}.md").write_text(
            f"An estimated {i + 2},000 people gathered. The Home Secretaray spoke.\n"
        )
    _code, out, _ = run(["check", "--format", "json", "--jobs", "1", str(tmp_path)], capsys)
    files = json.loads(out)["files"]
    assert [sorted({f["code"][:3] for f in x["findings"]}) for x in files] == [["SRC", "TYP"]] * 3


def test_fix_from_stdin_writes_text_to_stdout_and_report_to_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"The the end , now.\n")))
    code, out, err = run(
        ["fix", "--no-color", "--select", "MEC001,MEC003", "--stdin-filename", "s.md", "-"], capsys
    )
    assert out == "The end, now.\n"
    assert "0 findings" in err
    assert code == 0


def test_fix_diff_counts_nothing_as_fixed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.md"
    f.write_text("The the end , said the council.\n")
    _code, out, _ = run(["fix", "--diff", "--no-color", str(f)], capsys)
    summary = out.splitlines()[-1]
    assert "fixed" not in summary and "2 fixable" in summary, summary
    report = tmp_path / "report.json"
    run(["fix", "--diff", "--format", "json", "-o", str(report), str(f)], capsys)
    tail = json.loads(report.read_text())["summary"]
    assert (tail["fixed"], tail["fixable"]) == (0, 2)
    assert f.read_text() == "The the end , said the council.\n"
    _code, out, _ = run(["fix", "--no-color", str(f)], capsys)
    assert "2 fixed" in out.splitlines()[-1]


def test_vocab_learn_creates_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for n in range(3):
        (archive / f"s{n}.md").write_text(f"Councillor Brightwater spoke on day {n}.\n")
    monkeypatch.chdir(tmp_path)
    code, _out, err = run(["vocab", "learn", "archive/", "-o", "vocab/accept.txt"], capsys)
    assert code == 0, err
    assert "Brightwater" in (tmp_path / "vocab" / "accept.txt").read_text()
    code, _, err = run(["check", "--format", "json", "-o", "reports/out.json", "archive"], capsys)
    assert json.loads((tmp_path / "reports" / "out.json").read_text())["version"] == 1


@pytest.mark.parametrize(
    ("house", "text", "message"),
    [
        ("%", "Turnout reached 40 percent.", "This house writes '40%'."),
        ("%", "It fell 12.5 per cent.", "This house writes '12.5%'."),
        ("per cent", "Turnout reached 40%.", "This house writes '40 per cent'."),
        ("percent", "Turnout reached 1,250%.", "This house writes '1,250 percent'."),
    ],
)
def test_percent_rules_quote_the_whole_number(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    house: str,
    text: str,
    message: str,
) -> None:
    (tmp_path / "copydesk.toml").write_text(f'[house]\npercent = "{house}"\n')
    (tmp_path / "a.md").write_text(text + "\n")
    monkeypatch.chdir(tmp_path)
    _code, out, _ = run(["check", "--format", "json", "--select", "NUM", "a.md"], capsys)
    [finding] = json.loads(out)["files"][0]["findings"]
    assert finding["message"] == message
    number = message.split("'")[1].split(" ")[0].rstrip("%")
    assert finding["offset"] == text.index(number) and finding["column"] == text.index(number) + 1


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "json", "a.md"],  # collector back on after the first file
        ["check", "missing.md"],  # a file that cannot be read
        ["check", "--select", "NOPE999", "a.md"],  # an error before any file is checked
        ["rules"],
        ["check", "--no-such-option"],
    ],
)
def test_collector_left_as_it_was(
    args: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CLI turns the garbage collector off while it starts up; called from Python it
    leaves it as it found it, on or off, whatever the command and however it ends."""
    import gc

    (tmp_path / "a.md").write_text("The Home Secretaray flew to Calais.\n")
    monkeypatch.chdir(tmp_path)
    assert gc.isenabled()
    main(args)
    assert gc.isenabled()
    gc.disable()
    try:
        main(args)
        assert not gc.isenabled()
    finally:
        gc.enable()
    capsys.readouterr()
