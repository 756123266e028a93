"""The adapter end to end against a fake LanguageTool serving recorded /v2/check answers."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from grammar_support import (
    MANIFEST,
    FakeLanguageTool,
    Reply,
    a_vs_an_everywhere,
    fixture,
    json_reply,
    mask,
    paragraphs,
    server_settings,
    units,
)

from copydesk.grammar import GrammarResult, GrammarSettings, check_document

Start = Callable[..., FakeLanguageTool]


def run(source: str, settings: GrammarSettings) -> GrammarResult:
    masked = mask(source)
    assert len(masked) == len(source)
    return check_document(masked, paragraphs(masked), settings)


def flagged(source: str, result: GrammarResult) -> list[tuple[str, str]]:
    return [(m.rule_id, source[m.start : m.end]) for m in result.matches]


def test_offsets_map_back_across_blanked_markup(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    source = (
        "Read the **guide** first.  It has a error in the `setup` step, "
        "see [the docs](https://example.com/docs).\n"
    )
    result = run(source, server_settings(server.url, tmp_path))

    assert result.skipped is None
    assert server.texts == [MANIFEST["markup"]["text"]]
    [match] = result.matches
    assert match.start == source.index("a error")
    assert match.end == match.start + 1
    assert match.rule_id == "EN_A_VS_AN"
    assert match.category == "MISC"
    assert match.level == "error"
    assert match.replacements == ("an",)
    assert match.message.startswith("Use “an” instead of ‘a’")
    assert match.url == "https://languagetool.org/insights/post/indefinite-articles/"
    assert result.language_tool_version == "6.4"
    assert server.requests[0]["_path"] == "/v2/check"
    assert server.requests[0]["language"] == "en-GB"


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_several_blocks_in_one_request(lt_server: Start, tmp_path: Path, newline: str) -> None:
    server = lt_server()
    source = (
        "# A apple a day\n\nThe the committee met\non Tuesday.\n\n"
        "```\ncode is never sent\n```\n\nit was agreed to adjourn.\n"
    ).replace("\n", newline)
    masked = mask(source)
    fence = source.index("```")
    blocks = [b for b in paragraphs(masked) if not b[0] <= fence < b[1]]
    result = check_document(masked, blocks, server_settings(server.url, tmp_path))

    assert result.skipped is None
    # CR is dropped before sending, so LF and CRLF checkouts send the same text.
    assert server.texts == [MANIFEST["multi_block"]["text"]]
    assert "code is never sent" not in server.texts[0]
    assert flagged(source, result) == [
        ("EN_A_VS_AN", "A"),
        ("ENGLISH_WORD_REPEAT_RULE", "The the"),
        ("UPPERCASE_SENTENCE_START", "it"),
    ]
    assert [m.level for m in result.matches] == ["error", "warning", "warning"]
    assert result.matches[0].start == source.index("A apple")
    assert result.matches[2].start == source.index("it was")


def test_non_ascii_text(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    source = "The café charges £5 for a apple and a éclair.\n"
    result = run(source, server_settings(server.url, tmp_path))

    assert server.texts == [MANIFEST["non_ascii"]["text"]]
    assert [m.start for m in result.matches] == [
        source.index("a apple"),
        source.index("a éclair"),
    ]
    assert all(source[m.start : m.end] == "a" for m in result.matches)


def test_emoji_shift_utf16_offsets(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    source = "We won 🏆 and we *celebrated* 🎉🎉 with a apple pie .\n"
    result = run(source, server_settings(server.url, tmp_path))

    recorded = fixture("emoji")["matches"]
    text = MANIFEST["emoji"]["text"]
    # The fixture really is in UTF-16 units: three emoji put it three past the code points.
    assert recorded[0]["offset"] == text.index("a apple") + 3
    assert server.texts == [text]
    assert flagged(source, result) == [
        ("EN_A_VS_AN", "a"),
        ("COMMA_PARENTHESIS_WHITESPACE", " ."),
    ]
    assert result.matches[0].start == source.index("a apple")
    assert result.matches[1].end == source.index(" .\n") + 2


def test_spelling_rules_are_off_by_default(lt_server: Start, tmp_path: Path) -> None:
    # The recorded answer carries a speller match, as LanguageTool gives when TYPOS is not
    # disabled; the adapter both asks for it to be disabled and drops it if it comes anyway.
    server = lt_server()
    result = run("Siobhan Ní Dhuibhir ate a apple.\n", server_settings(server.url, tmp_path))

    assert server.requests[0]["disabledCategories"] == "TYPOS"
    assert [m.rule_id for m in result.matches] == ["EN_A_VS_AN"]


def test_spelling_true_keeps_languagetool_speller(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    source = "Siobhan Ní Dhuibhir ate a apple.\n"
    result = run(source, server_settings(server.url, tmp_path, spelling=True))

    assert "disabledCategories" not in server.requests[0]
    speller = result.matches[0]
    assert (speller.rule_id, source[speller.start : speller.end]) == (
        "MORFOLOGIK_RULE_EN_GB",
        "Dhuibhir",
    )
    assert speller.category == "TYPOS"
    assert speller.level == "error"
    assert speller.replacements == ("Dhubhir", "Duibhir")


def test_naming_a_speller_rule_enables_it(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    settings = server_settings(server.url, tmp_path, enable_rules=("MORFOLOGIK_RULE_EN_GB",))
    result = run("Siobhan Ní Dhuibhir ate a apple.\n", settings)

    assert [m.rule_id for m in result.matches] == ["MORFOLOGIK_RULE_EN_GB", "EN_A_VS_AN"]


def test_rule_and_category_parameters_are_sent(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    settings = GrammarSettings.from_config(
        {
            "mode": "server",
            "server": server.url + "/",
            "language": "en-GB",
            "enable_rules": ["EN_QUOTES"],
            "disable_rules": ["WHITESPACE_RULE", "EN_A_VS_AN"],
            "enable_categories": ["STYLE"],
            "disable_categories": ["CASING"],
            "cache_dir": str(tmp_path),
            "retries": 0,
        }
    )
    run("Nothing here is wrong.\n", settings)

    [form] = server.requests
    assert form["enabledRules"] == "EN_QUOTES"
    assert form["disabledRules"] == "WHITESPACE_RULE,EN_A_VS_AN"
    assert form["enabledCategories"] == "STYLE"
    assert form["disabledCategories"] == "CASING,TYPOS"
    assert "username" not in form
    assert "apiKey" not in form
    assert "enabledOnly" not in form


def test_premium_credentials_are_sent(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    settings = server_settings(
        server.url + "/v2", tmp_path, username="ed@example.com", api_key="k-123"
    )
    run("Nothing here is wrong.\n", settings)

    form = server.requests[0]
    assert (form["username"], form["apiKey"], form["_path"]) == (
        "ed@example.com",
        "k-123",
        "/v2/check",
    )


def test_long_documents_split_on_block_boundaries(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server(lambda form: _slowly(a_vs_an_everywhere(form)))
    paras = [
        f"Paragraph {n} of the report 🎉 says a apple was bought. " + "It rained. " * 12
        for n in range(30)
    ]
    # One paragraph alone is larger than a request may be, so it has to be cut in it.
    paras.insert(7, "A long one. " + "Then a apple fell. It rolled away. " * 80)
    source = "\n\n".join(paras) + "\n"
    settings = server_settings(server.url, tmp_path, max_request_chars=1000, max_concurrency=2)
    result = run(source, settings)

    assert result.skipped is None
    assert len(server.texts) > 5
    assert all(units(text) <= 1000 for text in server.texts)
    # Only the oversized block is cut; every other block arrives whole.
    for para in paras[:7] + paras[8:]:
        assert sum(para.strip() in text for text in server.texts) == 1
    expected = [i for i in range(len(source)) if source.startswith("a apple", i)]
    assert [m.start for m in result.matches] == expected
    assert all(source[m.start : m.end] == "a" for m in result.matches)
    assert server.peak == 2


def _slowly(reply: Reply) -> Reply:
    reply.delay = 0.1
    return reply


def test_second_run_is_served_from_the_cache(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    settings = server_settings(server.url, tmp_path / "cache")
    source = "# A apple a day\n\nThe the committee met\non Tuesday.\n\nit was agreed to adjourn.\n"
    first = run(source, settings)
    assert (first.requests_sent, first.cache_hits) == (1, 0)

    second = run(source, settings)
    assert len(server.requests) == 1
    assert (second.requests_sent, second.cache_hits) == (0, 1)
    assert second.matches == first.matches
    assert second.language_tool_version == "6.4"

    files = sorted(p for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert files and not [p for p in files if p.name.startswith(".tmp-")]
    for path in files:
        json.loads(path.read_text("utf-8"))


def test_cache_key_includes_settings(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    source = "The café charges £5 for a apple and a éclair.\n"
    run(source, server_settings(server.url, tmp_path))
    run(source, server_settings(server.url, tmp_path, disable_rules=("EN_QUOTES",)))
    run(source, server_settings(server.url, tmp_path, language="en-US"))
    assert len(server.requests) == 3


def test_cache_can_be_switched_off(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    settings = server_settings(server.url, tmp_path / "cache", cache=False)
    run("Nothing here is wrong.\n", settings)
    run("Nothing here is wrong.\n", settings)
    assert len(server.requests) == 2
    assert not (tmp_path / "cache").exists()


def test_server_upgrade_invalidates_cached_answers(lt_server: Start, tmp_path: Path) -> None:
    version = {"now": "6.4"}
    server = lt_server(lambda form: a_vs_an_everywhere(form, version["now"]))
    first = "First they ate a apple. " * 30
    second = "Then they ate a apple. " * 30
    settings = server_settings(server.url, tmp_path, max_request_chars=1000)
    run(first + "\n", settings)
    assert server.texts == [first.strip()]

    version["now"] = "6.5"
    source = first + "\n\n" + second + "\n"
    result = run(source, settings)
    # The new paragraph revealed 6.5, so the paragraph cached under 6.4 was asked again.
    assert server.texts[1:] == [second.strip(), first.strip()]
    assert result.language_tool_version == "6.5"
    assert len(result.matches) == 60

    again = run(source, settings)
    assert len(server.requests) == 3
    assert again.matches == result.matches


def test_incomplete_answers_are_not_cached(lt_server: Start, tmp_path: Path) -> None:
    def partial(form: dict[str, str]) -> Reply:
        payload: dict[str, Any] = fixture("clean")
        payload["warnings"]["incompleteResults"] = True
        return json_reply(payload)

    server = lt_server(partial)
    settings = server_settings(server.url, tmp_path)
    run("Nothing here is wrong.\n", settings)
    run("Nothing here is wrong.\n", settings)
    assert len(server.requests) == 2


def test_malformed_matches_are_dropped(lt_server: Start, tmp_path: Path) -> None:
    def odd(form: dict[str, str]) -> Reply:
        payload = fixture("markup")
        good = payload["matches"][0]
        payload["matches"] = [
            {"offset": "3", "length": 1, "rule": good["rule"]},
            {"offset": 1, "length": 1},
            {"offset": 9999, "length": 1, "rule": good["rule"], "message": "beyond"},
            good,
        ]
        return json_reply(payload)

    server = lt_server(odd)
    source = "Read the guide first. It has a error in the step, see the docs.\n"
    result = run(source, server_settings(server.url, tmp_path))
    assert [source[m.start : m.end] for m in result.matches] == ["a"]


def test_nothing_is_sent_without_prose(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    masked = "   \n\n---\n\n|  |  |\n"
    result = check_document(masked, paragraphs(masked), server_settings(server.url, tmp_path))
    assert result == GrammarResult()
    assert result.skipped is None
    assert server.requests == []


def test_off_mode_makes_no_request(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    settings = server_settings(server.url, tmp_path, mode="off")
    result = run("This is a apple.\n", settings)
    assert result == GrammarResult()
    assert server.requests == []


def test_blocks_are_clipped_and_never_sent_twice(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    masked = "Nothing here is wrong."
    result = check_document(
        masked, [(0, 10), (-5, 400), (0, len(masked))], server_settings(server.url, tmp_path)
    )
    assert result.skipped is None
    assert server.texts == [masked]


def test_requests_run_in_worker_threads_only_while_checking(
    lt_server: Start, tmp_path: Path
) -> None:
    server = lt_server(a_vs_an_everywhere)
    before = threading.active_count()
    run("They ate a apple.\n\n" * 3, server_settings(server.url, tmp_path, cache=False))
    assert threading.active_count() <= before + 1


def test_server_mode_does_not_import_language_tool_python(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server()
    program = (
        "import sys\n"
        "from copydesk.grammar import GrammarSettings, check_document\n"
        "assert 'language_tool_python' not in sys.modules\n"
        "settings = GrammarSettings(mode='server', server=sys.argv[1], cache_dir=sys.argv[2])\n"
        "text = 'Nothing here is wrong.'\n"
        "result = check_document(text, [(0, len(text))], settings)\n"
        "assert result.skipped is None, result.skipped\n"
        "print(sorted(m for m in sys.modules if m.startswith('language_tool')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program, server.url, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "", "NO_PROXY": "*"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
