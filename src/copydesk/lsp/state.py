"""What the language server knows between messages: the open documents' text, and the last
check of each. Checking goes through one :class:`LiveChecker`, so the rule set, the linters
and the speller's caches stay warm; a document is checked again only when its text, the
settings or a config or vocabulary file has changed."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from copydesk.atomic import write_atomic
from copydesk.config import ConfigError
from copydesk.document.read import SUPPORTED_EXTENSIONS, kind_for
from copydesk.document.wordproc import WORD_EXTENSIONS
from copydesk.engine.rules import RuleError
from copydesk.live import Checked, LiveChecker
from copydesk.lsp.settings import Settings

# Used when a document's name says nothing (an unsaved buffer)
LANGUAGE_KINDS = {
    "markdown": "markdown",
    "mdx": "markdown",
    "html": "html",
    "plaintext": "text",
    "text": "text",
}


class OpenDocument(NamedTuple):
    uri: str
    path: Path
    kind: str | None  # None: a format copydesk does not read
    text: str
    version: int


class Result(NamedTuple):
    version: int
    text: str
    checked: Checked | None = None  # None: not checked (excluded, unreadable format, error)
    error: str | None = None


def document_kind(path: Path, language_id: str | None) -> str | None:
    """The reader for an editor's buffer: by extension, else by language id. Word documents
    are files copydesk unpacks, never text an editor sends."""
    suffix = path.suffix.lower()
    if suffix in WORD_EXTENSIONS:
        return None
    if suffix in SUPPORTED_EXTENSIONS:
        return kind_for(str(path))
    return LANGUAGE_KINDS.get((language_id or "").lower())


class EditorState:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.settings = Settings()
        self.checker = LiveChecker()
        self.results: dict[str, Result] = {}

    def configure(self, settings: Settings) -> None:
        self.settings = settings
        self.checker = LiveChecker(settings.config, settings.overrides())
        self.checker.extra_accept = (settings.accept_file,) if settings.accept_file else ()
        self.results.clear()

    def warm(self) -> None:
        """Build what the first check needs (rule set, linter, speller) ahead of it."""
        path = self.root / "untitled.md"
        self.check(OpenDocument("copydesk:warm-up", path, "markdown", "Warm up.", 0))
        self.forget("copydesk:warm-up")

    def reload(self) -> None:
        """A config or vocabulary file changed: every document is checked anew."""
        self.checker.reload()
        self.results.clear()

    def check(self, doc: OpenDocument) -> Result:
        """Check ``doc`` unless its last check saw the same text with the same settings."""
        if self.checker.refresh():
            self.results.clear()
        last = self.results.get(doc.uri)
        if last is not None and last.text == doc.text:
            result = last._replace(version=doc.version)
        else:
            result = self._check(doc)
        self.results[doc.uri] = result
        return result

    def _check(self, doc: OpenDocument) -> Result:
        if doc.kind is None:
            return Result(doc.version, doc.text)
        try:
            if self.checker.config_for(doc.path).is_excluded(doc.path):
                return Result(doc.version, doc.text)
            checked = self.checker.check(doc.text, doc.path, str(doc.path), doc.kind)
        except (ConfigError, RuleError, ValueError, OSError) as exc:
            return Result(doc.version, doc.text, error=str(exc))
        return Result(doc.version, doc.text, checked)

    def reads(self, path: Path) -> bool:
        """Whether ``path`` is a config or vocabulary file that checks have read."""
        return path.resolve() in self.checker.watched

    def forget(self, uri: str) -> None:
        self.results.pop(uri, None)

    def accept_file(self, path: Path) -> Path | None:
        """The vocabulary file that "add to the accept list" writes: the client's setting,
        else the first ``[spelling] accept`` file of the document's config."""
        if self.settings.accept_file is not None:
            return self.settings.accept_file
        files = self.checker.finder.for_file(path).accept_files
        return files[0] if files else None

    def accept_word(self, word: str, path: Path) -> Path:
        """Add ``word`` to the accept list (atomically, keeping what is there)."""
        target = self.accept_file(path)
        if target is None:
            raise ConfigError(
                f"{path}: no accept list: set [spelling] accept in copydesk.toml "
                "or the 'acceptFile' setting"
            )
        try:
            old = target.read_text(encoding="utf-8")
        except FileNotFoundError:
            old = ""
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{target}: cannot read vocabulary: {exc}") from None
        present = {line.split("#", 1)[0].strip() for line in old.splitlines()}
        if word not in present:
            if old and not old.endswith("\n"):
                old += "\n"
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, (old + word + "\n").encode("utf-8"))
        self.reload()
        return target
