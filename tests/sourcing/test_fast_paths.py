"""The sourcing fast paths must give exactly what the slow paths give.

Each gate is a necessary condition for a pattern: when it says no, the pattern must not
match. Random text is built from the characters and words the patterns care about, plus
the non-ASCII characters that case-fold to ASCII letters.
"""

from __future__ import annotations

import itertools
import random

import pytest

from copydesk.sourcing.attribution import quoted_spans
from copydesk.sourcing.figures import (
    _may_end_age_lead,
    _may_follow_amount,
    _may_hold_average,
    _patterns,
)

_PIECES = (
    " ", "  ", "\n", "\t", "\xa0", ",", ".", ";", ":", "(", "-", "%", "£", "$", "€", "¥", "₹",
    "Rs", "Rs.", "USD", "EUR", "GBP", "US$", "HK$", "A$", "R", "U", "E", "G", "s", "ſ", "K",
    "İ", "ı", "age", "aged", "ages", "age of", "who is", "who was", "turns", "turned", "At",
    "at", "AT", "is", "of", "average", "mean", "median", "typical", "typically", "on average",
    "million", "bn", "m", "k", "tn", "trn", "hundred", "thousand", "per cent", "percent",
    "percentage points", "euros", "dollars", "pounds", "pence", "yen", "won", "baht", "lira",
    "zlotys", "rand", "real", "3", "45", "2.5", "x", "the", "says", "Mr", "aGeD", "TURNS",
    '"', "“", "”",
)  # fmt: skip


def _texts(seed: int, count: int, longest: int = 8) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choices(_PIECES, k=rnd.randint(0, longest))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_after_amount_gate(seed: int) -> None:
    pattern = _patterns()["after_amount"]
    for text in _texts(seed, 4000):
        for end in range(len(text) + 1):
            for hi in (len(text), min(len(text), end + 1), min(len(text), end + 3)):
                m = pattern.match(text, end, hi)
                if m is not None and m.end() > end:
                    assert _may_follow_amount(text, end, hi), (text, end, hi)


@pytest.mark.parametrize("seed", range(4))
def test_currency_before_gate(seed: int) -> None:
    from copydesk.sourcing.figures import _CURRENCY_MARKS

    pattern = _patterns()["currency_before"]
    for text in _texts(seed + 10, 4000, 4):
        for start in range(len(text) + 1):
            window = max(0, start - 4)
            if pattern.search(text, window, start):
                assert not _CURRENCY_MARKS.isdisjoint(text[window:start]), (text, start)


@pytest.mark.parametrize("seed", range(4))
def test_age_and_average_gates(seed: int) -> None:
    age, average = _patterns()["age_before"], _patterns()["average_before"]
    for text in _texts(seed + 20, 20000):
        for before in (text, text[-24:], text[-10:]):
            if age.search(before):
                assert _may_end_age_lead(before), before
            if average.search(before):
                assert _may_hold_average(before), before


def _quoted_spans_slow(text: str, sentences: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    # The loop of quoted_spans without its skip over sentences that hold no quotation mark.
    import re

    quote_re = re.compile('["“”]')
    result: list[list[tuple[int, int]]] = []
    is_open = False
    for lo, hi in sentences:
        spans: list[tuple[int, int]] = []
        opened_at = lo if is_open else -1
        pos = lo
        while True:
            quote = quote_re.search(text, pos, hi)
            if quote is None:
                break
            found = quote.start()
            ch = text[found]
            before = text[found - 1] if found > lo else " "
            after = text[found + 1] if found + 1 < hi else " "
            if ch == "“" or (
                ch == '"' and (before.isspace() or before in "([—-:") and not after.isspace()
            ):
                if not is_open:
                    opened_at = found
                is_open = True
            elif ch == "”" or (ch == '"' and not before.isspace()):
                if is_open and opened_at != -1:
                    spans.append((opened_at, found + 1))
                is_open = False
                opened_at = -1
            else:
                if is_open:
                    spans.append((opened_at, found + 1))
                    opened_at = -1
                else:
                    opened_at = found
                is_open = not is_open
            pos = found + 1
        if is_open and opened_at != -1:
            spans.append((opened_at, hi))
        result.append(spans)
    return result


@pytest.mark.parametrize("seed", range(4))
def test_quoted_spans_skip(seed: int) -> None:
    rnd = random.Random(seed)
    pieces = ("a", "b", " ", ". ", '"', '"', "“", "”", "(", "-", "said")
    for _ in range(3000):
        text = "".join(rnd.choices(pieces, k=rnd.randint(0, 30)))
        cuts = sorted(rnd.sample(range(len(text) + 1), k=min(len(text) + 1, rnd.randint(0, 6))))
        bounds = [0, *cuts, len(text)]
        sentences = [(a, b) for a, b in itertools.pairwise(bounds) if a < b]
        if rnd.random() < 0.2 and sentences:  # overlapping or repeated spans, as a caller may give
            sentences.append(sentences[rnd.randrange(len(sentences))])
            sentences.sort()
        assert quoted_spans(text, sentences) == _quoted_spans_slow(text, sentences), (
            text,
            sentences,
        )
