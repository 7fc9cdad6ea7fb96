"""A small three-language handbook built for real: fallbacks, notices and alternates, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.content.ui_strings import load_ui_strings
from tests.helpers import sitemap_alternates

UI = load_ui_strings()


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_untranslated_page_is_served_with_a_notice_in_the_readers_language(fixture_site, site_url):
    html = soup(fixture_site, "ar/guide")
    assert html.html["lang"] == "ar" and html.html["dir"] == "rtl"
    notice = html.select_one('[data-notice="untranslated"]')
    assert notice.select_one(".handbook-notice__title").get_text(strip=True) == UI["untranslated_title"]["ar"]
    assert notice.a["href"] == "/en/guide/"
    assert notice.a.get_text(strip=True) == UI["untranslated_link"]["ar"]
    body = html.select_one("[data-pagefind-body]")
    assert (body["lang"], body["dir"]) == ("en", "ltr")
    assert body.find(id="register") is not None
    assert html.select_one('link[rel="canonical"]')["href"] == f"{site_url}en/guide/"


def test_fallback_copy_is_never_advertised_as_a_translation(fixture_site, site_url):
    expected = {
        "en": f"{site_url}en/guide/",
        "de": f"{site_url}de/guide/",
        "x-default": f"{site_url}en/guide/",
    }
    for code in ("en", "de"):
        assert sitemap_alternates(fixture_site, code)[f"{site_url}{code}/guide/"] == expected, code
    assert f"{site_url}ar/guide/" not in sitemap_alternates(fixture_site, "ar")
    assert sitemap_alternates(fixture_site, "ar")[f"{site_url}ar/"]["ar"] == f"{site_url}ar/"


def test_pages_carry_no_alternate_links_that_material_would_fetch_sitemaps_for(fixture_site):
    # Material's JavaScript requests <href>/sitemap.xml for every <link rel="alternate"> on each view.
    for code in ("en", "de", "ar"):
        assert soup(fixture_site, f"{code}/guide").select('link[rel="alternate"]') == []


def notices(site: Path, path: str) -> list[str]:
    return [aside["data-notice"] for aside in soup(site, path).select("[data-notice]")]


def test_each_language_version_shows_exactly_its_notices(fixture_site):
    assert notices(fixture_site, "en") == []
    assert notices(fixture_site, "de") == ["machine-translated"]
    assert notices(fixture_site, "ar") == []
    assert notices(fixture_site, "en/guide") == ["overdue"]
    assert notices(fixture_site, "de/guide") == ["overdue", "outdated-translation"]
    assert notices(fixture_site, "ar/guide") == ["overdue", "untranslated"]


def test_notices_speak_the_readers_language(fixture_site):
    machine = soup(fixture_site, "de").select_one('[data-notice="machine-translated"]')
    assert machine.select_one(".handbook-notice__title").get_text(strip=True) == UI["machine_title"]["de"]
    assert machine.a["href"] == "/en/"
    overdue = soup(fixture_site, "ar/guide").select_one('[data-notice="overdue"]')
    # guide.md: last reviewed 2025-01-15, every 6 months -> due 2025-07-15, in Arabic date format
    assert overdue.find("p").get_text().strip() == UI["overdue_body"]["ar"].replace("{date}", "15 يوليو 2025")
    outdated = soup(fixture_site, "de/guide").select_one('[data-notice="outdated-translation"]')
    assert outdated.select_one(".handbook-notice__title").get_text(strip=True) == UI["outdated_title"]["de"]


def test_review_date_and_sources_are_shown_in_every_language(fixture_site):
    dates = soup(fixture_site, "de/guide").select_one('[data-date="reviewed"]').get_text(strip=True)
    assert dates == UI["last_reviewed"]["de"].replace("{date}", "15. Januar 2025")
    assert (
        soup(fixture_site, "en/guide")
        .select_one('[data-date="reviewed"]')
        .get_text(strip=True)
        .endswith("15 January 2025")
    )
    for code in ("en", "de", "ar"):
        sources = soup(fixture_site, f"{code}/guide").select('[data-handbook="sources"] a')
        assert [(a.get_text(strip=True), a["href"]) for a in sources] == [
            ("service-bw: Anmeldung", "https://www.service-bw.de/")
        ]


def test_switcher_keeps_the_page_in_every_language(fixture_site):
    links = soup(fixture_site, "ar/guide").select('[data-handbook="languages"] a')
    assert [(a["hreflang"], a["href"]) for a in links] == [
        ("en", "/en/guide/"),
        ("de", "/de/guide/"),
        ("ar", "/ar/guide/"),
    ]
    assert [a.get("aria-current") for a in links] == [None, None, "true"]


@pytest.mark.browser
def test_notices_are_visible_to_readers(page, fixture_site):
    from handbook.core.local_server import serve_directory

    with serve_directory(fixture_site) as url:
        page.goto(f"{url}ar/guide/")
        notice = page.locator('[data-notice="untranslated"]')
        assert notice.is_visible()
        assert UI["untranslated_body"]["ar"] not in notice.inner_text(), "one line until the reader opens it"
        notice.locator("summary").click()
        assert UI["untranslated_body"]["ar"] in notice.inner_text()
        assert page.locator('[data-notice="overdue"]').is_visible()
        page.goto(f"{url}de/guide/")
        outdated = page.locator('[data-notice="outdated-translation"]')
        assert outdated.is_visible()
        outdated.locator("summary").press("Enter")  # by keyboard too
        assert UI["outdated_body"]["de"] in outdated.inner_text()
        page.goto(f"{url}de/")
        assert page.locator('[data-notice="machine-translated"]').is_visible()
