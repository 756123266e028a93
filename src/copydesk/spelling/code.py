"""Spans of prose-looking text that is not words to spell-check: letters joined to a code
span (``Foo``s, re``init``ed), user names that link to their own profile page
([jdoe](https://github.com/jdoe)) and the text of a link to a person's, organisation's or
project's page on a code host, package registry or social network ([Zeya Peng](https://
github.com/zeyap), [kramdown-parser-gfm](https://github.com/kramdown/parser-gfm)), and a
one-word link text that its target repeats ([mkdocstrings](https://mkdocstrings.github.io))."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from copydesk import patterncache

# [name](https://host/.../name) or [@name](...): the link text is the last part of the link.
_PROFILE_LINK: Final = patterncache.compile(
    r"\[@?([\w.-]{2,})\]\(\s*<?[a-z]+://[^)\s]*?/@?([\w.-]+)/?>?\s*\)"
)

# [Any Text](https://github.com/someone) or (https://github.com/org/project): the text names
# the person, organisation or project the code host or registry page belongs to.
_HOSTED_LINK: Final = patterncache.compile(
    r"\[([^\]\n]{2,80})\]\(\s*<?https?://(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org"
    r"|bitbucket\.org|npmjs\.com/package|pypi\.org/project|crates\.io/crates|rubygems\.org/gems"
    r"|twitter\.com|x\.com|bsky\.app/profile|linkedin\.com/in)/@?[\w.-]+(?:/[\w.-]+)?/?>?\s*\)"
)

# [name](...name...) or [name][...name...]: one word that the link's target or label repeats
# names what is linked ([mkdocstrings](https://mkdocstrings.github.io), [otelbin][otelbin-x]).
_NAMED_LINK: Final = patterncache.compile(
    r"\[@?([^\]\s`]{2,60})\](?:\(\s*<?([^)\s>]+)|\[([^\]\n]+)\])"
)


def not_words(source: str, code: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in code:
        if "\n" in source[start:end]:
            continue  # a block: nothing runs into it
        left = start
        while left > 0 and not source[left - 1].isspace():
            left -= 1
        right = end
        while right < len(source) and not source[right].isspace():
            right += 1
        if left < start:
            out.append((left, start))
        if right > end:
            out.append((end, right))
    if "](" in source or "][" in source:
        for m in _PROFILE_LINK.finditer(source):
            if m.group(1).lower() == m.group(2).lower():
                out.append(m.span(1))
        out.extend(m.span(1) for m in _HOSTED_LINK.finditer(source))
        for m in _NAMED_LINK.finditer(source):
            if m.group(1).lower() in (m.group(2) or m.group(3)).lower():
                out.append(m.span(1))
    return out
