"""The audit's report.html in a real headless Chromium, on a desktop and on a phone."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from auditkit import ARTICLES, write_jsonl

from copydesk.cli import main

CHROMIUM = os.environ.get("COPYDESK_CHROMIUM", "/usr/bin/chromium")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

MORE = [
    {
        "id": f"m{i}",
        "desk": ("home", "world", "sport")[i % 3],
        "year": 2015 + i % 6,
        "text": f"Officials said {i},000 homes were affected. The the council met on Monday.",
    }
    for i in range(30)
]


@pytest.mark.parametrize("width", [390, 1400])
def test_report_reads_on_desktop_and_phone(tmp_path: Path, width: int, capsys: Any) -> None:
    archive = write_jsonl(tmp_path / "a.jsonl", ARTICLES + MORE)
    out = tmp_path / "out"
    assert (
        main(
            [
                "audit",
                "-j",
                "0",
                str(archive),
                "--group-by",
                "desk",
                "--group-by",
                "year",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    capsys.readouterr()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
        try:
            context = browser.new_context(viewport={"width": width, "height": 900})
            fetched: list[str] = []

            def route(r: Any) -> None:
                if r.request.url.startswith("file:"):
                    r.continue_()
                else:
                    fetched.append(r.request.url)
                    r.abort()

            context.route("**/*", route)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto((out / "report.html").as_uri())
            assert not errors and not fetched
            headings = page.locator("h2").all_inner_texts()
            assert headings[:4] == ["All articles", "By desk", "By year, over time", "By year"]
            assert page.locator("svg").count() == 4
            assert page.locator("polyline").count() >= 2  # one line per rule family
            assert page.locator("svg rect").count() > 5
            # every drawn chart fits the screen: no sideways scrolling on a phone
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width
            box = page.locator("svg").first.bounding_box()
            assert box is not None and box["width"] <= width
            shot = tmp_path / f"audit-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            keep = os.environ.get("COPYDESK_SCREENSHOT_DIR")
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                shutil.copy(shot, Path(keep) / shot.name)
        finally:
            browser.close()
