"""Hostile input stays linear in the readers: a document four times as long costs about four
times as much. Compared as a ratio of CPU times between two sizes (1 MB and more for the
larger), never against a wall-clock limit, which a busy machine would break."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from copydesk.api import make_linter
from copydesk.document import parse_document

SMALL = 300_000
# Linear work costs 4x; quadratic 16x. The margin absorbs noise and fixed costs.
MOST_RATIO = 8.0


def _cost(build: Callable[[int], str], size: int, kind: str) -> float:
    text = build(size)
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        doc = parse_document(text, "hostile." + ("html" if kind == "html" else "md"), kind)
        assert len(doc.masked) == len(text)
        best = min(best, time.process_time() - start)
    return max(best, 1e-3)


HOSTILE: dict[str, tuple[Callable[[int], str], str]] = {
    "line of brackets": (lambda n: "[" * n + "\n", "markdown"),
    "brackets before a link": (lambda n: "Text " + "[ " * (n // 2) + "a](b)\n", "markdown"),
    "spaces in front matter": (
        lambda n: "---\ntitle: a" + " " * n + "b\nsummary: x" + " " * n + "\n---\nBody.\n",
        "markdown",
    ),
    "unclosed inline tags": (lambda n: "Text " + "<a " * (n // 3) + "\n", "markdown"),
    "unclosed code tags": (lambda n: "Text " + "<code>" * (n // 6) + "x\n", "markdown"),
    "unclosed tags in HTML": (lambda n: "<p>Text " + "<a " * (n // 3) + "\n", "html"),
    "unclosed comments in HTML": (lambda n: "<p>Text " + "<!--" * (n // 4) + "\n", "html"),
    "unclosed shortcodes": (lambda n: "Text " + "{{< " * (n // 4) + "\n", "markdown"),
    "unclosed maths": (lambda n: "Text " + "$a " * (n // 3) + "\n", "markdown"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_reader_is_linear(name: str) -> None:
    build, kind = HOSTILE[name]
    small = _cost(build, SMALL, kind)
    large = _cost(build, 4 * SMALL, kind)
    assert large / small < MOST_RATIO, (name, small, large)


def test_check_of_a_line_of_brackets_is_linear() -> None:
    linter = make_linter()

    def cost(size: int) -> float:
        doc = parse_document("[" * size + "\n", "b.md", "markdown")
        start = time.process_time()
        findings = linter.lint(doc)
        assert len(findings) == 1  # one run of brackets, one finding
        return max(time.process_time() - start, 1e-3)

    cost(1000)  # warm the rules
    assert cost(4 * SMALL) / cost(SMALL) < MOST_RATIO
