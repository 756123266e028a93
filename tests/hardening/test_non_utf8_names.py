"""A file whose name is not valid UTF-8 (bytes from another system's encoding): every report
format works, to stdout and with -o, each valid UTF-8, showing the stray byte as \\xNN (SARIF's
URI keeps the exact bytes, percent-encoded); fix still fixes the file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from copydesk.cli import main

pytestmark = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="needs a file system that takes any bytes"
)

RAW_NAME = b"caf\xe9 story.md"
SHOWN = "caf\\xe9 story.md"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    with open(os.path.join(os.fsencode(tmp_path), RAW_NAME), "wb") as fh:
        fh.write(b"The the council met.\n")
    (tmp_path / "ok.md").write_text("The the mayor spoke.\n")
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "html"])
@pytest.mark.parametrize("to_file", [True, False])
def test_every_format_reports_the_file(
    fmt: str, to_file: bool, folder: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    out_args = ["-o", "report.out"] if to_file else []
    code = main(["check", "--no-color", "--select", "MEC001", "--format", fmt, *out_args, "."])
    out, err = capsysbinary.readouterr()
    assert code == 1, err
    assert b"error" not in err
    data = (folder / "report.out").read_bytes() if to_file else out
    assert data
    text = data.decode("utf-8")  # valid UTF-8, whatever the format
    if fmt == "sarif":
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in json.loads(text)["runs"][0]["results"]}  # fmt: skip
        assert "caf%E9%20story.md" in uris
    elif fmt == "json":
        assert SHOWN in {f["path"] for f in json.loads(text)["files"]}
    elif fmt == "html":
        assert "caf\\xe9 story.md" in text or "caf&#92;xe9 story.md" in text
    else:
        assert SHOWN in text or "caf%5Cxe9 story.md" in text


def test_fix_fixes_it(folder: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["fix", "--no-color", "--select", "MEC001", "."]) == 0
    out, _ = capsysbinary.readouterr()
    with open(os.path.join(os.fsencode(folder), RAW_NAME), "rb") as fh:
        assert fh.read() == b"The council met.\n"
    out.decode("utf-8")


def test_result_cache_round_trips_it(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    outputs = []
    for _ in range(2):
        assert main(["check", "--format", "json", "--select", "MEC001", "."]) == 1
        outputs.append(capsysbinary.readouterr().out)
    assert outputs[0] == outputs[1]
    assert SHOWN in {f["path"] for f in json.loads(outputs[0])["files"]}
