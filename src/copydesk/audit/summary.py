"""Counts that add up across tasks: articles, words and findings by code and level, overall and
per group. Adding is commutative, and the written summary sorts every key, so the result does
not depend on which worker finished first."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


class Counts:
    __slots__ = ("articles", "by_code", "by_level", "words")

    def __init__(self) -> None:
        self.articles = 0
        self.words = 0
        self.by_code: Counter[str] = Counter()
        self.by_level: Counter[str] = Counter()

    def add(self, words: int, findings: Iterable[tuple[str, str]]) -> None:
        self.articles += 1
        self.words += words
        for code, level in findings:
            self.by_code[code] += 1
            self.by_level[level] += 1

    def merge(self, other: Counts) -> None:
        self.articles += other.articles
        self.words += other.words
        self.by_code.update(other.by_code)
        self.by_level.update(other.by_level)

    def as_dict(self) -> dict[str, Any]:
        total = sum(self.by_code.values())
        return {
            "articles": self.articles,
            "words": self.words,
            "findings": total,
            "per_1000_words": round(1000 * total / self.words, 3) if self.words else 0.0,
            "by_code": dict(sorted(self.by_code.items())),
            "by_level": dict(sorted(self.by_level.items())),
        }


class Tally:
    """Counts overall and for each tuple of group-by values."""

    def __init__(self) -> None:
        self.total = Counts()
        self.groups: dict[tuple[str, ...], Counts] = {}
        self.bad_rows = 0

    def add(self, group: tuple[str, ...], words: int, findings: list[tuple[str, str]]) -> None:
        self.total.add(words, findings)
        if group:
            counts = self.groups.get(group)
            if counts is None:
                counts = self.groups[group] = Counts()
            counts.add(words, findings)

    def merge(self, other: Tally) -> None:
        self.total.merge(other.total)
        for group, counts in other.groups.items():
            mine = self.groups.get(group)
            if mine is None:
                mine = self.groups[group] = Counts()
            mine.merge(counts)
        self.bad_rows += other.bad_rows

    def as_dict(self, group_by: tuple[str, ...]) -> dict[str, Any]:
        out = self.total.as_dict()
        out["bad_rows"] = self.bad_rows
        if group_by:
            out["group_by"] = list(group_by)
            out["groups"] = [
                {"group": dict(zip(group_by, key, strict=True)), **counts.as_dict()}
                for key, counts in sorted(self.groups.items())
            ]
        return out


def family(code: str) -> str:
    """A rule's family: the letters of its code (TYP001 -> TYP, GRM:EN_A_VS_AN -> GRM)."""
    return code.split(":", 1)[0].rstrip("0123456789") or code
