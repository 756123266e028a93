"""Local mode: an existing LanguageTool install started by language-tool-python, never a
download. No Java LanguageTool runs here, so the library's ``LanguageTool`` class is
replaced by a stand-in that 'starts' the fake server instead."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import language_tool_python
import pytest
from grammar_support import FakeLanguageTool

from copydesk.grammar import GrammarResult, GrammarSettings, check_document, close_local_servers

Start = Callable[..., FakeLanguageTool]
TEXT = "Siobhan Ní Dhuibhir ate a apple."


def local_settings(tmp_path: Path, **overrides: Any) -> GrammarSettings:
    values: dict[str, Any] = {
        "mode": "local",
        "cache_dir": tmp_path / "cache",
        "startup_timeout": 5.0,
    }
    values.update(overrides)
    return GrammarSettings(**values)


def check(settings: GrammarSettings) -> GrammarResult:
    return check_document(TEXT, [(0, len(TEXT))], settings)


def install(folder: Path, version: str = "6.4") -> Path:
    home = folder / f"LanguageTool-{version}"
    home.mkdir(parents=True)
    (home / "languagetool-server.jar").write_bytes(b"PK\x05\x06" + bytes(18))
    return home


def fake_java(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text("#!/bin/sh\nexit 0\n")
    java.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))


class StandIn:
    """Records how copydesk calls ``language_tool_python.LanguageTool``."""

    calls: list[tuple[tuple[Any, ...], dict[str, Any]]]
    closed: int
    url_to_give: str
    behaviour: Callable[[], None] = staticmethod(lambda: None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        StandIn.calls.append((args, kwargs))
        StandIn.behaviour()
        self.url = StandIn.url_to_give + "/v2/"

    def close(self) -> None:
        StandIn.closed += 1


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> type[StandIn]:
    StandIn.calls, StandIn.closed, StandIn.url_to_give = [], 0, "http://127.0.0.1:9"
    StandIn.behaviour = staticmethod(lambda: None)
    monkeypatch.setattr(language_tool_python, "LanguageTool", StandIn)
    return StandIn


def test_no_install_is_a_skip_not_a_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in: type[StandIn]
) -> None:
    missing = tmp_path / "nowhere"
    monkeypatch.setenv("LTP_PATH", str(missing))
    result = check(local_settings(tmp_path))

    assert result.matches == []
    assert result.skipped == (
        f"grammar skipped: no local LanguageTool install found in {missing} (set LTP_PATH "
        'to the folder holding LanguageTool-<version>, or use mode = "server")'
    )
    assert not missing.exists()  # language-tool-python would have created it
    assert stand_in.calls == []


def test_empty_download_folder_is_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in: type[StandIn]
) -> None:
    monkeypatch.setenv("LTP_PATH", str(tmp_path))
    result = check(local_settings(tmp_path))
    assert result.skipped is not None
    assert "no local LanguageTool install found" in result.skipped
    assert stand_in.calls == []


def test_install_without_java_is_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in: type[StandIn]
) -> None:
    install(tmp_path / "lt")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = check(local_settings(tmp_path))
    assert result.skipped == (
        "grammar skipped: local LanguageTool needs Java, and no java was found on PATH"
    )
    assert stand_in.calls == []


def test_installed_version_is_started_and_stopped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stand_in: type[StandIn],
    lt_server: Start,
) -> None:
    install(tmp_path / "lt", "6.3")
    install(tmp_path / "lt", "6.4")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    fake_java(tmp_path, monkeypatch)
    server = lt_server()
    stand_in.url_to_give = server.url
    result = check(local_settings(tmp_path, language="en-GB"))

    assert result.skipped is None
    assert [m.rule_id for m in result.matches] == ["EN_A_VS_AN"]
    # Asking for the installed version is what keeps language-tool-python from downloading.
    assert stand_in.calls == [(("en-GB",), {"language_tool_download_version": "6.4"})]
    assert server.requests[0]["disabledCategories"] == "TYPOS"

    # The server outlives the document, so the next file does not pay for a JVM start.
    check_document("Nothing here is wrong.", [(0, 22)], local_settings(tmp_path))
    assert len(stand_in.calls) == 1
    assert stand_in.closed == 0
    close_local_servers()
    assert stand_in.closed == 1


def test_cached_answers_need_no_local_server(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stand_in: type[StandIn],
    lt_server: Start,
) -> None:
    install(tmp_path / "lt")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    fake_java(tmp_path, monkeypatch)
    stand_in.url_to_give = lt_server().url
    first = check(local_settings(tmp_path))
    close_local_servers()  # as at the end of a run
    second = check(local_settings(tmp_path))

    assert second.matches == first.matches
    assert second.cache_hits == 1
    assert len(stand_in.calls) == 1  # no JVM started for a document the cache answers


def test_start_failure_is_a_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in: type[StandIn]
) -> None:
    install(tmp_path / "lt")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    fake_java(tmp_path, monkeypatch)

    def fail() -> None:
        raise language_tool_python.exceptions.ServerError(
            "LanguageTool server exited early with code 1"
        )

    stand_in.behaviour = staticmethod(fail)
    result = check(local_settings(tmp_path))
    assert result.skipped == (
        "grammar skipped: local LanguageTool 6.4 could not start "
        "(ServerError: LanguageTool server exited early with code 1)"
    )


def test_slow_start_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in: type[StandIn]
) -> None:
    install(tmp_path / "lt")
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "lt"))
    fake_java(tmp_path, monkeypatch)
    stand_in.behaviour = staticmethod(lambda: time.sleep(3))
    began = time.monotonic()
    result = check(local_settings(tmp_path, startup_timeout=0.3))

    assert result.skipped == "grammar skipped: local LanguageTool 6.4 did not start within 0.3 s"
    assert time.monotonic() - began < 2


def test_default_folder_is_language_tool_pythons(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in: type[StandIn]
) -> None:
    monkeypatch.delenv("LTP_PATH", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    result = check(local_settings(tmp_path))
    expected = os.path.join(str(tmp_path), ".cache", "language_tool_python")
    assert result.skipped is not None
    assert f"found in {expected} " in result.skipped
