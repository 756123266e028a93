"""Markdown dialects: which constructs beyond CommonMark a file's site generator gives meaning
to. A dialect is a set of features; the reader masks a construct's markup (and keeps the prose
inside it) only where the dialect has it, so that text which merely looks like a construct in
another dialect stays prose. ``universal``, for files whose generator is unknown, has them all:
a mixed repository's authors may use any of them, and markup read as prose costs more (false
findings on every page) than the rare prose read as markup."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

FEATURES = frozenset(
    {
        "admonition",  # !!! / ??? / ???+ and === tabs with indented bodies (Python-Markdown)
        "fenced-div",  # ::: note ... ::: (Docusaurus, Pandoc, Quarto, MyST)
        "block-marker",  # /// type ... /// (PyMdown blocks)
        "alert",  # > [!NOTE] (GitHub)
        "shortcode",  # {{< x >}} and {{% x %}} (Hugo)
        "liquid",  # {% tag %} and {{ value }} (Jekyll, Jinja in MkDocs macros)
        "attributes",  # {: .x} (kramdown), { #id .class } (Pandoc, Python-Markdown)
        "footnote",  # [^1] and [^1]: (most), ^[inline] (Pandoc)
        "emoji",  # :smile: (GitHub, PyMdown, Docusaurus)
        "math",  # $x$, $$ ... $$, \(x\), \[x\] and TeX commands
        "mdx",  # import/export statements and {expressions} (MDX)
        "citation",  # [@doe99; @roe03, p. 4] (Pandoc, Quarto)
    }
)

DIALECTS: dict[str, frozenset[str]] = {
    "gfm": frozenset({"alert", "footnote", "emoji", "math"}),
    "hugo": frozenset({"shortcode", "attributes", "footnote", "emoji", "math", "alert"}),
    # Zola's shortcodes are Tera: {{ name(args) }} and {% name() %} ... {% end %}
    "zola": frozenset({"liquid", "footnote", "emoji", "math"}),
    "jekyll": frozenset({"liquid", "attributes", "footnote", "math", "emoji"}),
    "mkdocs": frozenset(
        {"admonition", "block-marker", "liquid", "attributes", "footnote", "emoji", "math"}
    ),
    "docusaurus": frozenset({"fenced-div", "mdx", "footnote", "emoji", "math", "alert"}),
    "quarto": frozenset({"fenced-div", "attributes", "footnote", "math", "shortcode", "citation"}),
    "pandoc": frozenset({"fenced-div", "attributes", "footnote", "math", "citation"}),
    "commonmark": frozenset(),
    "universal": FEATURES - {"mdx"},
}
# a site generator whose Markdown is read as one of the dialects above
_GENERATOR_DIALECT = {
    "hugo": "hugo",
    "zola": "zola",
    "jekyll": "jekyll",
    "mkdocs": "mkdocs",
    "docusaurus": "docusaurus",
    "quarto": "quarto",
    "pandoc": "pandoc",
    "sphinx": "universal",  # MyST: fenced directives, footnotes, math
}
DIALECT_NAMES = (*DIALECTS, "auto")


def dialect_for(path: str, configured: str = "auto") -> str:
    """The dialect a Markdown file is read in: the configured one, else its site generator's,
    else ``universal``. An ``.mdx`` file is MDX whatever else it is."""
    if configured != "auto":
        name = configured
    elif not path or path.startswith("<"):
        name = "universal"
    else:
        name = _folder_dialect(os.path.dirname(os.path.abspath(path)))
    if os.path.splitext(path)[1].lower() == ".mdx" and "mdx" not in features(name):
        return name + "+mdx"
    return name


@lru_cache(maxsize=1024)
def _folder_dialect(folder: str) -> str:
    from copydesk.sitegen import find_site_generator

    return _GENERATOR_DIALECT.get(find_site_generator(Path(folder)) or "", "universal")


def features(dialect: str) -> frozenset[str]:
    name, _, extra = dialect.partition("+")
    found = DIALECTS.get(name, DIALECTS["universal"])
    return found | {"mdx"} if extra == "mdx" else found
