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
