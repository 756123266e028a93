"""Bad input: a clear one-line error and exit 2, never a traceback, other files still checked."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from copydesk.cli import main

CLEAN = "The council met on Monday.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_binary_file_is_refused_and_others_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "ok.md").write_text("The the cat.\n")
    code, out, _ = run(
        ["check", "--no-color", str(tmp_path / "bin.txt"), str(tmp_path / "ok.md")], capsys
    )
    assert code == 2
    assert "binary file" in out
    assert "MEC001" in out


def test_invalid_utf8_names_file_and_byte_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Caf\xe9 au lait\n")
    (tmp_path / "good.md").write_text("The the end.\n")
    code, out, _ = run(["check", str(bad), str(tmp_path / "good.md")], capsys)
    assert code == 2
    line = next(line for line in out.splitlines() if "bad.md" in line)
    assert "not valid UTF-8" in line and "byte offset 3" in line
    assert "MEC001" in out


def test_utf16_with_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "u16.txt"
    f.write_bytes("Naïve the the end.\n".encode("utf-16"))
    code, out, _ = run(["check", "--format", "json", "--select", "MEC001", str(f)], capsys)
    assert code == 1
    assert '"line": 1, "column": 7' in out


def test_utf8_bom_and_crlf_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfFirst line.\r\nSay the the word.\r\n")
    code, out, _ = run(["check", "--no-color", "--select", "MEC001", str(f)], capsys)
    assert code == 1
    assert "bom.txt:2:5: MEC001" in out


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "empty.md"
    f.write_text("")
    code, _, _ = run(["check", str(f)], capsys)
    assert code == 0


def test_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(tmp_path / "nope.md")], capsys)
    assert code == 2
    assert "no such file" in out


def test_folder_where_a_file_is_expected(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check", "--config", str(tmp_path), str(tmp_path)], capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "no such config file" in err


def test_symlink_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.symlink_to(b)
    b.symlink_to(a)
    code, out, _ = run(["check", str(a)], capsys)
    assert code == 2
    assert "symbolic links" in out


def test_unreadable_file(tmp_path: Path) -> None:
    # pytest's tmp folders are private to root; use one that another user can walk into
    tmp_path = Path(tempfile.mkdtemp(prefix="copydesk-unreadable-"))
    tmp_path.chmod(0o755)
    f = tmp_path / "secret.md"
    f.write_text(CLEAN)
    f.chmod(0)
    cmd = [sys.executable, "-m", "copydesk.cli", "check", str(f)]
    if os.geteuid() == 0:  # root reads anything: drop to nobody for this one run
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a file unreadable")
        cmd = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    proc = subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        env={**os.environ, "COPYDESK_CACHE_DIR": str(tmp_path / "c")},
        cwd=tmp_path,
    )
    shutil.rmtree(tmp_path, ignore_errors=True)
    assert proc.returncode == 2, proc.stderr
    assert "permission denied" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr


def test_malformed_rule_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "r.yaml").write_text("code: HSE001\nname: [oops\n")
    (tmp_path / "copydesk.toml").write_text('rule-paths = ["house"]\n')
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(["check", str(tmp_path / "a.md")], capsys)
    assert code == 2
    assert "r.yaml:" in err and "invalid YAML" in err
    assert len(err.strip().splitlines()) == 1


def test_unknown_code_in_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "copydesk.toml").write_text('fail-level = "warning"\nignore = ["ZZZ999"]\n')
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(["check", str(tmp_path / "a.md")], capsys)
    assert code == 2
    assert "copydesk.toml:2:" in err and "ZZZ999" in err


def test_bad_toml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "copydesk.toml").write_text('language = "en-GB"\nselect = [\n')
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(["check", str(tmp_path / "a.md")], capsys)
    assert code == 2
    assert "copydesk.toml:" in err and "invalid TOML" in err


def test_bad_config_value_names_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "copydesk.toml").write_text('language = "en-GB"\n\n[house]\npercent = "pc"\n')
    (tmp_path / "a.md").write_text(CLEAN)
    code, _, err = run(["check", str(tmp_path / "a.md")], capsys)
    assert code == 2
    assert "copydesk.toml:4:" in err and "percent" in err


def test_unknown_code_in_suppression_is_a_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "a.md"
    f.write_text("<!-- copydesk: disable=ZZZ999 -->\nThe council met.\n")
    code, out, _ = run(["check", "--no-color", str(f)], capsys)
    assert "CDK001" in out and "ZZZ999" in out
    assert code == 1


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _err = run(["check", "--format", "nope"], capsys)
    assert code == 2


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("open.md", "---\ntitle: never closed\n\nThe story.\n", "never closed"),
        ("bad-toml.md", "+++\ntitle = 1 2\n+++\n\nThe story.\n", "line 2"),
        ("marked.html", "<p>Some <![x text.</p>\n", None),
    ],
)
def test_bad_markup_is_one_line_and_others_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, says: str | None
) -> None:
    bad = tmp_path / name
    bad.write_text(content)
    (tmp_path / "good.md").write_text("The the end.\n")
    code, out, _ = run(["check", "--no-color", str(bad), str(tmp_path / "good.md")], capsys)
    assert "MEC001" in out
    if says is None:  # read as a browser would: no error at all
        assert code == 1 and "could not be read" not in out
        return
    assert code == 2
    lines = [line for line in out.splitlines() if name in line]
    assert len(lines) == 1 and says in lines[0]
