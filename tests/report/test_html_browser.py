"""The HTML report in a real headless Chromium.

Needs the ``playwright`` Python package and a Chromium binary (Debian's ``chromium`` package,
at /usr/bin/chromium, or the path in COPYDESK_CHROMIUM). Playwright's own browser download is
not used. Set COPYDESK_SCREENSHOT_DIR to keep the screenshots somewhere you can look at them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reportkit import run_reporter, sample_results

CHROMIUM = os.environ.get("COPYDESK_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install playwright)"
)
if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(
        f"no Chromium at {CHROMIUM} (apt-get install chromium, or set COPYDESK_CHROMIUM)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, list[str]]]:
    report = tmp_path / "report.html"
    report.write_text(
        run_reporter("html", sample_results(), skipped=["grammar: no server"], words=40),
        encoding="utf-8",
    )
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    # Anything the page tries to fetch is a failure: the report must be self-contained.
    context.route(
        "**/*",
        lambda route: (
            route.abort() if not route.request.url.startswith("file:") else route.continue_()
        ),
    )
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.goto(report.as_uri())
    pg.wait_for_load_state("load")
    try:
        yield pg, problems
    finally:
        context.close()


def _shot(pg: Any, tmp_path: Path, name: str, *, full_page: bool) -> Path:
    target = tmp_path / name
    if full_page:
        # A sticky bar is drawn where the page is scrolled to, so start from the top.
        pg.evaluate("window.scrollTo(0, 0)")
    pg.screenshot(path=str(target), full_page=full_page)
    keep = os.environ.get("COPYDESK_SCREENSHOT_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(target, Path(keep) / name)
    return target


def test_report_in_browser(page: tuple[Any, list[str]], tmp_path: Path) -> None:
    pg, problems = page
    total = sum(len(r.findings) for r in sample_results())
    assert pg.locator("[data-finding]").count() == total
    assert pg.locator("li.row").count() == total
    assert pg.locator("#detail").is_hidden()
    # The hostile article is shown as text, and its script never ran.
    assert pg.evaluate("typeof bad") == "undefined"
    assert '<script>alert("x")</script>' in pg.locator("#file-2 .text").inner_text()

    first = pg.locator('mark[data-finding][data-code="CD201"]').first
    first.scroll_into_view_if_needed()
    first.click()
    detail = pg.locator("#detail")
    assert detail.is_visible()
    assert "Where does 20% come from?" in detail.inner_text()
    assert "CD201" in detail.locator("h3").inner_text()
    _shot(pg, tmp_path, "report-detail.png", full_page=False)

    # A crossing highlight's second piece opens the same finding.
    cont = pg.locator("mark[data-cont]").first
    cont_id = cont.get_attribute("data-cont")
    cont.click()
    assert pg.locator(f'mark[data-finding="{cont_id}"]').evaluate(
        "m => m.classList.contains('active')"
    )
    pg.keyboard.press("Escape")
    assert detail.is_hidden()

    # Clicking a list row shows that finding too, with its suggestions.
    pg.locator('li.row[data-code="CD101"]').first.click()
    assert detail.is_visible()
    assert "tech" in detail.locator(".d-suggestions").inner_text()
    assert detail.locator(".d-help a").get_attribute("href") == "https://example.org/rules/CD101"
    pg.keyboard.press("Escape")

    # Level filter: warnings lose their highlight and their list rows.
    warnings = pg.locator('mark.hl[data-level="warning"]')
    assert warnings.count() > 0
    pg.locator('input[data-filter-level="warning"]').uncheck()
    assert warnings.evaluate_all(
        "ms => ms.every(m => m.classList.contains('off') &&"
        " getComputedStyle(m).backgroundColor === 'rgba(0, 0, 0, 0)')"
    )
    assert pg.locator('li.row[data-level="warning"]').evaluate_all(
        "rs => rs.every(r => r.hidden && r.offsetParent === null)"
    )
    others = pg.locator('mark.hl[data-level="error"]')
    assert others.evaluate_all("ms => ms.every(m => !m.classList.contains('off'))")
    shown = pg.locator(".shown").inner_text()
    assert shown == f"Showing {total - 3} of {total} findings"
    # A hidden highlight does not open the panel.
    pg.locator('mark[data-finding][data-code="CD201"]').first.click(force=True)
    assert detail.is_hidden()

    # Rule filter.
    pg.locator('input[data-filter-level="warning"]').check()
    pg.locator('input[data-filter-code="CD101"]').uncheck()
    assert pg.locator('mark.hl[data-code="CD101"]').evaluate_all(
        "ms => ms.every(m => m.classList.contains('off'))"
    )
    assert pg.locator('mark.hl[data-code="CD201"]').evaluate_all(
        "ms => ms.every(m => !m.classList.contains('off'))"
    )
    pg.locator('input[data-filter-code="CD101"]').check()

    shot = _shot(pg, tmp_path, "report.png", full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 10_000
    assert problems == []


FRONT = (
    "---\ntitle: Council sets budgett\nauthor: Desk\ntags: [council, budget]\n---\n\n"
    "The council met on Monday and agreed the budget. The papers are at "
    "https://example.org/a/very/long/address/that/goes/on/and/on/without/any/break/index.html "
    "for anyone who asks.\n"
)


@pytest.fixture(scope="module")
def real_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report from a real run over Markdown with front matter, a long sample article, a
    Word document and a clean article."""
    import sys

    from copydesk.cli import main

    sys.path.insert(0, str(Path(__file__).parents[1] / "document"))
    from wordkit import docx_bytes, para

    folder = tmp_path_factory.mktemp("desk")
    shutil.copy(Path(__file__).parents[2] / "examples" / "calais-crossing.md", folder)
    (folder / "budget.md").write_text(FRONT, encoding="utf-8")
    (folder / "clean.md").write_text("All good here. The council met.\n", encoding="utf-8")
    body = para("Council Treasurry warns of cuts") + para("The goverment said so on Monday.")
    (folder / "cuts.docx").write_bytes(docx_bytes(body))
    out = folder / "report.html"
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        main(["check", "--no-cache", "--format", "html", "-o", str(out), "."])
    finally:
        os.chdir(cwd)
    return out


def _open(browser: Any, report: Path, width: int, height: int) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": width, "height": height})
    context.route(
        "**/*",
        lambda route: (
            route.abort() if not route.request.url.startswith("file:") else route.continue_()
        ),
    )
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    pg.goto(report.as_uri())
    pg.wait_for_load_state("load")
    return context, pg, problems


def _rect(pg: Any, selector: str) -> dict[str, float]:
    box: dict[str, float] = pg.evaluate(
        "s => { const r = document.querySelector(s).getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,"
        " width: r.width, height: r.height}; }",
        selector,
    )
    return box


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1400, 900)])
def test_report_fits_phone_and_desktop(
    browser: Any, real_report: Path, tmp_path: Path, width: int, height: int
) -> None:
    context, pg, problems = _open(browser, real_report, width, height)
    try:
        # No sideways scrolling: the document is no wider than the viewport.
        assert pg.evaluate("document.documentElement.scrollWidth") <= width
        _shot(pg, tmp_path, f"report-{width}.png", full_page=False)
        _shot(pg, tmp_path, f"report-{width}-full.png", full_page=True)
        phone = width < 640
        filters = pg.locator("#filter-box")
        assert filters.evaluate("d => d.open") is (not phone)
        bar = _rect(pg, ".filters")
        if phone:
            assert bar["height"] < 0.08 * height  # one line, not 40% of the screen
            pg.locator("#filter-box > summary").click()
            assert pg.locator('input[data-filter-level="error"]').is_visible()
            assert pg.evaluate("document.documentElement.scrollWidth") <= width
            pg.locator("#filter-box > summary").click()

        # Line numbers, one per line; paragraphs in the Word document.
        calais = pg.locator("section.article", has_text="calais-crossing.md")
        source = (Path(__file__).parents[2] / "examples" / "calais-crossing.md").read_text()
        assert calais.locator("span.ln").count() == len(source.splitlines())
        docx = pg.locator("section.article", has_text="cuts.docx")
        assert docx.locator(".text.paras span.ln").count() == 2
        assert "paragraph 1" in docx.locator("li.row").first.inner_text()
        assert pg.locator("mark span.ln").count() == 0

        # Front matter folded; its finding opens it and stays in view above the card.
        budget = pg.locator("section.article", has_text="budget.md")
        front = budget.locator("details.front")
        assert not front.evaluate("d => d.open")
        assert not front.locator('span.ln[data-n="3"]').is_visible()  # "author: Desk"
        budget.locator('li.row[data-code^="TYP"]').first.click()
        assert front.evaluate("d => d.open")
        mark = _rect(pg, "mark.active")
        card = _rect(pg, "#detail")
        top = _rect(pg, ".filters")["bottom"]
        assert mark["top"] >= top
        assert mark["bottom"] <= card["top"] or mark["right"] <= card["left"]
        if phone:
            # A bottom sheet: full width, at the foot of the screen, under half its height.
            assert card["width"] == width and card["bottom"] == height
            assert card["height"] <= 0.5 * height
        _shot(pg, tmp_path, f"report-{width}-detail.png", full_page=False)
        pg.keyboard.press("Escape")

        # A finding low in a long article: the sheet never hides the word it describes.
        last = calais.locator("li.row").last
        last.scroll_into_view_if_needed()
        last.click()
        mark = _rect(pg, "mark.active")
        card = _rect(pg, "#detail")
        assert mark["bottom"] <= card["top"] or mark["right"] <= card["left"]
        assert mark["top"] >= _rect(pg, ".filters")["bottom"]
        pg.keyboard.press("Escape")

        # A clean article is a line, its text folded away.
        clean = pg.locator("section.article.clean")
        assert clean.count() == 1
        assert not clean.locator(".text").is_visible()
        assert clean.evaluate("s => s.getBoundingClientRect().height") < 200
        assert problems == []
    finally:
        context.close()
