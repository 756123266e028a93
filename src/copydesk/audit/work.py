"""One task on a worker: read its rows, lint each article as ``copydesk check`` would lint the
same text in a file, and return the findings as columns with the task's tallies."""

from __future__ import annotations

from typing import Any, NamedTuple

from copydesk.audit.sources import Task, read_task
from copydesk.audit.summary import Tally
from copydesk.config import Config
from copydesk.engine.runner import Linter

FINDING_COLUMNS = ("code", "level", "offset", "end_offset", "line", "column", "message")
NO_VALUE = "(none)"


class Settings(NamedTuple):
    config: Config
    text_field: str
    id_field: str
    group_by: tuple[str, ...]
    kind: str  # how the text is read: text, markdown or html

    @property
    def columns(self) -> list[str]:
        return [self.text_field, self.id_field, *self.group_by]


class PartResult(NamedTuple):
    number: int
    findings: dict[str, list[Any]]  # "id", the group-by fields, then FINDING_COLUMNS
    tally: Tally
    bad_rows: list[dict[str, str]]


# One linter per worker process and config: loading the rules and the speller costs more
# than a task's articles, so every task after a worker's first reuses them.
_LINTERS: dict[Config, Linter] = {}


def linter_for(config: Config) -> Linter:
    linter = _LINTERS.get(config)
    if linter is None:
        from copydesk.engine.registry import load_registry

        linter = _LINTERS[config] = Linter(load_registry(config.rule_paths), config)
    return linter


def group_value(value: Any) -> str:
    return NO_VALUE if value is None or value == "" else str(value)


def audit_task(task: Task, settings: Settings) -> PartResult:
    from copydesk.document import parse_document

    linter = linter_for(settings.config)
    columns: dict[str, list[Any]] = {
        name: [] for name in ("id", *settings.group_by, *FINDING_COLUMNS)
    }
    tally = Tally()
    bad: list[dict[str, str]] = []
    for row in read_task(task, settings.columns):
        record = row.record
        ident = str(record.get(settings.id_field, "")) if record else ""
        error = row.error
        if record is not None:
            text = record.get(settings.text_field)
            if settings.text_field not in record or text is None:
                error = f"no {settings.text_field!r} field"
            elif not isinstance(text, str):
                error = f"{settings.text_field!r} is a {type(text).__name__}, not a string"
        if error is not None or record is None or not isinstance(text, str):
            bad.append({"where": row.where, "id": ident, "reason": error or "unreadable"})
            continue
        ident = ident or row.where
        groups = tuple(group_value(record.get(field)) for field in settings.group_by)
        doc = parse_document(text, ident, settings.kind, settings.config.prose_fields)
        findings = linter.lint(doc)
        tally.add(groups, doc.word_count, [(f.code, str(f.level)) for f in findings])
        for f in findings:
            columns["id"].append(ident)
            for field, value in zip(settings.group_by, groups, strict=True):
                columns[field].append(value)
            columns["code"].append(f.code)
            columns["level"].append(str(f.level))
            columns["offset"].append(f.span.start)
            columns["end_offset"].append(f.span.end)
            columns["line"].append(f.line)
            columns["column"].append(f.column)
            columns["message"].append(f.message)
    tally.bad_rows = len(bad)
    linter.context.shared.pop("notes", None)  # e.g. grammar skipped: said once by the driver
    return PartResult(task.number, columns, tally, bad)
