"""OpenDocument text (.odt): ``content.xml`` read with the standard library.

Headings, paragraphs, list items and table cells in document order, text frames after the
paragraph that anchors them, then footnotes and endnotes in order. Tracked changes keep
inserted text in place and deleted text in a separate region, which is skipped, so the text
reads as accepted. Comments (annotations), note citation numbers and image titles are not
prose. White space follows the format's rule: runs of spaces, tabs and line ends in the XML
are one space, ``text:s`` and ``text:tab`` are literal."""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from copydesk.document.package import Package, local
from copydesk.document.paragraphs import Paragraph

TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
SVG_NS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
STYLE_NS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
MIMETYPE = "application/vnd.oasis.opendocument.text"

_SKIP = frozenset(
    {
        (TEXT_NS, "tracked-changes"), (TEXT_NS, "note-citation"), (OFFICE_NS, "annotation"),
        (OFFICE_NS, "annotation-end"), (SVG_NS, "title"), (SVG_NS, "desc"),
        (TEXT_NS, "sequence-decls"), (TEXT_NS, "variable-decls"), (OFFICE_NS, "forms"),
        (TEXT_NS, "user-field-decls"),
    }
)  # fmt: skip
_SPACE = " \t\r\n"
# LibreOffice writes a space in a style's name as "_20_"
_STYLE_SCOPES = (
    (re.compile(r"(?:^|[^a-z])(?:heading|title|subtitle|headline)(?:[^a-z]|$)"), "heading"),
    (re.compile(r"(?:^|[^a-z])(?:quotations?|quote)(?:[^a-z]|$)"), "blockquote"),
    (re.compile(r"(?:^|[^a-z])(?:caption|illustration|figure)(?:[^a-z]|$)"), "caption"),
)


def read_odt(pkg: Package) -> list[Paragraph]:
    if pkg.has("mimetype") and pkg.read("mimetype").strip() != MIMETYPE.encode():
        pkg.fail("its mimetype is not OpenDocument text")
    root = pkg.xml("content.xml")
    body = _find(root, OFFICE_NS, "body")
    text = _find(body, OFFICE_NS, "text") if body is not None else None
    if text is None:
        pkg.fail("content.xml has no office:text body")
    styles = _paragraph_styles(root)
    if pkg.has("styles.xml"):
        styles.update(
            {k: v for k, v in _paragraph_styles(pkg.xml("styles.xml")).items() if k not in styles}
        )
    reader = _Reader(_scopes(styles))
    out: list[Paragraph] = []
    reader.blocks(text, out, "paragraph")
    out.extend(reader.footnotes)
    out.extend(reader.endnotes)
    return out


def _paragraph_styles(root: Element) -> dict[str, tuple[str | None, bool]]:
    """Paragraph style name -> (parent style, has an outline level), from both the document's
    automatic styles and the named styles."""
    found: dict[str, tuple[str | None, bool]] = {}
    for style in root.iter(f"{{{STYLE_NS}}}style"):
        if style.get(f"{{{STYLE_NS}}}family") != "paragraph":
            continue
        name = style.get(f"{{{STYLE_NS}}}name")
        if name:
            outline = style.get(f"{{{STYLE_NS}}}default-outline-level") not in (None, "")
            found[name] = (style.get(f"{{{STYLE_NS}}}parent-style-name"), outline)
    return found


def _scopes(styles: dict[str, tuple[str | None, bool]]) -> dict[str, str]:
    """Style name -> scope, following parent styles (an automatic 'P3' built on 'Title')."""
    out: dict[str, str] = {}
    for name in styles:
        cur: str | None = name
        for _ in range(12):  # parent chains are short; a loop in a broken file must end
            if cur is None:
                break
            parent, outline = styles.get(cur, (None, False))
            scope = "heading" if outline else _scope_of_name(cur.lower())
            if scope:
                out[name] = scope
                break
            cur = parent
    return out


def _scope_of_name(name: str) -> str | None:
    for pattern, scope in _STYLE_SCOPES:
        if pattern.search(name):
            return scope
    return None


def _find(el: Element, ns: str, name: str) -> Element | None:
    return el.find(f"{{{ns}}}{name}")


class _Reader:
    def __init__(self, scopes: dict[str, str]) -> None:
        self.scopes = scopes
        self.footnotes: list[Paragraph] = []
        self.endnotes: list[Paragraph] = []

    def blocks(self, el: Element, out: list[Paragraph], scope: str) -> None:
        for child in el:
            ns, name = local(child.tag)
            if (ns, name) in _SKIP:
                continue
            if ns == TEXT_NS and name == "h":
                self.paragraph(child, out, "heading")
            elif ns == TEXT_NS and name == "p":
                styled = self.scopes.get(child.get(f"{{{TEXT_NS}}}style-name") or "")
                self.paragraph(child, out, styled if styled and scope == "paragraph" else scope)
            elif ns == TEXT_NS and name in ("list-item", "list-header"):
                self.blocks(child, out, "list_item" if scope != "table_cell" else scope)
            elif ns == TABLE_NS and name in ("table-cell", "covered-table-cell"):
                self.blocks(child, out, "table_cell")
            else:  # sections, lists, tables and their rows, index bodies, frames
                self.blocks(child, out, scope)

    def paragraph(self, p: Element, out: list[Paragraph], scope: str) -> None:
        line = _Line()
        nested: list[Paragraph] = []
        line.add(p.text)
        self.inline(p, line, nested)
        out.append(Paragraph(line.text(), scope))
        out.extend(nested)

    def inline(self, el: Element, line: _Line, nested: list[Paragraph]) -> None:
        for child in el:
            ns, name = local(child.tag)
            if (ns, name) in _SKIP:
                pass
            elif ns == TEXT_NS and name == "s":
                line.literal(" " * _count(child.get(f"{{{TEXT_NS}}}c")))
            elif ns == TEXT_NS and name == "tab":
                line.literal("\t")
            elif ns == TEXT_NS and name == "line-break":
                line.literal(" ")
            elif ns == TEXT_NS and name == "note":
                notes = (
                    self.endnotes
                    if child.get(f"{{{TEXT_NS}}}note-class") == "endnote"
                    else self.footnotes
                )
                note_body = _find(child, TEXT_NS, "note-body")
                if note_body is not None:
                    self.blocks(note_body, notes, "paragraph")
            elif ns == TEXT_NS and name in ("p", "h"):  # inside a frame's text box
                self.paragraph(child, nested, "paragraph")
            elif ns == TEXT_NS and name in ("list", "section"):
                self.blocks(child, nested, "paragraph")
            else:  # span, a, fields (their text is the shown value), frames, text boxes
                line.add(child.text)
                self.inline(child, line, nested)
            line.add(child.tail)


class _Line:
    """A paragraph's text with the format's white-space collapsing applied as it grows."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.space_before = True  # leading white space of a paragraph is dropped

    def add(self, raw: str | None) -> None:
        if not raw:
            return
        out: list[str] = []
        for ch in raw:
            if ch in _SPACE:
                if not self.space_before:
                    out.append(" ")
                    self.space_before = True
            else:
                out.append(ch)
                self.space_before = False
        self.parts.append("".join(out))

    def literal(self, text: str) -> None:
        self.parts.append(text)
        self.space_before = False

    def text(self) -> str:
        return "".join(self.parts)


def _count(raw: str | None) -> int:
    try:
        return max(1, min(int(raw or "1"), 1000))
    except ValueError:
        return 1
