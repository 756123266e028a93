from __future__ import annotations

import xml.etree.ElementTree as ET

from reportkit import find, result, run_reporter, sample_results

from copydesk.model import FileResult


def check_surefire_shape(root: ET.Element) -> None:
    """The structure Jenkins, GitLab and Surefire readers accept."""
    assert root.tag == "testsuites"
    suites = list(root)
    assert suites and all(s.tag == "testsuite" for s in suites)
    for suite in suites:
        for key in ("name", "tests", "failures", "errors"):
            assert key in suite.attrib
        cases = [c for c in suite if c.tag == "testcase"]
        assert {c.tag for c in suite} <= {"properties", "testcase", "system-out", "system-err"}
        assert int(suite.get("tests", "-1")) == len(cases)
        for case in cases:
            assert case.get("name") and case.get("classname")
            assert {c.tag for c in case} <= {
                "failure",
                "error",
                "skipped",
                "system-out",
                "system-err",
            }
            for outcome in case:
                if outcome.tag in ("failure", "error"):
                    assert outcome.get("type") and outcome.get("message") is not None
        failed = sum(1 for c in cases if c.find("failure") is not None)
        errored = sum(1 for c in cases if c.find("error") is not None)
        assert int(suite.get("failures", "-1")) == failed
        assert int(suite.get("errors", "-1")) == errored


def test_parse_back_and_counts() -> None:
    results = sample_results()
    text = run_reporter("junit", results, skipped=["grammar: no server"])
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(text.encode("utf-8"))
    check_surefire_shape(root)
    suite = root[0]
    assert suite.get("name") == "copydesk"
    findings = sum(len(r.findings) for r in results)
    assert findings == 10
    # one case per finding, one for the unreadable file, one for the clean file
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("12", "10", "1")
    cases = suite.findall("testcase")
    assert [c.get("classname") for c in cases] == [
        r.path for r in results for _ in range(max(1, len(r.findings)))
    ]
    # a CI viewer shows one failure per case: no finding may hide behind another
    assert all(len(c.findall("failure")) <= 1 for c in cases)
    assert len(root.findall(".//failure")) == findings
    error = cases[10].find("error")
    assert error is not None and "not valid UTF-8" in (error.get("message") or "")
    assert not list(cases[11]) and cases[11].get("name") == results[3].path
    assert "grammar" in (suite.findtext("system-out") or "")


def test_case_names_say_rule_and_position() -> None:
    root = ET.fromstring(run_reporter("junit", sample_results()))
    cases = root.findall(".//testcase[@classname='articles/café.md']")
    names = [c.get("name") for c in cases]
    assert len(names) == len(set(names)) == 7
    first = cases[0]
    failure = first.find("failure")
    assert failure is not None
    line, column = (first.get("name") or "").rsplit(" at ", 1)[1].split(":")
    assert (failure.text or "").startswith(
        f"articles/café.md:{line}:{column}: {failure.get('type')}"
    )


def test_failure_content_and_escaping() -> None:
    root = ET.fromstring(run_reporter("junit", sample_results()))
    odd = root.findall(".//testcase[@classname='articles/odd, name: <b>.md']")
    failures = [f for case in odd for f in case.findall("failure")]
    assert [f.get("type") for f in failures] == ["CD301", "CD101", "CD201"]
    assert failures[0].get("message") == "<b>bold</b> & co"
    assert failures[1].get("message") == "</script><script>bad()"
    assert (failures[0].text or "").startswith(
        "articles/odd, name: <b>.md:1:3: CD301 suggestion <b>bold</b> & co"
    )
    cafe = root.findall(".//testcase[@classname='articles/café.md']")
    multiline = next(f for c in cafe for f in c.findall("failure") if f.get("type") == "CD201")
    # Newlines in attributes are character references, so they survive parsing.
    assert multiline.get("message") == "Where does 20% come from?\nCite it."


def test_control_characters_do_not_break_the_xml() -> None:
    source = "Form\x0cfeed and a bell\x07 here.\n"
    f = find("a\x01.md", source, "feed", "CD101", message="odd\x0b message\x00")
    text = run_reporter("junit", [result("a\x01.md", source, [f])])
    root = ET.fromstring(text)
    failure = root.find(".//failure")
    assert failure is not None
    assert failure.get("message") == "odd\\x0b message\\x00"
    assert root.find(".//testcase") is not None


def test_empty_run() -> None:
    root = ET.fromstring(run_reporter("junit", []))
    check_surefire_shape(root)
    assert root[0].get("tests") == "0"


def test_read_error_only() -> None:
    root = ET.fromstring(run_reporter("junit", [FileResult("x.md", error="permission denied")]))
    check_surefire_shape(root)
    assert root[0].get("errors") == "1" and root[0].get("failures") == "0"
