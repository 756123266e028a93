"""Driving ``copydesk lsp`` in a subprocess with a real LSP client (pytest-lsp's, on pygls)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar, Union

from lsprotocol import types
from pytest_lsp import LanguageClient

T = TypeVar("T")
SERVER = [
    sys.executable,
    "-c",
    "import sys; from copydesk.cli import main; sys.exit(main(['lsp']))",
]
TIMEOUT = 60.0  # every wait is bounded: a server that stops answering fails the test


async def bounded(awaitable: Awaitable[T], timeout: float = TIMEOUT) -> T:
    return await asyncio.wait_for(awaitable, timeout)


@asynccontextmanager
async def lsp_session(
    root: Path,
    options: dict[str, Any] | None = None,
    capabilities: types.ClientCapabilities | None = None,
) -> AsyncIterator[LanguageClient]:
    client = LanguageClient()
    _read_code_actions_as_editors_do(client)
    await client.start_io(*SERVER, cwd=str(root))
    try:
        await bounded(
            client.initialize_session(
                types.InitializeParams(
                    capabilities=capabilities or types.ClientCapabilities(),
                    root_uri=root.as_uri(),
                    initialization_options={"debounceMs": 0, **(options or {})},
                )
            )
        )
        yield client
        await bounded(client.shutdown_session())
    finally:
        server = client._server
        if server is not None and server.returncode is None:
            server.kill()  # a failed test never said 'exit'
        await bounded(client.stop(), 10)


def _read_code_actions_as_editors_do(client: LanguageClient) -> None:
    """lsprotocol reads every code action that has a ``command`` as a bare Command, so a
    CodeAction that runs one (add to the accept list) would arrive mangled. Editors tell the
    two apart as VS Code's client does: a Command's ``command`` is a string."""
    converter = client.protocol._converter

    def hook(data: Any, _: Any) -> types.Command | types.CodeAction:
        kind = types.Command if isinstance(data.get("command"), str) else types.CodeAction
        return converter.structure(data, kind)  # type: ignore[no-any-return]

    converter.register_structure_hook(Union[types.Command, types.CodeAction], hook)  # noqa: UP007


async def diagnostics_for(
    client: LanguageClient, uri: str, version: int | None = None
) -> list[types.Diagnostic]:
    """The next diagnostics published for ``uri`` (for ``version``, when given)."""

    async def wait() -> list[types.Diagnostic]:
        for _ in range(50):
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and (version is None or params.version == version):
                return list(params.diagnostics)
        raise AssertionError(f"no diagnostics for {uri} version {version}")

    return await bounded(wait(), 30)


def open_document(
    client: LanguageClient, path: Path, language_id: str = "markdown", version: int = 1
) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language_id, version=version, text=path.read_text("utf-8")
            )
        )
    )
    return uri


def change(
    client: LanguageClient, uri: str, version: int, text: str, rng: types.Range | None = None
) -> None:
    event: types.TextDocumentContentChangeEvent
    if rng is None:
        event = types.TextDocumentContentChangeWholeDocument(text=text)
    else:
        event = types.TextDocumentContentChangePartial(range=rng, text=text)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[event],
        )
    )


def find(diagnostics: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in diagnostics if d.code == code]


def apply_text_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply edits as an editor does (UTF-16 positions; these tests use BMP text)."""
    starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            starts.append(i + 1)

    def offset(p: types.Position) -> int:
        return starts[p.line] + p.character

    for e in sorted(edits, key=lambda e: offset(e.range.start), reverse=True):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
    return text
