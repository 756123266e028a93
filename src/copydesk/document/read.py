"""Reading files: decoding with clear errors, and picking the reader by extension."""

from __future__ import annotations

import codecs
import os

from copydesk.document.errors import InputError as InputError
from copydesk.document.frontmatter import (
    DEFAULT_PROSE_FIELDS,
    FrontMatterError,
    split_front_matter,
)
from copydesk.document.inline import Inline
from copydesk.document.mask import apply_mask, show_characters
from copydesk.document.model import Block, Document, LineIndex
from copydesk.document.suppress import parse_suppressions
from copydesk.document.wordproc import WORD_EXTENSIONS, is_word_document
from copydesk.model import Span

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mdx"})
HTML_EXTENSIONS = frozenset({".html", ".htm", ".xhtml"})
TEXT_EXTENSIONS = frozenset({".txt", ".text"})
SUPPORTED_EXTENSIONS = MARKDOWN_EXTENSIONS | HTML_EXTENSIONS | TEXT_EXTENSIONS | WORD_EXTENSIONS
MAX_BYTES = 20 * 1024 * 1024


def kind_for(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in MARKDOWN_EXTENSIONS:
        return "markdown"
    if ext in HTML_EXTENSIONS:
        return "html"
    return "text"


def decode(data: bytes, path: str) -> tuple[str, str, bool]:
    """Return (text, encoding, had_bom). UTF-8 (with or without BOM) and UTF-16 with a BOM."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, bom, payload = "utf-8", True, data[3:]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, bom = "utf-16", True
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not valid UTF-16 (byte offset {exc.start})") from None
        return text, encoding, bom
    else:
        encoding, bom, payload = "utf-8", False, data
    if b"\x00" in payload[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not checked")
    try:
        return payload.decode("utf-8"), encoding, bom
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{payload[exc.start]:02x} at byte offset {offset})"
        ) from None


def read_bytes(path: str) -> bytes:
    try:
        # One open and one fstat: a corpus run reads thousands of files.
        with open(path, "rb", buffering=0) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > MAX_BYTES:
                raise InputError(f"{path}: file too large ({size} bytes; the limit is {MAX_BYTES})")
            return fh.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        if os.path.isdir(path):  # Windows refuses to open a folder this way
            raise InputError(f"{path}: is a folder, expected a file") from None
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, expected a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def source_text(data: bytes, path: str, shown: str) -> str:
    """The text findings in ``data`` point into: the decoded file, or a word processor's
    paragraphs one per line."""
    if is_word_document(path):
        from copydesk.document.wordproc import read_word

        return read_word(data, path, shown).source
    return decode(data, shown)[0]


def load_document(
    path: str,
    display_path: str | None = None,
    prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS,
    data: bytes | None = None,
    dialect: str = "auto",
) -> Document:
    shown = display_path or path
    raw = read_bytes(path) if data is None else data
    if is_word_document(path):
        from copydesk.document.wordproc import read_word

        return read_word(raw, path, shown)
    text, encoding, bom = decode(raw, shown)
    kind = kind_for(path)
    if kind == "markdown":
        from copydesk.document.dialect import dialect_for

        dialect = dialect_for(path, dialect)
    doc = parse_document(text, shown, kind, prose_fields, dialect)
    doc.encoding, doc.bom = encoding, bom
    return doc


def parse_document(
    source: str,
    path: str = "<text>",
    kind: str = "text",
    prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS,
    dialect: str = "universal",
) -> Document:
    """Read ``source`` as a document of ``kind``; Markdown in ``dialect`` (see
    ``document/dialect.py``)."""
    try:
        body_start, blocks = split_front_matter(source, prose_fields)
    except FrontMatterError as exc:
        if kind == "text":  # plain text has no front matter to get wrong: read it all
            body_start, blocks = 0, []
        else:
            raise InputError(f"{path}: {exc}") from None
    masked_spans: list[tuple[int, int]] = []
    code: list[tuple[int, int]] = []
    if body_start:
        kept = sorted((b.start, b.end) for b in blocks)
        pos = 0
        for s, e in kept:
            masked_spans.append((pos, s))
            pos = e
        masked_spans.append((pos, body_start))
    end = len(source)
    body_blocks: list[Block]
    joins: Inline | None = None
    if kind == "markdown":
        from copydesk.document.markdown import read_markdown

        body_blocks, spans, code, joins = read_markdown(source, body_start, end, dialect)
    elif kind == "html":
        from copydesk.document.html import read_html

        body_blocks, spans, code, joins = read_html(source, body_start, end)
    else:
        from copydesk.document.plaintext import read_plain

        body_blocks, spans = read_plain(source, body_start, end)
    masked_spans.extend(spans)
    lines = LineIndex(source)
    suppressions, directives = parse_suppressions(source, lines, code)
    masked_spans.extend((d.start, d.end) for d in directives)
    masked = apply_mask(source, masked_spans)
    absent: list[Span] = []
    if joins is not None and (joins.decoded or joins.absent):
        masked = show_characters(masked, joins.decoded)
        absent = [Span(s, e) for s, e in joins.absent]
    blocks = sorted(
        (t for t in (_trim(masked, b) for b in blocks + body_blocks) if t is not None),
        key=lambda b: b.start,
    )

    doc = Document(
        path=path,
        source=source,
        masked=masked,
        blocks=blocks,
        code_spans=[Span(s, e) for s, e in sorted(code)],
        suppressions=suppressions,
        kind=kind,
        absent=absent,
    )
    doc.__dict__["lines"] = lines
    return doc


def _trim(masked: str, block: Block) -> Block | None:
    """Shrink a block to its first and last prose characters; None if nothing is left."""
    text = masked[block.start : block.end]
    stripped = text.lstrip()
    if not stripped:
        return None
    start = block.start + len(text) - len(stripped)
    end = block.start + len(text.rstrip())
    return Block(start, end, block.scope)
