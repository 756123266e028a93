"""Hostile documents of 1 MB: the check's time grows linearly with their size. Each case is
timed at 100 KB and at 1 MB and the ratio compared (linear work gives about 10, quadratic
about 100), so the test does not depend on how fast the machine is; a 1 MB case that runs
far past its share is stopped rather than left to run for hours. The times are the process's
CPU time, so other work on a busy machine does not count as growth.

``benchmarks/hostile.py`` runs the same measurement over every character class."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from functools import cache

import pytest

from copydesk.api import make_linter
from copydesk.document import parse_document
from copydesk.document.mask import url_spans
from copydesk.engine.runner import Linter

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 30  # ten times the size; quadratic work would be a hundred times the time

CASES: dict[str, Callable[[int], str]] = {
    "e-mail local part a.a.a...@": lambda n: "a." * (n // 2) + "@",
    "runs of a@": lambda n: "a@" * (n // 2),
    "e-mail domain x@a.a.a...": lambda n: "x@" + "a." * (n // 2),
    "www.www.www...": lambda n: "www." * (n // 4),
    "http:// repeated": lambda n: "http://" * (n // 7),
    "one long blank line": lambda n: " " * n,
    "blank lines of tabs": lambda n: "\t\t\t\n" * (n // 4),
    "one long number": lambda n: "1" * n,
}
READERS = {"text": "x.txt", "markdown": "x.md", "html": "x.html"}


class _Stop(Exception):
    pass


def _seconds(run: Callable[[], object], limit: float) -> float:
    def stop(*_: object) -> None:
        raise _Stop

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, limit)
    # CPU time of this process, not wall time: another process taking the CPU on a busy
    # machine must not read as growth.
    started = time.process_time()
    try:
        run()
    except _Stop:
        pytest.fail(f"stopped after {limit:.1f} s: far past linear growth")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.process_time() - started


def _growth(run: Callable[[int], object]) -> float:
    small = min(_seconds(lambda: run(SMALL), 60) for _ in range(5))
    small = max(small, 0.01)  # below this the scheduler's noise on a busy machine dominates
    limit = max(10.0, small * MAX_RATIO * 3)
    large = _seconds(lambda: run(LARGE), limit)
    for _ in range(2):  # again, in case another process took the CPU
        if large / small < MAX_RATIO:
            break
        large = min(large, _seconds(lambda: run(LARGE), limit))
    return large / small


@cache
def _linter() -> Linter:
    return make_linter()


@pytest.mark.parametrize("case", sorted(CASES))
def test_address_masking_is_linear(case: str) -> None:
    make = CASES[case]
    texts = {n: make(n) for n in (SMALL, LARGE)}
    assert _growth(lambda n: url_spans(texts[n])) < MAX_RATIO


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize("case", ["e-mail local part a.a.a...@", "runs of a@", "www.www.www..."])
def test_whole_check_is_linear_on_addresses(case: str, reader: str) -> None:
    make = CASES[case]
    texts = {n: make(n) for n in (SMALL, LARGE)}

    def check(n: int) -> object:
        return _linter().lint(parse_document(texts[n], READERS[reader], reader))

    assert _growth(check) < MAX_RATIO


@pytest.mark.parametrize("case", ["one long blank line", "blank lines of tabs", "one long number"])
def test_whole_check_is_linear_on_plain_text(case: str) -> None:
    make = CASES[case]
    texts = {n: make(n) for n in (SMALL, LARGE)}

    def check(n: int) -> object:
        return _linter().lint(parse_document(texts[n], "x.txt", "text"))

    assert _growth(check) < MAX_RATIO
