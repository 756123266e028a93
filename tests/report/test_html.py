from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

from reportkit import ARTICLE, find, result, run_reporter, sample_results

from copydesk.model import FileResult
from copydesk.report.html import script_json

VOID = {"meta", "input", "br", "img", "link", "hr"}


class Page(HTMLParser):
    """Checks nesting while collecting what the tests look at."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.findings: list[dict[str, str | None]] = []
        self.conts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self._text_depth: int | None = None
        self._text_key = ""
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if "data-finding" in a:
            self.findings.append(a)
        if "data-cont" in a:
            self.conts.append(a["data-cont"] or "")
        if tag == "div" and a.get("class") == "text":
            self._text_depth = len(self.stack)
            self._text_key = str(len(self.texts))
            self.texts[self._text_key] = []
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-3:]}"
        self.stack.pop()
        if tag == "script":
            self._in_script = False
        if self._text_depth is not None and len(self.stack) == self._text_depth:
            self._text_depth = None

    def handle_data(self, data: str) -> None:
        if self._text_depth is not None:
            self.texts[self._text_key].append(data)
        if self._in_script:
            self.scripts[-1] += data


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    assert page.stack == [], page.stack
    return page


def test_one_highlight_element_per_finding() -> None:
    results = sample_results()
    page = parse(run_reporter("html", results))
    total = sum(len(r.findings) for r in results)
    assert len(page.findings) == total
    ids = [a["data-finding"] for a in page.findings]
    assert len(set(ids)) == total
    # Crossing spans split one highlight into pieces; the extra pieces refer back.
    assert page.conts and set(page.conts) <= set(ids)
    for a in page.findings:
        assert a["data-level"] in {"error", "warning", "suggestion"}
        assert a["data-code"]
        assert "lvl-" + str(a["data-level"]) in str(a["class"])
        assert a["title"]


def test_article_text_survives_intact() -> None:
    results = sample_results()
    page = parse(run_reporter("html", results))
    rendered = ["".join(parts) for parts in page.texts.values()]
    sources = [r.source for r in results if r.source is not None]
    assert rendered == sources


def test_markup_in_articles_and_messages_is_text() -> None:
    text = run_reporter("html", sample_results())
    assert '<script>alert("x")' not in text
    assert "</script><script>bad()" not in text
    assert "<b>bold</b>" not in text
    page = parse(text)
    # Only the two scripts the page itself carries.
    assert len(page.scripts) == 2
    data = json.loads(page.scripts[0])
    messages = {f["message"] for f in data["findings"]}
    assert "</script><script>bad()" in messages
    assert "<b>bold</b> & co" in messages


def test_self_contained() -> None:
    page = parse(run_reporter("html", sample_results()))
    for tag, attrs in page.tags:
        assert tag not in {"link", "img", "iframe", "object", "embed"}, tag
        assert "src" not in attrs, (tag, attrs)
        href = attrs.get("href")
        if href is not None:
            assert href.startswith("#"), href
    csp = [a for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert "default-src 'none'" in str(csp[0]["content"])


def test_summary_tables() -> None:
    text = run_reporter("html", sample_results(), skipped=["grammar: no server"], words=40)
    by_file = re.search(r'<table class="by-file">.*?</table>', text, re.S)
    by_rule = re.search(r'<table class="by-rule">.*?</table>', text, re.S)
    assert by_file and by_rule
    rows = re.findall(r"<tr.*?</tr>", by_file.group(), re.S)
    assert len(rows) == 5  # header and four files
    cafe = next(r for r in rows if "café" in r)
    cells = re.findall(r'<td class="n[^"]*">(\d+)</td>', cafe)
    assert cells == ["2", "2", "3", "7"]  # CD777 is unknown, so a warning
    assert "could not be read" in next(r for r in rows if "broken" in r)
    assert "&lt;b&gt;" in by_file.group()
    rule_rows = re.findall(r"<tr.*?</tr>", by_rule.group(), re.S)
    cd301 = next(r for r in rule_rows if "CD301" in r)
    assert re.findall(r'<td class="n[^"]*">(\d+)</td>', cd301) == ["0", "0", "4", "4"]
    assert "Not checked: grammar: no server" in text
    assert "10 findings in 2 of 4 articles, 40 words checked." in text


def test_nested_crossing_and_identical_spans() -> None:
    source = "abcdefghij"
    findings = [
        find("a.md", source, "abcdef", "CD301"),
        find("a.md", source, "cdefgh", "CD201"),  # crosses the first
        find("a.md", source, "cd", "CD101"),  # inside both
        find("a.md", source, "cd", "CD101", message="same span again"),
        find("a.md", source, "e", "CD777", length=0),  # insertion point
        find("a.md", source, "j", "CD101"),
    ]
    page = parse(run_reporter("html", [result("a.md", source, findings)]))
    assert len(page.findings) == 6
    assert "".join(next(iter(page.texts.values()))) == source


def test_unreadable_file_with_findings_keeps_one_element_each() -> None:
    f = find("a.md", ARTICLE, "teh", "CD101")
    page = parse(run_reporter("html", [FileResult("a.md", [f], error="gone")]))
    assert len(page.findings) == 1


def test_spans_past_the_end_are_clamped() -> None:
    f = find("a.md", ARTICLE, "teh", "CD101")
    short = ARTICLE[: f.span.start + 1]
    page = parse(run_reporter("html", [result("a.md", short, [f])]))
    assert len(page.findings) == 1
    assert "".join(next(iter(page.texts.values()))) == short


def test_script_json_cannot_close_the_element() -> None:
    value = {"m": "</script><!-- & \u2028"}
    text = script_json(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == value


def test_help_links_are_web_only() -> None:
    f = find("a.md", "x teh", "teh", "CD101")
    bad = f._replace(help_uri="javascript:alert(1)")
    page = parse(run_reporter("html", [result("a.md", "x teh", [bad])]))
    data = json.loads(page.scripts[0])
    assert data["findings"][0]["help"] is None
    good = parse(run_reporter("html", [result("a.md", "x teh", [f])]))
    assert json.loads(good.scripts[0])["findings"][0]["help"].startswith("https://")


def test_titles_carry_message_and_suggestions() -> None:
    page = parse(run_reporter("html", sample_results()))
    titles = [html.unescape(str(a["title"])) for a in page.findings]
    assert any("Suggestion: the, tech" in t for t in titles)


def test_line_numbers_never_sit_inside_a_highlight() -> None:
    source = "One line with teh\nword teh spanning\nthree lines.\n"
    f = find("a.md", source, "teh\nword teh spanning\nthree", "CD301")
    g = find("a.md", source, "teh", "CD101", nth=1)
    text = run_reporter("html", [result("a.md", source, [f, g])])
    numbers = re.findall(r'<span class="ln" data-n="(\d+)"', text)
    assert numbers == ["1", "2", "3"]
    page = parse(text)
    assert "".join(next(iter(page.texts.values()))) == source
    assert len(page.findings) == 2 and page.conts.count(page.findings[0]["data-finding"] or "") == 2
    body = re.search(r'<div class="text">.*?</div>', text, re.S)
    assert body and not re.search(r'<mark[^>]*>[^<]*<span class="ln"', body.group())


def test_front_matter_is_folded_and_keeps_its_findings() -> None:
    source = "---\ntitle: A tpyo\ntags: [x]\n---\n\nBody with teh slip.\n"
    findings = [find("a.md", source, "tpyo", "CD101"), find("a.md", source, "teh", "CD101")]
    text = run_reporter("html", [result("a.md", source, findings)])
    page = parse(text)
    assert "".join(next(iter(page.texts.values()))) == source  # the label is no text
    assert '<details class="front"><summary data-label="Front matter, 4 lines, 1 finding"' in text
    front = text.split('<details class="front">')[1].split("</details>")[0]
    assert 'data-code="CD101"' in front and "teh" not in front
    assert len(page.findings) == 2
    numbers = re.findall(r'<span class="ln" data-n="(\d+)"', text)
    assert numbers == ["1", "2", "3", "4", "5", "6"]


def test_toml_front_matter_and_no_front_matter_in_word_files() -> None:
    from copydesk.report.html import front_matter_end

    assert front_matter_end('+++\ntitle = "x"\n+++\nBody.\n') == 20
    assert front_matter_end("---\nnot closed\n") == 0
    source = "---\nA paragraph that starts with dashes.\n---\n"
    text = run_reporter("html", [result("a.docx", source, [find("a.docx", source, "A", "CD101")])])
    assert 'details class="front"' not in text
    assert '<div class="text paras">' in text and "paragraph 2</span>" in text


def test_clean_articles_are_folded() -> None:
    text = run_reporter("html", [result("clean.md", "All good.\nStill good.\n", [])])
    assert '<section class="article clean"' in text
    assert '<details class="clean-text"><summary>Show the text (2 lines)</summary>' in text
    assert "<details open" not in text.split('id="file-1"')[1]
