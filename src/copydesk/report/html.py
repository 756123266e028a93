"""A single, self-contained HTML page for editors: the articles themselves, marked up.

Everything the page needs is inline and a Content-Security-Policy forbids fetching anything,
so the file can be mailed or opened offline and shows the same thing everywhere. Article text
and messages are always escaped; finding details reach the script as JSON inside a
non-executed ``<script type="application/json">`` whose ``<`` are escaped, so no article can
close that element early.

Overlapping findings: highlights are nested where spans nest; where they cross, the later one
is closed and reopened around the boundary. The first piece of each finding carries
``data-finding``, the reopened pieces carry ``data-cont``, so there is exactly one
``[data-finding]`` element per finding while the whole span still looks highlighted. Each
line starts with an empty ``span.ln`` whose number is drawn by CSS (so copying the text copies
the article, not the numbers); highlights are closed before it and reopened after it.

On a phone the page keeps to the screen's width: the filters fold into one line, the tables
scroll inside their own box, and a finding's details rise as a sheet from the bottom with the
page scrolled so the flagged word stays above it. Front matter is folded away, and an article
with no findings shows its text only on request.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from typing import Any, TextIO

from copydesk import __version__
from copydesk.document.wordproc import describe_position, is_word_document
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


_LINE_END = re.compile(r"\r\n|\r|\n")
_FRONT_MATTER = re.compile(
    r"\A(?:(---)|\+\+\+)[ \t]*(?:\r\n|\r|\n).*?^(?(1)(?:---|\.\.\.)|\+\+\+)[ \t]*(?:\r\n|\r|\n|\Z)",
    re.S | re.M,
)


def front_matter_end(source: str) -> int:
    """Where YAML (``---``) or TOML (``+++``) front matter ends; 0 when there is none."""
    m = _FRONT_MATTER.match(source)
    return m.end() if m else 0


def render_marked(
    source: str, marks: list[_Mark], lo: int = 0, hi: int | None = None, numbered: bool = False
) -> str:
    """Escape ``source[lo:hi]`` and wrap each mark's span in highlight elements (see module
    doc); with ``numbered``, each line starts with its line-number span. A mark reaching
    outside the range is cut at its edge, and only the piece holding its start is the
    ``data-finding`` one."""
    size = len(source)
    hi = size if hi is None else hi
    starts: dict[int, list[_Piece]] = {}
    zeros: dict[int, list[_Piece]] = {}
    bounds: set[int] = {hi}
    line_starts: dict[int, int] = {}
    if numbered and lo < hi:
        before = source.count("\n", 0, lo) + source.count("\r", 0, lo)
        line = before - source.count("\r\n", 0, lo) + 1
        line_starts[lo] = line
        for n, brk in enumerate(_LINE_END.finditer(source, lo, hi), line + 1):
            if brk.end() < hi:
                line_starts[brk.end()] = n
        bounds.update(line_starts)
    for m in marks:
        m.start = max(0, min(m.start, size))
        m.end = max(m.start, min(m.end, size))
        if m.start == m.end:
            if not (lo <= m.start < hi or m.start == hi == size):
                continue
        elif not (m.start < hi and m.end > lo):
            continue
        first = m.start >= lo
        start, end = max(m.start, lo), min(m.end, hi)
        bounds.update((start, end))
        piece = _Piece(m, end, first)
        (zeros if start == end else starts).setdefault(start, []).append(piece)
    for group in starts.values():
        # The longest opens first so that it is the outer element and nests the others.
        group.sort(key=lambda p: -p.end)
    out: list[str] = []
    stack: list[_Piece] = []
    pos = lo
    for b in sorted(bounds):
        out.append(escape(source[pos:b], quote=False))
        pos = b
        number = line_starts.get(b)
        if number is not None:
            # Close what is open so the number never sits inside a highlight, then reopen.
            out.append("</mark>" * len(stack))
            still_open = [p for p in stack if p.end != b]
            del stack[:]
            out.append(f'<span class="ln" data-n="{number}" aria-hidden="true"></span>')
            for p in still_open:
                out.append(p.mark.open_tag(first=False))
                stack.append(p)
        lowest = next((i for i, p in enumerate(stack) if p.end == b), None)
        if lowest is not None:
            still_open = [p for p in stack[lowest:] if p.end != b]
            out.append("</mark>" * (len(stack) - lowest))
            del stack[lowest:]
            for p in still_open:
                out.append(p.mark.open_tag(first=False))
                stack.append(p)
        for p in zeros.get(b, ()):
            out.append(p.mark.open_tag(first=p.first) + "</mark>")
        for p in starts.get(b, ()):
            out.append(p.mark.open_tag(first=p.first))
            stack.append(p)
    out.append("</mark>" * len(stack))
    return "".join(out)


@dataclass(slots=True)
class _Piece:
    """The part of a mark inside the range being rendered."""

    mark: _Mark
    end: int
    first: bool


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
                    "where": describe_position(result.path, finding.line, finding.column),
                    "excerpt": finding.excerpt,
                    "summary": info.summary if info else "",
                    "help": _safe_link(finding.help_uri or (info.help_uri if info else None)),
                }
            )
        article.html = self._render_article(article, result, marks)
        self._articles.append(article)

    def _render_article(self, article: _Article, result: FileResult, marks: list[_Mark]) -> str:
        paragraphs = is_word_document(result.path)
        unit = "paragraph" if paragraphs else "line"
        clean = not marks and result.error is None
        kind = " clean" if clean else ""
        parts = [f'<section class="article{kind}" id="{article.anchor}">']
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
                    f'<span class="where">{unit} {f.line}</span> '
                    f'<code>{_e(f.code)}</code> <span class="msg">{_e(f.message)}</span></li>'
                )
            parts.append("</ol>")
        elif result.error is None:
            parts.append('<p class="counts clean">No findings.</p>')
        if result.source is not None:
            text = self._render_text(result.source, marks, paragraphs)
            if clean:
                # A clean article is there to say it was checked; its text waits to be asked for.
                lines = _line_count(result.source)
                parts.append(
                    f'<details class="clean-text"><summary>Show the text ({lines} {unit}'
                    f"{'' if lines == 1 else 's'})</summary>{text}</details>"
                )
            else:
                if paragraphs:
                    parts.append('<p class="note">Numbered by paragraph.</p>')
                parts.append(text)
        elif marks:
            # Without the text there is nowhere to anchor the findings in place; keep one
            # element per finding anyway so every finding can still be opened.
            anchors = "".join(m.open_tag(first=True) + "</mark>" for m in marks)
            parts.append(f'<div class="text missing">Text unavailable. {anchors}</div>')
        parts.append("</section>")
        return "".join(parts)

    def _render_text(self, source: str, marks: list[_Mark], paragraphs: bool) -> str:
        cls = "text paras" if paragraphs else "text"
        split = 0 if paragraphs else front_matter_end(source)
        if not split:
            return f'<div class="{cls}">{render_marked(source, marks, numbered=True)}</div>'
        inside = sum(1 for m in marks if m.start < split)
        lines = _line_count(source[:split])
        label = f"Front matter, {lines} lines" + (
            f", {inside} finding{'' if inside == 1 else 's'}" if inside else ""
        )
        # The label is drawn from an attribute so the element's text stays the article's own.
        front = render_marked(source, marks, 0, split, numbered=True)
        body = render_marked(source, marks, split, len(source), numbered=True)
        return (
            f'<div class="{cls}"><details class="front"><summary data-label="{_e(label)}" '
            f'aria-label="{_e(label)}"></summary>{front}</details>{body}</div>'
        )

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
        parts.append(
            '</header>\n<nav class="filters" aria-label="Filters"><details open id="filter-box">'
            '<summary><span class="fl">Filters</span> <span class="shown" aria-live="polite">'
            '</span></summary><div class="filter-body">'
        )
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
        parts.append("</div></details></nav>\n")
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
            '<div class="wide"><table class="by-file"><caption>By article</caption><thead><tr>'
            f'<th>Article</th>{head}<th class="n">Total</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>\n"
        )

    def _rule_table(self) -> str:
        if not self._by_rule:
            return ""
        head = "".join(f'<th class="n lv">{_PLURAL[lv]}</th>' for lv in LEVELS)
        rows = []
        for code in sorted(self._by_rule):
            counts = self._by_rule[code]
            info = self._rules.get(code)
            about = _e(info.summary) if info and info.summary else ""
            cells = "".join(_count_cell(counts[lv], " lv") for lv in LEVELS)
            rows.append(
                f"<tr><td><code>{_e(code)}</code></td><td>{_e(self._names.get(code, ''))}"
                f'<div class="about">{about}</div></td>{cells}'
                f"{_count_cell(sum(counts.values()))}</tr>"
            )
        return (
            '<div class="wide"><table class="by-rule"><caption>By rule</caption><thead><tr>'
            f'<th>Rule</th><th>Name</th>{head}<th class="n">Total</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>\n"
        )


def _line_count(text: str) -> int:
    return len(_LINE_END.findall(text.rstrip("\r\n"))) + 1


def _count_cell(n: int, extra: str = "") -> str:
    return f'<td class="n{" zero" if n == 0 else ""}{extra}">{n}</td>'


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
.filters{position:sticky;top:0;z-index:2;background:var(--paper);
border-bottom:1px solid var(--rule);padding:.3rem 1.25rem .4rem}
.filters summary{cursor:pointer;padding:.15rem 0;font-size:.9rem}
.filters .fl{font-weight:600}
.filter-body{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:flex-start;padding:.3rem 0 .2rem}
fieldset{border:1px solid var(--rule);border-radius:6px;padding:.3rem .7rem;margin:0}
legend{font-size:.8rem;color:var(--muted);padding:0 .3rem}
fieldset label{margin-right:1rem;white-space:nowrap;font-size:.95rem;cursor:pointer}
fieldset.rules{max-height:5.2rem;overflow:auto;max-width:100%}
.bulk button{font:inherit;font-size:.8rem;margin-right:.3rem}
.shown{color:var(--muted);font-size:.85rem}
.wide{overflow-x:auto;max-width:100%}
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
.text{white-space:pre-wrap;overflow-wrap:anywhere;max-width:45rem;
font:1.1rem/1.75 Georgia,"Iowan Old Style","Times New Roman",serif;border-top:1px solid var(--rule);
padding:1rem 0 0 2.6rem}
.ln{display:inline-block;width:2.1rem;margin-left:-2.6rem;margin-right:.5rem;text-align:right;
color:#9a9a9a;font:.7rem/1 ui-monospace,Menlo,Consolas,monospace;user-select:none;
-webkit-user-select:none;vertical-align:.15em}
.ln::before{content:attr(data-n)}
.paras .ln::before{content:"\\b6" attr(data-n)}
details.front{display:block;margin:0 0 .6rem -2.6rem;padding-left:2.6rem;
background:#f6f6f4;border-radius:4px}
details.front>summary{display:block;cursor:pointer;font:.85rem/1.8 -apple-system,"Segoe UI",
Roboto,Arial,sans-serif;color:var(--muted);list-style:none;margin-left:-2.2rem}
details.front>summary::-webkit-details-marker{display:none}
details.front>summary::before{content:"\\25b8\\00a0" attr(data-label)}
details.front[open]>summary::before{content:"\\25be\\00a0" attr(data-label)}
.article.clean{padding-bottom:.6rem}.article.clean h2{margin:1rem 0 .2rem}
.article.clean .counts{margin:.2rem 0}
details.clean-text>summary{cursor:pointer;color:var(--muted);font-size:.9rem}
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
max-height:min(70vh,34rem);overflow:auto;background:var(--paper);border:1px solid var(--rule);
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
@media (max-width:40rem){
body{font-size:16px}
header.top{padding:.7rem .8rem .1rem}header.top h1{font-size:1.2rem}
.filters{padding:.2rem .8rem .3rem}
.filters details[open]{max-height:60vh;overflow:auto}
fieldset label{white-space:normal;display:inline-block}
main{padding:0 .5rem 4rem}
h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
th,td{padding:.3rem .35rem;font-size:.85rem}th{font-size:.75rem}
.article{padding:.1rem .8rem 1rem;margin-top:1rem}
ol.findings{padding-left:1.1rem}
.badge{min-width:0;margin-right:.3rem}
.by-rule .lv{display:none}
.text{font-size:1.02rem;padding-left:2.1rem}
.ln{width:1.7rem;margin-left:-2.1rem;margin-right:.4rem}
details.front{margin-left:-2.1rem;padding-left:2.1rem}
details.front>summary{margin-left:-1.8rem}
#detail{left:0;right:0;bottom:0;width:auto;max-height:45vh;border-radius:14px 14px 0 0;
border-bottom:0;padding:.8rem 1rem 1rem;box-shadow:0 -4px 20px rgba(0,0,0,.2)}
}
@media print{.filters,#detail{display:none}}
"""

_JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("copydesk-data").textContent);
  var byId = Object.create(null);
  data.findings.forEach(function (f) { byId[f.id] = f; });
  var panel = document.getElementById("detail");
  var bar = document.querySelector(".filters");
  var active = null;
  var filterBox = document.getElementById("filter-box");
  if (filterBox && window.matchMedia("(max-width: 40rem)").matches) { filterBox.open = false; }

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
    part(".d-where").textContent = f.path + ", " + f.where;
    part(".d-summary").textContent = f.summary;
    var help = part(".d-help");
    help.hidden = !f.help;
    if (f.help) { help.querySelector("a").href = f.help; }
    if (active) { active.classList.remove("active"); }
    active = document.querySelector('mark[data-finding="' + id + '"]');
    var folded = active && active.closest("details:not([open])");
    if (folded) { folded.open = true; }
    panel.hidden = false;
    // Room below the last line, so a word near the end can rise above the sheet.
    document.body.style.paddingBottom = panel.offsetHeight + "px";
    if (active) { active.classList.add("active"); reveal(active); }
  }

  // Scroll so the flagged word sits between the sticky filter bar and the detail card.
  function reveal(mark) {
    var r = mark.getBoundingClientRect();
    var p = panel.getBoundingClientRect();
    var top = bar ? bar.getBoundingClientRect().bottom : 0;
    var covered = r.bottom > p.top && r.top < p.bottom && r.right > p.left && r.left < p.right;
    if (covered || r.top < top || r.bottom > window.innerHeight) {
      var room = (r.right > p.left ? p.top : window.innerHeight) - top;
      window.scrollBy(0, r.top - top - Math.max(8, (room - r.height) / 3));
    }
  }

  function hide() {
    panel.hidden = true;
    document.body.style.paddingBottom = "";
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
      show(id);
      if (m) { m.focus({preventScroll: true}); }
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
