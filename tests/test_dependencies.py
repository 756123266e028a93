"""The light install is enough: every module copydesk imports at run time is in the standard
library or a base dependency, save those imported behind an ``except ImportError`` that says
which extra to install, and those of a package that serves one extra's command only (which
checks for the extra before importing the package)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
# import name -> distribution name, for the packages copydesk imports
DISTRIBUTIONS = {
    "markdown_it": "markdown-it-py",
    "yaml": "pyyaml",
    "pathspec": "pathspec",
    "language_tool_python": "language-tool-python",
    "spellchecker": "pyspellchecker",
    "dask": "dask",
    "distributed": "dask",
    "pyarrow": "pyarrow",
}
# sub-packages behind one extra: their command refuses to start without it
EXTRA_PACKAGES = {"audit": "archive"}


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+", requirement)
    assert match, requirement
    return match.group().lower()


def _guarded(tree: ast.AST) -> set[int]:
    """Line numbers of imports inside a ``try`` that catches ImportError."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try):
            continue
        caught = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
        if any("ImportError" in c or "ModuleNotFoundError" in c for c in caught):
            for inner in node.body:
                lines.update(n.lineno for n in ast.walk(inner) if hasattr(n, "lineno"))
    return lines


def _third_party_imports() -> dict[str, list[str]]:
    """import name -> 'file:line' of every unguarded import of a third-party module."""
    found: dict[str, list[str]] = {}
    src = ROOT / "src" / "copydesk"
    for path in sorted(src.rglob("*.py")):
        if path.relative_to(src).parts[0] in EXTRA_PACKAGES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        guarded = _guarded(tree)
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("copydesk", "_blake2"):
                    continue
                if node.lineno in guarded:
                    continue
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                found.setdefault(top, []).append(where)
    return found


def test_base_dependencies_are_the_runtime_imports() -> None:
    base = {_name(r) for r in PROJECT["dependencies"]}
    imports = _third_party_imports()
    for module, where in imports.items():
        assert module in DISTRIBUTIONS, f"unknown third-party import {module} at {where}"
        assert DISTRIBUTIONS[module] in base, f"{module} ({where}) is not a base dependency"
    used = {DISTRIBUTIONS[m] for m in imports}
    assert base == used, f"base dependencies nothing imports: {base - used}"


def test_extra_packages_import_only_their_extra() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    for package, extra in EXTRA_PACKAGES.items():
        allowed = {_name(r) for r in PROJECT["dependencies"]} | {_name(r) for r in extras[extra]}
        for path in sorted((ROOT / "src" / "copydesk" / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    top = node.module.split(".")[0]
                elif isinstance(node, ast.Import):
                    top = node.names[0].name.split(".")[0]
                else:
                    continue
                if top in sys.stdlib_module_names or top == "copydesk":
                    continue
                assert DISTRIBUTIONS.get(top) in allowed, f"{path}:{node.lineno}: {top}"


def test_heavy_packages_are_extras() -> None:
    base = {_name(r) for r in PROJECT["dependencies"]}
    assert "pyspellchecker" not in base  # its word list is built into the package
    assert "language-tool-python" not in base
    extras = {k: {_name(r) for r in v} for k, v in PROJECT["optional-dependencies"].items()}
    assert "language-tool-python" in extras["grammar"]
    assert "pyspellchecker" in extras["lexicon"]
    assert {"grammar", "lsp", "archive", "dev"} <= set(extras)
    assert "copydesk" in extras["dev"]  # dev pulls in the runtime extras


def test_grammar_without_its_extra_says_what_to_install() -> None:
    source = (ROOT / "src" / "copydesk" / "grammar" / "local.py").read_text(encoding="utf-8")
    assert "copydesk[grammar]" in source


def test_project_metadata() -> None:
    assert (
        (ROOT / "LICENSE")
        .read_text(encoding="utf-8")
        .startswith(
            "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3"
        )
    )
    assert PROJECT["license"] == "GPL-3.0-or-later"
    assert {"Homepage", "Repository", "Issues", "Changelog"} <= set(PROJECT["urls"])
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog") and "## [Unreleased]" in changelog
    assert f"## [{PROJECT['version']}]" in changelog
