"""A document known only as a list of paragraphs (a word processor's file) becomes a Document
whose source holds one paragraph per line, so that a finding's line is the paragraph's number
and its column the character within that paragraph."""

from __future__ import annotations

from typing import NamedTuple

from copydesk.document.mask import apply_mask
from copydesk.document.model import Block, Document, LineIndex
from copydesk.document.suppress import parse_suppressions


class Paragraph(NamedTuple):
    text: str  # no line breaks: the readers turn them into spaces
    scope: str
    joins_next: bool = False  # the paragraph mark itself was deleted in tracked changes


def build_document(paragraphs: list[Paragraph], path: str, kind: str) -> Document:
    """Paragraphs with no text are left out, so paragraph numbers count what a reader sees."""
    kept = [p for p in paragraphs if p.text.strip()]
    source = "".join(p.text + "\n" for p in kept)
    blocks: list[Block] = []
    pos = 0
    for para in kept:
        start = pos + len(para.text) - len(para.text.lstrip())
        blocks.append(Block(start, pos + len(para.text.rstrip()), para.scope))
        pos += len(para.text) + 1
    lines = LineIndex(source)
    suppressions, directives = parse_suppressions(source, lines)
    doc = Document(
        path=path,
        source=source,
        masked=apply_mask(source, [(d.start, d.end) for d in directives]),
        blocks=blocks,
        suppressions=suppressions,
        kind=kind,
    )
    doc.__dict__["lines"] = lines
    return doc
