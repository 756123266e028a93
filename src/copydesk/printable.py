"""File names as reports show them. POSIX file names are bytes; Python hands back those that are
not valid UTF-8 with each stray byte as a lone surrogate, which no UTF-8 report can hold. Every
report (terminal, JSON, SARIF, GitHub, JUnit, HTML) shows such a byte as ``\\xNN`` instead, so
``caf\\xe9.md`` names the file whose name holds the Latin-1 byte 0xE9; names that are valid UTF-8
are shown as they are."""

from __future__ import annotations

from copydesk.model import FileResult


def printable(text: str) -> str:
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def printable_result(result: FileResult) -> FileResult:
    """The result with its path, error and findings' paths fit for a UTF-8 report."""
    path = printable(result.path)
    error = printable(result.error) if result.error else result.error
    if path is result.path and error is result.error:
        return result
    return result._replace(
        path=path,
        error=error,
        findings=[f._replace(path=printable(f.path)) for f in result.findings],
        notes=[printable(n) for n in result.notes],
    )
