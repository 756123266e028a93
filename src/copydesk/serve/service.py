"""What ``POST /v2/check`` does, apart from HTTP: read LanguageTool's parameters, check the
text with the served config and answer in LanguageTool's JSON. Errors in the request come back
as :class:`BadRequest` with the status and a one-line message."""

from __future__ import annotations

import hmac
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from copydesk.config import Config
from copydesk.document import parse_document
from copydesk.engine.registry import Registry
from copydesk.engine.runner import Linter
from copydesk.engine.runner import _matches as names_rule
from copydesk.live import LiveChecker
from copydesk.merge import GRAMMAR_PREFIX, one_per_problem
from copydesk.model import Finding, Level
from copydesk.serve.annotated import read_annotation
from copydesk.serve.answer import LANGUAGES, category_of, check_answer, matches

# copydesk's own LanguageTool client says who it is; such a request is answered without
# asking LanguageTool in turn, so two servers pointed at each other cannot loop.
GRAMMAR_CLIENT_AGENT = "copydesk-grammar/"
_PREFIX_RE = re.compile(r"[A-Z]{2,4}")


class BadRequest(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class CheckService:
    def __init__(
        self,
        checker: LiveChecker,
        root: Path,
        api_key: str | None = None,
        rules_base: str | None = None,
    ) -> None:
        self.checker = checker
        self.path = root / "request.txt"  # the config and per-file ignores of this folder
        self.api_key = api_key
        self.rules_base = rules_base
        self._guard = threading.Lock()  # the tables below
        self._variants: dict[tuple[Any, ...], Config] = {}
        self._locks: dict[int, threading.Lock] = {}

    def warm(self) -> None:
        """Load the rule set and build the default linter before the first request."""
        self.check({"text": "Warm up.", "language": "auto", **self._key()}, agent="")

    def _key(self) -> dict[str, str]:
        return {"apiKey": self.api_key} if self.api_key else {}

    def check(self, params: Mapping[str, str], agent: str = "") -> dict[str, Any]:
        if self.api_key is not None and not hmac.compare_digest(
            params.get("apiKey", "").encode(), self.api_key.encode()
        ):
            raise BadRequest(403, "Error: missing or wrong 'apiKey'")
        text, data = params.get("text"), params.get("data")
        if text is None and data is None:
            raise BadRequest(400, "Error: Missing 'text' or 'data' parameter")
        if text is not None and data is not None:
            raise BadRequest(400, "Error: give 'text' or 'data', not both")
        if text is not None:
            original = checked = text
        else:
            try:
                original, checked = read_annotation(data or "")
            except ValueError as exc:
                raise BadRequest(400, f"Error: {exc}") from None
        level = params.get("level", "default")
        if level not in ("default", "picky"):
            raise BadRequest(400, f"Error: 'level' must be 'default' or 'picky', not {level!r}")
        enabled = _split(params.get("enabledRules"))
        disabled = set(_split(params.get("disabledRules")))
        disabled_categories = set(_split(params.get("disabledCategories")))
        enabled_only = params.get("enabledOnly", "false").lower() == "true"
        if enabled_only and not enabled and not params.get("enabledCategories"):
            raise BadRequest(400, "Error: 'enabledOnly' needs 'enabledRules'")

        linter, language = self._linter(
            params.get("language"), enabled, enabled_only, agent.startswith(GRAMMAR_CLIENT_AGENT)
        )
        with self._lock_for(linter):
            doc = parse_document(checked, "<request>", "text", linter.config.prose_fields)
            findings = one_per_problem(linter.lint(doc, self.path))
            notes: list[str] = linter.context.shared.pop("notes", [])
        registry = linter.registry
        kept = [
            f
            for f in findings
            if not _named(f, disabled, registry)
            and category_of(f, registry.rules.get(f.code))[0] not in disabled_categories
            and (level == "picky" or f.level > Level.SUGGESTION)
        ]
        docs = self.rules_base or linter.config.rule_docs
        return check_answer(language, matches(original, doc, kept, registry, docs), notes)

    def _linter(
        self, language: str | None, enabled: list[str], only: bool, no_grammar: bool
    ) -> tuple[Linter, str]:
        with self._guard:
            if self.checker.refresh():
                self._variants.clear()
                self._locks.clear()
            base = self.checker.config_for(self.path)
            registry = self.checker.linter_for(base).registry
            if language is None or not language.strip():
                raise BadRequest(400, "Error: Missing 'language' parameter")
            if language in ("auto", "en"):
                language = base.language
            if language not in LANGUAGES:
                raise BadRequest(
                    400,
                    f"Error: language {language!r} is not supported: copydesk checks "
                    f"English ({', '.join(LANGUAGES)}, or 'en' and 'auto' for {base.language})",
                )
            known = tuple(s for s in enabled if any(names_rule(s, r) for r in registry))
            changes: dict[str, Any] = {"language": language}
            if only:
                changes["select"] = known
                changes["extend_select"] = ()
                if not known:  # nothing copydesk knows is asked for: no rule runs
                    changes["packs"] = ()
            elif known:
                changes["extend_select"] = base.extend_select + known
            if no_grammar:
                changes["grammar"] = ()
            key = (id(base), *sorted((k, repr(v)) for k, v in changes.items()))
            config = self._variants.get(key)
            if config is None:
                config = self._variants[key] = base._replace(**changes)
            return self.checker.linter_for(config), language

    def _lock_for(self, linter: Linter) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(id(linter), threading.Lock())


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _named(finding: Finding, selectors: set[str], registry: Registry) -> bool:
    """Whether ``disabledRules`` names a finding: its code, its slug, a LanguageTool rule id
    for a merged ``GRM:`` finding, or a code prefix such as ``STY``."""
    if not selectors:
        return False
    code = finding.code
    if code in selectors or finding.name in selectors:
        return True
    if code.startswith(GRAMMAR_PREFIX) and code[len(GRAMMAR_PREFIX) :] in selectors:
        return True
    return any(_PREFIX_RE.fullmatch(s) and code.startswith(s) for s in selectors)
