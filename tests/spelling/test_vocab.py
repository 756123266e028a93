"""Accept/reject lists and vocabulary learning."""

from __future__ import annotations

from pathlib import Path

from copydesk.spelling import (
    Speller,
    VocabEntry,
    format_vocabulary,
    learn_vocabulary,
    parse_vocabulary,
    read_vocabulary,
)


def test_accept_is_exact_match() -> None:
    speller = Speller(accept=["configurtion"])
    assert speller.check("The configurtion is fine.") == []
    found = [m.word for m in speller.check("The configurtions are wrong.")]
    assert found == ["configurtions"]


def test_accept_capitalised_name() -> None:
    text = "The band Westlyfe played. Later Westlyfe left."
    assert Speller(accept=["Westlyfe"]).check("Fans of Westlyfe cheered.") == []
    assert Speller(accept=["Westlyfe"]).check(text) == []


def test_reject_flags_known_word() -> None:
    speller = Speller(reject=["alright"])
    (m,) = speller.check("It is alright now.")
    assert m.word == "alright"
    assert "reject" in m.detail


def test_read_vocabulary(tmp_path: Path) -> None:
    path = tmp_path / "vocab.txt"
    path.write_text("# house words\nEurotunnel  # the company\n\n  blogosphere\n", encoding="utf-8")
    assert read_vocabulary(path) == ["Eurotunnel", "blogosphere"]
    assert parse_vocabulary("a\n#b\nc # d\n") == ["a", "c"]


def test_learn_vocabulary_needs_min_files() -> None:
    texts = [
        ("a.md", "Zlatworth said the Zlatworth plan would work. A gloopish idea."),
        ("b.md", "Zlatworth returned."),
        ("c.md", "Critics of Zlatworth disagreed; teh plan failed."),
        ("d.md", "Nothing here but a gloopish tone."),
    ]
    entries = learn_vocabulary(texts, min_files=3)
    assert entries == [VocabEntry("Zlatworth", 4, 3)]
    assert learn_vocabulary(texts, min_files=2) == [
        VocabEntry("Zlatworth", 4, 3),
        VocabEntry("gloopish", 2, 2),
    ]


def test_known_misspellings_are_never_learned() -> None:
    texts = [(f"{i}.md", "We accomodate everyone.") for i in range(5)]
    assert learn_vocabulary(texts) == []


def test_format_vocabulary_round_trips() -> None:
    entries = [VocabEntry("Zlatworth", 4, 3), VocabEntry("gloopish", 2, 2)]
    text = format_vocabulary(entries)
    assert "Zlatworth  # 4 times in 3 files" in text
    assert parse_vocabulary(text) == ["Zlatworth", "gloopish"]
