"""Against a real LanguageTool, when one is named by COPYDESK_LT_URL, e.g.
``COPYDESK_LT_URL=http://localhost:8081 pytest tests/grammar/test_grammar_live.py``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from copydesk.grammar import GrammarSettings, check_document


def test_a_vs_an_against_a_real_server(tmp_path: Path) -> None:
    url = os.environ.get("COPYDESK_LT_URL")
    if not url:
        pytest.skip("COPYDESK_LT_URL not set: no LanguageTool server to test against")
    source = "# Fruit\n\nShe ate a apple 🍎 at the café.\n"
    masked = source.replace("#", " ")
    start = masked.index("She")
    settings = GrammarSettings(mode="server", server=url, cache=False, timeout=30)
    result = check_document(masked, [(start, len(source) - 1)], settings)

    assert result.skipped is None, result.skipped
    assert result.language_tool_version
    [match] = [m for m in result.matches if m.rule_id == "EN_A_VS_AN"]
    assert source[match.start : match.end] == "a"
    assert match.start == source.index("a apple")
    assert "an" in match.replacements
