"""Fuzzing every reader and ``fix``: generated documents (rule examples, markup of every
reader, front matter, odd line ends and characters, stitched together at random) must parse and
lint without an exception, with every offset inside the source, parsing must be stable, and
fixing must reach a fixed point that a second run leaves alone.

The examples per test come from the hypothesis profile: a short run by default, ``--fuzz-long``
for a million (see tests/conftest.py)."""

from __future__ import annotations

import html
import importlib.util
import re
from functools import cache, lru_cache
from pathlib import Path
from types import ModuleType
from xml.sax.saxutils import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.api import default_registry, make_linter
from copydesk.config import PRESETS, Config, apply_settings
from copydesk.document import Document, InputError, parse_document
from copydesk.document.wordproc import is_word_document, read_word
from copydesk.engine.runner import Linter
from copydesk.fix import fix_text
from copydesk.model import Applicability, Finding

READERS = {"markdown": "x.md", "html": "x.html", "text": "x.txt"}

MARKUP = [
    "# ", "## ", "> ", "- ", "* ", "1. ", "2) ", "```\n", "~~~\n", "    ", "`", "``", "*", "**",
    "_", "[", "]", "(", ")", "](", "[a](http://e.com/x)", "![i](p.png)", "<", ">", "</", "/>",
    "<p>", "</p>", "<b>", "</b>", "<a href='x'>", "</a>", "<script>", "</script>", "<pre>",
    "</pre>", "<!--", "-->", "<!-- copydesk: disable=MEC001 -->", "<!-- copydesk: enable -->",
    "<!-- copydesk: disable-next-line -->", "<!-- copydesk: disable-file -->", "<![CDATA[",
    "]]>", "<!DOCTYPE html>", "&amp;", "&#", "&#x41;", "&nbsp;", "|", "| a | b |\n|---|---|\n",
    "---\n", "+++\n", "title: ", "summary: \"", "tags: [a, b]\n", "\\", "***\n", "<br>",
    "[^1]", "[^1]: ", "http://example.com/a.b", "www.x.org", "a@b.co", "[sic]", "\"", "'",
    "“", "”", "‘", "’", "(", ")", "{", "}", "...", "—", "–", "-", ",", ".", ";", ":", "?", "!",
]  # fmt: skip
SPACE = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\r\r", "\u00a0", "\u2028", "\x0c", "\ufeff"]
ODD = ["é", "naïve", "😀", "\u0301", "\u200b", "ß", "İ", "ﬁ", "\ud7ff", "Ω", "中文", "\x00", "\x7f"]
WORDS = [
    "the", "The", "said", "percent", "per cent", "3,000", "£5m", "Mr", "Dr.", "U.S.", "alot",
    "its", "it's", "estimated", "about", "1970's", "12 noon", "5th", "March", "9:00am", "a",
    "an", "hour", "Home", "Secretaray", "police", "2", "10", "1,000,000", "%", "x",
]  # fmt: skip


@lru_cache(maxsize=1)
def _examples() -> list[str]:
    """The rule examples (invented sentences that trip and pass every rule), split in lines."""
    out: list[str] = []
    for rule in default_registry():
        for ex in (*rule.fail, *rule.passes):
            out.append(ex.text)
            if ex.fix:
                out.append(ex.fix)
    return sorted(set(out))


def _pieces() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(_examples()),
        st.sampled_from(MARKUP),
        st.sampled_from(SPACE),
        st.sampled_from(WORDS),
        st.sampled_from(ODD),
        st.text(max_size=8),
    )


documents = st.lists(_pieces(), max_size=40).map("".join)
readers = st.sampled_from(sorted(READERS))
FUZZ = settings.get_profile("fuzz")  # registered in tests/conftest.py


@cache
def _linter(preset: str = "all") -> Linter:
    # every preset a house can start from: between them every built-in pack and fix runs
    config = apply_settings(Config(), PRESETS[preset], "", Path(preset))
    return make_linter(config=config)


presets = st.sampled_from(sorted(set(PRESETS) - {"default"}))


_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _check_document(doc: Document, text: str) -> None:
    n = len(text)
    assert doc.source == text
    assert len(doc.masked) == n
    for i, (a, b) in enumerate(zip(doc.source, doc.masked, strict=True)):
        if a != b:
            # blanked characters are spaces, line breaks stay where they were, and an
            # entity's character is shown where the entity starts
            entity = _ENTITY.match(text, i) if a == "&" else None
            decoded = html.unescape(entity.group()) if entity else ""
            assert b == " " or (a in "\r\n" and a == b) or decoded.startswith(b), (i, a, b)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= n
    for span in doc.code_spans:
        assert 0 <= span.start <= span.end <= n
    for sup in doc.suppressions:
        assert 0 <= sup.directive.start <= sup.directive.end <= n


def _check_findings(findings: list[Finding], text: str) -> None:
    n = len(text)
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= n, f
        assert f.line >= 1 and f.column >= 1 and f.end_line >= f.line
        if f.fix is not None:
            for edit in f.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= n, f


def _shape(doc: Document) -> tuple[object, ...]:
    return (doc.masked, tuple(doc.blocks), tuple(doc.code_spans), len(doc.suppressions))


def _parse(text: str, reader: str) -> Document | None:
    """The document, or None when the reader refuses it the documented way: an InputError
    whose message is one line naming the file (unclosed front matter, say)."""
    try:
        return parse_document(text, READERS[reader], reader)
    except InputError as exc:
        message = str(exc)
        assert message.startswith(READERS[reader] + ":") and "\n" not in message, message
        return None


@FUZZ
@given(documents, readers)
def test_readers_parse_stably(text: str, reader: str) -> None:
    doc = _parse(text, reader)
    if doc is None:
        assert _parse(text, reader) is None  # refused every time, not by chance
        return
    _check_document(doc, text)
    assert _shape(parse_document(text, READERS[reader], reader)) == _shape(doc)


@FUZZ
@given(documents, readers, presets)
def test_lint_offsets_in_range(text: str, reader: str, preset: str) -> None:
    doc = _parse(text, reader)
    if doc is None:
        return
    _check_findings(_linter(preset).lint(doc), text)


@FUZZ
@given(documents, readers, presets, st.sampled_from([Applicability.SAFE, Applicability.UNSAFE]))
def test_fix_reaches_a_fixed_point(
    text: str, reader: str, preset: str, minimum: Applicability
) -> None:
    linter = _linter(preset)
    name = READERS[reader]
    if _parse(text, reader) is None:
        return

    def lint(t: str) -> list[Finding]:
        findings = linter.lint(parse_document(t, name, reader))
        _check_findings(findings, t)
        return findings

    fixed, applied, _ = fix_text(text, lint, minimum)
    if not applied:
        assert fixed == text
        return
    # code samples are not prose: a fix never edits them
    before = parse_document(text, name, reader)
    after = parse_document(fixed, name, reader)
    assert [text[s.start : s.end] for s in before.code_spans] == [
        fixed[s.start : s.end] for s in after.code_spans
    ]
    again, applied_again, _ = fix_text(fixed, lint, minimum)
    assert (again, applied_again) == (fixed, 0)


def _wordkit() -> ModuleType:
    # the builder of real .docx and .odt packages that the Word reader's tests use
    path = Path(__file__).resolve().parent.parent / "document" / "wordkit.py"
    spec = importlib.util.spec_from_file_location("fuzz_wordkit", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


WORDKIT = _wordkit()


def _word_package(paragraphs: list[str], ext: str) -> bytes:
    texts = [escape(p) for p in paragraphs]
    if ext == ".docx":
        return bytes(WORDKIT.docx_bytes("".join(WORDKIT.para(t) for t in texts)))
    return bytes(WORDKIT.odt_bytes("".join(f"<text:p>{t}</text:p>" for t in texts)))


# XML cannot carry most control characters: the word processors' text never holds them
_XML_SAFE = (
    st.lists(_pieces(), max_size=12)
    .map("".join)
    .map(
        lambda t: "".join(
            c for c in t if c in "\t\n" or (c >= " " and not 0xD800 <= ord(c) < 0xE000)
        )
    )
)


@FUZZ
@given(st.lists(_XML_SAFE, max_size=8), st.sampled_from([".docx", ".odt"]), presets)
def test_word_readers(paragraphs: list[str], ext: str, preset: str) -> None:
    doc = read_word(_word_package(paragraphs, ext), "x" + ext, "x" + ext)
    assert len(doc.masked) == len(doc.source)
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.source)
    _check_findings(_linter(preset).lint(doc), doc.source)


@FUZZ
@given(st.binary(max_size=400), st.sampled_from([".docx", ".odt"]), st.data())
def test_word_readers_on_damaged_packages(noise: bytes, ext: str, data: st.DataObject) -> None:
    # a real package with bytes overwritten somewhere: read, or refused with one clear error
    package = bytearray(_word_package(["The the council met."], ext))
    at = data.draw(st.integers(0, len(package)))
    package[at : at + len(noise)] = noise
    try:
        read_word(bytes(package), "x" + ext, "x" + ext)
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x" + ext)


def test_every_registered_reader_is_fuzzed() -> None:
    from copydesk.document.read import SUPPORTED_EXTENSIONS, kind_for

    plain = {kind_for("x" + ext) for ext in SUPPORTED_EXTENSIONS if not is_word_document("x" + ext)}
    assert plain == set(READERS)
    assert {ext for ext in SUPPORTED_EXTENSIONS if is_word_document("x" + ext)} == {".docx", ".odt"}
