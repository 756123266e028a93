"""Markdown as site generators read it: every construct's markup is masked and the prose inside
it is checked. Each case plants one typo ("Secretaray") inside a construct and expects it found
at its exact line and column, and nothing found on the markup around it."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from copydesk.api import make_linter
from copydesk.document import parse_document
from copydesk.document.dialect import dialect_for
from copydesk.engine.runner import Linter
from copydesk.model import Finding
from copydesk.sitegen import DOCS_GENERATORS, find_site_generator

TYPO = "Secretaray"


@lru_cache(maxsize=1)
def _linter() -> Linter:
    return make_linter()


def check(
    text: str, path: str = "story.md", kind: str = "markdown", dialect: str = "universal"
) -> list[Finding]:
    return _linter().lint(parse_document(text, path, kind, dialect=dialect))


def typos(findings: list[Finding]) -> list[tuple[int, int, str]]:
    return [(f.line, f.column, f.message.split("'")[1]) for f in findings if f.code == "TYP001"]


def where(text: str, needle: str = TYPO) -> tuple[int, int]:
    before = text[: text.index(needle)]
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


# (construct, document, dialect, path): the typo sits in the construct's prose
CASES = [
    (
        "admonition body",
        '# Notes\n\n!!! note "On travel"\n    The Home {t} flew to Calais.\n\n    More text here.\n',
        "mkdocs",
        "a.md",
    ),
    ("admonition title", '!!! warning "The {t} arrives"\n    Body text.\n', "universal", "a.md"),
    ("collapsible admonition", "???+ tip\n    A {t} said so.\n", "universal", "a.md"),
    (
        "content tab",
        '=== "First tab"\n\n    The {t} spoke.\n\n=== "Second"\n\n    Other.\n',
        "mkdocs",
        "a.md",
    ),
    ("docusaurus admonition", ":::note[A title]\n\nThe {t} spoke.\n\n:::\n", "docusaurus", "a.md"),
    ("pandoc fenced div", "::: {{.warning}}\nThe {t} spoke.\n:::\n", "pandoc", "a.md"),
    ("github alert", "> [!NOTE]\n> The {t} spoke.\n", "gfm", "a.md"),
    ("table cell", "| Who | What |\n| --- | --- |\n| The {t} | spoke |\n", "gfm", "a.md"),
    (
        "footnote definition",
        "Text with a note.[^1]\n\n[^1]: The {t} said so.\n",
        "universal",
        "a.md",
    ),
    ("definition list", "Term\n:   The {t} said so.\n", "pandoc", "a.md"),
    (
        "paired shortcode",
        '{{{{< note title="x" >}}}}\nThe {t} spoke.\n{{{{< /note >}}}}\n',
        "hugo",
        "a.md",
    ),
    ("inline shortcode", 'The {t} spoke {{{{< ref "x.md" >}}}} today.\n', "hugo", "a.md"),
    (
        "liquid",
        "{{% if page.x %}}\nThe {t} spoke to {{{{ site.title }}}}.\n{{% endif %}}\n",
        "jekyll",
        "a.md",
    ),
    ("kramdown ial", "The {t} spoke.\n{{: .lead}}\n", "jekyll", "a.md"),
    ("attribute list", '### The {t} {{ id="x.1" }}\n', "mkdocs", "a.md"),
    ("html block", '<div class="box">\n<p>The {t} spoke.</p>\n</div>\n', "universal", "a.md"),
    ("html inline", 'The <span class="x">{t}</span> spoke.\n', "universal", "a.md"),
    (
        "mdx children",
        "import Tabs from '@theme/Tabs';\n\n<Tabs>\n<TabItem value=\"a\">\n\nThe {t} spoke.\n\n</TabItem>\n</Tabs>\n",
        "docusaurus",
        "a.mdx",
    ),
    (
        "link text over two lines",
        "See [the Home\n{t}'s notes](https://example.org/x) today.\n",
        "universal",
        "a.md",
    ),
    (
        "nested link text",
        "See [the [Home] {t}](https://example.org/x) today.\n",
        "universal",
        "a.md",
    ),
    (
        "reference link",
        "See [the {t}][1] today.\n\n[1]: https://example.org/\n",
        "universal",
        "a.md",
    ),
    (
        "yaml block scalar",
        "---\ntitle: Travel\nsummary: >\n  The Home {t}\n  flew to Calais.\n---\n\nBody.\n",
        "universal",
        "a.md",
    ),
    (
        "yaml nested alt",
        "---\nimage:\n  src: /x.png\n  alt: The {t} at Calais\n---\n\nBody.\n",
        "universal",
        "a.md",
    ),
    (
        "metadata block title",
        "Title: The {t} story\nAuthor: Jo Bloggs\n\nBody.\n",
        "pandoc",
        "a.md",
    ),
    ("pandoc title block", "% The {t} story\n% Jo Bloggs\n\nBody.\n", "pandoc", "a.md"),
    (
        "toml front matter",
        '+++\ntitle = "The {t}"\ndate = 2024-01-01\n+++\n\nBody.\n',
        "hugo",
        "a.md",
    ),
]


@pytest.mark.parametrize(("name", "template", "dialect", "path"), CASES, ids=[c[0] for c in CASES])
def test_prose_inside_each_construct_is_checked(
    name: str, template: str, dialect: str, path: str
) -> None:
    text = template.format(t=TYPO)
    found = check(text, path, dialect=dialect_for(path, dialect))
    line, column = where(text)
    assert (line, column, TYPO) in typos(found), (name, typos(found))
    markup = [f for f in found if f.code != "TYP001"]
    assert not [f for f in markup if f.code in {"MEC004", "MEC005", "PUN003", "SRC001"}], markup


def test_entity_reads_as_its_character() -> None:
    text = "It isn&#8217;t so, and &#8217; is no figure. The Home Secretary&#8217;s aide.\n"
    found = check(text)
    assert not [f for f in found if f.code in ("TYP001", "SRC001")], found


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_tag_inside_a_word_does_not_split_it(kind: str) -> None:
    text = (
        "<p>A <em>Secre</em>taray flew to Calais.</p>\n"
        if kind == "html"
        else "A <em>Secre</em>taray flew to Calais.\n"
    )
    found = [
        f
        for f in check(text, "a." + ("html" if kind == "html" else "md"), kind)
        if f.code == "TYP001"
    ]
    assert len(found) == 1
    assert found[0].message.startswith(f"'{TYPO}'")
    start = text.index("Secre")
    assert (found[0].span.start, found[0].span.end) == (start, text.index("taray") + 5)
    assert found[0].fix is None or not found[0].fix.edits  # a fix would rewrite the tags


@pytest.mark.parametrize("kind", ["markdown", "html"])
def test_entity_joined_word_is_one_typo(kind: str) -> None:
    text = (
        "The Home Secre&shy;taray flew.\n"
        if kind == "markdown"
        else "<p>The Home Secre&#x61;taray flew.</p>\n"
    )
    words = [w for _, _, w in typos(check(text, "a.md" if kind == "markdown" else "a.html", kind))]
    assert len(words) == 1 and words[0].startswith("Secre"), words


def test_markup_is_not_checked() -> None:
    text = (
        '!!! note "Title"\n    Body.\n\n'
        '=== "Tab"\n\n    Tab body.\n\n'
        '{{< tweet user="someone" id="1234567890" >}}\n\n'
        "A sentence with :smile: and a note[^2] and $x^2 + 3$ maths.\n\n"
        "[^2]: The note.\n"
    )
    found = check(text)
    assert not found, found


def test_code_stays_code_inside_an_admonition() -> None:
    text = f"!!! example\n    ```python\n    teh = 2. x\n    ```\n\n    The {TYPO} spoke.\n"
    found = check(text)
    assert typos(found) == [(6, 9, TYPO)]


def test_cr_only_line_ends_keep_markdown_structure() -> None:
    text = "Intro here.\r\r1. first point\r2. second point\r\r```\rteh code 2. x\r```\r"
    doc = parse_document(text, "cr.md", "markdown")
    assert [b.scope for b in doc.blocks] == ["paragraph", "list_item", "list_item"]
    second = text.index("2. second")
    assert doc.masked[second : second + 2] == "  "  # the list marker is markup
    code = text.index("teh")
    assert doc.masked[code : code + 3] == "   "
    assert not any(f.fix for f in check(text, "cr.md"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ntitle: never closed\n\nBody.\n", "never closed"),
        ('+++\ntitle = "unterminated\n+++\n\nBody.\n', "TOML front matter does not parse"),
        ('{\n"title": "x",\n}\n\nBody.\n', "JSON front matter does not parse"),
    ],
)
def test_bad_front_matter_is_an_input_error(text: str, message: str) -> None:
    from copydesk.document import InputError

    with pytest.raises(InputError, match=message):
        parse_document(text, "bad.md", "markdown")


def test_thematic_break_at_start_is_not_front_matter() -> None:
    doc = parse_document("---\n\nThe story.\n", "a.md", "markdown")
    assert doc.masked.strip() == "The story."


def test_unclosed_shortcode_and_fence_read_leniently() -> None:
    text = "The {{< note >}} spoke.\n\n```\nteh code\n"
    assert not typos(check(text))


def test_html_marked_section_does_not_raise() -> None:
    doc = parse_document(
        "<p>Some <![x text here.</p>\n<p>The Home Secretaray.</p>", "a.html", "html"
    )
    assert "Secretaray" in doc.masked


def test_site_generator_is_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    site = tmp_path / "site"
    (site / "docs" / "guide").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: x\n")
    page = site / "docs" / "guide" / "page.md"
    page.write_text("Text.\n")
    assert find_site_generator(page) == "mkdocs"
    assert find_site_generator(site) == "mkdocs"
    assert "mkdocs" in DOCS_GENERATORS
    hugo = tmp_path / "blog"
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "config.toml").write_text('baseURL = "https://example.org/"\n')
    assert find_site_generator(hugo / "content" / "posts") == "hugo"
    assert find_site_generator(tmp_path) is None


def test_dialect_follows_the_generator_and_the_config(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("title: x\n")
    page = tmp_path / "post.md"
    page.write_text("x\n")
    assert dialect_for(str(page)) == "jekyll"
    assert dialect_for(str(page), "gfm") == "gfm"
    assert dialect_for(str(tmp_path / "page.mdx"), "gfm") == "gfm+mdx"
