"""Which static site generator builds a folder of Markdown, found from the generator's own
configuration file in the folder or one above it, up to the repository's root."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

# Generators made for documentation; Hugo, Jekyll, Zola and the like build blogs and news
# sites as often as manuals, so their presence alone says nothing about the copy.
DOCS_GENERATORS: frozenset[str] = frozenset(
    {"mkdocs", "docusaurus", "sphinx", "vitepress", "mdbook", "antora", "docsify", "starlight"}
)

# (generator, file names that mark it); the first match in a folder wins, so files that more
# than one generator might own come last.
_MARKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mkdocs", ("mkdocs.yml", "mkdocs.yaml")),
    ("docusaurus", ("docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs")),
    ("sphinx", ("conf.py",)),
    ("vitepress", (".vitepress",)),
    ("mdbook", ("book.toml",)),
    ("antora", ("antora.yml", "antora-playbook.yml")),
    ("docsify", (".docsify",)),
    ("quarto", ("_quarto.yml", "_quarto.yaml")),
    ("hugo", ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")),
    ("zola", ("zola.toml",)),
    ("eleventy", (".eleventy.js", "eleventy.config.js", "eleventy.config.mjs")),
    ("gatsby", ("gatsby-config.js", "gatsby-config.ts")),
    ("astro", ("astro.config.mjs", "astro.config.ts")),
    ("jekyll", ("_config.yml", "_config.yaml")),
)
# A config.toml is Hugo's when it names a baseURL, Zola's when it names a base_url.
_CONFIG_TOML_KEYS = (("hugo", "baseurl"), ("zola", "base_url"))


def find_site_generator(path: Path) -> str | None:
    """The generator of the nearest folder at or above ``path`` (a file or a folder) that has
    a generator's configuration, stopping at the repository root; None when there is none."""
    folder = path if path.is_dir() else path.parent
    return _for_folder(str(folder.resolve()))


@lru_cache(maxsize=1024)
def _for_folder(folder: str) -> str | None:
    here = Path(folder)
    found = _in_folder(here)
    if found is not None or (here / ".git").exists() or here.parent == here:
        return found
    return _for_folder(str(here.parent))


def _in_folder(folder: Path) -> str | None:
    try:
        names = {p.name for p in folder.iterdir()}
    except OSError:
        return None
    for generator, markers in _MARKERS:
        if any(m in names for m in markers):
            if generator == "sphinx" and not _mentions(folder / "conf.py", "sphinx", "extensions"):
                continue
            return generator
    if "config.toml" in names:
        try:
            text = (folder / "config.toml").read_text(encoding="utf-8", errors="replace").lower()
        except OSError:
            return None
        for generator, key in _CONFIG_TOML_KEYS:
            if key in text:
                return generator
    return None


def _mentions(path: Path, *words: str) -> bool:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(w in text for w in words)
