"""YAML front matter without a YAML parser: only top-level ``key: value`` lines matter, and
importing a YAML library on every run would cost more than the whole check of a short article.
Prose fields (title, dek, ...) stay visible to the rules; everything else is masked."""

from __future__ import annotations

import re

from copydesk.document.model import Block

DEFAULT_PROSE_FIELDS = (
    "title",
    "headline",
    "dek",
    "summary",
    "description",
    "subtitle",
    "standfirst",
    "excerpt",
    "caption",
)
_HEADING_FIELDS = frozenset({"title", "headline"})

_OPEN = re.compile(r"---[ \t]*(?:\r\n|\r|\n)")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$", re.MULTILINE)


def split_front_matter(
    source: str, prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS
) -> tuple[int, list[Block]]:
    """Return the offset where the body starts (0 when there is no front matter) and the blocks
    of prose values inside the front matter."""
    if not _OPEN.match(source):
        return 0, []
    close = _CLOSE.search(source, _OPEN.match(source).end())  # type: ignore[union-attr]
    if close is None:
        return 0, []
    body_start = close.end()
    blocks: list[Block] = []
    wanted = {f.lower() for f in prose_fields}
    for m in _KEY.finditer(source, 0, close.start()):
        if m.group(1).lower() not in wanted:
            continue
        start, end = m.start(2), m.end(2)
        value = source[start:end]
        if not value or value in {"|", ">", "|-", ">-"}:
            continue  # block scalars and empty values are not linted (rare in news front matter)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            start, end = start + 1, end - 1
        scope = "heading" if m.group(1).lower() in _HEADING_FIELDS else "paragraph"
        blocks.append(Block(start, end, scope))
    return body_start, blocks
