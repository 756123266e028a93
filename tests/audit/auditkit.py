"""Invented articles for the audit tests, each with a known problem or none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ARTICLES: list[dict[str, Any]] = [
    {
        "id": "a1",
        "desk": "home",
        "year": 2019,
        "text": "The Home Secretaray visited the port on Tuesday.\nShe met local officials.",
    },
    {
        "id": "a2",
        "desk": "world",
        "year": 2020,
        "text": "An estimated 3,000 people are camping near the harbour.",
    },
    {
        "id": "a3",
        "desk": "home",
        "year": 2020,
        "text": "The council said it would publish the agreeements next week.",
    },
    {
        "id": "a4",
        "desk": "world",
        "year": 2021,
        "text": "Ministers met in the capital to discuss the budget.",
    },
]


def write_jsonl(path: Path, rows: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path
