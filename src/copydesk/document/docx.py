"""Word documents (.docx, OOXML): the text as it reads with every tracked change accepted.

Read straight from the package's XML: body paragraphs and headings, table cells row by row,
text boxes after the paragraph that anchors them, then footnotes and endnotes in the order
they are referenced. Tracked insertions are text; deletions, moved-away text, field codes
(the ``instrText`` behind a date or a cross-reference), comments, headers and footers are not.
Hyperlinks, content controls and field results keep their text; hidden text does not count. A paragraph whose own mark
was deleted in tracked changes joins the next one, as it will when the changes are accepted.
"""

from __future__ import annotations

import posixpath
import re
from xml.etree.ElementTree import Element

from copydesk.document.package import Package, local
from copydesk.document.paragraphs import Paragraph

W_NS = frozenset(
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO strict
    }
)
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

_SKIP_INLINE = frozenset(
    {
        "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText",
        "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
        "footnoteRef", "endnoteRef", "separator", "continuationSeparator", "softHyphen",
        "sym", "lastRenderedPageBreak", "fldData", "sdtPr", "sdtEndPr",
    }
)  # fmt: skip
_HEADING_STYLE = re.compile(r"(?:heading|título|titre|überschrift)\s*\d|title|subtitle|headline")
_LINE_BREAKS = re.compile("[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def read_docx(pkg: Package) -> list[Paragraph]:
    main = _main_part(pkg)
    rels = _relationships(pkg, main)
    reader = _Reader(_styles(pkg, rels.get("styles")))
    body = _child(pkg.xml(main), "body")
    out: list[Paragraph] = []
    if body is not None:
        reader.blocks(body, out, "paragraph")
    for part, kind in (("footnotes", "footnote"), ("endnotes", "endnote")):
        refs = reader.refs[kind]
        name = rels.get(part)
        if refs and name and pkg.has(name):
            reader.fields.clear()  # a field left open in the body must not hide the notes
            notes = {n.get(_attr(n, "id")): n for n in pkg.xml(name) if local(n.tag)[1] == kind}
            for ref in refs:
                note = notes.get(ref)
                if note is not None:
                    reader.blocks(note, out, "paragraph")
    return _join_deleted_marks(out)


def _attr(el: Element, name: str) -> str:
    """The attribute ``w:name`` of ``el``, in whichever WordprocessingML namespace it uses."""
    for key in el.attrib:
        ns, local_name = local(key)
        if local_name == name and ns in W_NS:
            return key
    return name


def _get(el: Element | None, name: str) -> str | None:
    return None if el is None else el.get(_attr(el, name))


def _child(el: Element | None, name: str) -> Element | None:
    if el is None:
        return None
    for child in el:
        ns, local_name = local(child.tag)
        if local_name == name and ns in W_NS:
            return child
    return None


def _main_part(pkg: Package) -> str:
    if pkg.has("_rels/.rels"):
        for rel in pkg.xml("_rels/.rels"):
            if rel.get("Type", "").endswith("/officeDocument"):
                target = rel.get("Target", "").lstrip("/")
                if pkg.has(target):
                    return target
    if pkg.has("word/document.xml"):
        return "word/document.xml"
    pkg.fail("word/document.xml is missing")


def _relationships(pkg: Package, main: str) -> dict[str, str]:
    """Part kind (styles, footnotes, endnotes) -> part name, from the main part's rels."""
    folder, name = posixpath.split(main)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    found: dict[str, str] = {}
    if pkg.has(rels_name):
        for rel in pkg.xml(rels_name):
            kind = rel.get("Type", "").rsplit("/", 1)[-1]
            target = rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not target:
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            found.setdefault(kind, posixpath.normpath(path))
    for kind in ("styles", "footnotes", "endnotes"):
        found.setdefault(kind, posixpath.join(folder, kind + ".xml"))
    return found


def _styles(pkg: Package, name: str | None) -> dict[str, str]:
    """Paragraph style id -> scope, following ``basedOn`` so a house 'Headline' style built on
    'heading 1' is a heading too."""
    if not name or not pkg.has(name):
        return {}
    names: dict[str, str] = {}
    based: dict[str, str] = {}
    outline: set[str] = set()
    for style in pkg.xml(name):
        if local(style.tag)[1] != "style" or _get(style, "type") not in (None, "paragraph"):
            continue
        sid = _get(style, "styleId") or ""
        names[sid] = (_get(_child(style, "name"), "val") or sid).lower()
        parent = _get(_child(style, "basedOn"), "val")
        if parent:
            based[sid] = parent
        if _child(_child(style, "pPr"), "outlineLvl") is not None:
            outline.add(sid)
    scopes: dict[str, str] = {}
    for sid in names:
        cur: str | None = sid
        for _ in range(12):  # basedOn chains are short; a loop in a broken file must end
            if cur is None or cur not in names:
                break
            scope = _scope_of_name(names[cur], cur in outline)
            if scope:
                scopes[sid] = scope
                break
            cur = based.get(cur)
    return scopes


def _scope_of_name(name: str, outline: bool) -> str | None:
    if outline or _HEADING_STYLE.match(name):
        return "heading"
    if name.startswith("caption"):
        return "caption"
    if "quote" in name:
        return "blockquote"
    if name.startswith("list"):
        return "list_item"
    return None


class _Reader:
    def __init__(self, styles: dict[str, str]) -> None:
        self.styles = styles
        self.refs: dict[str, list[str]] = {"footnote": [], "endnote": []}
        self.fields: list[bool] = []  # complex fields open: True once past their code

    def blocks(self, el: Element, out: list[Paragraph], scope: str) -> None:
        for child in el:
            ns, name = local(child.tag)
            if ns == MC_NS and name == "AlternateContent":
                choice = _alternative(child)
                if choice is not None:
                    self.blocks(choice, out, scope)
            elif ns not in W_NS or name in ("del", "moveFrom", "sectPr", "sdtPr", "tblPr"):
                continue
            elif name == "p":
                self.paragraph(child, out, scope)
            elif name == "tr" and _child(_child(child, "trPr"), "del") is not None:
                continue  # a row deleted in tracked changes
            elif name in ("tbl", "tr", "tc"):
                self.blocks(child, out, "table_cell")
            else:  # sdt, sdtContent, customXml, ins, moveTo, txbxContent, ...
                self.blocks(child, out, scope)

    def paragraph(self, p: Element, out: list[Paragraph], scope: str) -> None:
        props = _child(p, "pPr")
        if scope != "table_cell":
            scope = self._scope(props) or scope
        parts: list[str] = []
        nested: list[Paragraph] = []
        self.inline(p, parts, nested)
        text = _LINE_BREAKS.sub(" ", "".join(parts))
        deleted_mark = _child(_child(props, "rPr"), "del") is not None
        out.append(Paragraph(text, scope, joins_next=deleted_mark))
        out.extend(nested)

    def _scope(self, props: Element | None) -> str | None:
        if props is None:
            return None
        if _child(props, "outlineLvl") is not None:
            return "heading"
        style = _get(_child(props, "pStyle"), "val")
        scope = self.styles.get(style) if style else None
        if scope is None and _child(props, "numPr") is not None:
            return "list_item"
        return scope

    def inline(self, el: Element, parts: list[str], nested: list[Paragraph]) -> None:
        for child in el:
            ns, name = local(child.tag)
            if ns not in W_NS:
                if ns == MC_NS and name == "AlternateContent":
                    choice = _alternative(child)
                    if choice is not None:
                        self.inline(choice, parts, nested)
                elif ns != MATH_NS:  # drawings: their text boxes hold paragraphs
                    self.inline(child, parts, nested)
                continue
            if name == "t":
                if not self.fields or self.fields[-1]:
                    parts.append(child.text or "")
            elif name in _SKIP_INLINE:
                if name in ("footnoteReference", "endnoteReference"):
                    ref = _get(child, "id")
                    if ref is not None:
                        self.refs[name[: -len("Reference")]].append(ref)
            elif name in ("tab", "ptab"):
                parts.append("\t")
            elif name in ("br", "cr"):
                parts.append(" ")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "fldChar":
                kind = _get(child, "fldCharType")
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
            elif name == "txbxContent":
                self.blocks(child, nested, "paragraph")
            elif name == "r" and _hidden(child):
                continue
            else:  # r, hyperlink, ins, moveTo, smartTag, sdt, sdtContent, fldSimple, ...
                self.inline(child, parts, nested)


def _hidden(run: Element) -> bool:
    """A run formatted as hidden text, which Word neither shows nor prints."""
    vanish = _child(_child(run, "rPr"), "vanish")
    return vanish is not None and _get(vanish, "val") not in ("0", "false", "off")


def _alternative(el: Element) -> Element | None:
    """The one branch of ``mc:AlternateContent`` to read: the first choice, else the
    fallback. Word writes a text box twice (DrawingML and VML); reading both would double it."""
    for child in el:
        if local(child.tag)[1] in ("Choice", "Fallback"):
            return child
    return None


def _join_deleted_marks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    out: list[Paragraph] = []
    carry: Paragraph | None = None
    for para in paragraphs:
        if carry is not None:
            para = Paragraph(carry.text + para.text, carry.scope, para.joins_next)
            carry = None
        if para.joins_next:
            carry = para
        else:
            out.append(para)
    if carry is not None:
        out.append(Paragraph(carry.text, carry.scope))
    return out
