"""Opening a zipped office document (.docx, .odt) and parsing its XML parts, defensively.

A document mailed in from outside may be anything: not a zip at all, a zip missing the part
that holds the text, XML that is not well formed, a part that inflates to gigabytes, or XML
with entity declarations built to expand without end. Each becomes an ``InputError`` with one
line naming the file. Office documents never carry a DTD, so the parser refuses any document
type declaration outright, and with it every entity declaration, internal or external.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import NoReturn
from xml.etree.ElementTree import Element, TreeBuilder
from xml.parsers import expat

from copydesk.document.errors import InputError

MAX_PART_BYTES = 64 * 1024 * 1024
"""The most a single XML part may inflate to; a novel-length .docx is a few megabytes."""
MAX_PARTS = 10_000
_CHUNK = 1 << 20
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class Package:
    """The parts of one zipped document, read on demand with size limits."""

    def __init__(self, data: bytes, path: str, kind: str) -> None:
        self.path = path
        self.kind = kind  # what the user knows the file as: "Word document", "OpenDocument text"
        if data.startswith(_OLE_MAGIC):
            self.fail(
                "an old binary .doc or a password-protected document, not a zip archive "
                "(save it as an unprotected .docx or .odt)"
            )
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
            self.fail("not a zip archive")
        if len(infos) > MAX_PARTS:
            self.fail(f"has {len(infos)} parts (the limit is {MAX_PARTS}); not checked")
        self.names = {i.filename for i in infos}

    def fail(self, reason: str) -> NoReturn:
        raise InputError(f"{self.path}: not a readable {self.kind}: {reason}")

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        """The inflated part, refusing one that grows past ``MAX_PART_BYTES`` whatever its
        header claims (a zip bomb can lie about its sizes)."""
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            self.fail(f"{name} is missing")
        if info.flag_bits & 0x1:
            self.fail(f"{name} is encrypted")
        if info.file_size > MAX_PART_BYTES:
            self._too_big(name)
        out = bytearray()
        try:
            with self.zip.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    out += chunk
                    if len(out) > MAX_PART_BYTES:
                        self._too_big(name)
        except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError) as exc:
            self.fail(f"{name} cannot be unpacked ({_one_line(exc)})")
        except RuntimeError:  # zipfile's word for a password-protected member
            self.fail(f"{name} is encrypted")
        return bytes(out)

    def _too_big(self, name: str) -> NoReturn:
        limit = MAX_PART_BYTES // (1024 * 1024)
        self.fail(f"{name} inflates past {limit} MB (a zip bomb?); not checked")

    def xml(self, name: str) -> Element:
        return parse_xml(self.read(name), lambda why: self.fail(f"{name}: {why}"))


def parse_xml(data: bytes, fail: Callable[[str], NoReturn]) -> Element:
    """Parse XML into an ElementTree element with expat, refusing DTDs and entities.

    Tags and attribute names come out in ElementTree's ``{namespace}local`` form."""
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def start(tag: str, attrs: dict[str, str]) -> None:
        builder.start(name(tag), {name(k): v for k, v in attrs.items()})

    def refuse(*_: object) -> None:
        raise _Refused("declares a DTD or entities, which office documents never do")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
        root = builder.close()
    except _Refused as exc:
        fail(str(exc))
    except expat.ExpatError as exc:
        fail(f"not well-formed XML at line {exc.lineno}, column {exc.offset + 1}")
    except (AssertionError, IndexError, ValueError):  # TreeBuilder on a document with no root
        fail("not well-formed XML")
    return root


class _Refused(Exception):
    pass


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def local(tag: str) -> tuple[str, str]:
    """``{namespace}name`` split into (namespace, name); ("", name) without a namespace."""
    if tag[:1] == "{":
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag
