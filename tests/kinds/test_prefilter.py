"""The literal prefilter may let through texts a rule does not match, but must never turn away
one it does: checked on strings that hypothesis builds from every regex in the rule packs."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.api import default_registry
from copydesk.kinds.prefilter import may_match, required_characters, required_literals

from .pack_patterns import pack_patterns

PATTERNS = pack_patterns()
# each rule's flagged examples, for patterns whose look-behinds hypothesis cannot satisfy
EXAMPLES = {rule.code: [ex.text for ex in rule.fail] for rule in default_registry()}


def test_examples_extract_what_they_should() -> None:
    assert required_literals(r"\b([Tt])heir(\s+is)\b") == frozenset({"their"})
    assert required_literals(r"(?<![\w.])UK\b") == frozenset({"uk"})
    assert required_literals(r",{2,}") == frozenset({",,"})
    assert required_literals(r"a(?:bc|de)f") == frozenset({"abcf", "adef"})
    assert required_literals(r"\d+") is None
    # look-arounds and repeats stand next to the literals around them in the text
    assert required_literals(r"(?<=\()[ \t]+(?=\w)") == frozenset({"( ", "(\t"})
    assert required_literals(r"(?<=[\w.%])[ \t]+(?=\))") == frozenset({" )", "\t)"})
    assert required_literals(r"(?<=\w)  +(?=\w)") == frozenset({"  "})
    assert required_literals(r"(\d{3}0)['’]s\b") == frozenset({"0's", "0’s"})
    assert not may_match(frozenset({"heir"}), "there is nothing here")
    # single characters, for the consistency rules only
    assert required_characters(r"[“”]") == frozenset({"“", "”"})
    assert required_characters(r"(?<=[A-Za-z])'(?=[a-z])") == frozenset({"'"})
    assert required_characters(r"per\s+cent") == required_literals(r"per\s+cent")


@pytest.mark.parametrize(
    ("code", "pattern", "flags"), PATTERNS, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(PATTERNS)]
)
def test_prefilter_never_rejects_a_match(code: str, pattern: str, flags: int) -> None:
    required = required_characters(pattern)  # required_literals when there are any
    if required is None:
        return
    compiled = re.compile(pattern, flags)
    if "(?<=\\b" in pattern:
        # an entry that starts at its keyword keeps the words before it in look-behinds,
        # which random strings never satisfy: the rule's own flagged examples stand in
        texts = [t for t in EXAMPLES[code] if compiled.search(t)]
        assert all(may_match(required, t.casefold()) for t in texts), (pattern, texts)
        return
    strategy = st.from_regex(compiled)  # strings that contain a match, look-arounds and all

    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
    @given(strategy)
    def check(text: str) -> None:
        if compiled.search(text):
            assert may_match(required, text.casefold()), (pattern, text)

    check()


def test_folding_keeps_every_case_insensitive_letter() -> None:
    """Any character a case-insensitive pattern matches as an ASCII letter folds to it."""
    from copydesk.document.model import fold

    any_letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        ch = chr(code)
        if any_letter.fullmatch(ch):
            for a in "abcdefghijklmnopqrstuvwxyz":
                if re.fullmatch(a, ch, re.IGNORECASE):
                    assert a in fold(ch), (hex(code), a)
