"""Configuration: ``copydesk.toml``, ``.copydesk.toml`` or ``[tool.copydesk]`` in
``pyproject.toml``, found by walking up from each file. The nearest file wins whole (no merging
across folders), as in ruff; ``extends`` pulls in presets or other files explicitly."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from copydesk.document.frontmatter import DEFAULT_PROSE_FIELDS
from copydesk.model import Level

CONFIG_NAMES = ("copydesk.toml", ".copydesk.toml", "pyproject.toml")
DEFAULT_PACKS = ("core", "typos", "sourcing")

HOUSE_DEFAULTS: dict[str, dict[str, Any]] = {
    # BBC and Guardian online copy: "%" with figures, "Mr" without a stop (research/editorial-rules)
    "news-uk": {
        "numerals": 10,
        "percent": "%",
        "spelling": "ise",
        "dotted-abbreviations": False,
        "courtesy-titles": "Mr",
        "headline-case": "sentence",
        "date-order": "dmy",
        "large-numbers": "m/bn",
    },
    # AP: "%" with a numeral since 2019, no courtesy titles, "U.S."
    "news-us": {
        "numerals": 10,
        "percent": "%",
        "spelling": "ize",
        "dotted-abbreviations": True,
        "courtesy-titles": "none",
        "headline-case": "sentence",
        "date-order": "mdy",
        "large-numbers": "million",
    },
}
HOUSE_CHOICES: dict[str, tuple[Any, ...]] = {
    "numerals": (9, 10),
    "percent": ("%", "percent", "per cent"),
    "spelling": ("ise", "ize"),
    "dotted-abbreviations": (True, False),
    "courtesy-titles": ("Mr", "Mr.", "none"),
    "headline-case": ("sentence", "title"),
    "date-order": ("dmy", "mdy"),
    "large-numbers": ("m/bn", "million"),
}

PRESETS: dict[str, dict[str, Any]] = {
    "default": {"packs": list(DEFAULT_PACKS)},
    "news-uk": {
        "packs": [*DEFAULT_PACKS, "news-uk"],
        "language": "en-GB",
        "house": HOUSE_DEFAULTS["news-uk"],
    },
    "news-us": {
        "packs": [*DEFAULT_PACKS, "news-us"],
        "language": "en-US",
        "house": HOUSE_DEFAULTS["news-us"],
    },
    "plain": {"packs": [*DEFAULT_PACKS, "plain"]},
    "all": {"packs": [*DEFAULT_PACKS, "news-uk", "plain"], "house": HOUSE_DEFAULTS["news-uk"]},
}

# What each setting must be, checked before anything is applied: a type mistake is one line
# naming the file and line, never a crash in the middle of a run. A new setting is one row
# here (a top-level key, or a key of a [section]) and its use in ``apply_settings``.
Check = Callable[[Any], str | None]  # the problem with a value, or None


def _strings(value: Any) -> str | None:
    ok = isinstance(value, str) or (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    )
    return None if ok else "must be a string or a list of strings"


def _one_of(*choices: Any) -> Check:
    def check(value: Any) -> str | None:
        if any(value == c and type(value) is type(c) for c in choices):
            return None
        return f"must be one of {', '.join(repr(c) for c in choices)}, not {value!r}"

    return check


def _table_of(values: Check, what: str) -> Check:
    def check(value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"must be a table of {what}"
        for k, v in value.items():
            problem = values(v)
            if problem is not None:
                return f"{k!r} {problem}"
        return None

    return check


def _level(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"must be error, warning or suggestion, not {value!r}"
    try:
        Level.parse(value)
    except ValueError as exc:
        return str(exc)
    return None


def _string(value: Any) -> str | None:
    return None if isinstance(value, str) else f"must be a string, not {value!r}"


def _table(value: Any) -> str | None:
    return None if isinstance(value, dict) else "must be a table"


SCHEMA: dict[str, Check] = {
    "extends": _strings,
    "packs": _strings,
    "select": _strings,
    "extend-select": _strings,
    "ignore": _strings,
    "fail-level": _level,
    "language": _one_of("en-GB", "en-US"),
    "exclude": _strings,
    "extend-exclude": _strings,
    "per-file-ignores": _table_of(_strings, "globs to lists of codes"),
    "rule-paths": _strings,
    "levels": _table_of(_level, "rule codes to error, warning or suggestion"),
    "house": _table,
    "spelling": _table,
    "grammar": _table,
    "sourcing": _table,
    "front-matter": _table,
    "profile": _string,  # its values are checked by copydesk.profiles
    "markdown": _table,
    "include-text": _one_of(True, False),
    "rule-docs": _string,  # its {code} is checked where it is applied
}
SECTIONS: dict[str, dict[str, Check]] = {
    "spelling": {"accept": _strings, "reject": _strings},
    "front-matter": {"prose-fields": _strings},
    "sourcing": {"policy": _one_of("strict", "lenient")},
    "markdown": {"dialect": _string},  # its values are checked where it is applied
}
_KEYS = set(SCHEMA)


class ConfigError(Exception):
    """A configuration that cannot be used; the message names the file and line."""


class Config(NamedTuple):
    path: Path | None = None  # the file it came from; None for built-in defaults
    root: Path = Path(".")  # where relative globs start: the config's folder, else the cwd
    packs: tuple[str, ...] = DEFAULT_PACKS
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_level: Level = Level.WARNING
    language: str = "en-GB"
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    rule_paths: tuple[Path, ...] = ()
    levels: tuple[tuple[str, Level], ...] = ()
    house: tuple[tuple[str, Any], ...] = ()
    accept_files: tuple[Path, ...] = ()
    reject_files: tuple[Path, ...] = ()
    grammar: tuple[tuple[str, Any], ...] = ()
    sourcing: tuple[tuple[str, Any], ...] = ()
    prose_fields: tuple[str, ...] = DEFAULT_PROSE_FIELDS
    profile: str = "auto"  # news | docs | auto; a finder resolves auto for each file
    profile_reason: str = ""  # why auto chose the profile it did
    include_text: bool = True  # folder walks take .txt and .text files too
    rule_docs: str | None = None  # a rule page's URL, {code} for the code; None: built-in pages
    dialect: str = "auto"  # Markdown dialect; "auto": the site generator's (document/dialect.py)

    def house_dict(self) -> dict[str, Any]:
        return dict(self.house)

    def relpath(self, path: Path) -> str:
        try:
            return _resolve(path).relative_to(_resolve_dir(self.root)).as_posix()
        except ValueError:
            return path.as_posix()

    def is_excluded(self, path: Path) -> bool:
        if not self.exclude:
            return False
        rel = self.relpath(path)
        return any(_glob(rel, pattern) for pattern in self.exclude)

    def is_word_list(self, path: Path) -> bool:
        """Whether the path is one of the configured [spelling] accept or reject files."""
        lists = self.accept_files + self.reject_files
        if not lists or path.name not in {p.name for p in lists}:
            return False
        return _resolve(path) in lists

    def ignored_for(self, path: Path) -> tuple[str, ...]:
        if not self.per_file_ignores:
            return ()
        rel = self.relpath(path)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if _glob(rel, pattern):
                out.extend(codes)
        return tuple(out)


def _resolve(path: Path) -> Path:
    """``path.resolve()``, with the folder part resolved once per folder: resolving makes a
    system call for every component, and the files of a run share a handful of folders."""
    name = path.name
    if not name or name == ".." or path.is_symlink():
        return path.resolve()
    return _resolve_dir(path.parent) / name


def _resolve_dir(folder: Path) -> Path:
    text = str(folder)
    if not folder.is_absolute():  # the memo's key must not depend on the working folder
        text = os.path.join(os.getcwd(), text)
    return _resolved_dir(text)


@lru_cache(maxsize=1024)
def _resolved_dir(folder: str) -> Path:
    return Path(folder).resolve()


def _glob(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch(rel, pattern) or fnmatch(rel, pattern + "/*"):
        return True
    if "/" not in pattern:  # a bare name matches at any depth, as in .gitignore
        return any(fnmatch(part, pattern) for part in rel.split("/"))
    return pattern.startswith("**/") and fnmatch(rel, pattern[3:])


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf'^\s*"?{re.escape(key)}"?\s*=', text, re.M)
    if m is None:
        m = re.search(rf"^\s*\[(?:tool\.copydesk\.)?{re.escape(key)}\]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    import tomllib  # only when there is a config file to read

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        where = f"{path}:{m.group(1)}" if m else str(path)
        detail = re.sub(r" \(at line.*", "", msg)
        raise ConfigError(f"{where}: invalid TOML: {detail}") from None
    return data, text


def find_config_file(start: Path) -> Path | None:
    folder = start if start.is_dir() else start.parent
    folder = folder.resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file():
                if name == "pyproject.toml" and not _has_tool_section(path):
                    continue
                return path
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "[tool.copydesk" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def load_config(path: Path | None, _seen: tuple[Path, ...] = ()) -> Config:
    if path is None:
        return Config()
    path = path.resolve()
    if path in _seen:
        raise ConfigError(f"{path}: extends itself in a loop")
    data, text = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("copydesk", {})
    return apply_settings(Config(path=path, root=path.parent), data, text, path, _seen)


def apply_settings(
    base: Config, data: dict[str, Any], text: str, path: Path, seen: tuple[Path, ...] = ()
) -> Config:
    def err(key: str, msg: str) -> ConfigError:
        line = _line_of(text, key)
        return ConfigError(f"{path}:{line}: {msg}" if line else f"{path}: {msg}")

    unknown = set(data) - _KEYS
    if unknown:
        key = sorted(unknown)[0]
        raise err(key, f"unknown setting {key!r}")
    for key, value in data.items():
        problem = SCHEMA[key](value)
        if problem is not None:
            raise err(key, f"{key} {problem}")
        for sub, check in SECTIONS.get(key, {}).items():
            if sub in value and (problem := check(value[sub])) is not None:
                raise err(sub, f"[{key}] {sub} {problem}")
    config = base
    extends = data.get("extends", [])
    if isinstance(extends, str):
        extends = [extends]
    for item in extends:
        if item in PRESETS:
            config = apply_settings(config, PRESETS[item], "", path)
        elif isinstance(item, str) and item.endswith(".toml"):
            other = (path.parent / item).resolve()
            if not other.is_file():
                raise err("extends", f"extends {item!r}: no such file")
            parent = load_config(other, (*seen, path))
            config = parent._replace(path=config.path, root=config.root)
        else:
            raise err("extends", f"unknown preset {item!r} (presets: {', '.join(PRESETS)})")

    def strings(key: str) -> tuple[str, ...]:
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise err(key, f"{key} must be a list of strings")
        return tuple(value)

    def paths(key: str, values: tuple[str, ...]) -> tuple[Path, ...]:
        return tuple((path.parent / v).resolve() for v in values)

    changes: dict[str, Any] = {}
    for key, attr in (
        ("packs", "packs"),
        ("select", "select"),
        ("extend-select", "extend_select"),
        ("ignore", "ignore"),
        ("exclude", "exclude"),
    ):
        if key in data:
            changes[attr] = strings(key)
    if "extend-exclude" in data:
        changes["exclude"] = changes.get("exclude", config.exclude) + strings("extend-exclude")
    if "fail-level" in data:
        try:
            changes["fail_level"] = Level.parse(str(data["fail-level"]))
        except ValueError as exc:
            raise err("fail-level", str(exc)) from None
    if "profile" in data:
        from copydesk.profiles import validate

        try:
            changes["profile"] = validate(data["profile"])
        except ValueError as exc:
            raise err("profile", str(exc)) from None
    if "language" in data:
        if data["language"] not in ("en-GB", "en-US"):
            raise err("language", f"language must be en-GB or en-US, not {data['language']!r}")
        changes["language"] = data["language"]
    for key, attr in (("include-text", "include_text"),):
        if key in data:
            if not isinstance(data[key], bool):
                raise err(key, f"{key} must be true or false")
            changes[attr] = data[key]
    if "rule-docs" in data:
        if not isinstance(data["rule-docs"], str) or "{code}" not in data["rule-docs"]:
            raise err("rule-docs", "rule-docs must be a URL with {code} where the rule code goes")
        changes["rule_docs"] = data["rule-docs"]
    if "rule-paths" in data:
        changes["rule_paths"] = paths("rule-paths", strings("rule-paths"))
        for folder in changes["rule_paths"]:
            if not folder.is_dir():
                raise err("rule-paths", f"rule-paths: no such folder {folder}")
    if "per-file-ignores" in data:
        table = data["per-file-ignores"]
        if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
            raise err("per-file-ignores", "per-file-ignores maps globs to lists of codes")
        changes["per_file_ignores"] = tuple((k, tuple(v)) for k, v in table.items())
    if "levels" in data:
        levels = data["levels"]
        if not isinstance(levels, dict):
            raise err("levels", "levels maps rule codes to error, warning or suggestion")
        try:
            changes["levels"] = tuple(
                dict(config.levels) | {k: Level.parse(str(v)) for k, v in levels.items()}.items()
            )
        except ValueError as exc:
            raise err("levels", str(exc)) from None
    if "house" in data:
        house = dict(config.house)
        for k, v in data["house"].items():
            if k not in HOUSE_CHOICES:
                raise err(k, f"unknown house parameter {k!r} (known: {', '.join(HOUSE_CHOICES)})")
            if v not in HOUSE_CHOICES[k]:
                choices = ", ".join(repr(c) for c in HOUSE_CHOICES[k])
                raise err(k, f"house parameter {k} must be one of {choices}, not {v!r}")
            house[k] = v
        changes["house"] = tuple(house.items())
    for section in ("spelling", "front-matter", "sourcing", "markdown"):
        if section in data:
            table = data[section]
            if not isinstance(table, dict):
                raise err(section, f"[{section}] must be a table")
            bad = set(table) - set(SECTIONS[section])
            if bad:
                k = sorted(bad)[0]
                raise err(k, f"unknown setting {k!r} in [{section}]")
    spelling = data.get("spelling", {})
    for key, attr in (("accept", "accept_files"), ("reject", "reject_files")):
        if key in spelling:
            value = spelling[key]
            value = [value] if isinstance(value, str) else value
            files = tuple((path.parent / v).resolve() for v in value)
            for f in files:
                if not f.is_file():
                    raise err(key, f"[spelling] {key}: no such file {f}")
            changes[attr] = files
    if "dialect" in data.get("markdown", {}):
        from copydesk.document.dialect import DIALECT_NAMES

        dialect = data["markdown"]["dialect"]
        if dialect not in DIALECT_NAMES:
            raise err("dialect", f"[markdown] dialect must be one of {', '.join(DIALECT_NAMES)}")
        changes["dialect"] = dialect
    if "prose-fields" in data.get("front-matter", {}):
        fields = data["front-matter"]["prose-fields"]
        changes["prose_fields"] = (fields,) if isinstance(fields, str) else tuple(fields)
    if "sourcing" in data:
        policy = data["sourcing"].get("policy", "strict")
        if policy not in ("strict", "lenient"):
            raise err("policy", "[sourcing] policy must be strict or lenient")
        changes["sourcing"] = tuple(data["sourcing"].items())
    if "grammar" in data:
        if not isinstance(data["grammar"], dict):
            raise err("grammar", "[grammar] must be a table")
        from copydesk.grammar import GrammarSettings

        try:
            GrammarSettings.from_config(data["grammar"])
        except ValueError as exc:
            key = next((k for k in data["grammar"] if k in str(exc)), "grammar")
            raise err(key, str(exc)) from None
        changes["grammar"] = tuple(data["grammar"].items())
    return config._replace(**changes)


class ConfigFinder:
    """Finds (and caches per folder) the config that governs each path."""

    def __init__(
        self, explicit: Path | None = None, overrides: dict[str, Any] | None = None
    ) -> None:
        self.explicit = explicit
        self.overrides = overrides or {}
        self._by_dir: dict[Path, Config] = {}
        self._by_file: dict[Path | None, Config] = {}
        self._resolved: dict[tuple[int, str, str], Config] = {}

    def for_path(self, path: Path) -> Config:
        return self._for_folder(path if path.is_dir() else path.parent)

    def for_file(self, path: Path) -> Config:
        """``for_path`` of a path known not to be a folder (a file listed by a walk, one about
        to be read): it spares a run one ``stat`` per file."""
        return self._for_folder(path.parent)

    def with_profile(self, config: Config, path: Path) -> Config:
        """``config`` with an ``auto`` profile settled by the file's place (docs site
        generator, docs folder, documentation file name); unchanged when the place says
        nothing, so that the file's content can still decide (``with_choice``)."""
        if config.profile != "auto":
            return config
        from copydesk.profiles import for_path

        choice = for_path(path, config.root)
        return config if choice is None else self.with_choice(config, *choice)

    def with_choice(self, config: Config, profile: str, reason: str) -> Config:
        """One Config object per (config, profile), so linters built per config are shared."""
        key = (id(config), profile, reason)
        if key not in self._resolved:
            self._resolved[key] = config._replace(profile=profile, profile_reason=reason)
        return self._resolved[key]

    def _for_folder(self, raw: Path) -> Config:
        folder = _resolve_dir(raw)
        if folder not in self._by_dir:
            file = self.explicit or find_config_file(folder)
            if file not in self._by_file:
                config = load_config(file)
                if file is None:
                    config = config._replace(root=Path.cwd())
                if self.overrides:
                    config = config._replace(**self.overrides)
                self._by_file[file] = config
            self._by_dir[folder] = self._by_file[file]
        return self._by_dir[folder]
