"""The language server: pygls wiring over :mod:`copydesk.lsp.state`.

Checks run on one worker thread, so the event loop keeps answering (hover, code actions,
cancellations) while a long document is checked, and the linters are never used by two
threads at once. Typing schedules a check after a pause (``debounceMs``); opening and saving
check at once. A diagnostic set is published only for the version of the text it was made
from."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcMethodNotFound
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import to_fs_path

from copydesk import __version__
from copydesk.config import CONFIG_NAMES
from copydesk.live import Checked
from copydesk.lsp import actions, convert, hover
from copydesk.lsp.settings import read_settings
from copydesk.lsp.state import EditorState, OpenDocument, Result, document_kind
from copydesk.lsp.text import Lines, apply_changes

logger = logging.getLogger("copydesk.lsp")

WATCHED = ("**/copydesk.toml", "**/.copydesk.toml", "**/pyproject.toml")


class _Unreadable(Exception):
    """A request whose parameters do not fit its method: it is answered with an error."""

    def __init__(self, msg_id: Any, error: JsonRpcException) -> None:
        super().__init__(str(error))
        self.msg_id = msg_id
        self.error = error


class Protocol(LanguageServerProtocol):
    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if "id" in data and "method" in data:
                method = data["method"]
                error: JsonRpcException = exc
                if not isinstance(method, str) or self.get_message_type(method) is None:
                    error = JsonRpcMethodNotFound(f"method not found: {method!r}")
                raise _Unreadable(data["id"], error) from exc
            raise


class CopydeskServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "copydesk",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
            protocol_cls=Protocol,
        )
        self.state = EditorState(Path.cwd())
        self.docs: dict[str, OpenDocument] = {}
        self.pending: dict[str, asyncio.Future[None]] = {}
        self.pool = ThreadPoolExecutor(1, thread_name_prefix="copydesk-check")
        self.shown_errors: set[str] = set()
        self.startup_problems: list[str] = []

    # -- errors in what the client sent --------------------------------------------------------

    def report_server_error(self, error: Exception, source: Any) -> None:
        if source is not JsonRpcException:  # not from reading a message: pygls's default
            super().report_server_error(error, source)
            return
        if isinstance(error, _Unreadable):
            self._answer_error(error.msg_id, error.error.code, f"invalid request: {error}")
        elif isinstance(error, ValueError):  # json.JSONDecodeError, UnicodeDecodeError
            self._answer_error(None, -32700, f"parse error: {error}")
        elif isinstance(error, JsonRpcException):
            logger.warning("unreadable notification: %s", error)  # nothing to answer
        else:
            self._answer_error(None, -32600, "invalid request: not a JSON-RPC 2.0 message")

    def _answer_error(self, msg_id: Any, code: int, message: str) -> None:
        self.protocol._send_data(
            {"jsonrpc": "2.0", "id": msg_id, "error": {"code": code, "message": message}}
        )

    # -- helpers ------------------------------------------------------------------------------

    @property
    def encoding(self) -> str:
        chosen = self.workspace.position_encoding
        value = str(getattr(chosen, "value", chosen))
        return value if value in ("utf-8", "utf-32") else "utf-16"

    def lines(self, text: str) -> Lines:
        return Lines(text, self.encoding)

    def message(self, text: str, kind: types.MessageType = types.MessageType.Warning) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=f"copydesk: {text}"))

    async def apply_settings(self, raw: Any) -> None:
        settings, problems = read_settings(raw, self.state.root)
        for problem in problems:
            self.message(problem)
        await self.run(self.state.configure, settings)

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    def recheck_all(self) -> None:
        for uri in list(self.docs):
            self.schedule(uri)

    async def run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self.pool, fn, *args)

    async def current(self, uri: str) -> tuple[OpenDocument, Result] | None:
        """The open document and a check of exactly its current text."""
        doc = self.docs.get(uri)
        if doc is None:
            return None
        result: Result = await self.run(self.state.check, doc)
        return doc, result

    async def checked(self, uri: str) -> tuple[OpenDocument, Checked] | None:
        """``current``, for requests that need findings: None when the text was not checked."""
        got = await self.current(uri)
        if got is None or got[1].checked is None:
            return None
        return got[0], got[1].checked

    async def _check_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        got = await self.current(uri)
        if got is None:
            return
        doc, result = got
        if self.docs.get(uri) is not doc:
            return  # changed while it was checked: a newer check is on its way
        self.publish(doc, result)

    def publish(self, doc: OpenDocument, result: Result) -> None:
        if result.error is not None and result.error not in self.shown_errors:
            self.shown_errors.add(result.error)
            self.message(result.error, types.MessageType.Error)
        found: list[types.Diagnostic] = []
        if result.checked is not None:
            settings = self.state.settings
            found = convert.diagnostics(
                result.checked.findings,
                self.lines(doc.text),
                result.checked.linter.registry,
                settings.rules_url or result.checked.linter.config.rule_docs,
                settings.min_level,
            )
            for note in result.checked.notes:  # e.g. grammar skipped, and why
                self.window_log_message(
                    types.LogMessageParams(type=types.MessageType.Info, message=note)
                )
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=doc.uri, version=doc.version, diagnostics=found)
        )

    def open_document(self, uri: str, text: str, version: int, language_id: str | None) -> None:
        path = _path(uri, self.state.root, language_id)
        self.docs[uri] = OpenDocument(uri, path, document_kind(path, language_id), text, version)


def _path(uri: str, root: Path, language_id: str | None) -> Path:
    """The file a document is (or would be saved as): its config and per-file ignores."""
    fs = to_fs_path(uri) if uri.startswith("file:") else None
    if fs:
        return Path(fs)
    return root / ("untitled.md" if language_id == "markdown" else "untitled.txt")


def build_server() -> CopydeskServer:
    server = CopydeskServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: CopydeskServer, params: types.InitializeParams) -> None:
        root = None
        if params.workspace_folders:
            root = to_fs_path(params.workspace_folders[0].uri)
        elif params.root_uri:
            root = to_fs_path(params.root_uri)
        elif params.root_path:
            root = params.root_path
        if root:
            ls.state.root = Path(root)
        settings, problems = read_settings(params.initialization_options, ls.state.root)
        ls.state.configure(settings)  # nothing is being checked yet
        ls.startup_problems = problems

    @server.feature(types.INITIALIZED)
    async def initialized(ls: CopydeskServer, params: types.InitializedParams) -> None:
        for problem in ls.startup_problems:
            ls.message(problem)
        # load the rule set and build the linter while the client opens its first document
        ls.pool.submit(ls.state.warm)
        caps = ls.client_capabilities.workspace
        watched = caps.did_change_watched_files if caps else None
        if watched is not None and watched.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED]
            )
            await ls.client_register_capability_async(
                types.RegistrationParams(
                    registrations=[
                        types.Registration(
                            id="copydesk-config",
                            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                            register_options=options,
                        )
                    ]
                )
            )
        if caps is not None and caps.configuration:
            await _pull_settings(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: CopydeskServer, params: types.DidChangeConfigurationParams
    ) -> None:
        caps = ls.client_capabilities.workspace
        settings = params.settings
        if isinstance(settings, dict) and "copydesk" in settings:
            await ls.apply_settings(settings)
        elif caps is not None and caps.configuration:
            await _pull_settings(ls)
        ls.recheck_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(
        ls: CopydeskServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        await ls.run(ls.state.reload)
        ls.shown_errors.clear()
        ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CopydeskServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        ls.open_document(item.uri, item.text, item.version, item.language_id)
        ls.schedule(item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopydeskServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        doc = ls.docs.get(uri)
        if doc is None:
            return
        text = apply_changes(doc.text, params.content_changes, ls.encoding)
        ls.docs[uri] = doc._replace(text=text, version=params.text_document.version)
        ls.schedule(uri, ls.state.settings.debounce_ms / 1000)

    @server.feature(
        types.TEXT_DOCUMENT_DID_SAVE, types.TextDocumentSaveRegistrationOptions(include_text=False)
    )
    async def did_save(ls: CopydeskServer, params: types.DidSaveTextDocumentParams) -> None:
        doc = ls.docs.get(params.text_document.uri)
        if doc is not None and (doc.path.name in CONFIG_NAMES or ls.state.reads(doc.path)):
            await ls.run(ls.state.reload)
            ls.shown_errors.clear()
            ls.recheck_all()
        elif doc is not None:
            ls.schedule(doc.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopydeskServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.docs.pop(uri, None)
        ls.state.forget(uri)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL_KIND],
            resolve_provider=False,
        ),
    )
    async def code_action(
        ls: CopydeskServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        got = await ls.checked(params.text_document.uri)
        if got is None:
            return None
        doc, checked = got
        lines = ls.lines(doc.text)
        start = lines.offset(params.range.start.line, params.range.start.character)
        end = lines.offset(params.range.end.line, params.range.end.character)
        only = [str(k.value if hasattr(k, "value") else k) for k in params.context.only or []]
        settings = ls.state.settings
        findings = [f for f in checked.findings if f.level >= settings.min_level]
        return actions.code_actions(
            doc.uri,
            checked.document,
            lines,
            findings,
            checked.linter.registry,
            start,
            end,
            only or None,
            ls.state.accept_file(doc.path),
            settings.rules_url or checked.linter.config.rule_docs,
        )

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: CopydeskServer, params: types.HoverParams) -> types.Hover | None:
        got = await ls.checked(params.text_document.uri)
        if got is None:
            return None
        doc, checked = got
        lines = ls.lines(doc.text)
        offset = lines.offset(params.position.line, params.position.character)
        settings = ls.state.settings
        found = [f for f in hover.at(checked.findings, offset) if f.level >= settings.min_level]
        if not found:
            return None
        docs = settings.rules_url or checked.linter.config.rule_docs
        text = hover.hover_markdown(found, checked.linter.registry, docs)
        first = found[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=convert.to_range(lines, first.span.start, first.span.end),
        )

    @server.command(actions.ACCEPT_COMMAND)
    async def accept_word(ls: CopydeskServer, word: str, uri: str) -> str | None:
        doc = ls.docs.get(uri)
        path = doc.path if doc is not None else _path(uri, ls.state.root, None)
        try:
            target: Path = await ls.run(ls.state.accept_word, word, path)
        except (ValueError, OSError) as exc:
            ls.message(str(exc), types.MessageType.Error)
            return None
        ls.recheck_all()
        return str(target)

    return server


async def _pull_settings(ls: CopydeskServer) -> None:
    try:
        got = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="copydesk")])
        )
    except Exception as exc:  # a client that advertises the request but fails it
        logger.warning("workspace/configuration failed: %s", exc)
        return
    if got and isinstance(got[0], dict) and got[0]:
        await ls.apply_settings(got[0])
        ls.recheck_all()


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="copydesk lsp: %(levelname)s: %(message)s")
    server = build_server()
    # The protocol gets its own copy of stdout; the process's stdout then goes to stderr, so a
    # stray print cannot corrupt the protocol, and closing the protocol's stream at exit
    # leaves sys.stdout usable.
    sys.stdout.flush()
    protocol_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    try:
        server.start_io(sys.stdin.buffer, protocol_out)
    finally:
        server.pool.shutdown(wait=False, cancel_futures=True)
    return 0
