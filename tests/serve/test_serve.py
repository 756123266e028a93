"""copydesk serve on a free loopback port: LanguageTool's API as LanguageTool clients use it."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path
from typing import Any

import language_tool_python
import pytest
import requests
from serve_support import call, serving

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "calais-crossing.md"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "copydesk.toml").write_text('extends = ["news-uk"]\n', encoding="utf-8")
    return tmp_path


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """language-tool-python may fetch nothing and start nothing: every request it makes is
    recorded and must go to the loopback server; downloading or starting a local
    LanguageTool fails the test."""
    seen: list[str] = []
    real = requests.Session.request

    def request(self: requests.Session, method: str, url: str, *args: Any, **kw: Any) -> Any:
        seen.append(url)
        assert url.startswith("http://127.0.0.1:"), url
        kw["proxies"] = {"http": "", "https": ""}
        return real(self, method, url, *args, **kw)

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("language-tool-python tried to download or start LanguageTool")

    monkeypatch.setattr(requests.Session, "request", request)
    monkeypatch.setattr(language_tool_python.server.LocalLanguageTool, "download", refuse)
    monkeypatch.setattr(language_tool_python.LanguageTool, "_start_local_server", refuse)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return seen


def test_language_tool_python_gets_the_typo_with_secretary_first(
    folder: Path, loopback_only: list[str]
) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    with serving(folder) as base:
        tool = language_tool_python.LanguageTool("en-GB", remote_server=base)
        try:
            matches = tool.check(text)
        finally:
            tool.close()
    typos = [m for m in matches if m.rule_id == "TYP001"]
    (secretaray,) = [m for m in typos if text[m.offset : m.offset + m.error_length] == "Secretaray"]
    assert secretaray.replacements[0] == "Secretary"
    assert secretaray.category == "TYPOS"
    assert secretaray.rule_issue_type == "misspelling"
    assert "Secretaray" in secretaray.message
    assert secretaray.sentence.startswith("The Home Secretaray flew to Calais")
    codes = {m.rule_id for m in matches}
    assert {"SRC002", "MEC001"} <= codes  # copydesk's other findings come along
    assert loopback_only and all(u.startswith(base) for u in loopback_only)


def _annotation(text: str) -> tuple[list[dict[str, str]], str]:
    """The sample article as an editor plug-in sends Markdown: front matter, heading marks
    and emphasis as markup, the prose as text."""
    front_end = text.index("---", 3) + 4
    parts: list[dict[str, str]] = [{"markup": text[:front_end], "interpretAs": "\n\n"}]
    for line in text[front_end:].splitlines(keepends=True):
        if line.startswith("# "):
            parts += [{"markup": "# "}, {"text": line[2:]}]
        elif "Home Secretaray" in line:
            before, after = line.split("Home Secretaray")
            parts += [
                {"text": before + "🙂 "},
                {"markup": "**"},
                {"text": "Home Secretaray"},
                {"markup": "**"},
                {"text": after},
            ]
        else:
            parts.append({"text": line})
    joined = "".join(p.get("text", p.get("markup", "")) for p in parts)
    return parts, joined


def test_annotated_data_offsets_count_markup_and_text(folder: Path) -> None:
    parts, joined = _annotation(SAMPLE.read_text(encoding="utf-8"))
    data = json.dumps({"annotation": parts})
    with serving(folder) as base:
        status, _, answer = call(f"{base}/v2/check", {"data": data, "language": "en-GB"})
    assert status == 200
    (typo,) = [m for m in answer["matches"] if m["rule"]["id"] == "TYP001"]
    at = joined.index("Secretaray")
    # LanguageTool counts UTF-16 code units: the emoji before it counts two
    assert typo["offset"] == at + 1
    assert typo["length"] == len("Secretaray")
    assert typo["replacements"][0] == {"value": "Secretary"}
    units = joined.encode("utf-16-le")
    assert units[2 * typo["offset"] : 2 * (typo["offset"] + 10)].decode("utf-16-le") == "Secretaray"
    # nothing is reported inside markup: the front matter, the heading marks, the asterisks
    for match in answer["matches"]:
        start = len(joined.encode("utf-16-le")[: 2 * match["offset"]].decode("utf-16-le"))
        assert start >= joined.index("# Ministers")


def test_levels_rules_and_languages(folder: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    with serving(folder) as base:
        _, _, languages = call(f"{base}/v2/languages")
        assert {"en-GB", "en-US"} <= {lang["longCode"] for lang in languages}

        def ids(**form: str) -> list[str]:
            status, _, answer = call(f"{base}/v2/check", {"text": text, **form})
            assert status == 200, answer
            return [m["rule"]["id"] for m in answer["matches"]]

        picky = ids(language="en-GB", level="picky")
        default = ids(language="auto")
        assert set(default) <= set(picky)
        assert "TYP001" not in ids(language="en-GB", disabledRules="TYP001,SOME_LT_RULE")
        assert not any(c.startswith("SRC") for c in ids(language="en-GB", disabledRules="SRC"))
        assert set(ids(language="en-GB", enabledRules="TYP001", enabledOnly="true")) == {"TYP001"}
        assert "TYP001" not in ids(language="en-GB", disabledCategories="TYPOS")
        # the other variant is served too
        assert "TYP001" in ids(language="en-US")


def test_bad_requests_get_400_413_404_and_the_server_keeps_running(folder: Path) -> None:
    with serving(folder, "--max-request-bytes", "5000") as base:
        check = f"{base}/v2/check"
        for form, needle in (
            ({"language": "en-GB"}, "Missing 'text' or 'data'"),
            ({"text": "Hello."}, "Missing 'language'"),
            ({"text": "Hallo.", "language": "de-DE"}, "'de-DE' is not supported"),
            ({"data": "{not json", "language": "en-GB"}, "'data' is not valid JSON"),
            ({"data": '{"annotation": [{"text": 1}]}', "language": "en-GB"}, "part 0"),
            ({"text": "x", "language": "en-GB", "level": "loud"}, "'level'"),
        ):
            status, _, message = call(check, form)
            assert status == 400 and needle in message, (form, message)
        status, _, message = call(check, {"text": "word " * 2000, "language": "en-GB"})
        assert status == 413 and "at most 5000" in message
        status, _, message = call(f"{base}/v2/nothing-here")
        assert status == 404
        status, _, message = call(check, body=b"\xff\xfe", headers={"Content-Type": "text/plain"})
        assert status == 400
        status, _, answer = call(check, {"text": "The shutttle left.", "language": "en-GB"})
        assert status == 200 and answer["matches"][0]["rule"]["id"] == "TYP001"


def test_cors_and_api_key(folder: Path) -> None:
    with serving(folder, "--api-key", "s3cret") as base:
        check = f"{base}/v2/check"
        status, headers, _ = call(check, method="OPTIONS")
        assert status == 204
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert "POST" in headers["Access-Control-Allow-Methods"]
        form = {"text": "The shutttle left.", "language": "en-GB"}
        status, headers, message = call(check, form)
        assert status == 403 and "apiKey" in message
        assert headers["Access-Control-Allow-Origin"] == "*"
        assert call(check, {**form, "apiKey": "wrong"})[0] == 403
        assert call(check, {**form, "apiKey": "s3cret"})[0] == 200
        assert call(check, form, headers={"Authorization": "Bearer s3cret"})[0] == 200
        assert call(f"{base}/v2/languages")[0] == 200  # lists no text: no key needed


def test_concurrent_requests_get_the_same_answers(folder: Path) -> None:
    texts = {
        "a": "The Home Secretaray flew to Calais.",
        "b": "An estimated 3,000 people are camping near the port.",
        "c": "They waited on the the shuttle trains.",
    }
    with serving(folder) as base:
        alone = {
            k: call(f"{base}/v2/check", {"text": t, "language": "en-GB"})[2]["matches"]
            for k, t in texts.items()
        }
        results: list[tuple[str, int, Any]] = []
        lock = threading.Lock()

        def client(key: str) -> None:
            for _ in range(3):
                status, _, answer = call(
                    f"{base}/v2/check", {"text": texts[key], "language": "en-GB"}
                )
                with lock:
                    results.append((key, status, answer))

        threads = [threading.Thread(target=client, args=(k,)) for k in "abcabcab"]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert not any(t.is_alive() for t in threads)
    assert len(results) == 24
    for key, status, answer in results:
        assert status == 200
        assert answer["matches"] == alone[key]


def test_languagetool_matches_are_merged_one_per_problem(tmp_path: Path) -> None:
    """A LanguageTool server, here another copydesk serve (it speaks the same API), answers
    for [grammar] mode = "server": its matches join copydesk's, and a problem both report
    comes back once."""
    peer = tmp_path / "peer"
    peer.mkdir()
    (peer / "copydesk.toml").write_text('extends = ["news-uk"]\n', encoding="utf-8")
    main = tmp_path / "main"
    main.mkdir()
    shutil.copy(SAMPLE, main / "story.md")
    text = SAMPLE.read_text(encoding="utf-8")
    with serving(peer) as lt:
        (main / "copydesk.toml").write_text(
            'extends = ["news-uk"]\nignore = ["SRC002"]\n'
            f'[grammar]\nmode = "server"\nserver = "{lt}"\ncache = false\nretries = 0\n',
            encoding="utf-8",
        )
        with serving(main) as base:
            status, _, answer = call(f"{base}/v2/check", {"text": text, "language": "en-GB"})
    assert status == 200
    assert "notes" not in answer["warnings"], answer["warnings"]
    ids = [m["rule"]["id"] for m in answer["matches"]]
    # what only LanguageTool's side reports comes through under its own id
    assert "GRM:SRC002" in ids and "SRC002" not in ids
    # "the the": copydesk's MEC001 and LanguageTool's match on the same words: one match
    doubled = text.index("the the")
    on_doubled = [
        m for m in answer["matches"] if m["offset"] <= doubled + 4 < m["offset"] + m["length"]
    ]
    assert [m["rule"]["id"] for m in on_doubled] == ["MEC001"]
    assert len(ids) == len(set(zip(ids, (m["offset"] for m in answer["matches"]), strict=True)))


def test_the_config_is_read_again_when_it_changes(folder: Path) -> None:
    form = {"text": "An estimated 3,000 people waited.", "language": "en-GB"}
    with serving(folder) as base:
        ids = [m["rule"]["id"] for m in call(f"{base}/v2/check", form)[2]["matches"]]
        assert "SRC002" in ids
        (folder / "copydesk.toml").write_text(
            'extends = ["news-uk"]\nignore = ["SRC002"]\n', encoding="utf-8"
        )
        ids = [m["rule"]["id"] for m in call(f"{base}/v2/check", form)[2]["matches"]]
        assert "SRC002" not in ids
        (folder / "copydesk.toml").write_text("extends = [\n", encoding="utf-8")
        status, _, message = call(f"{base}/v2/check", form)
        assert status == 500 and "copydesk.toml" in message and "invalid TOML" in message
        (folder / "copydesk.toml").write_text('extends = ["news-uk"]\n', encoding="utf-8")
        ids = [m["rule"]["id"] for m in call(f"{base}/v2/check", form)[2]["matches"]]
        assert "SRC002" in ids
