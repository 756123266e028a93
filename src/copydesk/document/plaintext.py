"""Plain text: paragraphs are separated by blank lines; URLs and e-mail addresses are masked."""

from __future__ import annotations

import re

from copydesk.document.mask import url_spans
from copydesk.document.model import Block

# Runs of lines that hold something besides white space. A match may start only at a line
# start and never gives back what it took: tried at every character of a long blank line, the
# plain form of this pattern took time quadratic in the line's length.
_PARA = re.compile(r"(?<![^\r\n])[^\S\r\n]*+\S[^\r\n]*+(?:(?:\r\n|\r|\n)[^\S\r\n]*+\S[^\r\n]*+)*+")


def read_plain(source: str, start: int, end: int) -> tuple[list[Block], list[tuple[int, int]]]:
    blocks: list[Block] = []
    for m in _PARA.finditer(source, start, end):
        s, e = m.start(), m.end()
        while source[s].isspace():
            s += 1
        blocks.append(Block(s, e, "paragraph"))
    return blocks, url_spans(source, start, end)
