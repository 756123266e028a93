"""Code actions on findings: each fix as a quick fix (the safe one preferred), every other
suggestion, "add 'X' to the accept list" for spelling findings, "disable RULE for this line",
and all safe fixes at once (``source.fixAll``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from lsprotocol import types

from copydesk.document import Document
from copydesk.engine.registry import Registry
from copydesk.fix import choose_edits
from copydesk.lsp.convert import SOURCE, diagnostic, rule_of, to_range
from copydesk.lsp.text import Lines
from copydesk.model import Applicability, Edit, Finding

ACCEPT_COMMAND = "copydesk.acceptWord"
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n.*?^(?:---|\.\.\.)[ \t]*$", re.S | re.M)
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.{SOURCE}"


def overlapping(findings: Sequence[Finding], start: int, end: int) -> list[Finding]:
    """Findings under a selection, or touching the cursor when nothing is selected."""
    if start == end:
        return [f for f in findings if f.span.start <= start <= f.span.end]
    return [f for f in findings if f.span.start < end and start < max(f.span.end, f.span.start + 1)]


def _edit(uri: str, lines: Lines, edits: Sequence[Edit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(
        changes={
            uri: [
                types.TextEdit(to_range(lines, e.span.start, e.span.end), e.replacement)
                for e in edits
            ]
        }
    )


def _wanted(only: Sequence[str] | None, kind: str) -> bool:
    return not only or any(kind == o or kind.startswith(o + ".") for o in only)


def code_actions(
    uri: str,
    document: Document,
    lines: Lines,
    findings: Sequence[Finding],
    registry: Registry,
    start: int,
    end: int,
    only: Sequence[str] | None,
    accept_file: Path | None,
    rules_url: str | None,
) -> list[types.CodeAction]:
    out: list[types.CodeAction] = []
    quick = types.CodeActionKind.QuickFix.value
    for f in overlapping(findings, start, end) if _wanted(only, quick) else []:
        diag = [diagnostic(f, lines, registry, rules_url)]
        text = document.source[f.span.start : f.span.end]
        offered: set[str] = set()
        if f.fix is not None:
            safe = f.fix.applicability == Applicability.SAFE
            if len(f.fix.edits) == 1 and f.fix.edits[0].span == f.span:
                title = _replace_title(text, f.fix.edits[0].replacement)
                offered.add(f.fix.edits[0].replacement)
            else:
                title = f"Fix {f.code}: {f.message}"
            out.append(
                types.CodeAction(
                    title=title + ("" if safe else " (check the result)"),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diag,
                    is_preferred=safe,
                    edit=_edit(uri, lines, f.fix.edits),
                )
            )
        for suggestion in f.suggestions:
            if suggestion in offered:
                continue
            offered.add(suggestion)
            out.append(
                types.CodeAction(
                    title=_replace_title(text, suggestion),
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diag,
                    edit=_edit(uri, lines, [Edit(f.span, suggestion)]),
                )
            )
        rule = rule_of(f, registry)
        if rule is not None and rule.kind == "spelling" and accept_file is not None and text:
            out.append(
                types.CodeAction(
                    title=f"Add '{text}' to the accept list ({accept_file.name})",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diag,
                    command=types.Command(
                        title="Add to the accept list",
                        command=ACCEPT_COMMAND,
                        arguments=[text, uri],
                    ),
                )
            )
        disable = disable_edits(document, f)
        if disable:
            out.append(
                types.CodeAction(
                    title=f"Disable {f.code} for this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diag,
                    edit=_edit(uri, lines, disable),
                )
            )
    if _wanted(only, FIX_ALL_KIND):
        edits = choose_edits(findings, Applicability.SAFE)
        if edits:
            out.append(
                types.CodeAction(
                    title="Apply all safe copydesk fixes",
                    kind=FIX_ALL_KIND,
                    edit=_edit(uri, lines, edits),
                )
            )
    return out


def _replace_title(old: str, new: str) -> str:
    return f"Delete '{old}'" if not new else f"Replace with '{new}'"


def disable_edits(document: Document, finding: Finding) -> list[Edit]:
    """Where a suppression goes so that it silences this finding and nothing else, and changes
    neither how the document renders nor which blocks it has:

    - on a line of its own above, when the finding's line starts its block;
    - at the end of the line before, when the block began there (a new line in the middle
      of a Markdown paragraph would end the paragraph);
    - around the finding itself in a table cell, where neither is possible.

    None in YAML front matter, where a comment line would break the YAML."""
    source = document.source
    front = _FRONT_MATTER.match(source)
    if front is not None and finding.span.start < front.end():
        return []
    code = finding.code
    start = finding.span.start
    block = document.block_at(start)
    if block is not None and block.scope == "table_cell":
        return [
            Edit(finding.span._replace(end=start), f"<!-- copydesk: disable={code} -->"),
            Edit(
                finding.span._replace(start=finding.span.end),
                f"<!-- copydesk: enable={code} -->",
            ),
        ]
    directive = f"<!-- copydesk: disable-next-line={code} -->"
    line, _ = document.lines.position(start)
    line_start = document.lines.line_start(line)
    if block is not None and block.start < line_start and line > 1:
        _, previous_end = document.lines.line_span(line - 1, source)
        return [Edit(finding.span._replace(start=previous_end, end=previous_end), " " + directive)]
    newline = (
        "\r\n" if "\r\n" in source else "\r" if "\r" in source and "\n" not in source else "\n"
    )
    _, line_end = document.lines.line_span(line, source)
    text = source[line_start:line_end]
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    return [
        Edit(finding.span._replace(start=line_start, end=line_start), indent + directive + newline)
    ]
