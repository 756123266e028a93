from __future__ import annotations

from reportkit import find, result, run_reporter, sample_results

from copydesk.model import FileResult, Level
from copydesk.report.github import annotation, command, escape_data, escape_property


def test_escape_data() -> None:
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    # Escaping must not be applied twice to its own output.
    assert escape_data("%0A") == "%250A"
    # Colons and commas are fine in the message.
    assert escape_data("a: b, c") == "a: b, c"


def test_escape_property() -> None:
    assert escape_property("dir, with: odd%\nname.md") == "dir%2C with%3A odd%25%0Aname.md"
    assert escape_property("::") == "%3A%3A"


def test_command_shape() -> None:
    line = command("warning", {"file": "a,b.md", "line": 3}, "x\ny")
    assert line == "::warning file=a%2Cb.md,line=3::x%0Ay"
    assert command("error", {}, "boom") == "::error::boom"


def test_annotation_fields_and_levels() -> None:
    source = "Line one.\nSay teh 20% word.\n"
    f = find("docs/a.md", source, "teh", "CD101", suggestions=("the",))
    assert annotation(f) == (
        "::error file=docs/a.md,line=2,col=5,endLine=2,endColumn=8,title=CD101 spelling"
        "::Misspelt word: 'teh' (suggestions: the)"
    )
    w = find("docs/a.md", source, "20%", "CD201", message="Source for 20%?\nCite it.")
    assert annotation(w).startswith("::warning file=docs/a.md,line=2,col=9,")
    assert annotation(w).endswith("::Source for 20%25?%0ACite it.")
    s = find("a.md", source, "word", "CD301", level=Level.SUGGESTION)
    assert annotation(s).startswith("::notice ")


def test_reporter_output() -> None:
    out = run_reporter("github", sample_results(), skipped=["grammar: no server"])
    lines = out.splitlines()
    # Ten findings, one read error, one skipped check; nothing else.
    assert len(lines) == 12
    assert all(line.startswith("::") for line in lines)
    assert "::error file=articles/broken.md::not valid UTF-8 (byte 0xff at 12)" in lines
    odd = [line for line in lines if "odd" in line]
    assert odd and all("file=articles/odd%2C name%3A <b>.md," in line for line in odd)
    # A newline in a message must not start a new log line.
    assert any("Where does 20%25 come from?%0ACite it." in line for line in lines)
    assert sum(line.startswith("::notice ") for line in lines) == 4
    assert lines[-1] == "::warning title=copydesk::check skipped: grammar: no server"


def test_title_is_escaped() -> None:
    source = "x teh y"
    f = find("a.md", source, "teh", "CD101")
    f = f._replace(name="odd, name: yes")
    assert "title=CD101 odd%2C name%3A yes::" in annotation(f)


def test_clean_run_prints_nothing() -> None:
    assert run_reporter("github", [result("a.md", "Fine.", []), FileResult("b.md")]) == ""
