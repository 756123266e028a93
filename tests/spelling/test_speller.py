"""The speller's behaviour on hand-written copy (no dependence on the evaluation data)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copydesk.spelling import (
    KNOWN_MISSPELLING,
    NAME_VARIANT,
    UNKNOWN_WORD,
    Misspelling,
    Speller,
    suggest,
    variant_of,
)
from copydesk.spelling.speller import _Doc


@pytest.fixture(scope="module")
def speller() -> Speller:
    return Speller()


def flagged(speller: Speller, text: str) -> list[str]:
    return [m.word for m in speller.check(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Shares fell to 5.65bn, driving at 60mph by 3pm over 10km in the 1990s for £3.9bn.",
        "She finished 21st, then 2nd and 103rd.",
        "AFP said MPs and the BBC's reporters met NATO and the UN.",
        "The U.S. and e.g. the U.K. and i.e. Washington D.C. agreed.",
        "See https://example.com/pathh/to/pagge and www.exampel.com today.",
        "Write to newsdesk@exampel.co.uk or ask @bbcnewss on #elecshun night.",
        "Open report.pdf and data_fille.csv in the folder.",
        "The B52s flew over the M25 with 4x4s and MP3s.",
        "The variable snake_case_thing and camelCaseThing are code.",
        "Apple's iPod and eBay's PayPal and McDonald's sales rose.",
        "It was a well-known, long-running, state-of-the-art co-ordinated effort.",
        "He said it wasn't, couldn't and won't; they're sure it's the council’s plan.",
    ],
)
def test_never_flags_token_classes(speller: Speller, text: str) -> None:
    assert flagged(speller, text) == []


def test_sic_context_is_skipped(speller: Speller) -> None:
    assert flagged(speller, 'The sign read "Goverment [sic] offices" in the hall.') == []
    assert flagged(speller, "The sign read Goverment (sic) offices.") == []


def test_skip_spans_are_not_checked(speller: Speller) -> None:
    text = "Keep this: configurtions are wrong."
    start = text.index("configurtions")
    assert flagged(speller, text) == ["configurtions"]
    assert speller.check(text, skip=[(start, start + 5)]) == []


@pytest.mark.parametrize(
    ("text", "word", "first"),
    [
        (
            "The Home Secretaray, Charles Clarke, said the plan would go ahead.",
            "Secretaray",
            "Secretary",
        ),
        ("The Prime Minster met union leaders on Tuesday.", "Minster", "Minister"),
        ("The Bank of Englnd held interest rates.", "Englnd", "England"),
        ("The agreeements were signed.", "agreeements", "agreements"),
        ("Thieir plans were dropped on Monday.", "Thieir", "Their"),
    ],
)
def test_typos_flagged_with_case_kept(speller: Speller, text: str, word: str, first: str) -> None:
    found = [m for m in speller.check(text) if m.word == word]
    assert found, f"{word} not flagged in {text!r}"
    assert found[0].suggestions[0] == first


@pytest.mark.parametrize(
    "text",
    [
        "French minister Bernard Cazeneuve spoke. Cazeneuve said Eurotunnel would cope.",
        "Eurotunnel shares rose after the announcement.",
        "The ship was unseaworthy, inspectors said.",
        "Drug maker Novartis and gas giant Gazprom reported profits.",
        "The BBC's programme on AFP's coverage aired at the weekend.",
        "Defence Secretary Geoff Hoon met Lib Dem leader Charles Kennedy.",
        "Michalak kicked the conversion for France.",
    ],
)
def test_names_and_variants_are_not_flagged(speller: Speller, text: str) -> None:
    assert flagged(speller, text) == []


def test_other_variant_spellings_are_not_typos() -> None:
    assert Speller("en-GB").check("The color of the center favored the program.") == []
    assert Speller("en-US").check("The colour of the centre favoured the programme.") == []
    assert variant_of("colour") == "en-GB"
    assert variant_of("color") == "en-US"
    assert variant_of("table") is None


def test_unknown_variant_rejected() -> None:
    with pytest.raises(ValueError):
        Speller("en-AU")


def test_name_variant_suggests_majority_form(speller: Speller) -> None:
    text = (
        "Bernard Cazeneuve arrived. Cazeneuve said the talks went well.\n"
        "Later Cazenueve told reporters that Cazeneuve would return."
    )
    found = speller.check(text)
    assert [(m.word, m.reason, m.suggestions) for m in found] == [
        ("Cazenueve", NAME_VARIANT, ("Cazeneuve",))
    ]
    assert "3 times" in found[0].detail


def test_a_slip_one_letter_from_an_institution_in_either_spelling(speller: Speller) -> None:
    # "Laber" is one letter from "labor", the American spelling of the party's name.
    found = speller.check("She has voted Laber since 1997, she told the meeting.")
    assert [m.word for m in found] == ["Laber"]


@pytest.mark.parametrize(
    "text",
    [
        # Another ending marks another name (gender, language), not a slip.
        "Adriana Pell won. Adriana was pleased and Adriana said so. Adriano Grant lost.",
        # Another initial is another name.
        "Zentrix grew. Zentrix hired and Zentrix paid. Its founder, Tom Kentrix, left.",
    ],
)
def test_names_differing_at_either_end_are_not_variants(speller: Speller, text: str) -> None:
    assert [m.word for m in speller.check(text) if m.reason == NAME_VARIANT] == []


def test_known_misspelling_reason(speller: Speller) -> None:
    (m,) = speller.check("We will accomodate them.")
    assert m.reason == KNOWN_MISSPELLING
    assert m.suggestions[0] == "accommodate"


def test_unknown_word_reason_and_safety(speller: Speller) -> None:
    (m,) = speller.check("The goverbment fell.")
    assert m.reason == UNKNOWN_WORD
    assert m.suggestions[0] == "government"
    assert m.safe


def test_offsets_exact_after_non_ascii(speller: Speller) -> None:
    text = "Café owners in Zürich paid £3.9bn — “quite a sum” — for teh lease."
    (m,) = speller.check(text)
    assert isinstance(m, Misspelling)
    assert text[m.start : m.end] == m.word == "teh"
    assert m.start == text.index("teh")


def test_curly_apostrophes(speller: Speller) -> None:
    assert flagged(speller, "The minister’s aides didn’t say; the ministers’ offices shut.") == []


def test_foreign_passage_is_skipped(speller: Speller) -> None:
    text = (
        "The caption read:\n"
        "Die Regierung hat nicht gesagt, dass die Wirtschaft und der Handel wachsen werden.\n"
        "Le gouvernement est très inquiet pour les entreprises et les ouvriers.\n"
        "The minister did not comment on teh figures."
    )
    assert flagged(speller, text) == ["teh"]


def test_recurring_lowercase_coinage_is_meant(speller: Speller) -> None:
    assert flagged(speller, "The blogosphere grew. Critics of the blogosphere agree.") == []


def test_empty_and_whitespace(speller: Speller) -> None:
    assert speller.check("") == []
    assert speller.check("   \n\n  ") == []


def test_masked_text_keeps_offsets(speller: Speller) -> None:
    # Markup replaced by spaces, newlines kept: offsets are into this exact string.
    text = "#  Title\n\n    \n\nThe   Secretaray   went home.\n"
    (m,) = speller.check(text)
    assert text[m.start : m.end] == "Secretaray"


def test_mid_sentence_name_typo_caught_when_story_spells_it(speller: Speller) -> None:
    text = "Gordon Brown spoke on Monday. Aides to the chancellor, Gordon Broown, said he would."
    (m,) = speller.check(text)
    assert (m.word, m.suggestions[0], m.safe) == ("Broown", "Brown", True)


def test_recurring_unknown_name_is_not_flagged(speller: Speller) -> None:
    assert flagged(speller, "Mr Broown arrived. Later Broown said the talks went well.") == []


def test_two_edit_typos(speller: Speller) -> None:
    (m,) = speller.check("Shares rose in the Unnitid States on Friday.")
    assert m.word == "Unnitid"
    assert m.suggestions[0] == "United"
    assert not m.safe  # two edits away: a guess, however likely
    assert "two letters" in m.detail
    (m,) = speller.check("The accsidant happened on Friday.")
    assert m.suggestions[0] == "accident"


def test_hyphenated_capitalised_compound_parts_are_checked(speller: Speller) -> None:
    assert flagged(speller, "Fans of Spidder-Man queued outside.") == ["Spidder"]
    assert flagged(speller, "Fans of Spider-Man queued outside.") == []


def test_plurals_and_compounds_of_known_words_are_meant(speller: Speller) -> None:
    assert flagged(speller, "The Incredibles sent shockwaves through the industry.") == []
    assert flagged(speller, "His bandmates scanned the barcode.") == []
    # ... but the usual wrong plurals and a missing space are still typos.
    assert flagged(speller, "The companys said so.") == ["companys"]


def test_results_do_not_depend_on_documents_checked_before() -> None:
    """One Speller serves a whole run (and each worker process has its own): caches must not
    change what a document's findings are."""
    first = (
        "The Home Secretaray met Alain Levy. Marco Ferrasco, C Bretoni, A Lusi, L Pavoglia.\n"
        "Thieir agreeements were signed, said Agence France Presse, per annum."
    )
    others = [
        "Shares rose in the Unnitid States on Friday. The accsidant happened.",
        "Gordon Brown spoke on Monday. Aides to the chancellor, Gordon Broown, said he would.",
        " ".join(f"Wordz{i} Nme{i} goverbment{i} teh" for i in range(400)),
        "Secretaray Secretaray Thieir Levy Alain cyber-rights kung-fu.",
    ]
    alone = Speller().check(first)
    shared = Speller()
    before = shared.check(first)
    for text in others:
        shared.check(text)
    assert shared.check(first) == before == alone
    assert [m.word for m in alone] == ["Secretaray", "Thieir", "agreeements"]


@pytest.mark.parametrize(
    "text",
    [
        "He has the joie de vivre of a man paid £100,000 per annum, and is au fait with it.",
        "Adriano has scored 14 goals in Serie A, Agence France Presse reported.",
        "Fans of kung-fu films and cyber-rights campaigners met neo-classical economists.",
        "The touchy-feely speech was made by chairman Chung Mong-koo of Dai-ichi Life.",
        "She worked wirelessly; the papers lay unshredded.",
        "The album Get Rich And Die Tryin' sold well, and I'm lovin' it.",
        "Italy: R de Castellan; Marco Ferrasco, C Bretoni, A Lusi, L Pavoglia; L Orsatti.",
        "Replacements: Cotterill, McKendry, Lake, Hartigan, Bilston, Brookes.",
    ],
)
def test_phrases_compounds_and_team_sheets_are_not_flagged(speller: Speller, text: str) -> None:
    assert flagged(speller, text) == []


def test_capitalised_listed_misspelling_still_flagged_as_a_slip(speller: Speller) -> None:
    (m,) = speller.check("He said the plan was good. Tehy agreed on Monday.")
    assert (m.word, m.reason, m.suggestions[0]) == ("Tehy", KNOWN_MISSPELLING, "They")


def test_team_sheet_typos_in_lower_case_are_still_checked(speller: Speller) -> None:
    text = "Keeling, Doran, O'Sullivan, Millar, Ashby, Fennell. The teh forwards impressed."
    assert flagged(speller, text) == ["teh"]


def test_spelling_rewrites_and_two_dropped_letters(speller: Speller) -> None:
    for text, word, first in [
        ("Four years after the Milenium Exhibition closed, it was sold.", "Milenium", "Millennium"),
        ("Elseware in the markets shares fell.", "Elseware", "Elsewhere"),
    ]:
        found = [m for m in speller.check(text) if m.word == word]
        assert found, text
        assert found[0].suggestions[0] == first


def test_rule_candidates() -> None:
    from copydesk.spelling import suggest
    from copydesk.spelling.lexicon import load_ranking

    rank_of = load_ranking().ranks.get
    assert "millennium" in [c for _, c in suggest.rule_words("milenium", rank_of, 30_000)]
    assert "telephone" in [c for _, c in suggest.rule_words("telefone", rank_of, 30_000)]
    assert "secretary" in [c for _, c in suggest.dropped_words("secatary", rank_of, 30_000)]
    assert suggest.dropped_words("novartis", rank_of, 30_000) == []


def test_offsets_of_a_word_repeated_inside_an_earlier_chunk(speller: Speller) -> None:
    # The typo's text also sits inside earlier chunks skipped for their digits: the finding
    # must point at the whole word, not at the first place its letters occur.
    text = "Codes 10agreeements and\t7agreeements\nthen the agreeements."
    (m,) = speller.check(text)
    assert (m.start, m.end) == (text.rindex("agreeements"), len(text) - 1)


@pytest.mark.parametrize(
    ("name", "slip", "first"), [("Goldin", "Goldun", "Golden"), ("Brom", "Bromm", "Broom")]
)
def test_web_written_names_pass_where_slips_with_the_same_correction_do_not(
    speller: Speller, name: str, slip: str, first: str
) -> None:
    # Both are one letter from a common word in the same context; only the slip is a form
    # nobody writes, which is the evidence that tips it (names.WEB_LIMITS).
    context = "It was announced by the {} team on Monday."
    assert flagged(speller, context.format(name)) == []
    (m,) = speller.check(context.format(slip))
    assert (m.word, m.suggestions[0]) == (slip, first)


def test_lower_case_word_nobody_writes_is_flagged_even_far_from_any_word(speller: Speller) -> None:
    # Two words run together after a function word: no single edit explains it, and the web
    # has never written it. A compound of two content words is a coinage and passes.
    assert flagged(speller, "The council said theywould act.") == ["theywould"]
    assert flagged(speller, "The kettlemaker hired staff.") == []
    assert flagged(speller, "The cache was unwritable.") == []  # un- and a known word
    assert flagged(speller, "A neuroprosthesis was fitted.") == []  # a combining form


@st.composite
def _near_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """A short word and the word after up to two random edits (most pairs stay close)."""
    a = draw(st.text("abcd", max_size=7))
    b = list(a)
    for _ in range(draw(st.integers(0, 2))):
        k = draw(st.integers(0, len(b)))
        op = draw(st.sampled_from(["insert", "delete", "replace", "swap"]))
        if op == "insert":
            b.insert(k, draw(st.sampled_from("abcd")))
        elif op == "delete" and k < len(b):
            del b[k]
        elif op == "replace" and k < len(b):
            b[k] = draw(st.sampled_from("abcd"))
        elif op == "swap" and k + 1 < len(b):
            b[k], b[k + 1] = b[k + 1], b[k]
    return a, "".join(b)


@given(_near_pairs())
def test_within_one_agrees_with_the_distance(pair: tuple[str, str]) -> None:
    a, b = pair
    assert suggest.within_one(a, b) == (suggest.damerau(a, b, 2) <= 1)


@pytest.mark.parametrize(
    ("variant", "text", "first"),
    [
        ("en-GB", "He critisized the plan.", "criticised"),
        ("en-US", "He critisized the plan.", "criticized"),
        ("en-GB", "The centr was full.", "centre"),
        ("en-US", "The centr was full.", "center"),
    ],
)
def test_suggestions_put_the_house_variety_first(variant: str, text: str, first: str) -> None:
    (m,) = Speller(variant).check(text)
    assert m.suggestions[0] == first


_DOC_ALPHABET = st.sampled_from(list("abAB é'’-_1²İ \n."))


@given(st.text(_DOC_ALPHABET, max_size=30), st.text(_DOC_ALPHABET, max_size=4))
def test_has_word_is_membership_in_the_documents_letter_runs(text: str, word: str) -> None:
    words = set(re.findall(r"[^\W\d_]+", text.lower()))
    assert _Doc(text, Counter()).has_word(word) == (word in words)


@pytest.mark.parametrize(
    "text",
    [
        # a web-written word about as common as its nearest words, or common in its own right
        "The band gave a shoutout to the crew, and the crowd was hella loud.",
        "Both isoforms of the enzyme bind the same receptor.",
        # learned prefixes and suffixes on a frequent word
        "Her macroeconomy model was agentic in a quasi-official way.",
        "Some relationalists reject absolute space.",
        # species' Latin names, whole or with the genus cut to its initial
        "Vets found Toxocara canis and 'T. leonina' in the litter.",
        "The trematode Dicrocoelium dendriticum lives in ants.",
        # a foreign phrase written with its accents
        "The committee's raison d'être was never clear.",
    ],
)
def test_rare_real_words_are_not_flagged(speller: Speller, text: str) -> None:
    assert flagged(speller, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the web writes these, but far less often than the word they spoil
        ("The minister said she would see peple tomorow.", "peple"),
        ("The minister said she would see peple tomorow.", "tomorow"),
        # a contraction without its apostrophe is a slip however often it is written
        ("I dont think the council will agree.", "dont"),
        # an English slip after a name has no Latin ending
        ("Councillor Hargreave woudl not comment.", "woudl"),
        # a slip after a sentence's first word is no epithet
        ("The mayorus spoke first.", "mayorus"),
        # nor is a never-written slip of an English word after a brand
        ("He ordered a Smirnoff voodka at the bar.", "voodka"),
        # a function word run into the next is a missing space
        ("Fares will rise by upto ten per cent.", "upto"),
    ],
)
def test_slips_near_rare_word_rules_are_still_flagged(
    speller: Speller, text: str, word: str
) -> None:
    assert word in flagged(speller, text)


def test_zipf_of_rank_falls_with_rank() -> None:
    from copydesk.spelling.speller import _zipf_of_rank

    assert _zipf_of_rank(0) == pytest.approx(7.7)
    assert _zipf_of_rank(999) == pytest.approx(4.7)
