"""The speller in technical text: code-like tokens, words joined to code, newsroom jargon,
user names of contributors and the software vocabulary of the docs profile."""

from __future__ import annotations

import pytest

from copydesk.api import check_text
from copydesk.config import Config
from copydesk.spelling import Speller
from copydesk.spelling.lexicon import load_lexicon
from copydesk.spelling.tokens import Tokenizer


def _flagged(text: str, technical: bool = False) -> list[str]:
    return [m.word for m in Speller(technical=technical).check(text)]


@pytest.mark.parametrize(
    "token",
    [
        "getUserNme",  # camelCase
        "parse_confg",  # snake_case
        "config.yamll",  # dotted
        "src/utlis",  # slashed path
        "stdout/stderrr",  # slashed names
        "--verbos",  # long flag
        "-qzx",  # short flags
        "rendr()",  # a call
        "std::vectr",  # a scope
        "<usrname>",  # a placeholder
        "$HOMEE",
        "{projct}",
        "utf8encde",  # digits
        "v2betta",
    ],
)
def test_code_like_tokens_are_never_flagged(token: str) -> None:
    assert _flagged(f"Then run {token} again and check the ouput.") == ["ouput"]


def test_words_joined_to_code_spans_are_not_flagged() -> None:
    text = "The `Widgt`s list and pre`init`ed values and `dict`ionaries, but a mispeling.\n"
    found = [text[f.span.start : f.span.end] for f in check_text(text, "a.md", kind="markdown")]
    assert found == ["mispeling"]


@pytest.mark.parametrize(
    "word", ["lede", "ledes", "graf", "grafs", "nut graf", "hed", "dek", "kicker", "TK", "slug",
             "stand-first", "standfirst", "Lede"],
)  # fmt: skip
def test_newsroom_jargon_is_accepted_in_every_profile(word: str) -> None:
    text = f"The {word} needs work, the editor said."
    assert _flagged(text) == [] and _flagged(text, technical=True) == []


def test_jargon_does_not_hide_near_misses() -> None:
    assert _flagged("The ledde was too long.") == ["ledde"]


def test_handles_in_a_list_of_contributors_are_not_flagged() -> None:
    text = (
        "Thanks to everyone who helped with this release:\n\n"
        "Ann Lee, Bob Ray, jdoe42x, Cat Joy, Dan Fox, qwzlmop, Eve Lund and xkcdfan.\n"
    )
    assert _flagged(text) == []


def test_a_lower_case_slip_in_a_list_of_things_is_still_flagged() -> None:
    assert _flagged("We bought apples, pears, grapse, melons and plums.") == ["grapse"]
    # a list with too few names to be a list of people
    assert _flagged("Ann Lee and qwzlmop came.") == ["qwzlmop"]


def test_a_user_name_linked_to_its_profile_is_not_flagged() -> None:
    text = (
        "Fixed by [jychiaoo](https://github.com/jychiaoo) and [qwzlmop](https://example.org/x).\n"
    )
    found = [text[f.span.start : f.span.end] for f in check_text(text, "a.md", kind="markdown")]
    assert found == ["qwzlmop"]


def test_software_vocabulary_only_in_the_docs_profile() -> None:
    text = "The memoized call writes to stdout from an iframe, destructuring the struct."
    assert set(_flagged(text)) >= {"memoized", "stdout", "iframe", "struct"}
    assert _flagged(text, technical=True) == []
    # sentence-initial capitals of listed words pass too; real typos still do not
    assert _flagged("Stringify the payload. The bakcend is slow.", technical=True) == ["bakcend"]


def test_docs_profile_linter_uses_the_vocabulary() -> None:
    text = "The memoized call writes to stdout.\n"
    news = check_text(text, "a.md", kind="markdown", config=Config(profile="news"))
    docs = check_text(text, "a.md", kind="markdown", config=Config(profile="docs"))
    assert [f.code for f in news] == ["TYP001", "TYP001"]
    assert docs == []


def test_reject_list_beats_the_shipped_vocabulary() -> None:
    speller = Speller(reject=["backend"], technical=True)
    assert [m.word for m in speller.check("The backend is down.")] == ["backend"]


def test_tokenizer_skips_code_like_chunks_without_splitting() -> None:
    tok = Tokenizer(load_lexicon(), frozenset(), frozenset())
    assert tok.words("see src/mian.py and --foo-barr now") == []


def test_link_text_naming_a_code_host_page_is_not_checked() -> None:
    text = (
        "- [Christian Falch](https://github.com/chrfalchh) and [Zeya Pengg](https://github.com/zeyap/)\n"
        "- [kramdown-parser-gfmm](https://github.com/kramdown/parser-gfm), but "
        "[recieve](https://github.com/a/b/issues/3) is checked.\n"
    )
    found = [text[f.span.start : f.span.end] for f in check_text(text, "a.md", kind="markdown")]
    assert found == ["recieve"]


def test_surnames_after_initials_pass_in_documentation_only() -> None:
    text = "See P. Cointe, Metaclasses are first class, and A. Rigoo on tracing."
    assert _flagged(text, technical=True) == []
    assert "Rigoo" in _flagged(text)


def test_misspelling_shaped_names_in_a_list_of_people_pass_in_documentation() -> None:
    text = "Contributors:\n\n- Ann Lee\n- Ankush Menat\n- Bob Ray\n- Cat Joy\n- Dan Fox\n"
    found = check_text(text, "a.md", kind="markdown", config=Config(profile="docs"))
    assert found == []


def test_one_word_link_text_that_its_target_repeats_is_a_name() -> None:
    text = (
        "Use [mkdocstrngs](https://mkdocstrngs.github.io) or [otelbn][otelbn-demo], "
        "but [recieve](https://example.com) is checked.\n\n[otelbn-demo]: https://example.org\n"
    )
    found = [text[f.span.start : f.span.end] for f in check_text(text, "a.md", kind="markdown")]
    assert found == ["recieve"]


def test_software_coinages_and_mid_sentence_names_pass_in_documentation_only() -> None:
    text = "We preallocate buffers, a jsonable value, and Datomc stores it. The councl met."
    assert _flagged(text, technical=True) == ["councl"]
    assert {"preallocate", "jsonable", "councl"} <= set(_flagged(text))


def test_a_bracketed_plural_is_still_checked() -> None:
    assert _flagged("Negative fomat(s) and boxs(es) of film.") == ["fomat", "boxs"]


def test_docs_take_a_capitalised_word_with_nothing_near_it_for_a_name() -> None:
    text = "Codegen Improvements landed. Secretaray Jones spoke."
    assert _flagged(text) == ["Codegen", "Secretaray"]
    assert _flagged(text, technical=True) == ["Secretaray"]  # a near word: still a slip
