"""The one registry of rules: every ``*.yaml`` or ``*.yml`` file in a pack folder is a rule. Built-in packs
are the folders of the shipped ``rules/``; more come from config paths and from the
``copydesk.packs`` entry point group. Parsed packs are cached keyed by file sizes and mtimes, so
a pre-commit run does not pay for a YAML parser."""

from __future__ import annotations

import json
import marshal
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from copydesk import __version__
from copydesk.atomic import digest, write_atomic
from copydesk.cachedir import cache_dir
from copydesk.engine.rules import (
    Example,
    RuleError,
    RuleSpec,
    _where,
    build_spec,
    builtin_rules_dir,
)
from copydesk.kinds import prefilter, regex_patterns
from copydesk.model import Applicability, Level

ENTRY_POINT_GROUP = "copydesk.packs"


def pack_dirs(extra: Iterable[Path] = ()) -> list[tuple[str, Path]]:
    """(pack name, folder) for built-in packs, entry-point packs and configured paths."""
    found: list[tuple[str, Path]] = []
    root = builtin_rules_dir()
    if root.is_dir():
        found.extend(
            (p.name, p)
            for p in sorted(root.iterdir())
            if p.is_dir() and not p.name.startswith((".", "_"))
        )
    found.extend(_entry_point_packs())
    for path in extra:
        found.append((path.name, path))
    return found


def _entry_point_packs() -> list[tuple[str, Path]]:
    """Packs that installed distributions declare. Scanning every distribution costs more than
    a whole one-article run, so the answer is cached, keyed by the import path folders and their
    modification times (installing or removing a package changes them)."""
    parts = [__version__]
    for entry in sys.path:
        try:
            parts.append(f"{entry}\0{os.stat(entry or '.').st_mtime_ns}")
        except OSError:
            parts.append(f"{entry}\0-")
    # One file per interpreter (its import path); installing a package replaces it.
    group = f"entry-points-{digest(*sys.path, size=6)}"
    cache = cache_dir() / f"{group}-{digest(*parts, size=10)}.json"
    try:
        return [(name, Path(path)) for name, path in json.loads(cache.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        pass
    packs = []
    for name, value in _declared_packs():
        try:
            target = _load(value)
            path = Path(target() if callable(target) else getattr(target, "__file__", str(target)))
        except Exception as exc:  # a broken plug-in must not take the linter down
            raise RuleError(f"rule pack entry point {name!r} failed to load: {exc}") from None
        packs.append((name, path.parent if path.is_file() else path))
    _drop_stale(cache, group)
    _write_cache(cache, [(name, str(path)) for name, path in packs])
    return packs


def _declared_packs(group: str = ENTRY_POINT_GROUP) -> list[tuple[str, str]]:
    """(name, "module:attribute") of the ``group`` entry points of the distributions
    on the import path, as ``importlib.metadata.entry_points`` finds them (the first
    distribution of a name wins), read from their ``entry_points.txt`` directly: importing
    ``importlib.metadata`` (email, zipfile, csv) costs a one-file run a fifth of its time."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for entry in sys.path:
        folder = entry or "."
        if os.path.isfile(folder):  # a zip archive on the path: the standard library reads it
            from importlib.metadata import entry_points

            return [(ep.name, ep.value) for ep in entry_points(group=group)]
        try:
            names = os.listdir(folder)  # in the order importlib.metadata reads them
        except OSError:
            continue
        for child in names:
            stem, dot, suffix = child.rpartition(".")
            if not dot or suffix not in ("dist-info", "egg-info"):
                continue
            dist = _normalise(stem.split("-", 1)[0])
            if dist in seen:
                continue
            seen.add(dist)
            try:
                with open(os.path.join(folder, child, "entry_points.txt"), encoding="utf-8") as fh:
                    text = fh.read()
            except OSError:
                continue
            if group in text:
                found.extend(_group_entries(text, group))
    return found


def _normalise(name: str) -> str:
    import re

    return re.sub(r"[-_.]+", "_", name).lower()


def _group_entries(text: str, group: str) -> list[tuple[str, str]]:
    """The ``name = value`` lines of one section of an ``entry_points.txt``."""
    out: list[tuple[str, str]] = []
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif section == group and "=" in line:
            name, _, value = line.partition("=")
            out.append((name.strip(), value.strip()))
    return out


def _load(value: str) -> Any:
    """The object an entry point's ``module:attribute`` names (``EntryPoint.load``)."""
    import importlib

    module, _, attrs = value.split("[", 1)[0].partition(":")
    target = importlib.import_module(module.strip())
    for attr in attrs.strip().split("."):
        if attr:
            target = getattr(target, attr)
    return target


def _rule_files(folder: Path) -> list[Path]:
    """The folder's rule files, in ``sorted(folder.rglob(...))`` order (walked with
    ``os.walk``, which costs a tenth as much: every run lists every pack)."""
    found: list[Path] = []
    for here, _, names in os.walk(folder):
        for name in names:
            if name.endswith((".yaml", ".yml")) and name not in (".yaml", ".yml"):
                path = os.path.join(here, name)
                if os.path.isfile(path):
                    found.append(Path(path))
    return sorted(found)


def load_pack(name: str, folder: Path) -> tuple[list[RuleSpec], str]:
    """The pack's rules and a stamp that changes whenever one of its files does."""
    files = _rule_files(folder)
    from copydesk.wordforms import FORMS_VERSION

    parts = [__version__, prefilter.EXTRACTION, f"forms{FORMS_VERSION}"]
    for f in files:
        st = f.stat()
        parts.append(f"{f}\0{st.st_size}\0{st.st_mtime_ns}")
    stamp = digest(*parts, size=10)
    # Keyed by folder too, so that two checkouts sharing the cache keep a version each, and
    # by the interpreter, whose version decides the marshal format.
    group = f"pack-{name}-{digest(str(folder), sys.version, size=6)}"
    cache = cache_dir() / f"{group}-{stamp}.marshal"
    try:
        # marshal reads the pack (a megabyte for the core rules) twice as fast as json
        raw = marshal.loads(cache.read_bytes())
        prefilter.seed(raw["prefilters"])
        prefilter.seed_entries(raw["prefilters"], raw["entries"])
        return [_from_json(r) for r in raw["rules"]], stamp
    except (OSError, ValueError, KeyError, TypeError, EOFError, IndexError):
        pass
    specs = [_parse_file(name, f) for f in files]
    _drop_stale(cache, group)
    patterns = [p for s in specs for p in regex_patterns(s)]
    data = {
        "rules": [_to_json(s) for s in specs],
        "prefilters": prefilter.computed(patterns),
        "entries": prefilter.computed_entries(dict.fromkeys(patterns)),
    }
    # stored as JSON would give it back (lists, string keys), whichever format holds it
    _write_cache(cache, marshal.dumps(json.loads(json.dumps(data))))
    return specs, stamp


def _drop_stale(cache: Path, group: str) -> None:
    """Remove the other versions of a cache file: their sources have changed since."""
    for old in cache.parent.glob(f"{group}-*{cache.suffix}"):
        if old != cache:
            old.unlink(missing_ok=True)


def _write_cache(path: Path, data: Any) -> None:
    """``data`` as JSON, or bytes as they are."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = data if isinstance(data, bytes) else json.dumps(data).encode("utf-8")
        write_atomic(path, raw, keep_mode=False, durable=False)
    except OSError:
        pass  # no writable cache: still correct, only slower


def _parse_file(pack: str, path: Path) -> RuleSpec:
    import yaml

    from copydesk import safeyaml

    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(f"{shown}: cannot read rule file: {exc}") from None
    try:
        data, node = safeyaml.load(text)
    except safeyaml.YAMLError as exc:
        raise RuleError(f"{_where(shown, exc.line)}: {exc.message}") from None
    lines: dict[str, int] = {"": 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[str(key.value)] = key.start_mark.line + 1
            if key.value == "options" and isinstance(value, yaml.MappingNode):
                for k2, _ in value.value:
                    lines[f"options.{k2.value}"] = k2.start_mark.line + 1
    spec = build_spec(data, pack, shown, lines)
    from copydesk.kinds import validate_options

    try:
        validate_options(spec)
    except ValueError as exc:
        key = str(exc).split("'")[1] if "'" in str(exc) else ""
        line = lines.get(f"options.{key}", lines.get("options", lines.get("kind")))
        raise RuleError(f"{shown}:{line}: {exc}") from None
    if spec.options.get("forms"):
        from copydesk.wordforms import FormsUnavailable, expand_options

        try:
            spec = spec._replace(options=expand_options(spec.kind, spec.options))
        except FormsUnavailable as exc:
            raise RuleError(
                f"{shown}:{lines.get('options.forms', lines.get('options'))}: {exc}"
            ) from None
    _check_templates(spec, shown, lines)
    return spec


def _check_templates(spec: RuleSpec, shown: str, lines: dict[str, int]) -> None:
    """A rule's message template and regular expressions (with their replacement templates)
    are checked when the file is read, so that a mistake stops the run, with the file and line,
    before any document is read rather than in the middle of one."""
    import re
    import string

    try:
        for _, field, spec_, conversion in string.Formatter().parse(spec.message):
            if field is None:
                continue
            if not field.isidentifier() or spec_ or conversion not in (None, "r", "s"):
                raise ValueError(f"'{{{field}}}' must be a plain {{name}}")
    except ValueError as exc:
        raise RuleError(
            f"{_where(shown, lines.get('message'))}: invalid message template: {exc}"
        ) from None
    opts = spec.options
    if not opts.get("regex"):
        return
    line = lines.get("options", lines.get(""))
    flags = re.IGNORECASE if opts.get("ignorecase") else 0
    swap = opts.get("swap") or {}
    for pattern in regex_patterns(spec):
        try:
            compiled = re.compile(pattern, flags)
        except re.error as exc:
            raise RuleError(
                f"{_where(shown, line)}: invalid regular expression {pattern!r}: {exc}"
            ) from None
        replacement = swap.get(pattern)
        if isinstance(replacement, str):
            try:
                compiled.sub(replacement, "")  # compiles the template, matches nothing
            except (re.error, IndexError) as exc:
                raise RuleError(
                    f"{_where(shown, line)}: invalid replacement {replacement!r} for "
                    f"{pattern!r}: {exc}"
                ) from None


def _to_json(spec: RuleSpec) -> dict[str, Any]:
    def ex(e: Example) -> dict[str, Any]:
        return {
            "text": e.text,
            "fix": e.fix,
            "count": e.occurrences,
            "house": [list(h) for h in e.house],
            "kind": e.kind,
        }

    return {
        "code": spec.code, "name": spec.name, "kind": spec.kind, "level": spec.level.name,
        "pack": spec.pack, "path": spec.path, "summary": spec.summary, "message": spec.message,
        "source": spec.source, "description": spec.description,
        "scope": list(spec.scope) if spec.scope else None, "quotes": spec.quotes,
        "fix": spec.fix.name if spec.fix else None, "options": spec.options, "when": spec.when,
        "enabled": spec.enabled, "aliases": list(spec.aliases), "tags": list(spec.tags),
        "profiles": list(spec.profiles),
        "fail": [ex(e) for e in spec.fail], "passes": [ex(e) for e in spec.passes],
    }  # fmt: skip


def _from_json(r: dict[str, Any]) -> RuleSpec:
    def ex(e: dict[str, Any]) -> Example:
        return Example(
            e["text"], e["fix"], e["count"], tuple((k, v) for k, v in e["house"]), e["kind"]
        )

    return RuleSpec(
        code=r["code"], name=r["name"], kind=r["kind"], level=Level[r["level"]], pack=r["pack"],
        path=r["path"], summary=r["summary"], message=r["message"], source=r["source"],
        description=r["description"], scope=tuple(r["scope"]) if r["scope"] else None,
        quotes=r["quotes"], fix=Applicability[r["fix"]] if r["fix"] else None,
        options=r["options"], when=r["when"], enabled=r["enabled"], aliases=tuple(r["aliases"]),
        tags=tuple(r["tags"]), profiles=tuple(r["profiles"]), fail=tuple(ex(e) for e in r["fail"]),
        passes=tuple(ex(e) for e in r["passes"]),
    )  # fmt: skip


class Registry:
    def __init__(self, rules: dict[str, RuleSpec], packs: dict[str, list[str]], stamp: str) -> None:
        self.rules = rules  # by code, in load order
        self.packs = packs  # pack -> codes
        self.stamp = stamp  # changes whenever any rule file does

    def __iter__(self) -> Iterator[RuleSpec]:
        return iter(self.rules.values())


def load_registry(extra_paths: Iterable[Path] = ()) -> Registry:
    rules: dict[str, RuleSpec] = {}
    names: dict[str, str] = {}
    packs: dict[str, list[str]] = {}
    stamps: list[str] = []
    for pack, folder in pack_dirs(extra_paths):
        if not folder.is_dir():
            raise RuleError(f"{folder}: rule pack folder does not exist")
        specs, stamp = load_pack(pack, folder)
        stamps.append(f"{pack}:{stamp}")
        for spec in specs:
            if spec.code in rules:
                raise RuleError(
                    f"{spec.path}: duplicate rule code {spec.code} (also in {rules[spec.code].path})"
                )
            if spec.name in names:
                raise RuleError(
                    f"{spec.path}: duplicate rule name {spec.name!r} (also {names[spec.name]})"
                )
            rules[spec.code] = spec
            names[spec.name] = spec.code
            packs.setdefault(pack, []).append(spec.code)
    # The rules live as long as the run: out of the collector's sight, the tens of thousands of
    # objects of a parsed pack are not walked again at every full collection.
    import gc

    gc.freeze()
    return Registry(rules, packs, ",".join(stamps))
