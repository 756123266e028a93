"""The result cache's bucket files: torn lines, concurrent appenders, the size bound."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from copydesk.cache import ResultCache
from copydesk.model import Finding, Level, Span


def finding(n: int) -> Finding:
    return Finding(
        "a.md", "MEC003", "repeated-word", Level.WARNING, f"said twice {n}", Span(n, n + 3),
        1, n + 1, 1, n + 4, "the",
    )  # fmt: skip


def key(n: int, bucket: str = "ab") -> str:
    return bucket + f"{n:038x}"


def test_entries_round_trip_and_the_newest_wins(tmp_path: Path) -> None:
    writer = ResultCache(tmp_path)
    writer.put(key(1), [finding(1)], 10)
    writer.put(key(2), [], 20)
    writer.put(key(1), [finding(5)], 50)
    writer.close()
    reader = ResultCache(tmp_path)
    assert reader.get(key(1)) == ([finding(5)], 50)
    assert reader.get(key(2)) == ([], 20)
    assert reader.get(key(3)) is None
    assert reader.get(key(1, "cd")) is None  # a bucket never written
    assert (tmp_path / ".copydesk_cache" / ".gitignore").read_text() == "*\n"
    assert [p.name for p in (tmp_path / ".copydesk_cache" / "results").iterdir()] == ["ab.jsonl"]


def test_damaged_and_torn_lines_are_misses(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    cache.put(key(1), [finding(1)], 10)
    cache.put(key(2), [finding(2)], 20)
    cache.close()
    bucket = tmp_path / ".copydesk_cache" / "results" / "ab.jsonl"
    good = bucket.read_bytes()
    first, second, _ = good.split(b"\n")
    # a damaged line; then a write torn by a crash, with the next entry glued to its tail
    bucket.write_bytes(first[:-5] + b"#}\n" + second[:30] + key(3).encode() + b"\t{}\n")
    reader = ResultCache(tmp_path)
    assert reader.get(key(1)) is None
    assert reader.get(key(2)) is None
    assert reader.get(key(3)) is None
    # an entry written after the damage is found, and the writer is not disturbed
    writer = ResultCache(tmp_path)
    writer.put(key(2), [finding(2)], 20)
    writer.close()
    assert ResultCache(tmp_path).get(key(2)) == ([finding(2)], 20)
    bucket.write_bytes(good[:-1])  # the last line never got its newline
    assert ResultCache(tmp_path).get(key(2)) is None
    assert ResultCache(tmp_path).get(key(1)) == ([finding(1)], 10)


def _append_many(root: str, worker: int) -> None:
    cache = ResultCache(Path(root))
    for n in range(200):
        cache.put(key(worker * 1000 + n), [finding(n)] * (n % 7), n)


def test_concurrent_appenders_lose_nothing(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_append_many, args=(str(tmp_path), w)) for w in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
        assert w.exitcode == 0
    reader = ResultCache(tmp_path)
    for w in range(4):
        for n in range(200):
            assert reader.get(key(w * 1000 + n)) == ([finding(n)] * (n % 7), n)


def test_a_bucket_is_bounded_and_keeps_the_newest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ResultCache, "limit", 4000)
    cache = ResultCache(tmp_path)
    for n in range(300):
        cache.put(key(n), [finding(n)], n)
    cache.close()
    bucket = tmp_path / ".copydesk_cache" / "results" / "ab.jsonl"
    assert bucket.stat().st_size <= 4000
    reader = ResultCache(tmp_path)
    assert reader.get(key(299)) == ([finding(299)], 299)
    assert reader.get(key(0)) is None
    kept = [n for n in range(300) if reader.get(key(n)) is not None]
    assert kept == list(range(kept[0], 300))  # the newest, without a gap


def test_an_unwritable_cache_is_skipped(tmp_path: Path) -> None:
    # a file where the cache folder should be stands in for a read-only checkout (root, as in
    # CI containers, writes through read-only modes)
    blocker = tmp_path / ".copydesk_cache"
    blocker.write_text("not a folder")
    cache = ResultCache(tmp_path)
    cache.put(key(1), [finding(1)], 10)
    cache.put(key(2), [finding(1)], 10)
    assert cache.get(key(1)) is None
    assert blocker.read_text() == "not a folder"
