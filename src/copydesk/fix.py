"""Applying fixes: non-overlapping edits, to a fixed point with a bound, written atomically."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from copydesk.model import Applicability, Edit, Finding

MAX_ROUNDS = 10


def choose_edits(findings: Iterable[Finding], minimum: Applicability) -> list[Edit]:
    """Edits of fixes at or above ``minimum``, leftmost first, dropping any that overlap an
    edit already chosen (the next round picks them up if they still apply)."""
    chosen: list[Edit] = []
    last_end = -1
    candidates = sorted(
        (e for f in findings if f.fix and f.fix.applicability >= minimum for e in f.fix.edits),
        key=lambda e: (e.span.start, e.span.end),
    )
    for edit in candidates:
        if edit.span.start < last_end or (chosen and edit.span.start == chosen[-1].span.start):
            continue
        chosen.append(edit)
        last_end = edit.span.end
    return chosen


def apply_edits(text: str, edits: list[Edit]) -> str:
    out: list[str] = []
    pos = 0
    for edit in edits:
        out.append(text[pos : edit.span.start])
        out.append(edit.replacement)
        pos = edit.span.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(
    text: str,
    lint: Callable[[str], list[Finding]],
    minimum: Applicability,
    findings: list[Finding] | None = None,
) -> tuple[str, int, list[Finding]]:
    """Lint and fix until nothing changes (at most MAX_ROUNDS). ``findings`` are those of
    ``text`` when the caller has them already. Returns the new text, the number of edits
    applied and the findings that remain."""
    applied = 0
    if findings is None:
        findings = lint(text)
    for _ in range(MAX_ROUNDS):
        edits = choose_edits(findings, minimum)
        if not edits:
            break
        new = apply_edits(text, edits)
        if new == text:
            break
        text = new
        applied += len(edits)
        findings = lint(text)
    return text, applied, findings


def encode(text: str, encoding: str, bom: bool) -> bytes:
    if encoding == "utf-16":
        return text.encode("utf-16")  # Python writes the BOM itself
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data
