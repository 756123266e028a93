"""With LanguageTool on, one finding per problem: a GRM match over words that one of
copydesk's own rules flags is folded into that finding."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from grammar_support import FakeLanguageTool, a_vs_an_everywhere

from copydesk.api import check_text, make_linter
from copydesk.config import Config

Start = Callable[..., FakeLanguageTool]


def grammar_config(url: str, cache: Path) -> Config:
    return Config()._replace(
        grammar=(("mode", "server"), ("server", url), ("cache_dir", str(cache))),
    )


def test_a_apple_is_reported_once(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server(a_vs_an_everywhere)
    text = "She ate a apple at noon.\n"
    linter = make_linter(select=["GRA001", "GRM000"], config=grammar_config(server.url, tmp_path))
    findings = check_text(text, linter=linter)

    assert [(f.code, text[f.span.start : f.span.end]) for f in findings] == [("GRA001", "a apple")]
    assert findings[0].duplicates == ("GRM:EN_A_VS_AN",)
    assert findings[0].to_dict()["duplicates"] == ["GRM:EN_A_VS_AN"]
    assert server.texts == ["She ate a apple at noon."]


def test_grammar_match_alone_is_kept(lt_server: Start, tmp_path: Path) -> None:
    server = lt_server(a_vs_an_everywhere)
    text = "She ate a apple at noon.\n"
    linter = make_linter(select=["GRM000"], config=grammar_config(server.url, tmp_path))
    findings = check_text(text, linter=linter)

    assert [(f.code, f.duplicates) for f in findings] == [("GRM:EN_A_VS_AN", ())]


def test_two_own_rules_on_the_same_word_are_reported_once() -> None:
    text = "Sales were better then expected.\n"
    findings = check_text(text, linter=make_linter(select=["GRA007", "GRA032"]))

    assert len(findings) == 1
    assert text[findings[0].span.start : findings[0].span.end].startswith("then")
    assert {findings[0].code, *findings[0].duplicates} == {"GRA007", "GRA032"}


def test_a_rule_pair_and_its_single_pronoun_are_one_finding() -> None:
    text = "Him and me went to the match.\n"
    findings = check_text(text, linter=make_linter(select=["GRA042"]))

    # the wider finding names both pronouns, so it is the one kept
    assert [text[f.span.start : f.span.end] for f in findings] == ["Him and me"]


def test_a_second_problem_inside_a_phrase_finding_stays() -> None:
    text = "No sooner had she went then it rained.\n"
    findings = check_text(text, linter=make_linter(select=["GRA007", "GRA018"]))

    assert sorted(f.code for f in findings) == ["GRA007", "GRA018"]
    assert all(f.duplicates == () for f in findings)
