"""The audit tests need the archive extra; they skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the archive extra is not installed")
pytest.importorskip("pyarrow", reason="the archive extra is not installed")

from auditkit import ARTICLES, write_jsonl


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "archive.jsonl", ARTICLES)
