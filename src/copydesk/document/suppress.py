"""Inline suppressions. The same directive works in every format, in an HTML comment:

    <!-- copydesk: disable=STY010,TYP -->  ...  <!-- copydesk: enable -->
    <!-- copydesk: disable-next-line=TYP001 -->
    <!-- copydesk: disable-file=SRC -->

Plain text has no comments of its own, so the same comment on a line of its own is read there
too and masked like markup. Codes may be full codes, prefixes or rule slugs; no codes means all.
"""

from __future__ import annotations

from collections.abc import Sequence

from copydesk import patterncache
from copydesk.document.model import LineIndex, Suppression
from copydesk.model import Span

DIRECTIVE_RE = patterncache.compile(
    r"<!--\s*copydesk:\s*(?P<action>disable-next-line|disable-file|disable|enable)"
    r"(?:\s*=\s*(?P<codes>[\w:,\s-]*?))?\s*-->"
)


def parse_suppressions(
    source: str, lines: LineIndex, code: Sequence[tuple[int, int]] = ()
) -> tuple[list[Suppression], list[Span]]:
    """Return the suppressions and the spans of their directives (for masking). A directive
    shown inside ``code`` (documentation about copydesk) is not a directive."""
    found: list[Suppression] = []
    spans: list[Span] = []
    open_disables: list[tuple[tuple[str, ...], int, Span]] = []
    end_of_text = len(source)
    for m in DIRECTIVE_RE.finditer(source):
        if any(s <= m.start() < e for s, e in code):
            continue
        directive = Span(m.start(), m.end())
        spans.append(directive)
        action = m.group("action")
        codes = tuple(c.strip() for c in (m.group("codes") or "").split(",") if c.strip())
        if action == "disable-file":
            found.append(Suppression(action, codes, 0, end_of_text, directive))
        elif action == "disable-next-line":
            line, _ = lines.position(m.end())
            if line < lines.count:
                start, end = lines.line_span(line + 1, source)
                found.append(Suppression(action, codes, start, end, directive))
            else:
                found.append(Suppression(action, codes, m.end(), m.end(), directive))
        elif action == "disable":
            open_disables.append((codes, m.end(), directive))
        else:  # enable: closes the matching disables (all of them when no codes are named)
            still_open = []
            for d_codes, d_start, d_span in open_disables:
                if not codes or set(d_codes) <= set(codes):
                    found.append(Suppression("disable", d_codes, d_start, m.start(), d_span))
                else:
                    still_open.append((d_codes, d_start, d_span))
            open_disables = still_open
    for d_codes, d_start, d_span in open_disables:
        found.append(Suppression("disable", d_codes, d_start, end_of_text, d_span))
    return found, spans
