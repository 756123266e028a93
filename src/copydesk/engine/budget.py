"""A time budget for rules that copydesk does not ship. A rule pack's regular expression can
backtrack catastrophically (``(a+)+$`` on a line of thirty letters runs for minutes) and no
engine with look-arounds and back-references can rule that out in advance, so each such rule
gets a budget per document: past it, the rule is stopped and the run goes on, with a CDK003
finding that names the rule. Python's regex engine checks for signals as it matches, so a
timer signal (SIGALRM) interrupts even a match that never returns.

The budget is ``COPYDESK_RULE_TIMEOUT`` seconds (default 5) plus one second per 100,000
characters of the document. Built-in rules are not timed: their patterns are checked for
super-linear cases by the test suite, and the timer would cost them two system calls each.
Where there is no timer signal (Windows, a thread other than the main one) rules run unbounded."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")
A = TypeVar("A")
DEFAULT_SECONDS = 5.0


class RuleTimeout(Exception):
    """A rule ran past its budget on one document."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"stopped after {seconds:g} s")
        self.seconds = seconds


def budget_for(length: int) -> float:
    try:
        base = float(os.environ.get("COPYDESK_RULE_TIMEOUT", DEFAULT_SECONDS))
    except ValueError:
        base = DEFAULT_SECONDS
    return max(base, 0.001) + length / 100_000


def can_time() -> bool:
    # imported here: a run of the shipped rules alone times nothing
    import signal
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_within(seconds: float, run: Callable[[A], Iterable[T]], arg: A) -> list[T]:
    """``list(run(arg))``, or RuleTimeout once ``seconds`` have passed."""
    if not can_time():
        return list(run(arg))
    import signal

    def expire(signum: int, frame: Any) -> None:
        raise RuleTimeout(seconds)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    outer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return list(run(arg))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:  # someone else's timer was running: give it back what is left
            left = outer[0] - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), outer[1])
