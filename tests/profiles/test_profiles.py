"""Profiles end to end: auto places each file as news or docs, an explicit profile wins, the
docs profile drops news-only rules and lowers TYP001, and every rule can still be selected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copydesk.cli import main
from copydesk.config import ConfigError, load_config
from copydesk.engine.registry import load_registry
from copydesk.sitegen import DOCS_GENERATORS, find_site_generator

# Figures with no source (SRC001 in news) and a typo (TYP001).
STORY = "The scheme cost £3,500 last year and its budgte doubled.\n"


def _repo(folder: Path) -> Path:
    (folder / ".git").mkdir(parents=True)  # the walk up for generators and docs folders stops here
    return folder


def _findings(
    paths: list[Path], capsys: pytest.CaptureFixture[str], *extra: str
) -> dict[str, list[tuple[str, str]]]:
    main(["check", "--no-cache", "--format", "json", *extra, *map(str, paths)])
    data = json.loads(capsys.readouterr().out)
    return {
        Path(f["path"]).name: [(x["code"], x["level"]) for x in f["findings"]]
        for f in data["files"]
    }


def test_auto_places_files_by_folder_name_and_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    (repo / "docs").mkdir()
    (repo / "stories").mkdir()
    files = {
        "guide.md": repo / "docs" / "guide.md",
        "story.md": repo / "stories" / "story.md",
        "README.md": repo / "README.md",
        "fenced.md": repo / "stories" / "fenced.md",
        "linked.md": repo / "stories" / "linked.md",
    }
    for path in files.values():
        path.write_text(STORY)
    files["fenced.md"].write_text(STORY + "\n```sh\nmake\n```\n")
    files["linked.md"].write_text(STORY + "\nSee [the repo](https://github.com/acme/tool).\n")
    found = _findings(list(files.values()), capsys)
    news = found.pop("story.md")
    assert ("SRC001", "warning") in news
    assert ("TYP001", "error") in news
    for name, codes in found.items():
        assert not any(c.startswith("SRC") for c, _ in codes), name
        assert ("TYP001", "warning") in codes, name


def test_site_generator_makes_a_tree_docs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    (repo / "mkdocs.yml").write_text("site_name: Acme\n")
    (repo / "pages").mkdir()
    page = repo / "pages" / "intro.md"
    page.write_text(STORY)
    assert find_site_generator(page) == "mkdocs" and "mkdocs" in DOCS_GENERATORS
    assert find_site_generator(repo / "pages") == "mkdocs"
    codes = _findings([page], capsys)["intro.md"]
    assert ("TYP001", "warning") in codes
    assert not any(c.startswith("SRC") for c, _ in codes)


def test_generator_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: outer\n")
    inner = _repo(tmp_path / "project")
    (inner / "a.md").write_text(STORY)
    assert find_site_generator(inner / "a.md") is None
    blog = _repo(tmp_path / "blog")
    (blog / "_config.yml").write_text("title: blog\n")
    assert find_site_generator(blog) == "jekyll"
    assert "jekyll" not in DOCS_GENERATORS  # a blog engine as often as a docs one


@pytest.mark.parametrize("profile", ["news", "docs"])
def test_an_explicit_profile_wins_over_auto(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], profile: str
) -> None:
    repo = _repo(tmp_path)
    (repo / "copydesk.toml").write_text(f'profile = "{profile}"\n')
    (repo / "docs").mkdir()
    inside, outside = repo / "docs" / "a.md", repo / "b.md"
    inside.write_text(STORY)
    outside.write_text(STORY)
    found = _findings([inside, outside], capsys)
    for codes in found.values():
        assert any(c == "SRC001" for c, _ in codes) == (profile == "news")
        assert ("TYP001", "error" if profile == "news" else "warning") in codes


def test_docs_profile_rules_can_still_be_switched_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    (repo / "copydesk.toml").write_text(
        'profile = "docs"\nextend-select = ["SRC001"]\n[levels]\nTYP001 = "error"\n'
    )
    f = repo / "a.md"
    f.write_text(STORY)
    codes = _findings([f], capsys)["a.md"]
    assert ("SRC001", "warning") in codes
    assert ("TYP001", "error") in codes  # the config's levels sit above the profile's


def test_news_only_rules_are_marked_and_documented() -> None:
    from copydesk.docs import rule_page

    registry = load_registry()
    news_only = {r.code for r in registry if r.profiles == ("news",)}
    assert {
        "SRC001",
        "SRC002",
        "SRC003",
        "SRC004",
        "TTL001",
        "TTL003",
        "ATT001",
        "MEC007",
    } <= news_only
    assert "MEC001" not in news_only and "TYP001" not in news_only
    page = rule_page(registry.rules["ATT001"])
    assert "| profiles | news; off in docs unless selected by name |" in page
    assert "| profiles | news, docs (warning) |" in rule_page(registry.rules["TYP001"])
    assert "| profiles | news, docs (suggestion) |" in rule_page(registry.rules["MEC004"])


def test_bad_profile_is_a_one_line_config_error(tmp_path: Path) -> None:
    cfg = tmp_path / "copydesk.toml"
    cfg.write_text('language = "en-GB"\nprofile = "blog"\n')
    with pytest.raises(
        ConfigError, match=r"copydesk.toml:2: profile must be one of auto, news, docs, not 'blog'"
    ):
        load_config(cfg)


def test_init_writes_the_detected_profile_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    (repo / "docusaurus.config.js").write_text("module.exports = {};\n")
    (repo / "intro.md").write_text(STORY)
    target = repo / "copydesk.toml"
    assert main(["init", "--path", str(target)]) == 0
    text = target.read_text()
    assert 'profile = "docs"' in text
    assert (
        "# Chosen because all 1 text files read as documentation (most: built with docusaurus"
        in text
    )
    assert load_config(target).profile == "docs"

    news = _repo(tmp_path / "paper")
    (news / "story.md").write_text(STORY)
    assert main(["init", "--path", str(news / "copydesk.toml")]) == 0
    assert 'profile = "news"' in (news / "copydesk.toml").read_text()
    capsys.readouterr()


def test_init_mixed_repository_keeps_auto(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    (repo / "docs").mkdir()
    (repo / "docs" / "a.md").write_text(STORY)
    (repo / "story.md").write_text(STORY)
    assert main(["init", "--path", str(repo / "copydesk.toml")]) == 0
    text = (repo / "copydesk.toml").read_text()
    assert 'profile = "auto"' in text and "1 of 2 text files read as documentation" in text
    capsys.readouterr()


def test_init_learn_writes_the_accept_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = _repo(tmp_path)
    for n in range(3):
        (repo / f"s{n}.md").write_text(f"Story {n}: the Frobwidget council met on the quangle.\n")
    target = repo / "copydesk.toml"
    assert main(["init", "--learn", "--path", str(target)]) == 0
    learned = repo / "vocab" / "accept.txt"
    words = [
        w.split("#")[0].strip() for w in learned.read_text().splitlines() if not w.startswith("#")
    ]
    assert "quangle" in words
    config = load_config(target)
    assert config.accept_files == (learned.resolve(),)
    capsys.readouterr()
    found = _findings([repo / "s0.md"], capsys)["s0.md"]
    assert not any(c == "TYP001" for c, _ in found)
    assert main(["init", "--learn", "--path", str(repo / "other.toml")]) == 2  # never overwrites
    assert "exists" in capsys.readouterr().err


def test_spoken_abbreviations_take_either_article_in_documentation_only() -> None:
    from copydesk.api import check_text
    from copydesk.config import Config

    text = "It met a SIG lead and a FBO, then an MEP met a SAS officer.\n"

    def flagged(profile: str) -> list[str]:
        found = check_text(
            text, "a.md", kind="markdown", config=Config(profile=profile), select=["GRA001"]
        )
        return [text[f.span.start : f.span.end] for f in found]

    assert flagged("news") == ["a SIG", "a FBO", "a SAS"]
    assert flagged("docs") == ["a FBO"]
