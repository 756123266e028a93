"""copydesk lsp, driven over stdio by a real LSP client in a subprocess."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from lsp_support import (
    apply_text_edits,
    bounded,
    change,
    diagnostics_for,
    find,
    lsp_session,
    open_document,
)
from lsprotocol import types

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "calais-crossing.md"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "copydesk.toml").write_text('extends = ["news-uk"]\n', encoding="utf-8")
    shutil.copy(SAMPLE, tmp_path / "calais-crossing.md")
    return tmp_path


def _secretaray(diagnostics: list[types.Diagnostic]) -> types.Diagnostic:
    (hit,) = [d for d in find(diagnostics, "TYP001") if d.range.start.line == 8]
    return hit


def test_typo_diagnostic_quick_fix_and_fresh_diagnostics(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace) as client:
            path = workspace / "calais-crossing.md"
            text = path.read_text("utf-8")
            uri = open_document(client, path)
            found = await diagnostics_for(client, uri, 1)

            typo = _secretaray(found)
            # line 9, columns 10-19 of the file: "Secretaray"
            assert typo.range == types.Range(types.Position(8, 9), types.Position(8, 19))
            assert typo.severity == types.DiagnosticSeverity.Error
            assert typo.source == "copydesk"
            assert "Secretaray" in typo.message
            assert typo.code_description is not None
            assert typo.code_description.href.endswith("/TYP001.md")

            got = await bounded(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=typo.range,
                        context=types.CodeActionContext(diagnostics=[typo]),
                    )
                )
            )
            assert got is not None
            titles = [a.title for a in got if isinstance(a, types.CodeAction)]
            assert "Disable TYP001 for this line" in titles
            (fix,) = [a for a in got if isinstance(a, types.CodeAction) and a.is_preferred]
            assert fix.title == "Replace with 'Secretary'"
            assert fix.kind == types.CodeActionKind.QuickFix
            assert fix.edit is not None and fix.edit.changes is not None
            (edit,) = fix.edit.changes[uri]
            assert edit.new_text == "Secretary" and edit.range == typo.range

            # the client applies the fix as an incremental change
            change(client, uri, 2, edit.new_text, edit.range)
            text = apply_text_edits(text, [edit])
            fixed = await diagnostics_for(client, uri, 2)
            assert not [d for d in find(fixed, "TYP001") if d.range.start.line == 8]
            assert find(fixed, "SRC002"), "the other findings are still reported"

            # a new typo typed elsewhere comes back at its own place
            line = text.splitlines()[11]
            assert line.startswith("An estimated 3,000 people")
            at = line.index("port,")
            new = types.Range(types.Position(11, at), types.Position(11, at + 4))
            change(client, uri, 3, "porrt", new)
            fresh = await diagnostics_for(client, uri, 3)
            (typed,) = [d for d in find(fresh, "TYP001") if d.range.start.line == 11]
            assert typed.range == types.Range(new.start, types.Position(11, at + 5))

    asyncio.run(scenario())


def test_hover_gives_the_rule_summary_and_why(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace) as client:
            uri = open_document(client, workspace / "calais-crossing.md")
            await diagnostics_for(client, uri, 1)
            hover = await bounded(
                client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        position=types.Position(8, 12),
                    )
                )
            )
            assert hover is not None and isinstance(hover.contents, types.MarkupContent)
            value = hover.contents.value
            assert "**TYP001**" in value
            assert "not in the dictionary" in value  # the rule's summary
            assert "**Why:** 'Secretaray' looks misspelled" in value
            assert "`Secretary`" in value
            assert hover.range == types.Range(types.Position(8, 9), types.Position(8, 19))
            nothing = await bounded(
                client.text_document_hover_async(
                    types.HoverParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        position=types.Position(8, 2),
                    )
                )
            )
            assert nothing is None

    asyncio.run(scenario())


def test_add_to_accept_list_writes_the_vocabulary_and_rechecks(workspace: Path) -> None:
    vocab = workspace / "vocab" / "accept.txt"
    vocab.parent.mkdir()
    vocab.write_text("Coquelles\n", encoding="utf-8")
    (workspace / "copydesk.toml").write_text(
        'extends = ["news-uk"]\n[spelling]\naccept = ["vocab/accept.txt"]\n', encoding="utf-8"
    )

    async def scenario() -> None:
        async with lsp_session(workspace) as client:
            uri = open_document(client, workspace / "calais-crossing.md")
            typo = _secretaray(await diagnostics_for(client, uri, 1))
            got = await bounded(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=typo.range,
                        context=types.CodeActionContext(diagnostics=[typo]),
                    )
                )
            )
            assert got is not None
            (accept,) = [
                a for a in got if isinstance(a, types.CodeAction) and a.title.startswith("Add ")
            ]
            assert accept.title == "Add 'Secretaray' to the accept list (accept.txt)"
            assert accept.command is not None
            written = await bounded(
                client.workspace_execute_command_async(
                    types.ExecuteCommandParams(
                        command=accept.command.command, arguments=accept.command.arguments
                    )
                )
            )
            assert written == str(vocab)
            assert vocab.read_text("utf-8") == "Coquelles\nSecretaray\n"
            again = await diagnostics_for(client, uri, 1)
            assert not [d for d in find(again, "TYP001") if d.range.start.line == 8]

    asyncio.run(scenario())


def test_disable_for_this_line_is_honoured(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace) as client:
            path = workspace / "calais-crossing.md"
            text = path.read_text("utf-8")
            uri = open_document(client, path)
            typo = _secretaray(await diagnostics_for(client, uri, 1))
            got = await bounded(
                client.text_document_code_action_async(
                    types.CodeActionParams(
                        text_document=types.TextDocumentIdentifier(uri=uri),
                        range=typo.range,
                        context=types.CodeActionContext(diagnostics=[typo]),
                    )
                )
            )
            assert got is not None
            (disable,) = [
                a for a in got if isinstance(a, types.CodeAction) and a.title.startswith("Disable")
            ]
            assert disable.edit is not None and disable.edit.changes is not None
            text = apply_text_edits(text, list(disable.edit.changes[uri]))
            assert "<!-- copydesk: disable-next-line=TYP001 -->\nThe Home Secretaray" in text
            change(client, uri, 2, text)
            after = await diagnostics_for(client, uri, 2)
            assert not [d for d in find(after, "TYP001") if "Secretaray" in d.message]
            assert not find(after, "CDK002"), "the suppression is used"
            assert find(after, "TYP002"), "other typos are still reported"

    asyncio.run(scenario())


def test_config_change_on_disk_is_picked_up(workspace: Path) -> None:
    caps = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        )
    )

    async def scenario() -> None:
        async with lsp_session(workspace, capabilities=caps) as client:
            uri = open_document(client, workspace / "calais-crossing.md")
            assert find(await diagnostics_for(client, uri, 1), "SRC002")
            config = workspace / "copydesk.toml"
            config.write_text('extends = ["news-uk"]\nignore = ["SRC"]\n', encoding="utf-8")
            client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    changes=[
                        types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)
                    ]
                )
            )
            after = await diagnostics_for(client, uri, 1)
            assert not find(after, "SRC002")
            assert find(after, "TYP001")

    asyncio.run(scenario())


def test_client_settings_apply(workspace: Path) -> None:
    async def scenario() -> None:
        async with lsp_session(workspace, {"ignore": ["TYP001"], "minLevel": "warning"}) as client:
            uri = open_document(client, workspace / "calais-crossing.md")
            found = await diagnostics_for(client, uri, 1)
            assert not find(found, "TYP001")
            assert find(found, "SRC002")
            assert all(d.severity != types.DiagnosticSeverity.Information for d in found)

    asyncio.run(scenario())


def test_html_and_plain_text_are_checked(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_text(
        "<html><body><p>The Home Secretaray flew to Calais.</p></body></html>\n", encoding="utf-8"
    )
    (tmp_path / "story.txt").write_text(
        "The negotiatons were long.\n<!-- copydesk: disable-next-line=TYP001 -->\n"
        "The shutttle left.\n",
        encoding="utf-8",
    )

    async def scenario() -> None:
        async with lsp_session(tmp_path) as client:
            html = open_document(client, tmp_path / "story.html", "html")
            (typo,) = find(await diagnostics_for(client, html, 1), "TYP001")
            assert typo.range == types.Range(types.Position(0, 24), types.Position(0, 34))
            text = open_document(client, tmp_path / "story.txt", "plaintext")
            found = find(await diagnostics_for(client, text, 1), "TYP001")
            assert [d.range.start.line for d in found] == [0]  # line 3 is suppressed

    asyncio.run(scenario())


def test_utf8_position_encoding(tmp_path: Path) -> None:
    (tmp_path / "story.md").write_text("Prices rose 😀 and the Secretaray left.\n", "utf-8")
    caps = types.ClientCapabilities(
        general=types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind.Utf8]
        )
    )

    async def scenario() -> None:
        async with lsp_session(tmp_path, capabilities=caps) as client:
            uri = open_document(client, tmp_path / "story.md")
            (typo,) = find(await diagnostics_for(client, uri, 1), "TYP001")
            start = len("Prices rose 😀 and the ".encode())
            assert typo.range.start == types.Position(0, start)
            assert typo.range.end == types.Position(0, start + len("Secretaray"))

    asyncio.run(scenario())
