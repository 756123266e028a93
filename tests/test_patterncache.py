import re
from pathlib import Path

import pytest

from copydesk import patterncache


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COPYDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(patterncache, "_folder", None)
    monkeypatch.setattr(patterncache, "_bundle", None)
    monkeypatch.setattr(patterncache, "_used", {})
    return tmp_path


def _next_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process starts from: nothing read, nothing used."""
    monkeypatch.setattr(patterncache, "_bundle", None)
    monkeypatch.setattr(patterncache, "_used", {})


PATTERN = r"(?<![\w-])(?P<verb>could|should)\s+of\b(?!\s+course)|\b([Tt])heir\s+(is|are)\b"


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    text = "They should of known. Their is a way, of course; could of course go. THEIR ARE"
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )
    assert [(m.span(), m.groups()) for m in a.finditer(text)] == [
        (m.span(), m.groups()) for m in b.finditer(text)
    ]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_stored_pattern_matches_like_a_fresh_one(folder: Path, flags: int) -> None:
    first = patterncache.compile(PATTERN, flags)
    stored = list(folder.glob("*/patterns-*/*"))
    assert len(stored) == 1
    second = patterncache.compile(PATTERN, flags)
    assert second is not first  # built from the stored code, not from re's own cache
    _same(first, re.compile(PATTERN, flags))
    _same(second, re.compile(PATTERN, flags))


def test_damaged_file_is_a_miss(folder: Path) -> None:
    patterncache.compile(PATTERN)
    (path,) = folder.glob("*/patterns-*/*")
    path.write_bytes(b"\x00not marshal")
    _same(patterncache.compile(PATTERN), re.compile(PATTERN))
    _same(patterncache.compile(PATTERN), re.compile(PATTERN))


def test_bad_pattern_raises_the_usual_error(folder: Path) -> None:
    with pytest.raises(re.error):
        patterncache.compile(r"(unclosed")


def test_built_pattern_is_written_out_once_per_key(folder: Path) -> None:
    calls: list[str] = []

    def build() -> str:
        calls.append("built")
        return PATTERN

    first = patterncache.compile_built("test-builder\nshould could", build, re.IGNORECASE)
    second = patterncache.compile_built("test-builder\nshould could", build, re.IGNORECASE)
    assert calls == ["built"]  # the second call read the pattern from the cache
    _same(first, re.compile(PATTERN, re.IGNORECASE))
    _same(second, re.compile(PATTERN, re.IGNORECASE))
    other = patterncache.compile_built("test-builder\nother", lambda: r"\bother\b")
    assert other.pattern == r"\bother\b"
    assert calls == ["built"]


def test_damaged_built_file_builds_again(folder: Path) -> None:
    patterncache.compile_built("test-builder", lambda: PATTERN)
    for path in folder.glob("*/patterns-*/built-*"):
        path.write_bytes(b"\x00not marshal")
    _same(patterncache.compile_built("test-builder", lambda: PATTERN), re.compile(PATTERN))


def test_derived_value_is_computed_once_per_key(folder: Path) -> None:
    calls: list[str] = []

    def compute(answer: tuple[str, ...] | None) -> tuple[str, ...] | None:
        calls.append("computed")
        return answer

    assert patterncache.derived("test-facts\na", lambda: compute(("x", "y"))) == ("x", "y")
    assert patterncache.derived("test-facts\na", lambda: compute(None)) == ("x", "y")
    assert patterncache.derived("test-facts\nb", lambda: compute(None)) is None
    assert patterncache.derived("test-facts\nb", lambda: compute(("z",))) is None  # None is kept
    assert calls == ["computed", "computed"]


def test_entries_built_at_run_time_are_kept_between_runs(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copydesk.kinds import prefilter

    entries = [r"\b(?:a|an)\s+(?:informations|advices)\b", r"\bmore\s+(?:easier|harder)\b"]
    fresh = [prefilter.entry(p) for p in entries], [prefilter.required_literals(p) for p in entries]
    memos = (prefilter._ENTRY_MEMO, prefilter._MEMO, prefilter._ENTRY_RAW, prefilter._RAW)
    for memo in memos:
        for p in entries:
            memo.pop(p, None)
    prefilter.seed_from_cache(entries)
    assert list(folder.glob("*/patterns-*/derived-*"))

    def no_parse(*args: object) -> None:
        raise AssertionError("parsed again")

    for memo in memos:
        for p in entries:
            memo.pop(p, None)
    monkeypatch.setattr(prefilter.literals, "word_starts", no_parse)
    monkeypatch.setattr(prefilter, "_extract", no_parse)
    prefilter.seed_from_cache(entries)
    assert (
        [prefilter.entry(p) for p in entries],
        [prefilter.required_literals(p) for p in entries],
    ) == fresh


def test_cached_start_tables_are_those_worked_out_afresh(folder: Path) -> None:
    """Every regex rule of the shipped packs: its word index tables from the cache (a second
    run) are the ones worked out from its entries."""
    from copydesk.api import default_registry
    from copydesk.kinds import prefilter, regex_patterns

    rules = [r for r in default_registry() if regex_patterns(r)]
    assert len(rules) > 20
    for rule in rules:
        entries = regex_patterns(rule)
        fresh = prefilter._compute_start_tables(entries)
        assert prefilter._start_tables(entries) == fresh  # computed and stored
        assert prefilter._start_tables(entries) == fresh, rule.code  # read back
    assert list(folder.glob("*/patterns-*/derived-*"))


def test_phrase_words_from_the_cache_are_those_worked_out_afresh(folder: Path) -> None:
    """A PhraseBook read from the cache holds what it would afresh: each first word's
    entries by owner, longest phrase first, phrases of one length in the rule's order."""
    from copydesk.kinds._words import PhraseBook, _words_of

    rules = [
        ["in order to", "in order", "Prime Minister's", "e-mail", "in", "naïve café"],
        ["in the end", "St. Patrick's Day", "in", "e-mail address", "-- dash"],
    ]
    for ignorecase in (True, False):
        expected: dict[str, list[tuple[int, tuple[str, ...], str, bool]]] = {}
        for owner, phrases in enumerate(rules):
            for phrase in phrases:
                words = _words_of(phrase, ignorecase)
                entry = (owner, words, phrase, ignorecase)
                expected.setdefault(words[0].lower(), []).append(entry)
        for entries in expected.values():
            entries.sort(key=lambda e: (e[0], -len(e[1])))
        books = [PhraseBook(), PhraseBook()]  # the first computes, the second reads
        for book in books:
            for phrases in rules:
                book.register(phrases, ignorecase)
            assert book.first == expected
            assert list(book.first) == list(expected)
            assert book.need == {w: max(len(e[1]) for e in es) for w, es in expected.items()}
            assert not book._words_first  # "--" starts a phrase


def test_slot_plans_follow_the_checks_table_not_a_stale_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slot kind's plans are cached under its table, its checks and what those checks
    look for: a changed check in the code is never answered from an earlier run's file."""
    from copydesk.kinds import slots

    lines = ["advice:noun advise:verb", "effect:noun affect:verb"]
    checks = tuple(slots.SLOT_CHECKS)
    _, plans = slots._prepared(lines, checks)
    assert plans  # some check can flag these words
    emptied = {c: (frozenset[str](), needs) for c, (_, needs) in slots.SLOT_CHECKS.items()}
    monkeypatch.setattr(slots, "SLOT_CHECKS", emptied)
    _, plans = slots._prepared(lines, checks)
    assert plans == {}


def _no_compiling(*_: object) -> None:
    raise AssertionError("compiled again: the cache was not used")


def test_a_run_reads_what_the_last_one_used_from_one_bundle(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterncache.compile(PATTERN)
    assert patterncache.derived("a key", lambda: [1, 2]) == [1, 2]
    patterncache.save_bundle()
    (bundle,) = folder.glob("*/patterns-*/bundle")
    for path in bundle.parent.iterdir():
        if path != bundle:
            path.unlink()  # only the bundle can answer now

    _next_run(monkeypatch)
    monkeypatch.setattr(patterncache, "_compile_parts", _no_compiling)
    _same(patterncache.compile(PATTERN), re.compile(PATTERN))
    assert patterncache.derived("a key", _no_compiling) == [1, 2]


def test_bundle_keeps_earlier_entries_and_is_rewritten_only_when_a_run_adds_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    patterncache.compile(PATTERN)
    patterncache.save_bundle()
    (bundle,) = folder.glob("*/patterns-*/bundle")
    written = bundle.stat().st_mtime_ns

    _next_run(monkeypatch)
    patterncache.compile(PATTERN)
    patterncache.save_bundle()
    assert bundle.stat().st_mtime_ns == written  # nothing new: not written again

    _next_run(monkeypatch)
    patterncache.compile(r"\bother\b")
    patterncache.save_bundle()
    _next_run(monkeypatch)
    monkeypatch.setattr(patterncache, "_compile_parts", _no_compiling)
    for path in bundle.parent.iterdir():
        if path != bundle:
            path.unlink()
    _same(patterncache.compile(PATTERN), re.compile(PATTERN))
    assert patterncache.compile(r"\bother\b").search("an other one")


def test_damaged_or_stale_bundle_is_a_miss(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    patterncache.compile(PATTERN)
    patterncache.save_bundle()
    (bundle,) = folder.glob("*/patterns-*/bundle")

    bundle.write_bytes(b"\x00not marshal")
    _next_run(monkeypatch)
    _same(patterncache.compile(PATTERN), re.compile(PATTERN))

    # an entry under the right name that holds another pattern is not used
    import marshal

    entries = {path.name: path.read_bytes() for path in bundle.parent.iterdir() if path != bundle}
    (name,) = entries
    other = marshal.dumps(("other", 0, *patterncache._compile_parts("other", 0)))
    bundle.write_bytes(marshal.dumps({name: other}))
    _next_run(monkeypatch)
    _same(patterncache.compile(PATTERN), re.compile(PATTERN))
