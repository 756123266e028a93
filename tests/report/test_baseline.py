from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from reportkit import find, result

from copydesk.baseline import load_baseline, write_baseline
from copydesk.fingerprint import context_of, identify
from copydesk.model import FileResult

ORIGINAL = (
    "# Rents\n"
    "\n"
    "Landlords in the city say teh rents will rise again next spring.\n"
    "Tenants disagree.\n"
)
EDITED = (
    "# Rents\n"
    "\n"
    "A new opening paragraph, added by the desk\n"
    "after the first draft, with more words.\n"
    "\n"
    "Landlords in the city say teh rents will rise again next spring.\n"
    "Tenants disagree and recieve little help.\n"
)


def test_edit_above_keeps_old_finding_hidden_and_shows_new(tmp_path: Path) -> None:
    base = tmp_path / "baseline.json"
    before = result("news/rents.md", ORIGINAL, [find("news/rents.md", ORIGINAL, "teh", "CD101")])
    assert write_baseline([before], base) == 1
    after = result(
        "news/rents.md",
        EDITED,
        [
            find("news/rents.md", EDITED, "teh", "CD101"),
            find("news/rents.md", EDITED, "recieve", "CD101"),
        ],
    )
    # The old finding moved down four lines and 90 characters; only the new one remains.
    assert after.findings[0].span != before.findings[0].span
    kept = load_baseline(base).filter(after)
    assert [f.excerpt for f in kept.findings] == ["recieve"]
    assert kept.path == after.path and kept.source == after.source
    # The input is left alone.
    assert len(after.findings) == 2


def test_counts_limit_how_many_identical_findings_hide(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    two = "Say teh word.\n\nSay teh word.\n"
    three = two + "\nSay teh word.\n"
    path = "a.md"
    write_baseline(
        [result(path, two, [find(path, two, "teh", "CD101", nth=n) for n in range(2)])], base
    )
    entries = json.loads(base.read_text(encoding="utf-8"))["entries"]
    assert [e["occurrence"] for e in entries] == [0, 1]
    baseline = load_baseline(base)
    assert len(baseline) == 2
    now = result(path, three, [find(path, three, "teh", "CD101", nth=n) for n in range(3)])
    kept = baseline.filter(now)
    assert len(kept.findings) == 1
    # Filtering again gives the same answer: the allowance is per call.
    assert len(baseline.filter(now).findings) == 1


def test_match_needs_path_code_text_and_context(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    source = "Say teh word.\n"
    write_baseline([result("a.md", source, [find("a.md", source, "teh", "CD101")])], base)
    baseline = load_baseline(base)
    other_path = result("b.md", source, [find("b.md", source, "teh", "CD101")])
    other_code = result("a.md", source, [find("a.md", source, "teh", "CD102")])
    changed = "Say teh phrase.\n"
    other_context = result("a.md", changed, [find("a.md", changed, "teh", "CD101")])
    for r in (other_path, other_code, other_context):
        assert len(baseline.filter(r).findings) == 1
    # Path spellings that name the same file match.
    dotted = result("./a.md", source, [find("./a.md", source, "teh", "CD101")])
    assert baseline.filter(dotted).findings == []


def test_rewrapping_the_paragraph_keeps_the_match(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    source = "One two three teh four five six.\n"
    wrapped = "One two\nthree teh four\nfive six.\n"
    write_baseline([result("a.md", source, [find("a.md", source, "teh", "CD101")])], base)
    moved = result("a.md", wrapped, [find("a.md", wrapped, "teh", "CD101")])
    assert load_baseline(base).filter(moved).findings == []


def test_file_is_written_atomically_and_readably(tmp_path: Path) -> None:
    base = tmp_path / "b.json"
    base.write_text("old", encoding="utf-8")
    source = "Zürich teh “quoted”.\n"
    write_baseline(
        [
            result("ü.md", source, [find("ü.md", source, "teh", "CD101")]),
            FileResult("gone.md", error="unreadable"),
        ],
        base,
    )
    document = json.loads(base.read_text(encoding="utf-8"))
    assert document["version"] == 1
    (entry,) = document["entries"]
    assert entry["path"] == "ü.md"
    assert entry["code"] == "CD101" and entry["text"] == "teh"
    assert set(entry) == {"path", "code", "text", "context_hash", "occurrence"}
    assert "line" not in json.dumps(document)
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


def test_failed_write_leaves_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    base = tmp_path / "b.json"
    old = '{"version": 1, "entries": []}'
    base.write_text(old, encoding="utf-8")
    source = "x teh y"

    def engine() -> Iterator[FileResult]:
        yield result("a.md", source, [find("a.md", source, "teh", "CD101")])
        raise RuntimeError("engine failed")

    with pytest.raises(RuntimeError):
        write_baseline(engine(), base)

    def no_rename(src: str, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("copydesk.baseline.os.replace", no_rename)
    with pytest.raises(OSError):
        write_baseline([result("a.md", source, [find("a.md", source, "teh", "CD101")])], base)
    assert base.read_text(encoding="utf-8") == old
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, "no such file"),
        ("{not json", "not valid JSON (line 1, column 2)"),
        ("[]", "not a copydesk baseline"),
        ('{"version": 99, "entries": []}', "unsupported version 99"),
        ('{"version": 1, "entries": {}}', "'entries' must be a list"),
        ('{"version": 1, "entries": [{"path": "a"}]}', "entry 1 needs"),
        (b"\xff\xfe", "cannot read it"),
    ],
)
def test_load_errors_are_one_line(tmp_path: Path, content: str | bytes | None, words: str) -> None:
    base = tmp_path / "b.json"
    if isinstance(content, str):
        base.write_text(content, encoding="utf-8")
    elif isinstance(content, bytes):
        base.write_bytes(content)
    with pytest.raises(ValueError) as info:
        load_baseline(base)
    message = str(info.value)
    assert words in message
    assert "\n" not in message
    assert str(base) in message


def test_context_stays_inside_the_paragraph() -> None:
    source = "First para ends here.\n\nteh starts the second.\n"
    start = source.index("teh")
    assert context_of(source, start, start + 3) == " | starts the second"
    crlf = "First para.\r\n\r\nteh starts.\r\n"
    start = crlf.index("teh")
    assert context_of(crlf, start, start + 3) == " | starts"


def test_context_of_long_text_is_local() -> None:
    words = " ".join(f"w{n}" for n in range(5000))
    start = words.index("w2500")
    assert context_of(words, start, start + 5) == "w2497 w2498 w2499 | w2501 w2502 w2503"
    huge = "x" * 2000 + " a b c TARGET d e f " + "y" * 2000
    start = huge.index("TARGET")
    assert context_of(huge, start, start + 6) == "a b c | d e f"
    lone = "y" * 3000 + " TARGET"
    start = lone.index("TARGET")
    assert context_of(lone, start, start + 6) == "y" * 3000 + " | "


def test_identify_without_source_uses_the_excerpt() -> None:
    f = find("a.md", "x teh y", "teh", "CD101")
    (ident,) = identify([f], None)
    assert (ident.text, ident.context, ident.occurrence) == ("teh", "", 0)
