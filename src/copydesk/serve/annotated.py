"""LanguageTool's annotated text (the ``data`` parameter): a JSON list of text parts and markup
parts. Offsets in the answer count both, so the document copydesk checks is as long as all
parts together: text as written, markup blanked to spaces (keeping its line breaks, or the ones
its ``interpretAs`` asks for, so paragraphs still end where the markup ends them)."""

from __future__ import annotations

import json
from typing import Any

from copydesk.document.suppress import DIRECTIVE_RE


class AnnotationError(ValueError):
    """Annotated text that cannot be read; the message says what is wrong, for a 400."""


def read_annotation(raw: str) -> tuple[str, str]:
    """(the parts joined as sent, the same with markup blanked)."""
    try:
        data: Any = json.loads(raw)
    except ValueError as exc:
        raise AnnotationError(f"'data' is not valid JSON: {exc}") from None
    parts = data.get("annotation") if isinstance(data, dict) else None
    if not isinstance(parts, list):
        raise AnnotationError("'data' must be a JSON object with an 'annotation' list")
    original: list[str] = []
    checked: list[str] = []
    for n, part in enumerate(parts):
        if not isinstance(part, dict):
            raise AnnotationError(f"annotation part {n} is not an object")
        text, markup = part.get("text"), part.get("markup")
        if isinstance(text, str) and markup is None:
            original.append(text)
            checked.append(text)
        elif isinstance(markup, str) and text is None:
            interpret = part.get("interpretAs", "")
            if not isinstance(interpret, str):
                raise AnnotationError(f"annotation part {n}: 'interpretAs' must be a string")
            original.append(markup)
            checked.append(_blank(markup, interpret))
        else:
            raise AnnotationError(
                f"annotation part {n} must have a string 'text' or a string 'markup', not both"
            )
    return "".join(original), "".join(checked)


def _blank(markup: str, interpret: str) -> str:
    if DIRECTIVE_RE.fullmatch(markup.strip()):
        return markup  # a copydesk suppression comment keeps working when sent as markup
    out = [c if c in "\r\n" else " " for c in markup]
    wanted = interpret.count("\n") - out.count("\n")
    for i, c in enumerate(out):
        if wanted <= 0:
            break
        if c == " ":
            out[i] = "\n"
            wanted -= 1
    return "".join(out)
