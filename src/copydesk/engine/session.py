"""A run over many files: expand paths, find each file's config, lint (in parallel when asked,
with output in input order) and yield one FileResult per file as soon as it is ready."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from copydesk.cache import ResultCache
from copydesk.config import Config, ConfigError, ConfigFinder
from copydesk.document import Document, InputError, load_document
from copydesk.document.dialect import dialect_for
from copydesk.document.read import read_bytes, source_text
from copydesk.engine.registry import Registry, load_registry
from copydesk.engine.runner import Linter
from copydesk.model import FileResult

# A parallel run pays for starting its workers and for each worker's share of the warm-up;
# below this much work one process finishes first. Measured with
# benchmarks/parallel_threshold.py (two cores): see docs/performance.md.
PARALLEL_MIN_FILES = 8
PARALLEL_MIN_BYTES = 256 * 1024
Progress = Callable[[int, int], None]


class Session:
    def __init__(self, finder: ConfigFinder, cache: ResultCache | None = None) -> None:
        self.finder = finder
        self.cache = cache
        self.registries: dict[tuple[Path, ...], Registry] = {}
        self.linters: dict[int, Linter] = {}

    def registry_for(self, config: Config) -> Registry:
        key = config.rule_paths
        if key not in self.registries:
            self.registries[key] = load_registry(config.rule_paths)
        return self.registries[key]

    def linter_for(self, config: Config) -> Linter:
        key = id(config)
        if key not in self.linters:
            reuse = next(reversed(self.linters.values()), None)
            self.linters[key] = Linter(self.registry_for(config), config, reuse)
        return self.linters[key]

    def _settled(self, linter: Linter, doc: Document) -> Linter:
        """The linter for a file whose profile is still ``auto`` after its place was looked
        at: its content decides. (A cached result needs no such step: the content that
        decides is part of the cache key.)"""
        config = linter.config
        if config.profile != "auto":
            return linter
        from copydesk.profiles import for_text

        choice = for_text(doc.source, [(s.start, s.end) for s in doc.code_spans])
        return self.linter_for(self.finder.with_choice(config, *choice))

    def files(self, paths: Iterable[str]) -> Iterator[tuple[Path, str | None]]:
        """(path, error) pairs; error is set for paths that do not exist."""
        from copydesk.files import expand, walked_extensions

        seen: set[Path] = set()
        for raw in paths:
            path = Path(raw)
            try:
                exists = path.exists() or path.is_symlink()
                path.stat() if exists else None
            except OSError as exc:
                yield path, f"{raw}: {exc.strerror or exc}"
                continue
            if not exists:
                yield path, f"{raw}: no such file or folder"
                continue
            extensions = None
            if path.is_dir():
                extensions = walked_extensions(self.finder.for_path(path).include_text)
            for f in expand(path, extensions):
                if f in seen:
                    continue
                seen.add(f)
                config = self.finder.for_file(f)
                if f != path and config.is_excluded(f):
                    continue
                if config.is_word_list(f):  # named by a hook or not, a word list is no prose
                    continue
                if f != path and f.name.startswith("~$"):
                    continue  # the lock file Word keeps beside an open document, not a document
                yield f, None

    def lint_file(self, path: Path) -> FileResult:
        shown = _display(path)
        try:
            config = self.finder.with_profile(self.finder.for_file(path), path)
            linter = self.linter_for(config)
            data = read_bytes(str(path))
            key = None
            dialect = dialect_for(str(path), config.dialect)
            if self.cache is not None and linter.cacheable:
                key = self.cache.key(data, shown, f"{linter.fingerprint}|{dialect}")
                hit = self.cache.get(key)
                if hit is not None:
                    source = source_text(data, str(path), shown)
                    if all(f.span.end <= len(source) for f in hit[0]):
                        return FileResult(shown, hit[0], source=source, words=hit[1])
            doc = load_document(str(path), shown, config.prose_fields, data, dialect)
        except InputError as exc:
            return FileResult(shown, error=str(exc))
        linter = self._settled(linter, doc)
        findings = linter.lint(doc, path)
        if key is not None and self.cache is not None:
            self.cache.put(key, findings, doc.word_count)
        notes = linter.context.shared.pop("notes", [])  # e.g. grammar skipped, and why
        return FileResult(
            shown,
            findings,
            source=doc.source,
            words=doc.word_count,
            notes=notes,
        )

    def lint_data(self, data: bytes, shown: str) -> FileResult:
        """Lint a file's bytes (read from standard input) as the file ``shown`` would be."""
        config = self.finder.for_path(Path(shown).parent if shown != "-" else Path.cwd())
        if shown != "-":
            config = self.finder.with_profile(config, Path(shown))
        linter = self.linter_for(config)
        try:
            doc = load_document(shown, shown, config.prose_fields, data, config.dialect)
        except InputError as exc:
            return FileResult(shown, error=str(exc))
        linter = self._settled(linter, doc)
        findings = linter.lint(doc, Path(shown))
        notes = linter.context.shared.pop("notes", [])
        return FileResult(shown, findings, source=doc.source, words=doc.word_count, notes=notes)

    def lint_text(self, text: str, shown: str) -> FileResult:
        from copydesk.document import parse_document
        from copydesk.document.read import kind_for

        config = self.finder.for_path(Path(shown).parent if shown != "-" else Path.cwd())
        if shown != "-":
            config = self.finder.with_profile(config, Path(shown))
        linter = self.linter_for(config)
        doc = parse_document(
            text, shown, kind_for(shown), config.prose_fields, dialect_for(shown, config.dialect)
        )
        linter = self._settled(linter, doc)
        findings = linter.lint(doc, Path(shown))
        notes = linter.context.shared.pop("notes", [])
        return FileResult(shown, findings, source=text, words=doc.word_count, notes=notes)

    def run(
        self, paths: Iterable[str], jobs: int | None = 1, progress: Progress | None = None
    ) -> Iterator[FileResult]:
        """Lint the files under ``paths``; ``jobs=None`` runs in parallel only when the work
        is big enough to pay for the processes, a number runs that many processes."""
        items = list(self.files(paths))
        todo = [p for p, err in items if err is None]
        # every config and rule pack in play is checked before the first file is read: a
        # mistake in one stops the run with its file and line, not halfway through
        for p in todo:
            self.linter_for(self.finder.with_profile(self.finder.for_file(p), p))
        if jobs is None:
            jobs = auto_jobs(todo)
        if jobs > 1 and len(todo) > 1:
            results = self._parallel(items, jobs)
        else:
            results = (
                FileResult(_display(p), error=err) if err else self.lint_file(p) for p, err in items
            )
        try:
            for done, result in enumerate(results, 1):
                if progress is not None:
                    progress(done, len(items))
                yield result
        finally:
            if self.cache is not None:
                self.cache.close()  # its bucket descriptors, kept open only for the run

    def _parallel(self, items: list[tuple[Path, str | None]], jobs: int) -> Iterator[FileResult]:
        import multiprocessing

        global _WORKER
        _WORKER = self
        # The first file is linted here before the fork, so that the workers inherit the warm
        # linter (rules compiled, word lists mapped) instead of each building its own.
        first = next((i for i, (_, err) in enumerate(items) if err is None), len(items))
        for path, err in items[: first + 1]:
            yield FileResult(_display(path), error=err) if err else self.lint_file(path)
        items = items[first + 1 :]
        if not items:
            return
        import signal

        ctx = multiprocessing.get_context("fork")
        # the workers are forked ignoring SIGINT (no window before their initializer runs)
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            pool = ctx.Pool(jobs, initializer=_ignore_interrupts)
        finally:
            signal.signal(signal.SIGINT, previous)
        try:
            # Small chunks: at the end one worker waits for the other's last chunk.
            chunk = max(1, min(8, len(items) // (jobs * 8)))
            yield from pool.imap(_work, items, chunksize=chunk)
            pool.close()
        finally:
            # Ctrl-C (or a failed report) reaches the parent only: the workers ignore SIGINT,
            # so none is cut short holding the pool's queue lock, and terminate() stops them
            # without waiting for their chunks.
            pool.terminate()
            pool.join()


_WORKER: Session | None = None


def _ignore_interrupts() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(item: tuple[Path, str | None]) -> FileResult:
    path, err = item
    if err:
        return FileResult(_display(path), error=err)
    assert _WORKER is not None
    try:
        return _WORKER.lint_file(path)
    except ConfigError as exc:
        return FileResult(_display(path), error=str(exc))


def _display(path: Path) -> str:
    """The path relative to the working folder, or as given when it lies outside."""
    name = path.name
    if not name or name == "..":
        return _relative(str(path)) or str(path)
    # relpath normalises and compares every component; the files of a run share a few folders
    cwd = os.getcwd()
    folder = _relative_folder(cwd, str(path.parent))
    if folder is None:  # outside, unless the path is the working folder itself
        return (_relative(str(path)) or str(path)) if name == os.path.basename(cwd) else str(path)
    rel = name if folder == "." else os.path.join(folder, name)
    return str(path) if rel.startswith("..") else rel  # as before: a name like '..draft.md'


@lru_cache(maxsize=256)
def _relative_folder(cwd: str, folder: str) -> str | None:  # cwd: part of the memo's key
    return _relative(folder)


def _relative(path: str) -> str | None:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return None
    return None if rel.startswith("..") else rel


def auto_jobs(files: list[Path]) -> int:
    """Every core when the files are many and big enough together, else one process."""
    if len(files) < PARALLEL_MIN_FILES:
        return 1
    total = 0
    for f in files:
        try:
            total += f.stat().st_size
        except OSError:
            continue  # reported when it is read
        if total >= PARALLEL_MIN_BYTES:
            return default_jobs()
    return 1


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def stdin_text() -> str:
    data = sys.stdin.buffer.read()
    from copydesk.document.read import decode

    text, _, _ = decode(data, "<stdin>")
    return text


def overrides_from_args(args: Any) -> dict[str, Any]:
    """Command-line settings that replace the config's."""
    from copydesk.model import Level

    out: dict[str, Any] = {}
    if getattr(args, "select", None):
        out["select"] = tuple(s for v in args.select for s in v.split(",") if s)
    if getattr(args, "extend_select", None):
        out["extend_select"] = tuple(s for v in args.extend_select for s in v.split(",") if s)
    if getattr(args, "ignore", None):
        out["ignore"] = tuple(s for v in args.ignore for s in v.split(",") if s)
    if getattr(args, "fail_level", None):
        out["fail_level"] = Level.parse(args.fail_level)
    if getattr(args, "language", None):
        out["language"] = args.language
    if getattr(args, "include_text", None) is not None:
        out["include_text"] = args.include_text
    return out
