"""A language too large for one Pagefind run is indexed in parts and searched as one."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from handbook.core.local_server import free_port, serve_directory
from handbook.pipeline.build import build_site
from handbook.pipeline.search_bundles import PRIMARY, more_bundles, pages_per_bundle, split_evenly
from tests.helpers import fixture_copy


def declared_bundles(page_html: str) -> list[str]:
    """Every bundle folder a rendered page's search box loads, the first one first."""
    found = re.search(r'data-more-bundles="([^"]*)"', page_html)
    return [PRIMARY, *(found.group(1).split() if found else [])]


def test_a_language_gets_one_more_bundle_per_started_two_thousand_pages():
    assert more_bundles(1) == [] and more_bundles(2000) == []
    assert more_bundles(2001) == ["pagefind-2"]
    assert more_bundles(3890) == ["pagefind-2"]
    assert more_bundles(5, pages_per_bundle=2) == ["pagefind-2", "pagefind-3"]


@pytest.mark.parametrize("value", [0, -5, "2000", 2.5, True, None])
def test_a_wrong_bundle_size_in_mkdocs_yml_is_a_problem_with_its_line(tmp_path: Path, value):
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  search_pages_per_bundle: {value!r}\n", encoding="utf-8")
    assert str(pages_per_bundle(value, config)) == (
        f"mkdocs.yml:3: extra.search_pages_per_bundle is {value!r}, not a number of pages"
        " — write a whole number above 0, for example 2000, or remove the line"
    )
    assert pages_per_bundle(500, config) == 500


def test_the_bundles_a_page_declares_are_read_back():
    assert declared_bundles('<div data-handbook-search data-bundle="../pagefind/">') == ["pagefind"]
    html = '<div data-bundle="../pagefind/" data-more-bundles="pagefind-2 pagefind-3">'
    assert declared_bundles(html) == ["pagefind", "pagefind-2", "pagefind-3"]


def test_pages_are_split_into_even_consecutive_groups():
    assert split_evenly([1, 2, 3, 4, 5], 2) == [[1, 2, 3], [4, 5]]
    assert split_evenly([1, 2], 3) == [[1], [2], []]


def split_fixture(tmp_path: Path) -> Path:
    """The three-language fixture with a bundle per two pages and the site's search script."""
    project = fixture_copy(tmp_path, "split")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "extra:\n  search_pages_per_bundle: 2\nextra_javascript:\n  - assets/javascripts/handbook.js\n",
        encoding="utf-8",
    )
    return project


def test_split_search_finds_pages_of_every_bundle(tmp_path: Path, browser):
    port = free_port()
    root_url = f"http://127.0.0.1:{port}/"
    site = tmp_path / "site"
    build_site(site, root_url=root_url, project=split_fixture(tmp_path), report=lambda message: None)
    bundles = declared_bundles((site / "en" / "index.html").read_text(encoding="utf-8"))
    assert len(bundles) >= 2
    for folder in bundles:
        assert (site / "en" / folder / "pagefind-entry.json").is_file(), folder
    assert not list(tmp_path.glob(".handbook-search-*"))
    with serve_directory(site, port):
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        found: dict[str, list[str]] = {}
        for query in ("Fixture", "Bürgerbüro"):
            page.goto(f"{root_url}en/")
            page.fill("[data-handbook-search] input", query)
            page.wait_for_selector(".md-search-result__list a", timeout=10_000)
            found[query] = [
                urlsplit(href).path
                for href in page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
            ]
        page.close()
    assert "/en/" in found["Fixture"] and "/en/guide/" in found["Bürgerbüro"], found
    assert errors == []
