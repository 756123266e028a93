"""Human output: ``path:line:col: CODE level message``, the source line with carets under the
span, and a summary. Colour only when asked (the CLI asks when stdout is a terminal)."""

from __future__ import annotations

from typing import TextIO

from copydesk.document.model import LineIndex
from copydesk.model import FileResult, Level, RuleInfo
from copydesk.report import ReportOptions, Summary

_COLOURS = {Level.ERROR: "\x1b[31m", Level.WARNING: "\x1b[33m", Level.SUGGESTION: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


class Reporter:
    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.out = stream
        self.opts = options

    def _c(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.opts.color else text

    def start(self, rules: dict[str, RuleInfo]) -> None:
        pass

    def file(self, result: FileResult) -> None:
        if result.error:
            self.out.write(
                f"{self._c(_BOLD, result.path)}: {self._c(_COLOURS[Level.ERROR], 'error')} {result.error}\n"
            )
            return
        if not result.findings:
            return
        lines = LineIndex(result.source) if result.source is not None else None
        for f in result.findings:
            where = self._c(_BOLD, f"{f.path}:{f.line}:{f.column}:")
            level = self._c(_COLOURS[f.level], str(f.level))
            self.out.write(f"{where} {self._c(_BOLD, f.code)} {level} {f.message}\n")
            if lines is not None and not self.opts.quiet and result.source is not None:
                self._source(
                    result.source, lines, f.line, f.column, f.end_line, f.end_column, f.level
                )

    def _source(
        self,
        source: str,
        lines: LineIndex,
        line: int,
        col: int,
        end_line: int,
        end_col: int,
        level: Level,
    ) -> None:
        start, end = lines.line_span(line, source)
        text = source[start:end].expandtabs(1)
        if len(text) > 160:
            lo = max(0, col - 60)
            text = text[lo : lo + 160]
            col -= lo
            end_col -= lo
        width = (end_col - col) if end_line == line else max(1, len(text) - col + 1)
        self.out.write(
            f"  {text}\n  {' ' * (col - 1)}{self._c(_COLOURS[level], '^' * max(1, width))}\n"
        )

    def finish(self, summary: Summary) -> None:
        total = sum(summary.counts.values())
        if self.opts.statistics and summary.by_rule:
            for code, n in sorted(summary.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                self.out.write(f"{n:6d}  {code}\n")
        for note in summary.skipped:
            self.out.write(f"note: {note}\n")
        if self.opts.quiet and not total and not summary.errors:
            return
        parts = [
            f"{summary.counts.get(str(lv), 0)} {lv}"
            for lv in (Level.ERROR, Level.WARNING, Level.SUGGESTION)
        ]
        msg = f"{total} finding{'s' if total != 1 else ''} ({', '.join(parts)}) in {summary.files} file{'s' if summary.files != 1 else ''}"
        if summary.errors:
            msg += f"; {summary.errors} file{'s' if summary.errors != 1 else ''} could not be read"
        if summary.fixed:
            msg += f"; {summary.fixed} fixed"
        if summary.fixable:
            msg += f"; {summary.fixable} fixable (shown as a diff, nothing written)"
        self.out.write(("" if total or summary.errors else "✓ ") + msg + "\n")
