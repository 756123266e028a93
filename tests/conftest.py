from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    # the rule-pack cache goes to a temporary folder, never the developer's home
    os.environ["COPYDESK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # tests that exercise the result cache turn it back on explicitly
    monkeypatch.setenv("COPYDESK_NO_CACHE", "1")
