from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from reportkit import ARTICLE, RULES, find, result, run_reporter, sample_results

from copydesk.model import FileResult

SCHEMA = Path(__file__).parent / "data" / "sarif-2.1.0.json"


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def sarif(results: list[FileResult], **kw: object) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(run_reporter("sarif", results, **kw))
    return document


def test_output_is_valid_sarif(validator: Any) -> None:
    doc = sarif(sample_results(), skipped=["grammar: no LanguageTool server"])
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == 10


def test_empty_run_is_valid(validator: Any) -> None:
    doc = sarif([])
    assert not list(validator.iter_errors(doc))
    assert doc["runs"][0]["results"] == []
    assert len(doc["runs"][0]["tool"]["driver"]["rules"]) == len(RULES)


def test_rules_table_and_levels() -> None:
    run = sarif(sample_results())["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    # Every started rule is listed, including one with no findings, and a finding from an
    # unannounced rule gets a descriptor too.
    assert set(RULES) <= set(ids)
    assert "CD777" in ids
    by_id = {r["id"]: r for r in rules}
    assert by_id["CD101"]["defaultConfiguration"]["level"] == "error"
    assert by_id["CD201"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["CD301"]["defaultConfiguration"]["level"] == "note"
    assert by_id["CD101"]["helpUri"] == "https://example.org/rules/CD101"
    assert by_id["CD101"]["name"] == "spelling"
    assert by_id["CD101"]["shortDescription"]["text"] == "Misspelt word"
    assert "dictionary" in by_id["CD101"]["fullDescription"]["text"]
    assert by_id["CD101"]["help"]["text"]
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["CD101"] == "error"
    assert levels["CD301"] == "note"
    driver = run["tool"]["driver"]
    assert driver["name"] == "copydesk"
    assert driver["version"] == "0.1.0"


def test_regions_count_code_points() -> None:
    results = sample_results()
    run = sarif(results)["runs"][0]
    sources = {r.path: r.source for r in results}
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        region = loc["region"]
        uri = loc["artifactLocation"]["uri"]
        path = next(p for p in sources if uri == _uri(p))
        source = sources[path]
        assert source is not None
        flagged = source[region["charOffset"] : region["charOffset"] + region["charLength"]]
        assert flagged == region.get("snippet", {}).get("text", "")
    # The second "teh" follows an astral emoji on its line: one code point, two UTF-16 units.
    second = [r for r in run["results"] if r["ruleId"] == "CD101"][1]
    region = second["locations"][0]["physicalLocation"]["region"]
    line4 = ARTICLE.splitlines()[3]
    assert region["startLine"] == 4
    assert region["startColumn"] == line4.index("teh") + 1
    assert region["endColumn"] == line4.index("teh") + 4


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")


def test_relative_uris_are_escaped() -> None:
    run = sarif(sample_results())["runs"][0]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert "articles/caf%C3%A9.md" in uris
    assert "articles/odd%2C%20name%3A%20%3Cb%3E.md" in uris
    for res in run["results"]:
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"]


def test_fixes_for_safe_and_unsafe_only() -> None:
    run = sarif(sample_results())["runs"][0]
    fixed = [r for r in run["results"] if "fixes" in r]
    kinds = sorted(f["fixes"][0]["properties"]["applicability"] for f in fixed)
    assert kinds == ["safe", "safe", "unsafe"]
    wordy = [r for r in run["results"] if r["message"]["text"].startswith("Wordy")]
    in_order = [
        r
        for r in wordy
        if "in order to" in r["locations"][0]["physicalLocation"]["region"]["snippet"]["text"]
    ]
    assert in_order and "fixes" not in in_order[0]
    first = fixed[0]["fixes"][0]["artifactChanges"][0]
    replacement = first["replacements"][0]
    start = ARTICLE.index("teh")
    assert replacement["deletedRegion"] == {"charOffset": start, "charLength": 3}
    assert replacement["insertedContent"] == {"text": "the"}
    assert first["artifactLocation"]["uri"] == "articles/caf%C3%A9.md"


def test_unreadable_file_is_a_notification() -> None:
    run = sarif(sample_results(), skipped=["grammar: no server"])["runs"][0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    errors = [n for n in notes if n["level"] == "error"]
    assert len(errors) == 1
    assert "not valid UTF-8" in errors[0]["message"]["text"]
    loc = errors[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc["uri"] == "articles/broken.md"
    assert any("grammar" in n["message"]["text"] for n in notes)
    assert run["invocations"][0]["executionSuccessful"] is True


def test_non_ascii_is_written_as_is(validator: Any) -> None:
    findings = [
        find("a.md", ARTICLE, "Zürich", "CD101", message="Zürich: “check” the umlaut"),
        find("a.md", ARTICLE, "😀 Emoji", "CD301"),
    ]
    text = run_reporter("sarif", [result("a.md", ARTICLE, findings)])
    assert "Zürich: “check” the umlaut" in text
    assert "😀 Emoji" in text
    doc = json.loads(text)
    assert not list(validator.iter_errors(doc))
    emoji = doc["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert emoji["charLength"] == len("😀 Emoji") == 7
    assert emoji["startColumn"] == 1 and emoji["endColumn"] == 8


def _fingerprints(source: str, texts: list[tuple[str, int]]) -> list[str]:
    findings = [find("a.md", source, t, "CD101", nth=n) for t, n in texts]
    run = sarif([result("a.md", source, findings)])["runs"][0]
    return [r["partialFingerprints"]["copydeskContext/v1"] for r in run["results"]]


def test_fingerprints_survive_edits_elsewhere() -> None:
    before = "Intro.\n\nThe cat sat on teh mat today.\n"
    after = "Intro.\n\nA whole new paragraph,\nover two lines.\n\nThe cat sat on teh mat today.\n"
    assert _fingerprints(before, [("teh", 0)]) == _fingerprints(after, [("teh", 0)])
    # A change right next to the finding is a different finding.
    nearby = "Intro.\n\nThe dog sat on teh mat today.\n"
    assert _fingerprints(before, [("teh", 0)]) != _fingerprints(nearby, [("teh", 0)])


def test_identical_findings_get_distinct_fingerprints() -> None:
    source = "Say teh word.\n\nSay teh word.\n\nOther teh word.\n"
    prints = _fingerprints(source, [("teh", 0), ("teh", 1), ("teh", 2)])
    assert len(set(prints)) == 3
    assert prints[0].split(":")[0] == prints[1].split(":")[0]
    assert [p.split(":")[1] for p in prints[:2]] == ["0", "1"]


def test_long_regions_carry_no_snippet() -> None:
    source = "Start " + "word " * 200 + "end.\n"
    f = find("a.md", source, "word " * 200, "CD301")
    run = sarif([result("a.md", source, [f])])["runs"][0]
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert "snippet" not in region
    assert region["charLength"] == 1000
