"""Every inflected form of a word-list rule's phrases, from lemminflect's tables.

A rule file lists a phrase once, in its base form ("return back", "PIN number"), and sets
``forms: true``; when the pack is loaded, each phrase is expanded to the forms a story may use
("returned back", "returning back", "PIN numbers"), and a substitution's replacement is put in
the same form ("returned"). Only the first word (as a verb) and the last word (as a noun) are
inflected, and only when they are written in their base form. Expansion happens once, when a
pack is parsed; the parsed pack is cached, so a run never loads lemminflect's tables.

The built-in packs' answers ship in ``data/wordforms.json`` (written by
``tools/build_wordforms.py``), so the base install needs no lemminflect, which brings numpy;
a pack of your own whose phrases ask about other words needs the ``forms`` extra.

In a regular expression, ``{TAGS:word|word}`` stands for the listed words in the Penn
Treebank forms named by ``TAGS`` (``VBZ``, ``VBD+VBN``, ``*`` for all of a word's forms):
``{VBZ:go|have}`` becomes ``(?:goes|has)``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from copydesk import patterncache

# Part of the rule-pack cache key: raise it when expansion changes, so cached packs are redone.
FORMS_VERSION = 3
VERB_TAGS = ("VBD", "VBN", "VBG", "VBZ")
_PLACEHOLDER = patterncache.compile(r"\{([A-Z*+]+):([^{}]+)\}")


TABLE = Path(__file__).parent / "data" / "wordforms.json"


class FormsUnavailable(ValueError):
    """A phrase needs word forms that neither the shipped table nor an installed lemminflect
    can give."""


# Every question asked of lemminflect and its answer, when ``record`` is on: what
# tools/build_wordforms.py writes as the shipped table.
RECORDED: dict[str, Any] = {}


@cache
def _shipped() -> dict[str, Any]:
    try:
        table: dict[str, Any] = json.loads(TABLE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    return table


def _ask(key: str, compute: Callable[[Any], Any]) -> Any:
    if key in _shipped():
        return _shipped()[key]
    try:
        import lemminflect
    except ImportError:
        word = key.split("|")[1]
        raise FormsUnavailable(
            f"'forms: true' needs the word forms of {word!r}, which copydesk does not ship: "
            "pip install 'copydesk[forms]'"
        ) from None
    answer = compute(lemminflect)
    answer = {t: list(f) for t, f in answer.items()} if isinstance(answer, dict) else list(answer)
    RECORDED[key] = answer
    return answer


def _lemmas(word: str, upos: str) -> list[str]:
    found: dict[str, Any] = _ask(f"L|{word}|{upos}", lambda li: li.getAllLemmas(word, upos=upos))
    return list(found.get(upos, ()))


def _inflections(word: str, upos: str | None = None) -> dict[str, list[str]]:
    key = f"I|{word}|{upos or '*'}"
    if upos is None:
        return dict(_ask(key, lambda li: li.getAllInflections(word)))
    return dict(_ask(key, lambda li: li.getAllInflections(word, upos=upos)))


def _inflection(word: str, tag: str) -> list[str]:
    return list(_ask(f"i|{word}|{tag}", lambda li: li.getInflection(word, tag=tag) or ()))


def _is_base(word: str, upos: str) -> bool:
    return word.lower() in _lemmas(word.lower(), upos)


def inflect(word: str, tag: str) -> list[str]:
    """The forms of ``word`` (a base form) with Penn tag ``tag``, in the word's case."""
    lower = word.lower()
    if tag == "VBP" and lower == "be":
        return _BE_PRESENT if word[:1].islower() else [f.title() for f in _BE_PRESENT]
    if tag in ("VB", "VBP", "NN"):
        return [word]
    upos = "NOUN" if tag.startswith("NN") else "ADJ" if tag.startswith("JJ") else "VERB"
    forms = list(_inflections(lower, upos).get(tag, ()))
    if not forms:
        forms = _inflection(lower, tag)
    if tag == "NNS" and word.isupper() and len(word) > 1:
        return [word + "s"]  # "PINs", not "PINS"
    out = []
    for form in forms:
        if word[:1].isupper():
            form = form[:1].upper() + form[1:]
        if form not in out:
            out.append(form)
    return out


# the one verb whose plain present differs from its base form
_BE_PRESENT = ["am", "are"]


def _variants(phrase: str) -> list[tuple[str, str, int]]:
    """(tag, form, word position) for the phrase's inflectable words: its first word when it
    is a verb's base form, its last when it is a singular noun."""
    words = phrase.split()
    found: list[tuple[str, str, int]] = []
    if not words or not words[0].replace("-", "").isalpha():
        return found
    if not (words[0].isupper() and len(words[0]) > 1) and _is_base(words[0], "VERB"):
        tags = (*VERB_TAGS, "VBP") if words[0].lower() == "be" else VERB_TAGS
        for tag in tags:
            found.extend((tag, form, 0) for form in inflect(words[0], tag))
    last = len(words) - 1
    if (
        last > 0
        and words[last].isalpha()
        and _is_base(words[last], "NOUN")
        and not _is_base(words[last], "ADV")  # "return back" has no plural "backs"
    ):
        found.extend(
            ("NNS", form, last) for form in inflect(words[last], "NNS") if form != words[last]
        )
    return found


def _replace_word(phrase: str, index: int, word: str) -> str:
    words = phrase.split()
    words[index] = word
    return " ".join(words)


def expand_phrases(phrases: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for phrase in phrases:
        for variant in [phrase, *(_replace_word(phrase, i, f) for _, f, i in _variants(phrase))]:
            if variant not in seen:
                seen.add(variant)
                out.append(variant)
    return out


def _same_form(target: str, tag: str, index_from_end: bool, position: int = 0) -> str | None:
    """``target`` (a replacement) with its first (or last) word put in form ``tag``; where the
    tag has several forms ("was", "were"), the one at ``position``, as the phrase's own word."""
    alternatives = []
    for alt in target.split("|"):
        words = alt.split()
        if not words:
            return None
        i = len(words) - 1 if index_from_end else 0
        upos = "NOUN" if tag == "NNS" else "VERB"
        if not _is_base(words[i], upos):
            return None
        forms = inflect(words[i], tag)
        if not forms:
            return None
        words[i] = forms[min(position, len(forms) - 1)]
        alternatives.append(" ".join(words))
    return "|".join(alternatives)


def _same_verb_slot(key: str, target: str) -> bool:
    """Whether the fix keeps the phrase's first word as its verb: the same word ("return
    back": "return"), or another verb before the same words ("tow the line": "toe the line")."""
    k, t = key.split(), target.split()
    return bool(t) and (k[0] == t[0] or (k[1:] == t[1:] and _is_base(t[0], "VERB")))


def expand_swap(swap: Mapping[str, str]) -> dict[str, str]:
    """Each phrase in every form, with its replacement in the same form. A form whose
    replacement cannot be put in that form is left out rather than given a wrong fix."""
    out: dict[str, str] = {}
    for key, target in swap.items():
        out.setdefault(key, target)
        last = len(key.split()) - 1
        for tag, form, index in _variants(key):
            if index == last and tag == "NNS" and len(target.split()) == 0:
                continue
            variant = _replace_word(key, index, form)
            if variant in out or variant in swap:
                continue
            if tag != "NNS" and not all(_same_verb_slot(key, alt) for alt in target.split("|")):
                continue  # the verb is not kept in the fix ("advance planning": "planning")
            position = inflect(key.split()[index], tag).index(form)
            fixed = _same_form(target, tag, index == last and index > 0, position)
            if fixed is not None:
                out[variant] = fixed
    return out


def expand_pattern(pattern: str) -> str:
    """Replace each ``{TAGS:word|word}`` with an alternation of the words' forms."""

    def forms(m: re.Match[str]) -> str:
        tags = m.group(1).split("+")
        words = [w.strip() for w in m.group(2).split("|") if w.strip()]
        out: list[str] = []
        for word in words:
            if tags == ["*"]:
                table = _inflections(word.lower())
                found = [word, *(f for fs in table.values() for f in fs)]
            else:
                # a form that is also the base ("put", "cut") says nothing about the tense
                found = [
                    f
                    for tag in tags
                    for f in inflect(word, tag)
                    if f != word or tag in ("VB", "VBP", "NN")
                ]
            out.extend(f for f in found if f not in out)
        out.sort(key=len, reverse=True)
        return "(?:" + "|".join(re.escape(f) for f in out) + ")"

    return _PLACEHOLDER.sub(forms, pattern)


def expand_options(kind: str, options: Mapping[str, Any]) -> dict[str, Any]:
    """A rule's options with its phrase lists (or patterns) in every form."""
    out = dict(options)
    if not out.get("forms"):
        return out
    if out.get("regex"):
        if "tokens" in out:
            out["tokens"] = [expand_pattern(t) for t in out["tokens"]]
        if "swap" in out:
            out["swap"] = {expand_pattern(k): v for k, v in out["swap"].items()}
        return out
    if "swap" in out:
        out["swap"] = expand_swap(out["swap"])
    if "tokens" in out:
        out["tokens"] = expand_phrases(out["tokens"])
    return out
