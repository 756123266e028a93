"""Hand-built results for reporter tests: findings located by searching the article text."""

from __future__ import annotations

from copydesk.model import Applicability, Edit, FileResult, Finding, Fix, Level, RuleInfo, Span

RULES = {
    "CD101": RuleInfo(
        "CD101",
        "spelling",
        Level.ERROR,
        "Misspelt word",
        "Flags words not found in the dictionary or the house word list.",
        "core",
        "builtin",
        "https://example.org/rules/CD101",
    ),
    "CD201": RuleInfo(
        "CD201",
        "unsourced-figure",
        Level.WARNING,
        "Figure without a source",
        "Percentages and totals should say where they come from.",
        "core",
        "builtin",
    ),
    "CD301": RuleInfo(
        "CD301",
        "wordy",
        Level.SUGGESTION,
        "Wordy phrase",
        "A shorter phrase says the same.",
        "style",
        "rules/style.yml",
    ),
    "CD999": RuleInfo(
        "CD999", "never-fires", Level.WARNING, "Unused rule", "Has no findings.", "core", "x"
    ),
}


def position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and code-point column of ``offset``."""
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, column


def find(
    path: str,
    source: str,
    text: str,
    code: str,
    *,
    nth: int = 0,
    level: Level | None = None,
    message: str | None = None,
    fix: str | None = None,
    applicability: Applicability = Applicability.SAFE,
    suggestions: tuple[str, ...] = (),
    length: int | None = None,
) -> Finding:
    """A finding on the ``nth`` occurrence of ``text`` (``length`` overrides its length, e.g.
    0 for an insertion point)."""
    start = -1
    for _ in range(nth + 1):
        start = source.index(text, start + 1)
    end = start + (len(text) if length is None else length)
    line, column = position(source, start)
    end_line, end_column = position(source, end)
    rule = RULES.get(code)
    return Finding(
        path=path,
        code=code,
        name=rule.name if rule else code.lower(),
        level=level or (rule.level if rule else Level.WARNING),
        message=message or f"{rule.summary if rule else code}: {text!r}",
        span=Span(start, end),
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        excerpt=source[start:end],
        fix=Fix(applicability, (Edit(Span(start, end), fix),)) if fix is not None else None,
        suggestions=suggestions,
        help_uri=rule.help_uri if rule else None,
    )


def result(path: str, source: str | None, findings: list[Finding], **kw: object) -> FileResult:
    ordered = sorted(findings, key=Finding.sort_key)
    words = len(source.split()) if source else 0
    return FileResult(path, ordered, source=source, words=words, **kw)


ARTICLE = (
    "# Café prices\n"
    "\n"
    "Owners in Zürich say teh prices rose 20% this year — “a lot”, in fact.\n"
    "😀 Emoji first, then teh typo again; in order to cope, some close early.\n"
)
HOSTILE = (
    'A <script>alert("x")</script> tag & an </script> closer, "quotes" and \'apostrophes\'.\n'
    "Tabs\tand a form feed\x0c here; 100% sure.\n"
)


def sample_results() -> list[FileResult]:
    """Several findings (overlapping, crossing, zero-width), fixes of each applicability,
    non-ASCII text, an article that tries to inject markup, an unreadable file, a clean one."""
    a = "articles/café.md"
    h = "articles/odd, name: <b>.md"
    article = result(
        a,
        ARTICLE,
        [
            find(a, ARTICLE, "teh", "CD101", fix="the", suggestions=("the", "tech")),
            find(a, ARTICLE, "teh", "CD101", nth=1, fix="the", suggestions=("the",)),
            find(a, ARTICLE, "20%", "CD201", message="Where does 20% come from?\nCite it."),
            # Crosses the CD201 span: starts inside "20%" and ends after it.
            find(a, ARTICLE, "0% this year", "CD301", message="Say when."),
            # Contains the second CD101 span entirely.
            find(
                a,
                ARTICLE,
                "then teh typo",
                "CD301",
                fix="then the typo",
                applicability=Applicability.UNSAFE,
            ),
            find(
                a,
                ARTICLE,
                "in order to",
                "CD301",
                fix="to",
                applicability=Applicability.DISPLAY_ONLY,
            ),
            # An insertion point: a missing comma after "Zürich".
            find(a, ARTICLE, " say", "CD777", length=0, message="Missing comma?"),
        ],
    )
    hostile = result(
        h,
        HOSTILE,
        [
            find(h, HOSTILE, '<script>alert("x")</script>', "CD301", message="<b>bold</b> & co"),
            find(h, HOSTILE, "</script>", "CD101", nth=1, message="</script><script>bad()"),
            find(h, HOSTILE, "100%", "CD201", message="100% of what?"),
        ],
    )
    unreadable = FileResult("articles/broken.md", error="not valid UTF-8 (byte 0xff at 12)")
    clean = result("articles/clean.md", "All good here.\n", [])
    return [article, hostile, unreadable, clean]


def run_reporter(name: str, results: list[FileResult], **summary_kw: object) -> str:
    import io

    from copydesk.report import ReportOptions, Summary, get_reporter

    stream = io.StringIO()
    reporter = get_reporter(name, stream, ReportOptions(tool_version="0.1.0"))
    reporter.start(dict(RULES))
    for r in results:
        reporter.file(r)
    summary = Summary(
        files=len(results),
        files_with_findings=sum(1 for r in results if r.findings),
        errors=sum(1 for r in results if r.error),
        **summary_kw,
    )
    reporter.finish(summary)
    return stream.getvalue()
