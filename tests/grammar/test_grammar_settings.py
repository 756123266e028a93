"""The ``[grammar]`` table and the level mapping."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from copydesk.grammar import GrammarConfigError, GrammarSettings
from copydesk.grammar.levels import level_for


def test_defaults() -> None:
    settings = GrammarSettings.from_config({})
    assert settings == GrammarSettings()
    assert settings.mode == "off"
    assert not settings.enabled
    assert settings.server == "http://localhost:8081"
    assert settings.language == "en-GB"
    assert (settings.timeout, settings.max_concurrency, settings.retries) == (10.0, 4, 2)
    assert settings.spelling is False
    assert settings.cache_dir == Path(".copydesk_cache/grammar")
    assert settings.max_request_chars == 20_000
    assert settings.backoff_delays() == (0.5, 1.0)
    assert settings.request_budget() == 31.5


def test_full_table() -> None:
    settings = GrammarSettings.from_config(
        {
            "mode": "server",
            "server": "https://api.languagetoolplus.com/",
            "language": "en-US",
            "username": "ed@example.com",
            "api_key": "abc",
            "timeout": 3,
            "max_concurrency": 2,
            "retries": 0,
            "enable_rules": ["EN_QUOTES", "EN_QUOTES", " "],
            "disable_categories": ["STYLE"],
            "spelling": True,
            "cache": False,
            "cache_dir": "/tmp/x",
            "max_request_chars": 5000,
        }
    )
    assert settings.server == "https://api.languagetoolplus.com"
    assert settings.timeout == 3.0
    assert settings.enable_rules == ("EN_QUOTES",)
    assert settings.disable_categories == ("STYLE",)
    assert settings.cache_dir == Path("/tmp/x")
    assert settings.request_budget() == 3.0


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        ({"mdoe": "server"}, "unknown key(s) mdoe"),
        ({"mode": "remote"}, "mode: 'remote' is not one of off, server, local"),
        ({"server": "localhost:8081"}, "is not an http:// or https:// URL"),
        ({"timeout": True}, "timeout: expected a number of seconds"),
        ({"timeout": 0}, "timeout: must be more than 0 seconds"),
        ({"retries": 1.5}, "retries: expected a whole number"),
        ({"retries": -1}, "retries: must not be negative"),
        ({"max_concurrency": 0}, "max_concurrency: must be at least 1"),
        ({"enable_rules": "EN_A_VS_AN"}, "enable_rules: expected a list of strings"),
        ({"spelling": "yes"}, "spelling: expected true or false"),
        ({"username": "ed"}, "needs both or neither"),
        ({"max_request_chars": 10}, "max_request_chars: must be at least 1000"),
        (
            {"enable_rules": ["EN_A_VS_AN"], "disable_rules": ["EN_A_VS_AN"]},
            "rule EN_A_VS_AN is both enabled and disabled",
        ),
    ],
)
def test_bad_tables_name_the_key(table: dict[str, Any], complaint: str) -> None:
    with pytest.raises(GrammarConfigError) as raised:
        GrammarSettings.from_config(table)
    assert complaint in str(raised.value)


def test_fingerprint_ignores_what_does_not_change_answers() -> None:
    base = GrammarSettings(mode="server")
    assert base.fingerprint() == GrammarSettings(mode="server", timeout=1, retries=5).fingerprint()
    assert base.fingerprint() != GrammarSettings(mode="server", spelling=True).fingerprint()
    assert base.fingerprint() != GrammarSettings(mode="server", disable_rules=("X",)).fingerprint()


@pytest.mark.parametrize(
    ("category", "issue_type", "level"),
    [
        ("MISC", "misspelling", "error"),  # EN_A_VS_AN
        ("TYPOS", "misspelling", "error"),  # MORFOLOGIK_RULE_EN_GB
        ("GRAMMAR", "grammar", "error"),
        ("MISC", "duplication", "warning"),  # ENGLISH_WORD_REPEAT_RULE
        ("CASING", "typographical", "warning"),  # UPPERCASE_SENTENCE_START
        ("TYPOGRAPHY", "whitespace", "warning"),  # COMMA_PARENTHESIS_WHITESPACE
        ("PUNCTUATION", "typographical", "warning"),
        ("CONFUSED_WORDS", "misspelling", "error"),
        ("STYLE", "style", "suggestion"),
        ("REDUNDANCY", "style", "suggestion"),
        ("PLAIN_ENGLISH", "style", "suggestion"),
        ("STYLE", "grammar", "suggestion"),
        ("SEMANTICS", "inconsistency", "warning"),
        ("NEW_CATEGORY", "register", "suggestion"),
        ("NEW_CATEGORY", "", "warning"),
    ],
)
def test_level_mapping(category: str, issue_type: str, level: str) -> None:
    assert level_for(category, issue_type) == level
