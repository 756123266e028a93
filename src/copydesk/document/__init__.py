"""Documents: decoded source, a same-length masked copy holding only prose, scoped blocks,
exempt spans, inline suppressions and a line index. ``load_document`` picks the reader."""

from copydesk.document.model import Block, Document, LineIndex, Suppression
from copydesk.document.read import InputError, decode, load_document, parse_document

__all__ = [
    "Block",
    "Document",
    "InputError",
    "LineIndex",
    "Suppression",
    "decode",
    "load_document",
    "parse_document",
]
