"""report.html: one self-contained page (inline SVG, no scripts, no outside assets) drawn from
summary.json, for an editor who would rather look than read: findings per 1,000 words by rule
family, overall, by each group-by field, and over time when a field holds years or dates."""

from __future__ import annotations

import re
from collections import defaultdict
from html import escape
from typing import Any

from copydesk.audit.summary import family

FAMILIES = {
    "TYP": "typos",
    "SRC": "sourcing",
    "STY": "house style",
    "GRA": "grammar",
    "GRM": "grammar (LanguageTool)",
    "NUM": "numbers",
    "DAT": "dates and times",
    "PUN": "punctuation",
    "MEC": "mechanics",
    "CLR": "clarity",
    "TTL": "titles",
    "CON": "consistency",
    "ABR": "abbreviations",
    "ATT": "attribution",
    "CDK": "copydesk",
}
PALETTE = ("#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f", "#e07a5f", "#3d405b")
TOP_FAMILIES = len(PALETTE) - 1  # the rest are drawn together as "other"
_TIME = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-\d{2})?(?:[T ].*)?")


def render(summary: dict[str, Any]) -> str:
    families = _families(summary["by_code"])
    parts = [_overview(summary), _bars("All articles", [("all", summary)], families)]
    for field in summary.get("group_by", []):
        groups = _marginal(summary.get("groups", []), field)
        times = _as_times(groups)
        if times is not None:
            parts.append(_lines(f"By {field}, over time", times, families))
        parts.append(_bars(f"By {field}", sorted(groups.items()), families))
    parts.append(_top_rules(summary))
    body = "\n".join(parts)
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8>"
        '<meta name=viewport content="width=device-width,initial-scale=1">'
        f"<title>copydesk audit</title><style>{_CSS}</style></head><body>"
        f"<h1>copydesk audit</h1>{body}</body></html>\n"
    )


def _families(by_code: dict[str, int]) -> list[str]:
    totals: dict[str, int] = defaultdict(int)
    for code, n in by_code.items():
        totals[family(code)] += n
    ranked = sorted(totals, key=lambda f: (-totals[f], f))
    return ranked[:TOP_FAMILIES] + (["other"] if len(ranked) > TOP_FAMILIES else [])


def _rates(counts: dict[str, Any], families: list[str]) -> list[float]:
    per: dict[str, int] = defaultdict(int)
    for code, n in counts["by_code"].items():
        f = family(code)
        per[f if f in families else "other"] += n
    words = counts["words"] or 1
    return [1000 * per[f] / words for f in families]


def _marginal(groups: list[dict[str, Any]], field: str) -> dict[str, dict[str, Any]]:
    """The groups added up over every other group-by field."""
    out: dict[str, dict[str, Any]] = {}
    for g in groups:
        key = g["group"][field]
        acc = out.setdefault(key, {"articles": 0, "words": 0, "by_code": defaultdict(int)})
        acc["articles"] += g["articles"]
        acc["words"] += g["words"]
        for code, n in g["by_code"].items():
            acc["by_code"][code] += n
    return out


def _as_times(groups: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]] | None:
    """Groups bucketed by year (or by month, over less than three years) when every value
    reads as a year or a date; None otherwise."""
    parsed = {}
    for key in groups:
        m = _TIME.fullmatch(key.strip())
        if m is None:
            return None
        parsed[key] = (m.group(1), m.group(2))
    if len(parsed) < 2:
        return None
    years = {y for y, _ in parsed.values()}
    monthly = len(years) < 3 and all(mo for _, mo in parsed.values())
    buckets: dict[str, dict[str, Any]] = {}
    for key, (year, month) in parsed.items():
        label = f"{year}-{month}" if monthly else year
        acc = buckets.setdefault(label, {"articles": 0, "words": 0, "by_code": defaultdict(int)})
        acc["articles"] += groups[key]["articles"]
        acc["words"] += groups[key]["words"]
        for code, n in groups[key]["by_code"].items():
            acc["by_code"][code] += n
    return sorted(buckets.items()) if len(buckets) > 1 else None


def _overview(s: dict[str, Any]) -> str:
    items = [
        ("articles", f"{s['articles']:,}"),
        ("words", f"{s['words']:,}"),
        ("findings", f"{s['findings']:,}"),
        ("per 1,000 words", f"{s['per_1000_words']:.2f}"),
        ("unreadable rows", f"{s['bad_rows']['count']:,}"),
    ]
    cells = "".join(f"<div><b>{v}</b><span>{escape(k)}</span></div>" for k, v in items)
    return f"<section class=overview>{cells}</section>"


def _legend(families: list[str]) -> str:
    keys = "".join(
        f'<span><i style="background:{PALETTE[i]}"></i>{escape(FAMILIES.get(f, f))}'
        f" <small>{escape(f)}</small></span>"
        for i, f in enumerate(families)
    )
    return f"<p class=legend>{keys}</p>"


def _bars(title: str, rows: list[tuple[str, dict[str, Any]]], families: list[str]) -> str:
    """One stacked horizontal bar per row: findings per 1,000 words, split by family."""
    rates = [_rates(counts, families) for _, counts in rows]
    top = max((sum(r) for r in rates), default=0) or 1
    label_w, bar_w, row_h = 110, 390, 22
    height = row_h * len(rows) + 24
    svg = [f'<svg viewBox="0 0 {label_w + bar_w + 70} {height}" role=img>']
    for i, ((label, counts), rate) in enumerate(zip(rows, rates, strict=True)):
        y = 4 + i * row_h
        svg.append(
            f'<text x="{label_w - 6}" y="{y + 14}" text-anchor=end>{escape(_clip(label))}</text>'
        )
        x = float(label_w)
        for j, value in enumerate(rate):
            w = bar_w * value / top
            if w > 0:
                svg.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row_h - 6}" '
                    f'fill="{PALETTE[j]}"><title>{escape(label)}: '
                    f"{escape(FAMILIES.get(families[j], families[j]))} {value:.2f}</title></rect>"
                )
            x += w
        svg.append(
            f'<text x="{x + 6:.1f}" y="{y + 14}">{sum(rate):.1f}'
            f"<tspan class=n> ({counts['articles']:,})</tspan></text>"
        )
    svg.append("</svg>")
    return (
        f"<section><h2>{escape(title)}</h2><p class=note>findings per 1,000 words "
        f"(articles in brackets)</p>{_legend(families)}{''.join(svg)}</section>"
    )


def _lines(title: str, points: list[tuple[str, dict[str, Any]]], families: list[str]) -> str:
    """One line per family over the time buckets."""
    rates = [_rates(counts, families) for _, counts in points]
    top = max((max(r, default=0) for r in rates), default=0) or 1
    left, width, height, bottom = 40, 480, 200, 30
    step = width / max(1, len(points) - 1)
    svg = [f'<svg viewBox="0 0 {left + width + 20} {height + bottom}" role=img>']
    for k in range(5):
        value = top * k / 4
        y = height - height * k / 4 + 5
        svg.append(f'<line x1="{left}" x2="{left + width}" y1="{y:.1f}" y2="{y:.1f}" class=grid />')
        svg.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor=end>{value:.1f}</text>')
    every = max(1, len(points) // 10)
    for i, (label, _) in enumerate(points):
        if i % every == 0:
            svg.append(
                f'<text x="{left + i * step:.1f}" y="{height + 22}" text-anchor=middle>'
                f"{escape(label)}</text>"
            )
    for j, f in enumerate(families):
        xy = " ".join(
            f"{left + i * step:.1f},{height - height * r[j] / top + 5:.1f}"
            for i, r in enumerate(rates)
        )
        svg.append(
            f'<polyline points="{xy}" fill=none stroke="{PALETTE[j]}" stroke-width=2>'
            f"<title>{escape(FAMILIES.get(f, f))}</title></polyline>"
        )
    svg.append("</svg>")
    return (
        f"<section><h2>{escape(title)}</h2><p class=note>findings per 1,000 words</p>"
        f"{_legend(families)}{''.join(svg)}</section>"
    )


def _top_rules(s: dict[str, Any], limit: int = 20) -> str:
    ranked = sorted(s["by_code"].items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    words = s["words"] or 1
    rows = "".join(
        f"<tr><td><code>{escape(code)}</code></td><td>{n:,}</td>"
        f"<td>{1000 * n / words:.2f}</td></tr>"
        for code, n in ranked
    )
    return (
        "<section><h2>Rules that fire most</h2><table><thead><tr><th>rule</th>"
        f"<th>findings</th><th>per 1,000 words</th></tr></thead><tbody>{rows}</tbody></table>"
        "<p class=note>Every finding is in findings.parquet; the counts behind this page are in "
        "summary.json.</p></section>"
    )


def _clip(label: str, width: int = 16) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:820px;padding:16px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin:1.6em 0 .2em}
.overview{display:flex;flex-wrap:wrap;gap:10px}
.overview div{background:#f3f4f6;border-radius:8px;padding:10px 14px;min-width:110px}
.overview b{display:block;font-size:1.35em}.overview span{color:#555;font-size:.85em}
svg{width:100%;height:auto;font-size:12px}svg text{fill:#333}.n{fill:#777}
.grid{stroke:#ddd}.note{color:#666;font-size:.85em;margin:.2em 0}
.legend span{display:inline-block;margin-right:12px;font-size:.85em;white-space:nowrap}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
table{border-collapse:collapse}td,th{padding:3px 10px;text-align:right;border-bottom:1px solid #eee}
td:first-child,th:first-child{text-align:left}
"""
