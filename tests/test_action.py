"""The GitHub Action (action.yml): valid against SchemaStore's schema for action metadata (as
vendored by check-jsonschema), documented by a README workflow that is itself valid and uses
only the action's inputs, and its copydesk step run here as the runner would run it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))

needs_checker = pytest.mark.skipif(
    not CHECK_JSONSCHEMA.exists(), reason="check-jsonschema is not installed"
)


def _validate(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _readme_workflow() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### In GitHub Actions", 1)[1].split("\n### ", 1)[0]
    [workflow] = re.findall(r"```yaml\n(.*?)```", section, re.S)
    return workflow


@needs_checker
def test_action_metadata_is_valid() -> None:
    proc = _validate("vendor.github-actions", ROOT / "action.yml")
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_checker
def test_the_schema_check_catches_a_broken_action(tmp_path: Path) -> None:
    broken: dict[str, Any] = json.loads(json.dumps(ACTION))
    for step in broken["runs"]["steps"]:
        step.pop("shell", None)  # a composite step's run needs its shell
    path = tmp_path / "action.yml"
    path.write_text(yaml.safe_dump(broken))
    assert _validate("vendor.github-actions", path).returncode != 0


@needs_checker
def test_readme_workflow_is_valid_and_uses_real_inputs(tmp_path: Path) -> None:
    workflow = _readme_workflow()
    path = tmp_path / "copy.yml"
    path.write_text(workflow)
    proc = _validate("vendor.github-workflows", path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    steps = yaml.safe_load(workflow)["jobs"]["copydesk"]["steps"]
    [ours] = [s for s in steps if str(s.get("uses", "")).startswith("copydesk/copydesk@")]
    assert set(ours["with"]) <= set(ACTION["inputs"])
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        assert f"`{name}`" in readme, f"input {name} is not documented"
    for name in ACTION["outputs"]:
        assert f"`{name}`" in readme, f"output {name} is not documented"


def _step(step_id: str) -> dict[str, Any]:
    step: dict[str, Any] = next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)
    return step


def _expand(value: str, inputs: dict[str, str], context: dict[str, str]) -> str:
    """The ``${{ inputs.x }}``, ``${{ runner.temp }}`` ... references that the step's env uses."""

    def one(m: re.Match[str]) -> str:
        ref = m.group(1).strip()
        if ref.startswith("inputs."):
            return inputs[ref[len("inputs.") :]]
        return context[ref]

    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def _run_check_step(
    tmp_path: Path, **given: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    inputs = {k: str(v.get("default", "")) for k, v in ACTION["inputs"].items()} | given
    step = _step("check")
    temp = tmp_path / "runner-temp"
    temp.mkdir(exist_ok=True)
    output = tmp_path / "github-output"
    output.write_text("")
    context = {"runner.temp": str(temp), "github.action_path": str(ROOT)}
    env = {k: _expand(str(v), inputs, context) for k, v in step["env"].items()}
    env |= {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(output),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "COPYDESK_CACHE_DIR": str(tmp_path / "cache"),
    }
    assert step["shell"] == "bash"
    # the runner runs a bash step as: bash --noprofile --norc -eo pipefail {0}
    script = tmp_path / "step.sh"
    script.write_text(step["run"])
    proc = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
        cwd=tmp_path / "repo",
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines() if line)
    return proc, outputs


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    stories = tmp_path / "repo" / "stories"
    stories.mkdir(parents=True)
    (stories / "vote.md").write_text(
        "# Vote\n\nThe council voted on the the budget , officials said.\n"
    )
    (tmp_path / "repo" / "notes").mkdir()
    (tmp_path / "repo" / "notes" / "clean.md").write_text("# Notes\n\nNothing to see.\n")
    return tmp_path / "repo"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_annotations(repo: Path) -> None:
    proc, outputs = _run_check_step(repo.parent, paths="stories notes")
    assert proc.returncode == 0, proc.stderr  # findings are judged by the last step
    assert outputs["exit-code"] == "1"
    assert "::error file=stories/vote.md,line=3,col=" in proc.stdout
    assert "title=MEC001" in proc.stdout


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_sarif_and_args(repo: Path) -> None:
    proc, outputs = _run_check_step(
        repo.parent, paths="stories", report="sarif", args="--select MEC003 --fail-level error"
    )
    assert proc.returncode == 0, proc.stderr
    assert outputs["exit-code"] == "0"  # MEC003 is a warning, below the fail level given
    sarif = json.loads(Path(outputs["sarif-file"]).read_text())
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["MEC003"]
    location = results[0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "stories/vote.md"
    # the upload step's condition holds, and the fail step's does not
    upload = next(s for s in ACTION["runs"]["steps"] if "upload-sarif" in str(s.get("uses")))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif-file }}"


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")
def test_bad_input_stops_the_action(repo: Path) -> None:
    proc, _ = _run_check_step(repo.parent, report="pdf")
    assert proc.returncode == 2 and "report must be annotations or sarif" in proc.stdout
    (repo / "copydesk.toml").write_text("fail-level = 'loud'\n")
    proc, outputs = _run_check_step(repo.parent)
    assert proc.returncode == 2 and outputs["exit-code"] == "2"
