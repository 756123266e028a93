"""Every shell command in README.md and docs/*.md is either run here, in a scratch folder,
or named with the test or script that runs it. A command added to the docs without either
fails ``test_every_command_is_accounted_for``."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# Run elsewhere: the command, and what runs it.
QUICK_START = {
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/copydesk check examples/calais-crossing.md": ".ci/run (verbatim, from a fresh clone)",
    ".venv/bin/pip install -e '.[dev]' && .venv/bin/python -m pytest -q": ".ci/run (verbatim, the test command)",
}
# Needs what tests may not use: a command of its own kind, and what covers it instead.
ELSEWHERE = {
    "copydesk serve": "a server that runs until stopped: tests/serve/test_serve.py starts it on a free loopback port",
    "copydesk serve --port 8081": "a server that runs until stopped: tests/serve/test_serve.py starts it on a free loopback port",
    'copydesk serve --port 8082 --config newsroom/copydesk.toml --api-key "$KEY"': "a server that runs until stopped: tests/serve/test_serve.py starts it on a free loopback port",
    ".venv/bin/python benchmarks/lsp_latency.py --rounds 60": (
        "it times a language server: run by hand; tests/lsp drive the same server"
    ),
    "copydesk audit archive.parquet --group-by author --out audit/ --scheduler tcp://10.0.0.5:8786": (
        "a cluster at another address: tests/audit/test_audit_equivalence.py runs --scheduler "
        "against a scheduler on loopback"
    ),
}
# The measuring scripts read the shared evaluation folder, which tests may not need: here
# each script and every option the docs give it are checked against its --help.
NEEDS_SHARED = "benchmarks/ with ../shared: run by hand; script and options checked here"

STORY = "The council voted on the the budget , officials said.\n"


def documented_commands() -> list[tuple[str, str]]:
    """(file, command) for each command line of the docs' shell blocks (fenced as sh, bash or
    shell, or unlabelled), comments dropped."""
    found = []
    for doc in DOCS:
        fence: str | None = None  # the open block's language, "" when unlabelled
        pending = ""  # a command continued on the next line with a backslash
        for line in doc.read_text(encoding="utf-8").splitlines():
            if line.startswith("```"):
                fence = line[3:].strip() if fence is None else None
                continue
            if fence not in ("sh", "bash", "shell", ""):
                continue
            command = pending + re.sub(r"\s+#\s.*$", "", line).strip()
            if command.endswith("\\"):
                pending = command[:-1]
                continue
            pending = ""
            if re.match(r"(\.venv/bin/|copydesk |python3? |cat |pip )", command):
                found.append((doc.relative_to(ROOT).as_posix(), command))
    return found


COMMANDS = documented_commands()


def _how(command: str) -> str:
    if command in QUICK_START:
        return QUICK_START[command]
    if command in ELSEWHERE:
        return ELSEWHERE[command]
    if re.fullmatch(r"pip install 'copydesk\[\w+\]'", command):
        return "an extra: test_named_extras_exist checks it, .ci/run installs it through dev"
    if re.match(r"\.venv/bin/python benchmarks/\w+\.py \.\./shared", command):
        return NEEDS_SHARED
    if re.match(r"\.venv/bin/python -m pytest -q tests/fuzz --", command):
        return "a longer run of tests/fuzz, which the suite itself runs with a short profile"
    if re.match(r"python3? \.\./shared/", command):
        return "the evaluation's own scorer in ../shared: run by hand"
    if command.startswith(
        (
            "copydesk ",
            "cat ",
            ".venv/bin/python benchmarks/rule_times.py",
            ".venv/bin/python benchmarks/entry_scaling.py",
        )
    ):
        return "run"
    return ""


def test_every_command_is_accounted_for() -> None:
    assert len(COMMANDS) > 15
    unaccounted = [f"{doc}: {cmd}" for doc, cmd in COMMANDS if not _how(cmd)]
    assert not unaccounted, "documented commands that nothing runs:\n" + "\n".join(unaccounted)


def test_ci_runs_the_quick_start_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = [cmd for doc, cmd in COMMANDS if doc == "README.md" and cmd in QUICK_START]
    assert len(readme) == 2
    for command in readme:
        assert command in ci, f".ci/run does not run the README's {command!r}"


def test_named_extras_exist() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    named = [m for _, c in COMMANDS for m in re.findall(r"copydesk\[(\w+)\]", c) if "pip" in c]
    assert named
    for extra in named:
        assert extra in extras
        assert extra in extras["dev"][0] or extra == "dev", f"dev does not bring in {extra}"


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """A scratch folder with what the README's examples name: stories/, story.md, archive/."""
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "council.md").write_text(STORY)
    (tmp_path / "story.md").write_text(STORY)
    archive = tmp_path / "archive"
    archive.mkdir()
    rows = []
    for n in range(3):
        text = f"Councillor Brightwater spoke on day {n}."
        (archive / f"day{n}.md").write_text(text + "\n")
        rows.append({"id": f"d{n}", "slug": f"d{n}", "desk": "home", "year": 2020 + n,
                     "text": text, "body": text})  # fmt: skip
    lines = "".join(json.dumps(r) + "\n" for r in rows)
    (archive / "days.jsonl").write_text(lines)
    (tmp_path / "archive.jsonl").write_text(lines)
    try:
        import docx  # python-docx, a dev extra: writes a real Word document
    except ImportError:
        pass
    else:
        document = docx.Document()
        document.add_paragraph(STORY.strip())
        document.save(str(tmp_path / "stories" / "budget.docx"))
    return tmp_path


RUN = [(doc, cmd) for doc, cmd in COMMANDS if _how(cmd) == "run"]


@pytest.mark.parametrize(("doc", "command"), RUN, ids=[c for _, c in RUN])
def test_documented_command_runs(newsroom: Path, doc: str, command: str) -> None:
    if ".docx" in command and not any(newsroom.rglob("*.docx")):
        pytest.skip("python-docx is not installed to write the Word document")
    if command.startswith("copydesk audit"):
        pytest.importorskip("distributed")
    if "rule_times.py" in command or "entry_scaling.py" in command:
        # their folder is perf.py's output: give them a small one, and fewer entries
        command = command.replace("bench-out/corpus", "examples")
        command = command.replace("--sizes 200,2000", "--sizes 20,40")
        command = command.replace(".venv/bin/python", shlex.quote(sys.executable))
        command = command.replace("benchmarks/", shlex.quote(str(ROOT / "benchmarks")) + "/")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", "NO_COLOR": "1"}
    proc = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        cwd=newsroom,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    # 0 clean, 1 findings: both are a command that worked; 2 would be a broken example
    assert proc.returncode in (0, 1), f"{doc}: {command}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr and "error" not in proc.stderr.lower(), proc.stderr
    if command.startswith("copydesk vocab learn"):
        assert "Brightwater" in (newsroom / "vocab" / "accept.txt").read_text()
    if command.startswith("copydesk init"):
        assert (newsroom / "copydesk.toml").is_file()
    if command.startswith("copydesk fix"):
        assert "the the" not in (newsroom / "stories" / "council.md").read_text()


SHARED = sorted({cmd for _, cmd in COMMANDS if _how(cmd) == NEEDS_SHARED})


@pytest.mark.parametrize("command", SHARED)
def test_measuring_command_names_a_real_script_and_options(command: str) -> None:
    words = shlex.split(command)
    script = ROOT / words[1]
    assert script.is_file(), command
    helptext = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120
    )
    assert helptext.returncode == 0, helptext.stderr
    for word in words[3:]:
        if word.startswith("--"):
            assert word in helptext.stdout, f"{command}: {script.name} has no option {word}"
