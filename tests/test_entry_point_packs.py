"""Rule packs that installed distributions declare in the ``copydesk.packs`` entry point
group: found as ``importlib.metadata`` finds them, without importing it, and found again
when a distribution is added."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from copydesk.engine.registry import _declared_packs
from pack_rule import RULE

CLI = "import sys\nfrom copydesk.cli import main\nsys.exit(main())"


@pytest.mark.parametrize("group", ["console_scripts", "pytest11"])
def test_declared_entry_points_are_those_importlib_metadata_finds(group: str) -> None:
    # the test environment's own distributions (pytest declares both groups)
    expected = [(ep.name, ep.value) for ep in entry_points(group=group)]
    assert expected
    assert _declared_packs(group) == expected


def _install(site: Path, dist: str, pack: str, code: str, word: str) -> None:
    """A distribution as pip leaves it: a package holding a rule folder, and its metadata."""
    module = site / f"{dist}_rules"
    (module / "rules").mkdir(parents=True)
    (module / "__init__.py").write_text(
        "from pathlib import Path\n\nFOLDER = Path(__file__).parent / 'rules'\n"
    )
    (module / "rules" / f"{code}-no-{word}.yaml").write_text(
        RULE.format(code=code, name=f"no-{word}", word=word)
    )
    info = site / f"{dist}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        f"[console_scripts]\n{dist}-tool = {dist}_rules:main\n\n"
        f"[copydesk.packs]\n{pack} = {dist}_rules:FOLDER\n"
    )


def _check(tmp_path: Path, site: Path, packs: str) -> list[str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(site),
        "COPYDESK_CACHE_DIR": str(tmp_path / "cache"),
        "COPYDESK_NO_CACHE": "1",
    }
    (tmp_path / "work" / "copydesk.toml").write_text(f"packs = [{packs}]\n")
    proc = subprocess.run(
        [sys.executable, "-c", CLI, "check", "--format", "json", "a.md"],
        cwd=tmp_path / "work",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    return sorted(f["code"] for f in findings)


def test_a_distributions_pack_runs_and_a_new_one_is_seen(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "a.md").write_text("The gizmo and the widget arrived.\n")
    _install(site, "gizmo_house", "gizmos", "GZM001", "gizmo")
    assert _check(tmp_path, site, '"gizmos"') == ["GZM001"]
    # installing another distribution is seen by the next run, cache or not
    _install(site, "widget_house", "widgets", "WDG001", "widget")
    assert _check(tmp_path, site, '"gizmos", "widgets"') == ["GZM001", "WDG001"]
