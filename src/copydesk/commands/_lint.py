"""The loop behind check and fix: lint each file, fix it if asked, stream results to a reporter,
and decide the exit code."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path

from copydesk import __version__
from copydesk.commands._common import close_output, make_finder, open_output, use_color
from copydesk.engine.session import Session, stdin_text
from copydesk.model import Applicability, FileResult, Finding, Level
from copydesk.report import ReportOptions, Summary, get_reporter


def lint_and_report(args: argparse.Namespace, fix: str | None) -> int:
    finder = make_finder(args)
    cwd_config = finder.for_path(Path.cwd())
    cache = None
    if not fix and not args.no_cache and not os.environ.get("COPYDESK_NO_CACHE"):
        from copydesk.cache import ResultCache

        cache = ResultCache(cwd_config.root)
    session = Session(finder, cache=cache)
    fail_level: Level = cwd_config.fail_level
    baseline = None
    if args.baseline:
        from copydesk.baseline import load_baseline

        baseline = load_baseline(Path(args.baseline))
    stream = open_output(args)
    from_stdin = args.paths == ["-"]
    if from_stdin and fix and not getattr(args, "diff", False) and stream is sys.stdout:
        stream = sys.stderr  # stdout carries the fixed text
    options = ReportOptions(
        color=use_color(args, stream),
        quiet=args.quiet,
        statistics=args.statistics,
        fail_level=fail_level,
        tool_version=__version__,
    )
    reporter = get_reporter(args.format, stream, options)
    registry = session.registry_for(cwd_config)
    reporter.start({r.code: r.info(cwd_config.rule_docs) for r in registry})
    summary = Summary()
    failing = False
    diff = getattr(args, "diff", False)
    minimum = Applicability.UNSAFE if fix == "unsafe" else Applicability.SAFE

    if from_stdin and _word_document(args.stdin_filename):
        shown = args.stdin_filename
        result = session.lint_data(sys.stdin.buffer.read(), shown)
        results = iter([_fix_file(session, result, minimum, diff, summary) if fix else result])
    elif from_stdin:
        shown = args.stdin_filename or "-"
        text = stdin_text()
        if fix:
            results = iter([_fix_text_result(session, text, shown, minimum, diff, summary)])
        else:
            results = iter([session.lint_text(text, shown)])
    elif fix:
        results = (
            _fix_file(session, r, minimum, diff, summary) for r in session.run(args.paths, 1)
        )
    else:
        results = session.run(args.paths, args.jobs or None, _progress_bar())

    from copydesk.printable import printable_result

    for result in results:
        if not gc.isenabled():
            # the run's rules are built: keep the collector off them and turn it back on
            gc.freeze()
            gc.enable()
        if not getattr(reporter, "raw_paths", False):
            result = printable_result(result)  # file names that are not UTF-8: printable.py
        if baseline is not None:
            result = baseline.filter(result)
        summary.files += 1
        summary.words += result.words
        summary.skipped.extend(n for n in result.notes if n not in summary.skipped)
        if result.error:
            summary.errors += 1
        if result.findings:
            summary.files_with_findings += 1
        for f in result.findings:
            summary.counts[str(f.level)] = summary.counts.get(str(f.level), 0) + 1
            summary.by_rule[f.code] = summary.by_rule.get(f.code, 0) + 1
            if f.level >= fail_level:
                failing = True
        reporter.file(result)
    reporter.finish(summary)
    close_output(args, stream)
    from copydesk import patterncache

    patterncache.save_bundle()
    if summary.errors:
        return 2
    if args.require_grammar and any(n.startswith("grammar skipped") for n in summary.skipped):
        return 2
    return 1 if failing else 0


def _word_document(name: str | None) -> bool:
    from copydesk.document.wordproc import is_word_document

    return name is not None and is_word_document(name)


def _fix_file(
    session: Session, result: FileResult, minimum: Applicability, diff: bool, summary: Summary
) -> FileResult:
    """Fix one file. The file is read again here and edits are computed on exactly what was
    read; just before the rename it is read once more, and if it changed meanwhile (an editor,
    another tool) nothing is written. A failure on this file never stops the others."""
    if result.error:
        return result
    from copydesk.document.wordproc import is_word_document

    if is_word_document(result.path):
        # Rewriting a word processor's package would risk the newsroom's copy: refuse, loudly.
        from copydesk.printable import printable

        sys.stderr.write(
            f"copydesk: {printable(result.path)}: not fixed: copydesk reads Word and OpenDocument files "
            "but never edits them; make the changes in the word processor\n"
        )
        return result
    if not any(f.fix and f.fix.applicability >= minimum for f in result.findings):
        return result
    from copydesk.atomic import write_atomic
    from copydesk.document.read import InputError, decode, read_bytes
    from copydesk.fix import encode

    path = Path(result.path)
    try:
        data = read_bytes(str(path))
        source, encoding, bom = decode(data, result.path)
    except InputError as exc:
        return FileResult(result.path, error=str(exc))
    # the findings are those of the text linted a moment ago: only valid if it is still that
    known = list(result.findings) if source == result.source else None
    new_text, applied, findings = _fix_loop(session, source, result.path, minimum, known)
    if applied and new_text != source:
        if diff:
            _print_diff(result.path, source, new_text)
            summary.fixable += applied
        else:
            try:
                if read_bytes(str(path)) != data:
                    return FileResult(
                        result.path,
                        error=f"{result.path}: changed while it was being fixed; left as it is",
                    )
                write_atomic(path, encode(new_text, encoding, bom))
            except InputError as exc:
                return FileResult(result.path, error=str(exc))
            except OSError as exc:
                return FileResult(
                    result.path, error=f"{result.path}: cannot write: {exc.strerror or exc}"
                )
            summary.fixed += applied
    if diff:
        return result
    return FileResult(result.path, findings, source=new_text, words=result.words)


def _fix_loop(
    session: Session,
    text: str,
    shown: str,
    minimum: Applicability,
    findings: list[Finding] | None = None,
) -> tuple[str, int, list[Finding]]:
    from copydesk.fix import fix_text

    def lint(t: str) -> list[Finding]:
        return list(session.lint_text(t, shown).findings)

    return fix_text(text, lint, minimum, findings)


def _fix_text_result(
    session: Session, text: str, shown: str, minimum: Applicability, diff: bool, summary: Summary
) -> FileResult:
    new_text, applied, findings = _fix_loop(session, text, shown, minimum)
    if diff:
        _print_diff(shown, text, new_text)
        summary.fixable += applied
    else:
        sys.stdout.write(new_text)
        summary.fixed += applied
    return FileResult(shown, findings, source=new_text)


def _print_diff(name: str, old: str, new: str) -> None:
    import difflib

    from copydesk.printable import printable

    name = printable(name)
    sys.stdout.writelines(
        difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"a/{name}", f"b/{name}")
    )


def _progress_bar() -> Callable[[int, int], None] | None:
    """A one-line bar on stderr for long runs on a terminal; nothing when piped or in CI."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        if total < 50:
            return
        if done == total:
            sys.stderr.write("\r" + " " * 60 + "\r")
        elif done % 10 == 0:
            width = 30
            filled = width * done // total
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} files")
        sys.stderr.flush()

    return show
