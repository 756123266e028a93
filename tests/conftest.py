from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


_EARLY_CACHE: list[str] = []


def _early_cache() -> None:
    # copydesk's modules compile their patterns through the cache as test modules import them,
    # before any fixture runs: that cache too goes to a temporary folder
    import tempfile

    _EARLY_CACHE.append(tempfile.mkdtemp(prefix="copydesk-test-cache-"))
    os.environ["COPYDESK_CACHE_DIR"] = _EARLY_CACHE[0]


def pytest_unconfigure(config: pytest.Config) -> None:
    import shutil

    for folder in _EARLY_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    # the rule-pack cache goes to a temporary folder, never the developer's home
    os.environ["COPYDESK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    from copydesk import patterncache

    patterncache._folder = None  # modules compiled their patterns at import, before this


@pytest.fixture(autouse=True)
def _no_result_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    # tests that exercise the result cache turn it back on explicitly
    monkeypatch.setenv("COPYDESK_NO_CACHE", "1")


# Fuzzing (tests/fuzz): a short run by default, a million examples per test with --fuzz-long.
def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        help="run the fuzz tests with a million generated documents each",
    )
    parser.addoption(
        "--fuzz-examples", type=int, default=0, help="generated documents per fuzz test"
    )


def pytest_configure(config: pytest.Config) -> None:
    _early_cache()
    from hypothesis import HealthCheck, settings

    common = {
        "deadline": None,
        "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
    }
    settings.register_profile("fuzz", max_examples=600, **common)  # type: ignore[arg-type]
    examples = config.getoption("--fuzz-examples") or (
        1_000_000 if config.getoption("--fuzz-long") else 0
    )
    if examples:
        settings.register_profile(
            "fuzz",
            max_examples=examples,
            database=None,
            **common,  # type: ignore[arg-type]
        )
