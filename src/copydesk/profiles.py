"""Profiles: whether a file is news copy or documentation, which decides the rules that make
sense for it. ``news`` is the newsroom's house style with sourcing; ``docs`` drops the rules
that only make sense in news copy (sourcing, datelines, courtesy titles, attribution verbs) and
lowers unknown words to warnings, since technical text coins words. ``auto`` decides per file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Final, NamedTuple

from copydesk import patterncache

PROFILES: Final = ("auto", "news", "docs")

# What a profile changes besides the rules it turns off (a rule's ``profiles`` key): levels,
# each beneath the config's own [levels]. In documentation unknown words are often coinages
# and names, and brackets and quotation marks hold values, paths and links ("/", "\*", a
# link's parenthesis) that the balance checks cannot read whole: worth a look, not a warning.
PROFILE_LEVELS: Final[dict[str, dict[str, str]]] = {
    "news": {},
    "docs": {"TYP001": "warning", "MEC004": "suggestion", "MEC005": "suggestion"},
}

# Folders that hold documentation, whatever builds it.
DOCS_FOLDERS: Final = frozenset({"docs", "doc", "documentation", "_docs", "manual", "handbook"})
# Files every software project keeps beside its code: documentation by name.
DOCS_FILE_STEMS: Final = frozenset(
    {
        "readme", "contributing", "changelog", "changes", "history", "code_of_conduct",
        "security", "install", "installing", "support", "governance", "maintainers",
        "authors", "contributors", "upgrading", "migration",
    }
)  # fmt: skip
# Extensions of formats that only documentation sites use (MDX: Markdown with JSX).
DOCS_EXTENSIONS: Final = frozenset({".mdx", ".rst", ".adoc", ".qmd", ".ipynb"})

_FENCE: Final = patterncache.compile(r"^ {0,3}(?:```|~~~)", re.M)
# Links to where software lives: a text that points its reader at code is about software.
_CODE_HOST: Final = patterncache.compile(
    r"https?://(?:www\.)?((?:github|gitlab|codeberg|bitbucket)\.(?:com|org)|npmjs\.com"
    r"|pypi\.org|crates\.io|pkg\.go\.dev|rubygems\.org|packagist\.org|nuget\.org"
    r"|hub\.docker\.com|[\w-]+\.readthedocs\.io)/"
)
# Inline code spans that make a text technical: news copy in Markdown has none.
INLINE_CODE_MIN: Final = 3


class Choice(NamedTuple):
    profile: str  # "news" or "docs"
    reason: str  # why, in words a config comment or a report can show


def for_path(path: Path, root: Path | None = None) -> Choice | None:
    """The profile a file's place decides (a docs site generator, a docs folder, a
    documentation file name), or None when its place says nothing."""
    choice = _for_folder(str(path.parent), str(root) if root else "")
    if choice is not None:
        return choice
    if path.suffix.lower() in DOCS_EXTENSIONS:
        return Choice("docs", f"a {path.suffix} file, a documentation format")
    if path.stem.lower().replace("-", "_") in DOCS_FILE_STEMS:
        return Choice("docs", f"{path.name}, a project's documentation file")
    return None


@lru_cache(maxsize=1024)
def _for_folder(folder: str, root: str) -> Choice | None:
    from copydesk.sitegen import DOCS_GENERATORS, find_site_generator

    here = Path(folder).resolve()
    generator = find_site_generator(here)
    if generator in DOCS_GENERATORS:
        return Choice("docs", f"built with {generator}, a documentation site generator")
    top = Path(root).resolve() if root else None
    # Up to the repository root (or the config's folder): a docs folder above the project,
    # as in ~/docs/myblog, says nothing about it.
    while True:
        if here.name.lower() in DOCS_FOLDERS:
            return Choice("docs", f"under a {here.name}/ folder")
        if here == top or (here / ".git").exists() or here.parent == here:
            return None
        here = here.parent


def for_text(source: str, code_spans: Sequence[tuple[int, int]]) -> Choice:
    """The profile a text's content decides: code in it, or links to code, make it
    documentation; without either it is news copy."""
    if any("\n" in source[s:e] for s, e in code_spans) or _FENCE.search(source):
        return Choice("docs", "it has code blocks")
    if len(code_spans) >= INLINE_CODE_MIN:
        return Choice("docs", "it has inline code")
    host = _CODE_HOST.search(source)
    if host:
        return Choice("docs", f"it links to {host.group(1)}, where software is published")
    return Choice("news", "no docs site generator, docs folder, code or links to code")


def validate(value: object) -> str:
    if value not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {value!r}")
    return str(value)


def survey(folder: Path, limit: int = 2000) -> tuple[str, str]:
    """The profile to write into a new config for ``folder`` and why: each text file (up to
    ``limit``, as a check would walk them) is placed as ``auto`` would place it; all docs or
    all news gives that profile, a mix keeps ``auto``."""
    from collections import Counter

    from copydesk.config import ConfigFinder
    from copydesk.document import InputError, load_document
    from copydesk.engine.session import Session

    session = Session(ConfigFinder())
    verdicts: Counter[Choice] = Counter()
    for n, (path, err) in enumerate(session.files([str(folder)])):
        if err or n >= limit:
            break
        choice = for_path(path, folder)
        if choice is None:
            try:
                doc = load_document(str(path))
            except InputError:
                continue
            choice = for_text(doc.source, [(s.start, s.end) for s in doc.code_spans])
        verdicts[choice] += 1
    total = sum(verdicts.values())
    if not total:
        return "auto", "no text files yet: each file will be placed as it comes"
    docs = sum(n for c, n in verdicts.items() if c.profile == "docs")
    top = verdicts.most_common(1)[0][0].reason
    if docs == total:
        return "docs", f"all {total} text files read as documentation (most: {top})"
    if docs == 0:
        return "news", f"none of {total} text files reads as documentation"
    why = next(c.reason for c, _ in verdicts.most_common() if c.profile == "docs")
    return "auto", f"{docs} of {total} text files read as documentation (most: {why})"
