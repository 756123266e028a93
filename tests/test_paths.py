"""Path handling memoised per folder must answer as the plain pathlib/os.path calls do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from copydesk.config import Config
from copydesk.engine.session import _display


def plain_relpath(config: Config, path: Path) -> str:
    try:
        return path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def plain_display(path: Path) -> str:
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "r" / "a" / "b").mkdir(parents=True)
    (tmp_path / "out").mkdir()
    (tmp_path / "r" / "link").symlink_to(tmp_path / "out")
    (tmp_path / "r" / "a" / "f.md").symlink_to(tmp_path / "out" / "g.md")
    (tmp_path / "r" / "a" / "..draft").mkdir()
    monkeypatch.chdir(tmp_path / "r")
    return tmp_path


NAMES = [
    "x.md", "a/x.md", "a/f.md", "link/y.md", "a/../x.md", "a/b/..", ".", "..", "../x.md",
    "..draft.md", "a/..draft/y.md", "link", "a",
]  # fmt: skip


def test_relpath_and_display_match_the_plain_calls(tree: Path) -> None:
    names = [*NAMES, str(tree / "r" / "a" / "f.md"), str(tree / "out" / "z.md"), str(tree / "r")]
    for cwd in (tree / "r", tree / "r" / "a", tree):
        os.chdir(cwd)
        for root in (Path("."), tree / "r", Path("a"), tree / "r" / "link"):
            config = Config(root=root)
            for name in names:
                assert config.relpath(Path(name)) == plain_relpath(config, Path(name)), (cwd, name)
                assert _display(Path(name)) == plain_display(Path(name)), (cwd, name)
