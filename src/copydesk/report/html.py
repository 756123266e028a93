"""A single, self-contained HTML page for editors: the articles themselves, marked up.

Everything the page needs is inline and a Content-Security-Policy forbids fetching anything,
so the file can be mailed or opened offline and shows the same thing everywhere. Article text
and messages are always escaped; finding details reach the script as JSON inside a
non-executed ``<script type="application/json">`` whose ``<`` are escaped, so no article can
close that element early.

Overlapping findings: highlights are nested where spans nest; where they cross, the later one
is closed and reopened around the boundary. The first piece of each finding carries
``data-finding``, the reopened pieces carry ``data-cont``, so there is exactly one
``[data-finding]`` element per finding while the whole span still looks highlighted.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Any, TextIO

from copydesk import __version__
from copydesk.model import FileResult, Finding, Level, RuleInfo
from copydesk.report import ReportOptions, Summary

LEVELS = (Level.ERROR, Level.WARNING, Level.SUGGESTION)
_PLURAL = {Level.ERROR: "Errors", Level.WARNING: "Warnings", Level.SUGGESTION: "Suggestions"}

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _safe_link(uri: str | None) -> str | None:
    # Only web links: a rule pack could otherwise put a javascript: URI behind a click.
    if uri and uri.lower().startswith(("https://", "http://")):
        return uri
    return None


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element whatever strings it holds."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


@dataclass(slots=True)
class _Mark:
    id: str
    start: int
    end: int
    finding: Finding

    def open_tag(self, first: bool) -> str:
        f = self.finding
        level = str(f.level)
        title = f"{f.code} {f.name} ({level}): {f.message}"
        if f.suggestions:
            title += f"\nSuggestion: {', '.join(f.suggestions)}"
        ref = f'data-finding="{self.id}" tabindex="0"' if first else f'data-cont="{self.id}"'
        zero = " zero" if self.start == self.end else ""
        return (
            f'<mark class="hl lvl-{level}{zero}" {ref} data-code="{_e(f.code)}" '
            f'data-level="{level}" title="{_e(title)}">'
        )


def render_marked(source: str, marks: list[_Mark]) -> str:
    """Escape ``source`` and wrap each mark's span in highlight elements (see module doc)."""
    size = len(source)
    starts: dict[int, list[_Mark]] = {}
    zeros: dict[int, list[_Mark]] = {}
    bounds: set[int] = set()
    for m in marks:
        m.start = max(0, min(m.start, size))
        m.end = max(m.start, min(m.end, size))
        bounds.update((m.start, m.end))
        (zeros if m.start == m.end else starts).setdefault(m.start, []).append(m)
    for group in starts.values():
        # The longest opens first so that it is the outer element and nests the others.
        group.sort(key=lambda m: -m.end)
    out: list[str] = []
    stack: list[_Mark] = []
    pos = 0
    for b in sorted(bounds):
        out.append(escape(source[pos:b], quote=False))
        pos = b
        lowest = next((i for i, m in enumerate(stack) if m.end == b), None)
        if lowest is not None:
            still_open = [m for m in stack[lowest:] if m.end != b]
            out.append("</mark>" * (len(stack) - lowest))
            del stack[lowest:]
            for m in still_open:
                out.append(m.open_tag(first=False))
                stack.append(m)
        for m in zeros.get(b, ()):
            out.append(m.open_tag(first=True) + "</mark>")
        for m in starts.get(b, ()):
            out.append(m.open_tag(first=True))
            stack.append(m)
    out.append(escape(source[pos:], quote=False))
    out.append("</mark>" * len(stack))
    return "".join(out)


@dataclass(slots=True)
class _Article:
    anchor: str
    path: str
    error: str | None
    counts: Counter[Level] = field(default_factory=Counter)
    html: str = ""


class Reporter:
    """Renders each article as it arrives and keeps the rendered piece, not the result, since
    the summary tables must come first on the page."""

    def __init__(self, stream: TextIO, options: ReportOptions) -> None:
        self.stream = stream
        self.options = options
        self._rules: dict[str, RuleInfo] = {}
        self._articles: list[_Article] = []
        self._details: list[dict[str, Any]] = []
        self._by_rule: dict[str, Counter[Level]] = {}
        self._names: dict[str, str] = {}

    def start(self, rules: dict[str, RuleInfo]) -> None:
        self._rules = dict(rules)

    def file(self, result: FileResult) -> None:
        article = _Article(f"file-{len(self._articles) + 1}", result.path, result.error)
        marks: list[_Mark] = []
        for finding in result.findings:
            mark_id = f"f{len(self._details) + 1}"
            marks.append(_Mark(mark_id, finding.span.start, finding.span.end, finding))
            article.counts[finding.level] += 1
            self._by_rule.setdefault(finding.code, Counter())[finding.level] += 1
            self._names.setdefault(finding.code, finding.name)
            info = self._rules.get(finding.code)
            self._details.append(
                {
                    "id": mark_id,
                    "path": result.path,
                    "code": finding.code,
                    "name": finding.name,
                    "level": str(finding.level),
                    "message": finding.message,
                    "suggestions": list(finding.suggestions),
                    "line": finding.line,
                    "column": finding.column,
                    "excerpt": finding.excerpt,
                    "summary": info.summary if info else "",
                    "help": _safe_link(finding.help_uri or (info.help_uri if info else None)),
                }
            )
        article.html = self._render_article(article, result, marks)
        self._articles.append(article)

    def _render_article(self, article: _Article, result: FileResult, marks: list[_Mark]) -> str:
        parts = [f'<section class="article" id="{article.anchor}">']
        parts.append(f"<h2>{_e(result.path)}</h2>")
        if result.error is not None:
            parts.append(f'<p class="read-error">Could not be read: {_e(result.error)}</p>')
        parts.extend(f'<p class="note">{_e(n)}</p>' for n in result.notes)
        if marks:
            parts.append(f'<p class="counts">{_count_phrase(article.counts)}</p>')
            parts.append('<ol class="findings">')
            for m in sorted(marks, key=lambda m: m.finding.sort_key()):
                f = m.finding
                parts.append(
                    f'<li class="row" data-ref="{m.id}" data-code="{_e(f.code)}" '
                    f'data-level="{f.level}" tabindex="0">'
                    f'<span class="badge lvl-{f.level}">{f.level}</span> '
                    f'<span class="where">line {f.line}</span> '
                    f'<code>{_e(f.code)}</code> <span class="msg">{_e(f.message)}</span></li>'
                )
            parts.append("</ol>")
        elif result.error is None:
            parts.append('<p class="counts clean">No findings.</p>')
        if result.source is not None:
            parts.append(f'<div class="text">{render_marked(result.source, marks)}</div>')
        elif marks:
            # Without the text there is nowhere to anchor the findings in place; keep one
            # element per finding anyway so every finding can still be opened.
            anchors = "".join(m.open_tag(first=True) + "</mark>" for m in marks)
            parts.append(f'<div class="text missing">Text unavailable. {anchors}</div>')
        parts.append("</section>")
        return "".join(parts)

    def finish(self, summary: Summary) -> None:
        w = self.stream.write
        total = sum(sum(a.counts.values()) for a in self._articles)
        w('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
        w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        w(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n')
        w('<meta name="generator" content="copydesk">\n')
        w(f"<title>copydesk report: {total} finding{'' if total == 1 else 's'}</title>\n")
        w(f"<style>{_CSS}</style>\n</head>\n<body>\n")
        w(self._header(total, summary))
        w('<main>\n<section id="summary"><h2>Summary</h2>\n')
        w(self._file_table())
        w(self._rule_table())
        w("</section>\n")
        for article in self._articles:
            w(article.html)
            w("\n")
        w("</main>\n")
        w(_PANEL)
        w('<script type="application/json" id="copydesk-data">')
        w(script_json({"findings": self._details}))
        w("</script>\n")
        w(f"<script>{_JS}</script>\n</body>\n</html>\n")
        self._articles = []
        self._details = []

    def _header(self, total: int, summary: Summary) -> str:
        level_totals: Counter[Level] = Counter()
        for article in self._articles:
            level_totals.update(article.counts)
        with_findings = sum(1 for a in self._articles if a.counts)
        files = len(self._articles)
        lede = (
            f"{total} finding{'' if total == 1 else 's'} in {with_findings} of {files} "
            f"article{'' if files == 1 else 's'}"
        )
        if summary.words:
            lede += f", {summary.words:,} words checked"
        version = self.options.tool_version or __version__
        parts = [
            '<header class="top">',
            f'<h1>copydesk report</h1><p class="lede">{_e(lede)}.</p>',
            f'<p class="meta">copydesk {_e(version)}</p>',
        ]
        parts.extend(f'<p class="skipped">Not checked: {_e(s)}</p>' for s in summary.skipped)
        parts.append('</header>\n<nav class="filters" aria-label="Filters">')
        parts.append("<fieldset><legend>Show levels</legend>")
        for level in LEVELS:
            parts.append(
                f'<label class="lvl-{level}"><input type="checkbox" data-filter-level="{level}" '
                f"checked> {_PLURAL[level]} ({level_totals[level]})</label>"
            )
        parts.append("</fieldset>")
        if self._by_rule:
            parts.append('<fieldset class="rules"><legend>Show rules</legend>')
            for code in sorted(self._by_rule):
                count = sum(self._by_rule[code].values())
                parts.append(
                    f'<label><input type="checkbox" data-filter-code="{_e(code)}" checked> '
                    f"<code>{_e(code)}</code> {_e(self._names.get(code, ''))} ({count})</label>"
                )
            parts.append(
                '<span class="bulk"><button type="button" data-all="1">All</button>'
                '<button type="button" data-all="0">None</button></span></fieldset>'
            )
        parts.append('<p class="shown" aria-live="polite"></p></nav>\n')
        return "".join(parts)

    def _file_table(self) -> str:
        head = "".join(f'<th class="n">{_PLURAL[lv]}</th>' for lv in LEVELS)
        rows = []
        for a in self._articles:
            link = f'<a href="#{a.anchor}">{_e(a.path)}</a>'
            if a.error is not None:
                rows.append(
                    f'<tr class="read-error"><td>{link}</td>'
                    f'<td colspan="{len(LEVELS) + 1}">could not be read: {_e(a.error)}</td></tr>'
                )
                continue
            cells = "".join(_count_cell(a.counts[lv]) for lv in LEVELS)
            rows.append(f"<tr><td>{link}</td>{cells}{_count_cell(sum(a.counts.values()))}</tr>")
        return (
            '<table class="by-file"><caption>By article</caption><thead><tr><th>Article</th>'
            f'{head}<th class="n">Total</th></tr></thead><tbody>{"".join(rows)}</tbody></table>\n'
        )

    def _rule_table(self) -> str:
        if not self._by_rule:
            return ""
        head = "".join(f'<th class="n">{_PLURAL[lv]}</th>' for lv in LEVELS)
        rows = []
        for code in sorted(self._by_rule):
            counts = self._by_rule[code]
            info = self._rules.get(code)
            about = _e(info.summary) if info and info.summary else ""
            cells = "".join(_count_cell(counts[lv]) for lv in LEVELS)
            rows.append(
                f"<tr><td><code>{_e(code)}</code></td><td>{_e(self._names.get(code, ''))}"
                f'<div class="about">{about}</div></td>{cells}'
                f"{_count_cell(sum(counts.values()))}</tr>"
            )
        return (
            '<table class="by-rule"><caption>By rule</caption><thead><tr><th>Rule</th>'
            f'<th>Name</th>{head}<th class="n">Total</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>\n"
        )


def _count_cell(n: int) -> str:
    return f'<td class="n{" zero" if n == 0 else ""}">{n}</td>'


def _count_phrase(counts: Counter[Level]) -> str:
    words = []
    for level in LEVELS:
        n = counts[level]
        if n:
            words.append(f"{n} {str(level) if n == 1 else _PLURAL[level].lower()}")
    return ", ".join(words)


_PANEL = """<aside id="detail" hidden aria-live="polite" aria-labelledby="detail-title">
<button type="button" class="close" aria-label="Close">×</button>
<p class="d-level"></p>
<h3 id="detail-title"></h3>
<p class="d-message"></p>
<div class="d-suggestions" hidden><h4>Suggestions</h4><ul></ul></div>
<blockquote class="d-excerpt" hidden></blockquote>
<p class="d-where"></p>
<p class="d-summary"></p>
<p class="d-help" hidden><a target="_blank" rel="noopener noreferrer">About this rule</a></p>
</aside>
"""

_CSS = """
:root{--ink:#1d1d1f;--muted:#5f6368;--paper:#fff;--rule:#e3e3e3;
--err:#b3261e;--err-bg:#fde3e0;--warn:#8a5300;--warn-bg:#ffefc2;
--sug:#0b57d0;--sug-bg:#dde9fb;}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#f7f6f3;
font:17px/1.55 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:60rem;margin:0 auto;padding:0 1.25rem 6rem}
header.top{background:var(--paper);padding:1rem 1.25rem .2rem}
header.top h1{margin:0;font-size:1.4rem}
.lede{margin:.2rem 0;font-size:1.05rem}.meta{margin:0;color:var(--muted);font-size:.85rem}
.skipped{margin:.3rem 0;color:var(--warn)}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:flex-start;position:sticky;top:0;
z-index:2;background:var(--paper);border-bottom:1px solid var(--rule);padding:.4rem 1.25rem .6rem}
fieldset{border:1px solid var(--rule);border-radius:6px;padding:.3rem .7rem;margin:0}
legend{font-size:.8rem;color:var(--muted);padding:0 .3rem}
fieldset label{margin-right:1rem;white-space:nowrap;font-size:.95rem;cursor:pointer}
fieldset.rules{max-height:5.2rem;overflow:auto;max-width:100%}
.bulk button{font:inherit;font-size:.8rem;margin-right:.3rem}
.shown{margin:0;color:var(--muted);font-size:.85rem;align-self:center}
h2{font-size:1.25rem;margin:2.2rem 0 .6rem;word-break:break-word}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1.4rem;background:var(--paper)}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--rule);padding:.35rem .6rem;text-align:left;vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#b0b0b0}.about{color:var(--muted);font-size:.85rem}
tr.read-error td{color:var(--err)}
.article{background:var(--paper);border:1px solid var(--rule);border-radius:8px;
padding:.2rem 1.5rem 1.5rem;margin-top:1.5rem}
.read-error{color:var(--err);font-weight:600}.note{color:var(--muted)}
.counts{color:var(--muted)}
ol.findings{padding-left:1.4rem;margin:.4rem 0 1.2rem;font-size:.95rem}
ol.findings li{padding:.15rem .3rem;border-radius:4px;cursor:pointer}
ol.findings li:hover,ol.findings li:focus{background:#f0f0f0;outline:none}
.where{color:var(--muted)}
.badge{display:inline-block;min-width:6.5rem;font-size:.75rem;text-transform:uppercase;
letter-spacing:.04em;font-weight:700}
.badge.lvl-error{color:var(--err)}.badge.lvl-warning{color:var(--warn)}
.badge.lvl-suggestion{color:var(--sug)}
label.lvl-error{color:var(--err)}label.lvl-warning{color:var(--warn)}
label.lvl-suggestion{color:var(--sug)}
.text{white-space:pre-wrap;overflow-wrap:break-word;max-width:42rem;
font:1.1rem/1.75 Georgia,"Iowan Old Style","Times New Roman",serif;border-top:1px solid var(--rule);
padding-top:1rem}
mark.hl{color:inherit;border-radius:2px;cursor:pointer;padding:0 1px;
text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-line:underline}
mark.lvl-error{background:var(--err-bg);text-decoration-color:var(--err);
text-decoration-style:wavy}
mark.lvl-warning{background:var(--warn-bg);text-decoration-color:var(--warn)}
mark.lvl-suggestion{background:var(--sug-bg);text-decoration-color:var(--sug);
text-decoration-style:dotted}
mark.hl mark.hl{padding:0}
mark.zero::before{content:"\\2038";font-weight:700}
mark.lvl-error.zero{color:var(--err)}mark.lvl-warning.zero{color:var(--warn)}
mark.lvl-suggestion.zero{color:var(--sug)}
mark.hl:focus{outline:2px solid var(--ink);outline-offset:1px}
mark.active{box-shadow:0 0 0 2px var(--ink)}
mark.hl.off{background:transparent;text-decoration:none;cursor:text;padding:0;box-shadow:none}
mark.zero.off{display:none}
li.row[hidden]{display:none}
#detail{position:fixed;right:1rem;bottom:1rem;width:min(24rem,calc(100vw - 2rem));
max-height:70vh;overflow:auto;background:var(--paper);border:1px solid var(--rule);
border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18);padding:1rem 1.2rem;z-index:3}
#detail h3{margin:.1rem 0 .4rem;font-size:1.1rem}
#detail .d-level{margin:0;font-size:.8rem;text-transform:uppercase;font-weight:700}
#detail .d-message{font-size:1.05rem;white-space:pre-line}
ol.findings .msg{white-space:pre-line}
#detail .close{position:absolute;top:.4rem;right:.5rem;border:0;background:none;font-size:1.4rem;
cursor:pointer;color:var(--muted)}
#detail blockquote{margin:.5rem 0;padding:.3rem .7rem;border-left:3px solid var(--rule);
font-family:Georgia,serif;white-space:pre-wrap}
#detail h4{margin:.5rem 0 .2rem;font-size:.85rem;color:var(--muted)}
#detail .d-where,#detail .d-summary{color:var(--muted);font-size:.9rem}
@media print{.filters,#detail{display:none}}
"""

_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("copydesk-data").textContent);
  var byId = Object.create(null);
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var panel = document.getElementById("detail");
  var active = null;

  function part(sel) { return panel.querySelector(sel); }

  function show(id) {
    var f = byId[id];
    if (!f) { return; }
    var level = part(".d-level");
    level.textContent = f.level;
    level.className = "d-level badge lvl-" + f.level;
    part("#detail-title").textContent = f.code + " \\u00b7 " + f.name;
    part(".d-message").textContent = f.message;
    var sug = part(".d-suggestions");
    var list = sug.querySelector("ul");
    list.textContent = "";
    f.suggestions.forEach(function (s) {
      var li = document.createElement("li");
      li.textContent = s;
      list.appendChild(li);
    });
    sug.hidden = f.suggestions.length === 0;
    var ex = part(".d-excerpt");
    ex.textContent = f.excerpt;
    ex.hidden = !f.excerpt;
    part(".d-where").textContent = f.path + ", line " + f.line + ", column " + f.column;
    part(".d-summary").textContent = f.summary;
    var help = part(".d-help");
    help.hidden = !f.help;
    if (f.help) { help.querySelector("a").href = f.help; }
    panel.hidden = false;
    if (active) { active.classList.remove("active"); }
    active = document.querySelector('mark[data-finding="' + id + '"]');
    if (active) { active.classList.add("active"); }
  }

  function hide() {
    panel.hidden = true;
    if (active) { active.classList.remove("active"); active = null; }
  }

  function open(target) {
    var mark = target.closest("mark.hl");
    if (mark && !mark.classList.contains("off")) {
      show(mark.getAttribute("data-finding") || mark.getAttribute("data-cont"));
      return true;
    }
    var row = target.closest("li.row");
    if (row) {
      var id = row.getAttribute("data-ref");
      var m = document.querySelector('mark[data-finding="' + id + '"]');
      if (m) { m.scrollIntoView({block: "center"}); m.focus({preventScroll: true}); }
      show(id);
      return true;
    }
    return false;
  }

  document.addEventListener("click", function (ev) {
    if (ev.target.closest(".close")) { hide(); return; }
    if (ev.target.closest("#detail")) { return; }
    open(ev.target);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") { hide(); return; }
    if ((ev.key === "Enter" || ev.key === " ") && ev.target.closest &&
        ev.target.closest("mark.hl, li.row")) {
      if (open(ev.target)) { ev.preventDefault(); }
    }
  });

  var levelBoxes = document.querySelectorAll("input[data-filter-level]");
  var codeBoxes = document.querySelectorAll("input[data-filter-code]");
  var shown = document.querySelector(".shown");

  function apply() {
    var levels = Object.create(null);
    var codes = Object.create(null);
    levelBoxes.forEach(function (b) { levels[b.getAttribute("data-filter-level")] = b.checked; });
    codeBoxes.forEach(function (b) { codes[b.getAttribute("data-filter-code")] = b.checked; });
    function on(el) {
      var code = el.getAttribute("data-code");
      return levels[el.getAttribute("data-level")] !== false && codes[code] !== false;
    }
    document.querySelectorAll("mark.hl").forEach(function (m) {
      m.classList.toggle("off", !on(m));
      if (m.hasAttribute("data-finding")) { m.tabIndex = on(m) ? 0 : -1; }
    });
    var visible = 0;
    document.querySelectorAll("li.row").forEach(function (r) {
      r.hidden = !on(r);
      if (!r.hidden) { visible += 1; }
    });
    shown.textContent = "Showing " + visible + " of " + data.findings.length + " findings";
    if (active && active.classList.contains("off")) { hide(); }
  }

  document.querySelectorAll(".filters input").forEach(function (b) {
    b.addEventListener("change", apply);
  });
  document.querySelectorAll(".bulk button").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var to = btn.getAttribute("data-all") === "1";
      codeBoxes.forEach(function (b) { b.checked = to; });
      apply();
    });
  });
  apply();
})();
"""
