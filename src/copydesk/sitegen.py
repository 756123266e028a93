"""Which site generator a file or folder belongs to, found by the generator's own configuration
files, walking up from the file to the root of its repository (or of the file system).

The answer picks the Markdown dialect a file is read in (see ``document/dialect.py``) and, for
documentation sites, other defaults. A folder with none of these files gives None, and the
Markdown reader then tolerates every common construct."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

# Generators whose sites are documentation rather than articles.
DOCS_GENERATORS = frozenset(
    {"mkdocs", "docusaurus", "quarto", "sphinx", "vitepress", "docsify", "mdbook", "antora"}
)

# Marker files, in the order they are tried in each folder: a folder holding markers of two
# generators (a Hugo site with a mkdocs.yml for its docs) answers for the first.
_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("docusaurus", ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs",
                    "docusaurus.config.cjs")),
    ("mkdocs", ("mkdocs.yml", "mkdocs.yaml")),
    ("quarto", ("_quarto.yml", "_quarto.yaml")),
    ("hugo", ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")),
    ("zola", ("zola.toml",)),
    ("jekyll", ("_config.yml", "_config.yaml")),
    ("sphinx", ("conf.py",)),
    ("mdbook", ("book.toml",)),
    ("vitepress", (".vitepress",)),
    ("antora", ("antora.yml", "antora-playbook.yml")),
    ("pandoc", ("_pandoc.yaml", "pandoc.yaml", "defaults.yaml")),
)  # fmt: skip
# A config.toml / config.yaml is Hugo's only beside content/ or layouts/, Zola's config.toml
# has base_url; otherwise the name is too common to mean anything.
_HUGO_DIRS = ("content", "layouts", "archetypes", "themes")


def _generator_of(folder: Path) -> str | None:
    try:
        names = set(os.listdir(folder))  # one call per folder, not one per marker file
    except OSError:
        return None
    for name, files in _MARKERS:
        if any(f in names for f in files):
            if name == "sphinx" and not _is_sphinx_conf(folder / "conf.py"):
                continue
            return name
    for cfg in ("config.toml", "config.yaml", "config.yml", "config.json"):
        if cfg not in names:
            continue
        if cfg == "config.toml" and _mentions(folder / cfg, "base_url"):
            return "zola"
        if any(d in names and (folder / d).is_dir() for d in _HUGO_DIRS):
            return "hugo"
    return None


def _mentions(path: Path, word: str) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return word in fh.read(65536)
    except OSError:
        return False


def _is_sphinx_conf(path: Path) -> bool:
    return _mentions(path, "extensions") or _mentions(path, "html_theme")


@lru_cache(maxsize=4096)
def _find_in(folder: Path) -> str | None:
    found = _generator_of(folder)
    if found is not None:
        return found
    if folder.parent == folder or os.path.exists(os.path.join(folder, ".git")):
        return None  # the repository's root: a generator above it is not this file's
    return _find_in(folder.parent)


def find_site_generator(path: Path) -> str | None:
    """The site generator of the file or folder ``path`` ("hugo", "jekyll", "mkdocs",
    "docusaurus", "quarto", "zola", "sphinx", "pandoc", ...), or None when no generator's
    configuration is found between it and its repository's root."""
    try:
        folder = path.resolve()
    except OSError:
        folder = path.absolute()
    if not folder.is_dir():
        folder = folder.parent
    try:
        return _find_in(folder)
    except OSError:
        return None
