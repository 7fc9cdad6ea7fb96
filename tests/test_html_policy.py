"""The allow-list, decided by nh3's HTML5 parser: what it keeps, what it drops, and how that is reported."""

from __future__ import annotations

from pathlib import Path

from handbook.checks.content_checks import check_unsafe_html
from handbook.checks.html_policy import Removal, removals
from handbook.content.markdown_html import render_html
from tests.test_content_checks import HEADER, as_text, pages_from

PROJECT_CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"

# What the project's Markdown extensions write: none of it may be refused, or every page would fail.
MARKDOWN = """# Title {#title}

!!! note "Good to know"
    An admonition.

??? tip "More"
    A collapsible block.

- [x] Done
- [ ] To do

| Left | Right |
|:-----|------:|
| a    | b     |

A footnote[^1] and an abbreviation.

*[abbreviation]: A short form

[^1]: The note.

![A map](map.png){ width="300" }

[Contact](mailto:office@example.org) or [call](tel:+497111234) or [read](https://example.org/)."""


def test_what_markdown_writes_is_kept_as_it_is():
    html = render_html(MARKDOWN, PROJECT_CONFIG)
    assert 'class="headerlink"' in html and "task-list" in html and "footnote" in html and "<abbr" in html
    assert removals(html) == []


def test_markup_browsers_read_otherwise_is_caught_by_the_html5_parser():
    # html.parser and regular expressions see a harmless title; browsers see an <img> with a live handler.
    found = removals('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>')
    assert Removal("noscript") in found
    assert any(removal.tag == "img" and removal.added for removal in found)


def test_what_is_dropped_is_named(tmp_path: Path):
    body = (
        "# T\n\n<details open><summary>More</summary><p>x</p></details>\n\n"
        "<math><mtext>x</mtext></math>\n\n"
        '<p><a href="https://example.org/">ok</a> <a href="data:text/html,x">data</a></p>\n\n'
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>\n'
    )
    pages = pages_from(tmp_path, {"guide.md": HEADER + body})
    refuse = "remove it; ask a maintainer if the page needs interactive parts"
    assert as_text(check_unsafe_html(pages)) == [
        f"docs/guide.md:17: <math> is not allowed in content — {refuse}",
        f"docs/guide.md:17: <mtext> is not allowed in content — {refuse}",
        "docs/guide.md:19: link with unsupported scheme 'data:text/html,x'"
        " — use https://, mailto: or tel:, or a relative link to a .md file",
        f"docs/guide.md:21: <noscript> is not allowed in content — {refuse}",
        "docs/guide.md:21: browsers read this markup as an element the text does not show: <img>"
        " — close every tag and comment properly (<!-- text -->), or remove the markup",
    ]


def test_the_same_address_twice_is_reported_where_each_is(tmp_path: Path):
    body = (
        '# T\n\n<a href="https://example.org/">fine</a>\n\n'
        '<a href="javascript:go()">one</a>\n\n<a href="javascript:go()">two</a>\n'
    )
    pages = pages_from(tmp_path, {"guide.md": HEADER + body})
    assert [problem.line for problem in check_unsafe_html(pages)] == [17, 19]
