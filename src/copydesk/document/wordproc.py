"""Word-processor files: which extensions they are, and reading one into a Document.

Their findings carry a line and a column like any other, but a line is a paragraph (counted
in reading order: body and table cells, then footnotes, then endnotes; empty paragraphs are
not counted) and a column is a character within it. Reporters say so where a reader would
otherwise look for a line of a text file."""

from __future__ import annotations

import os

from copydesk.document.model import Document

WORD_EXTENSIONS = frozenset({".docx", ".odt"})
_KINDS = {".docx": ("docx", "Word document"), ".odt": ("odt", "OpenDocument text")}


def is_word_document(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in WORD_EXTENSIONS


def read_word(data: bytes, path: str, shown: str) -> Document:
    """Parse a .docx or .odt held in ``data``; an InputError names ``shown`` if it is broken."""
    from copydesk.document.package import Package
    from copydesk.document.paragraphs import build_document

    kind, label = _KINDS[os.path.splitext(path)[1].lower()]
    pkg = Package(data, shown, label)
    try:
        if kind == "docx":
            from copydesk.document.docx import read_docx

            paragraphs = read_docx(pkg)
        else:
            from copydesk.document.odt import read_odt

            paragraphs = read_odt(pkg)
    except RecursionError:  # the readers walk the XML tree; no real document nests this deep
        pkg.fail("its XML nests too deeply")
    return build_document(paragraphs, shown, kind)


def describe_position(path: str, line: int, column: int) -> str:
    """'line 3, column 10', or 'paragraph 3, character 10' in a word processor's file."""
    if is_word_document(path):
        return f"paragraph {line}, character {column}"
    return f"line {line}, column {column}"
