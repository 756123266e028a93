"""What is sent for each block, and how LanguageTool's UTF-16 offsets map back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from copydesk.grammar.prepare import build_requests, prepare_block, utf16_len


def sent(masked: str) -> str:
    request = prepare_block(masked, 0, len(masked))
    return "" if request is None else request.text


def test_blanked_runs_collapse_and_edges_go() -> None:
    assert sent("  Read the   guide   first.  ") == "Read the guide first."
    assert sent("see  the docs                 .") == "see the docs."
    assert sent("(   aside  ) then") == "(aside) then"
    assert sent("one\n   two  \nthree") == "one\ntwo\nthree"
    assert sent("crlf\r\nline") == "crlf\nline"


def test_single_spaces_written_by_the_author_stay() -> None:
    assert sent("pie .") == "pie ."
    assert sent("a b c") == "a b c"


def test_blocks_without_words_are_not_sent() -> None:
    assert prepare_block("   ---  |  |  42  ", 0, 18) is None
    assert build_requests("\n\n   \n", [(0, 6)], 20_000) == []


def test_offsets_map_to_the_masked_text() -> None:
    masked = "  Read the   guide   first.\r\nIt has a error."
    request = prepare_block(masked, 0, len(masked))
    assert request is not None
    offset = request.text.index("a error")
    start, end = request.to_masked(offset, 7) or (0, 0)
    assert masked[start:end] == "a error"
    start, end = request.to_masked(request.text.index("the guide"), 9) or (0, 0)
    assert masked[start:end] == "the   guide"


def test_utf16_offsets_around_emoji() -> None:
    masked = "Go 🎉🎉 now 👍🏽 ok"
    request = prepare_block(masked, 0, len(masked))
    assert request is not None
    # "now" starts at code point 6 but UTF-16 unit 8; "👍🏽" is two astral characters.
    assert request.to_masked(8, 3) == (6, 9)
    assert request.to_masked(12, 4) == (10, 12)
    # A span that ends between the halves of a surrogate pair keeps the whole character.
    assert request.to_masked(3, 3) == (3, 5)
    assert utf16_len(masked) == len(masked) + 4


def test_match_on_the_paragraph_break_copydesk_added_is_dropped() -> None:
    masked = "First one.\n\n\nSecond one."
    [request] = build_requests(masked, [(0, 10), (13, 24)], 20_000)
    assert request.text == "First one.\n\nSecond one."
    assert request.to_masked(10, 2) is None
    assert request.to_masked(9, 4) == (9, 14)


def test_oversized_block_is_cut_after_a_sentence() -> None:
    masked = ("This is sentence one. " * 60).strip()
    requests = build_requests(masked, [(0, len(masked))], 1000)
    assert len(requests) == 2
    assert all(utf16_len(r.text) <= 1000 for r in requests)
    assert requests[0].text.endswith(".")
    assert requests[1].text.startswith("This")
    second = requests[1]
    start, end = second.to_masked(0, 4) or (0, 0)
    assert masked[start:end] == "This"
    assert start == len(requests[0].text) + 1


def test_block_without_spaces_is_cut_hard() -> None:
    masked = "x" * 2500
    requests = build_requests(masked, [(0, 2500)], 1000)
    assert [len(r.text) for r in requests] == [1000, 1000, 500]
    assert requests[2].to_masked(0, 1) == (2000, 2001)


def test_requests_pack_blocks_in_order() -> None:
    words = ["alpha " * 100, "beta " * 100, "gamma " * 100]
    masked = "\n\n".join(words)
    blocks, at = [], 0
    for word in words:
        blocks.append((at, at + len(word)))
        at += len(word) + 2
    requests = build_requests(masked, blocks, 1200)
    assert [r.text.split()[0] for r in requests] == ["alpha", "gamma"]
    assert "beta" in requests[0].text


pieces = st.sampled_from(
    ["word", "Été", "£5", "🎉", "👍🏽", "a", " ", "  ", "     ", "\n", "\r\n", ".", ",", "("]
)


@given(st.lists(pieces, max_size=40))
def test_every_sent_character_maps_to_itself(parts: list[str]) -> None:
    masked = "".join(parts)
    for request in build_requests(masked, [(0, len(masked))], 20_000):
        unit = 0
        for ch in request.text:
            width = 2 if ord(ch) > 0xFFFF else 1
            span = request.to_masked(unit, width)
            assert span is not None
            start, end = span
            assert masked[start:end] == ch
            unit += width


@given(
    st.lists(pieces | st.just("A whole sentence of words. "), min_size=1, max_size=300),
    st.integers(1000, 1400),
)
def test_splitting_never_loses_or_reorders_text(parts: list[str], limit: int) -> None:
    masked = "".join(parts)
    requests = build_requests(masked, [(0, len(masked))], limit)
    assert all(utf16_len(r.text) <= limit for r in requests)
    # Only the whitespace at a cut is left out.
    assert "".join("".join(r.text.split()) for r in requests) == "".join(sent(masked).split())
    for request in requests:
        for index in (0, len(request.text) - 1):
            ch = request.text[index]
            unit, width = utf16_len(request.text[:index]), utf16_len(ch)
            start, end = request.to_masked(unit, width) or (0, 0)
            assert masked[start:end] == ch
