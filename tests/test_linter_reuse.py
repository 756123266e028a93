"""A file whose profile its content settles is checked by a second linter: where that linter
reads the same settings as the first, it takes the first one's built rules instead of building
them again, and finds exactly what a linter built from nothing finds."""

from __future__ import annotations

from pathlib import Path

from copydesk.api import make_linter
from copydesk.config import Config, ConfigFinder
from copydesk.document import parse_document
from copydesk.engine.runner import Linter
from copydesk.engine.session import Session

STORY = (
    "The Home Secretaray said 3 people were hurt. An estimated 3,000 people are camping "
    "near the port, and there is many reasons for it.\n"
)


def test_settled_linter_reuses_the_first_ones_rules(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text(STORY, encoding="utf-8")
    session = Session(ConfigFinder())
    [result] = list(session.run([str(story)], 1))
    first, settled = list(session.linters.values())
    assert first.config.profile == "auto" and settled.config.profile == "news"
    assert settled.context is first.context
    shared = {id(r): k for r, k in first.kinds}
    assert all(shared[id(r)] is k for r, k in settled.kinds if id(r) in shared)
    fresh = make_linter(config=settled.config, registry=settled.registry)
    expected = fresh.lint(parse_document(STORY, str(story), "markdown"), story)
    assert [f.code for f in result.findings] == [f.code for f in expected]
    assert {"TYP001", "SRC002", "GRA009"} <= {f.code for f in result.findings}


def test_other_settings_build_their_own_rules() -> None:
    news = make_linter()
    docs = Linter(news.registry, Config()._replace(profile="docs"), reuse=news)
    assert docs.context is not news.context
    mine = {id(k) for _, k in news.kinds}
    assert not any(id(k) in mine for _, k in docs.kinds)
