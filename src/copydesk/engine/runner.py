"""Running rules over a document: select rules for a config, run their kinds, turn matches
into findings and filter them (scope, quoted speech, [sic], suppressions, per-file ignores)."""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from copydesk.config import Config, ConfigError
from copydesk.document import Document, Suppression
from copydesk.engine.budget import RuleTimeout, budget_for, run_within
from copydesk.engine.registry import Registry
from copydesk.engine.rules import RuleError, RuleSpec, builtin_rules_dir
from copydesk.kinds import Context, Kind, Match, kind_module
from copydesk.merge import merge_duplicates
from copydesk.model import Edit, Finding, Fix, Level, Span

UNKNOWN_CODE = "CDK001"
UNUSED_SUPPRESSION = "CDK002"
TIMEOUT_CODE = "CDK003"
EXCERPT_MAX = 200


class _Format(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _matches(selector: str, rule: RuleSpec) -> bool:
    sel = selector.strip()
    if sel.startswith("pack:"):
        return rule.pack == sel[5:]
    return (
        rule.code == sel
        or rule.name == sel
        or sel in rule.aliases
        or (sel[:1].isupper() and rule.code.startswith(sel.split(":")[0]))
    )


def select_rules(registry: Registry, config: Config) -> list[RuleSpec]:
    """The rules a config turns on, in registry order."""
    for pack in config.packs:
        if pack not in registry.packs:
            known = ", ".join(sorted(registry.packs))
            raise ConfigError(
                f"{_origin(config, pack)}packs: no rule pack {pack!r} (packs: {known})"
            )
    for code in dict(config.levels):
        if not any(_matches(code, r) for r in registry):
            raise ConfigError(f"{_origin(config, code)}levels: {code!r} names no rule")
    ignores = tuple(c for _, codes in config.per_file_ignores for c in codes)
    for where, selectors in (
        ("select", config.select),
        ("extend-select", config.extend_select),
        ("ignore", config.ignore),
        ("per-file-ignores", ignores),
    ):
        for sel in selectors:
            if not any(_matches(sel, r) for r in registry):
                raise ConfigError(
                    f"{_origin(config, sel)}{where}: {sel!r} names no rule, prefix, slug or pack"
                )
    house = config.house_dict()
    # An unsettled ``auto`` (an API caller's Config) behaves as news, copydesk's first use.
    profile = "news" if config.profile == "auto" else config.profile
    # a folder named in rule-paths is a pack the config asks for by naming it
    packs = {*config.packs, *(p.name for p in config.rule_paths)}
    chosen: list[RuleSpec] = []
    for rule in registry:
        on = rule.pack in packs and rule.enabled and profile in rule.profiles
        if config.select:
            on = any(_matches(s, rule) for s in config.select) and (
                rule.pack in packs or any(_explicit(s, rule) for s in config.select)
            )
        if any(_matches(s, rule) for s in config.extend_select):
            on = True
        if any(_matches(s, rule) for s in config.ignore):
            on = False
        if on and rule.active_for(house):
            chosen.append(rule)
    return chosen


def _origin(config: Config, needle: str) -> str:
    """'file:line: ' of the config line that names ``needle``, or '' for command-line settings."""
    if config.path is None:
        return ""
    try:
        for n, line in enumerate(config.path.read_text(encoding="utf-8").splitlines(), 1):
            if (
                f'"{needle}"' in line
                or f"'{needle}'" in line
                or line.lstrip().startswith((f"{needle} ", f"{needle}="))
            ):
                return f"{config.path}:{n}: "
    except (OSError, UnicodeDecodeError):
        pass
    return f"{config.path}: "


def _explicit(selector: str, rule: RuleSpec) -> bool:
    """Naming a rule's code or slug turns it on even when its pack is off."""
    return selector in (rule.code, rule.name) or selector.startswith("pack:")


class Linter:
    """The rules one config turns on, built once and run over document after document."""

    def __init__(self, registry: Registry, config: Config, reuse: Linter | None = None) -> None:
        """``reuse``: a linter of the same run whose rules may serve this one. Where both
        read the same settings, its built kinds (and their per-run memos) are taken as they
        are: a file whose profile its content settles would otherwise build every rule twice."""
        self.registry = registry
        self.config = config
        self.rules = select_rules(self.registry, self.config)
        self._help_uris: dict[str, str | None] = {}
        grammar = dict(self.config.grammar)
        if grammar.get("mode", "off") == "off":
            self.rules = [r for r in self.rules if r.kind != "grammar"]
        elif not self.config.select:
            # configuring a LanguageTool is asking for grammar: its rules need no pack setting
            chosen = {r.code for r in self.rules}
            self.rules += [
                r
                for r in self.registry
                if r.kind == "grammar"
                and r.code not in chosen
                and not any(_matches(s, r) for s in self.config.ignore)
            ]
        from copydesk.model import Level
        from copydesk.profiles import PROFILE_LEVELS

        preset = PROFILE_LEVELS.get(self.config.profile, {})
        levels = {k: Level.parse(v) for k, v in preset.items()} | dict(self.config.levels)
        self.levels = {r.code: levels.get(r.code, levels.get(r.name, r.level)) for r in self.rules}
        sourcing: dict[str, Any] = {}
        for rule in self.registry:
            if rule.kind == "sourcing":
                sourcing.update(rule.options)
        # `[sourcing] policy` in the config picks the checker's attribution window.
        policy = dict(self.config.sourcing).get("policy")
        if policy is not None:
            sourcing["window"] = policy
        self.context = Context(
            variant=self.config.language,
            house=self.config.house_dict(),
            accept=_read_words(self.config.accept_files),
            reject=_read_words(self.config.reject_files),
            grammar=grammar,
            sourcing=sourcing,
            profile="docs" if self.config.profile == "docs" else "news",
        )
        built: dict[int, Kind] = {}
        if (
            reuse is not None
            and reuse.registry is registry
            and reuse.context.settings() == self.context.settings()
        ):
            self.context = reuse.context
            built = {id(r): k for r, k in reuse.kinds}
        self.kinds: list[tuple[RuleSpec, Kind]] = [
            (r, built[id(r)] if id(r) in built else _build(r, self.context)) for r in self.rules
        ]
        # per rule, whether its matches in quoted speech are dropped: asked once, not per file
        self._plan = [(r, k, (r.quotes or k.default_quotes) == "skip") for r, k in self.kinds]
        self.codes = {r.code for r in self.rules}
        # rules from packs copydesk does not ship run with a time budget (engine/budget.py)
        builtin = os.path.join(builtin_rules_dir(), "")
        self._timed = {r.code for r in self.rules if not r.path.startswith(builtin)}

    @property
    def fingerprint(self) -> str:
        """Everything besides the file that decides its findings, for the result cache."""
        from copydesk.atomic import digest

        ctx = self.context
        words = digest("\n".join(ctx.accept), "\n".join(ctx.reject))
        return f"{self.registry.stamp}|{self.config!r}|{words}"

    @property
    def cacheable(self) -> bool:
        # grammar depends on a server that may answer next time: LanguageTool has its own cache
        return not any(r.kind == "grammar" for r in self.rules)

    def lint(self, doc: Document, path: Path | None = None) -> list[Finding]:
        ignored = self.config.ignored_for(path) if path else ()
        findings: list[Finding] = []
        used: set[int] = set()
        quote_starts = [q.start for q in doc.quotes] if doc.quotes else []
        for rule, kind, skip_quotes in self._plan:
            if ignored and any(_matches(s, rule) for s in ignored):
                continue
            matches: Iterable[Match] = kind.run(doc)
            if rule.code in self._timed:
                try:
                    matches = run_within(budget_for(len(doc.source)), kind.run, doc)
                except RuleTimeout as exc:
                    findings.append(_timeout_finding(doc, rule, exc.seconds))
                    continue
            for match in matches:
                if not self._in_scope(doc, rule, match):
                    continue
                if skip_quotes and _inside(doc.quotes, quote_starts, match.start, match.end):
                    continue
                if doc.sic_spans and any(s.start <= match.start < s.end for s in doc.sic_spans):
                    continue
                if doc.masked[match.start : match.end] != doc.source[match.start : match.end]:
                    if not getattr(kind, "spans_markup", False):
                        continue  # the match leans on blanked markup: it is not in the prose
                    match = match._replace(replacements=(), suggestions=match.replacements)
                code = match.code or rule.code
                hit = _suppressed(doc.suppressions, rule, code, match.start)
                if hit is not None:
                    used.add(hit)
                    continue
                findings.append(self._finding(doc, rule, match))
        findings.extend(self._meta(doc, used, ignored))
        findings.sort(key=Finding.sort_key)
        return merge_duplicates(findings)

    def _in_scope(self, doc: Document, rule: RuleSpec, match: Match) -> bool:
        if rule.scope is None:
            return True
        block = doc.block_at(match.start)
        return block is not None and block.scope in rule.scope

    def _finding(self, doc: Document, rule: RuleSpec, match: Match) -> Finding:
        line, col = doc.lines.position(match.start)
        end_line, end_col = doc.lines.position(match.end)
        data = _Format(match.data)
        data.setdefault("match", doc.source[match.start : match.end])
        message = match.message or rule.message.format_map(data)
        fix = None
        if match.replacements and rule.fix is not None:
            applicability = rule.fix
            if match.applicability is not None:
                applicability = min(applicability, match.applicability)
            fix = Fix(applicability, (Edit(Span(match.start, match.end), match.replacements[0]),))
        excerpt = doc.source[match.start : match.end]
        return Finding(
            path=doc.path,
            code=match.code or rule.code,
            name=rule.name,
            level=match.level or self.levels[rule.code],
            message=message,
            span=Span(match.start, match.end),
            line=line,
            column=col,
            end_line=end_line,
            end_column=end_col,
            excerpt=excerpt if len(excerpt) <= EXCERPT_MAX else excerpt[: EXCERPT_MAX - 1] + "…",
            fix=fix,
            suggestions=match.suggestions or match.replacements,
            help_uri=self._help_uri(rule),
        )

    def _help_uri(self, rule: RuleSpec) -> str | None:
        if rule.code not in self._help_uris:
            self._help_uris[rule.code] = rule.help_uri(self.config.rule_docs)
        return self._help_uris[rule.code]

    def _meta(self, doc: Document, used: set[int], ignored: Iterable[str]) -> list[Finding]:
        out: list[Finding] = []
        unknown_rule = self.registry.rules.get(UNKNOWN_CODE)
        unused_rule = self.registry.rules.get(UNUSED_SUPPRESSION)
        for i, sup in enumerate(doc.suppressions):
            unknown = [c for c in sup.codes if not any(_matches(c, r) for r in self.registry)]
            if unknown and unknown_rule and UNKNOWN_CODE in self.codes:
                out.append(
                    self._finding(
                        doc,
                        unknown_rule,
                        Match(sup.directive.start, sup.directive.end, {"code": ", ".join(unknown)}),
                    )
                )
            elif i not in used and unused_rule and UNUSED_SUPPRESSION in self.codes:
                out.append(
                    self._finding(
                        doc,
                        unused_rule,
                        Match(
                            sup.directive.start,
                            sup.directive.end,
                            {"action": sup.action, "codes": ", ".join(sup.codes) or "all rules"},
                        ),
                    )
                )
        return [
            f for f in out if not any(_matches(s, self.registry.rules[f.code]) for s in ignored)
        ]


def _timeout_finding(doc: Document, rule: RuleSpec, seconds: float) -> Finding:
    """CDK003: a rule stopped for running past its time budget on this document."""
    return Finding(
        path=doc.path,
        code=TIMEOUT_CODE,
        name="rule-timeout",
        level=Level.ERROR,
        message=(
            f"Rule {rule.code} ({rule.path}) ran for more than {seconds:.1f} s on this file and "
            "was stopped; its pattern probably backtracks without end (nested repeats such "
            "as (a+)+)."
        ),
        span=Span(0, 0),
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        excerpt="",
    )


def _build(rule: RuleSpec, ctx: Context) -> Kind:
    try:
        kind: Kind = kind_module(rule.kind).Kind(rule, ctx)
    except (ValueError, re.error, TypeError, KeyError) as exc:
        raise RuleError(f"{rule.path}: rule {rule.code} cannot be built: {exc}") from None
    return kind


def _inside(spans: list[Span], starts: list[int], start: int, end: int) -> bool:
    i = bisect_right(starts, start) - 1
    return i >= 0 and start < spans[i].end


def _suppressed(sups: list[Suppression], rule: RuleSpec, code: str, offset: int) -> int | None:
    for i, sup in enumerate(sups):
        if sup.start <= offset < max(sup.end, sup.start + 1) and (
            not sup.codes or any(c == code or _matches(c, rule) for c in sup.codes)
        ):
            return i
    return None


def _read_words(files: Iterable[Path]) -> tuple[str, ...]:
    words: list[str] = []
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{f}: cannot read vocabulary: {exc}") from None
        for line in text.splitlines():
            word = line.split("#", 1)[0].strip()
            if word:
                words.append(word)
    return tuple(words)
