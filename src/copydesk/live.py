"""Checking text held in memory (an editor's buffer, an HTTP request) again and again, with
everything loaded once: the rule set, each config's linter (its built kinds, the speller and
its caches). A config or vocabulary file that changes on disk is noticed by its size and
modification time, and only then are configs and linters built anew."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.config import Config, ConfigFinder
from copydesk.document import Document, parse_document
from copydesk.document.read import kind_for
from copydesk.engine.registry import Registry, load_registry
from copydesk.engine.runner import Linter
from copydesk.merge import one_per_problem
from copydesk.model import Finding

Stamp = tuple[int, int] | None


class Checked(NamedTuple):
    document: Document
    findings: list[Finding]
    linter: Linter
    notes: list[str]


class LiveChecker:
    def __init__(
        self, explicit: Path | None = None, overrides: dict[str, Any] | None = None
    ) -> None:
        self.explicit = explicit
        self.overrides = dict(overrides or {})
        # vocabulary files read on top of each config's own (an editor's accept list)
        self.extra_accept: tuple[Path, ...] = ()
        self._registries: dict[tuple[Path, ...], Registry] = {}
        self._reset()

    def _reset(self) -> None:
        self.finder = ConfigFinder(self.explicit, self.overrides)
        self._linters: dict[int, Linter] = {}  # by id: the finder keeps each config alive
        self._watched: dict[Path, Stamp] = {}
        self._extended: dict[int, Config] = {}

    def reload(self, overrides: dict[str, Any] | None = None) -> None:
        """Forget every config and linter (the rule set stays loaded)."""
        if overrides is not None:
            self.overrides = dict(overrides)
        self._reset()

    def refresh(self) -> bool:
        """Reload when a config or vocabulary file read so far has changed; True if it did."""
        if any(_stamp(p) != s for p, s in self._watched.items()):
            self._reset()
            return True
        return False

    @property
    def watched(self) -> set[Path]:
        return set(self._watched)

    def config_for(self, path: Path) -> Config:
        config = self.finder.for_file(path)
        extra = tuple(p for p in self.extra_accept if p not in config.accept_files and p.is_file())
        if extra:
            key = id(config)
            if key not in self._extended:
                self._extended[key] = config._replace(accept_files=config.accept_files + extra)
            config = self._extended[key]
        for watched in (config.path, *config.accept_files, *config.reject_files):
            if watched is not None and watched not in self._watched:
                self._watched[watched] = _stamp(watched)
        return config

    def linter_for(self, config: Config) -> Linter:
        linter = self._linters.get(id(config))
        if linter is None:
            key = config.rule_paths
            if key not in self._registries:
                self._registries[key] = load_registry(key)
            linter = self._linters[id(config)] = Linter(self._registries[key], config)
        return linter

    def registry_for(self, path: Path) -> Registry:
        return self.linter_for(self.config_for(path)).registry

    def check(
        self, text: str, path: Path, shown: str | None = None, kind: str | None = None
    ) -> Checked:
        """Check ``text`` as the file ``path`` (which need not exist): its config, its format
        (from the extension unless ``kind`` is given), its per-file ignores."""
        config = self.config_for(path)
        linter = self.linter_for(config)
        doc = parse_document(
            text, shown or str(path), kind or kind_for(str(path)), config.prose_fields
        )
        findings = one_per_problem(linter.lint(doc, path))
        notes: list[str] = linter.context.shared.pop("notes", [])
        return Checked(doc, findings, linter, notes)

    def check_document(self, doc: Document, path: Path) -> Checked:
        """Check a document built elsewhere (LanguageTool's annotated text)."""
        config = self.config_for(path)
        linter = self.linter_for(config)
        findings = one_per_problem(linter.lint(doc, path))
        notes: list[str] = linter.context.shared.pop("notes", [])
        return Checked(doc, findings, linter, notes)


def _stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size
