"""Municipality and district pages in the built site, and the finder in Chromium."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.numbers import format_decimal
from bs4 import BeautifulSoup

from handbook.region_data import DATA, load_region
from handbook.ui_strings import load_ui_strings
from tests.helpers import sitemap_alternates

REGION = load_region(DATA, date(2026, 11, 26))
BY_SLUG = {m.slug: m for m in REGION.municipalities}
UI = load_ui_strings()


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def facts(html: BeautifulSoup) -> dict[str, str]:
    box = html.select_one(".handbook-facts dl")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in box.find_all("dt")}


def test_every_municipality_and_district_in_every_language(built_site, languages):
    for lang in languages:
        pages = {p.name for p in (built_site / lang.code / "municipalities").iterdir() if p.is_dir()}
        districts = {p.name for p in (built_site / lang.code / "districts").iterdir() if p.is_dir()}
        assert pages == set(BY_SLUG), lang.code
        assert districts == {d.slug for d in REGION.districts}, lang.code


@pytest.mark.parametrize("slug", ["sindelfingen", "stuttgart", "aidlingen", "altdorf-esslingen", "weissach-im-tal"])
def test_facts_match_the_data(built_site, languages, slug):
    m = BY_SLUG[slug]
    for lang in languages:
        box = facts(soup(built_site, f"{lang.code}/municipalities/{slug}"))
        strings = {key: texts[lang.code] for key, texts in UI.items()}
        assert box[strings["mun_official_name"]] == m.name
        assert box[strings["mun_district"]] == m.district_label
        assert box[strings["mun_postcodes"]] == " ".join(m.postcodes)
        assert box[strings["mun_population"]].startswith(format_decimal(m.population, locale=lang.code))


def test_each_municipality_page_lists_all_languages_as_translations(built_site, languages, site_url):
    html = soup(built_site, "ar/municipalities/sindelfingen")
    alternates = sitemap_alternates(built_site, "ar")[f"{site_url}ar/municipalities/sindelfingen/"]
    assert set(alternates) == {lang.code for lang in languages} | {"x-default"}
    assert html.select_one('[data-notice="untranslated"]') is None


def test_stuttgart_and_every_grosse_kreisstadt_show_their_own_immigration_office(built_site):
    own = [m for m in REGION.municipalities if m.kind in ("city_district", "major_district_town")]
    assert len(own) == 26
    for m in REGION.municipalities:
        section = soup(built_site, f"en/municipalities/{m.slug}").find(id="immigration-office").find_next("p")
        text = section.get_text(" ", strip=True)
        if m in own:
            assert text == UI["mun_immigration_own"]["en"].replace("{office}", m.immigration_office.name).replace(
                "{name}", m.short_name
            ), m.slug
        else:
            assert "Ask your citizens' office to confirm" in text, m.slug


def test_municipality_index_links_every_page(built_site):
    html = soup(built_site, "tr/municipalities")
    targets = {urljoin("/tr/municipalities/", a["href"]) for a in html.select("article a[href]")}
    assert {f"/tr/municipalities/{slug}/" for slug in BY_SLUG} <= targets
    assert {f"/tr/districts/{d.slug}/" for d in REGION.districts} <= targets


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Sindelf", ["sindelfingen"]),
        ("Goppingen", ["goeppingen"]),  # typed without umlauts
        ("Göppingen", ["goeppingen"]),
        ("71063", ["sindelfingen"]),  # a postcode of one municipality
        ("73312", ["bad-ditzenbach", "deggingen", "geislingen-an-der-steige"]),  # shared by three
    ],
)
def test_finder(page, served_site, query, expected):
    page.goto(f"{served_site}de/municipalities/")
    page.fill("#handbook-finder-input", query)
    page.wait_for_selector(".handbook-finder__results a")
    found = [
        urlsplit(href).path
        for href in page.eval_on_selector_all(".handbook-finder__results a", "links => links.map(a => a.href)")
    ]
    assert found == [f"/de/municipalities/{slug}/" for slug in expected]
    if len(expected) > 1:
        assert "73312" in page.inner_text(".handbook-finder__status")


@pytest.mark.browser
def test_finder_by_keyboard_from_the_home_page(page, served_site):
    page.goto(f"{served_site}ar/")
    page.focus("#handbook-finder-input")
    page.keyboard.type("Wai")
    page.wait_for_selector(".handbook-finder__results a")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.textContent").startswith("Waiblingen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/ar/municipalities/waiblingen/"


def test_welcome_pack_carries_the_checklist_and_qr_codes_in_its_language(built_site, site_url):
    html = soup(built_site, "ar/employers/welcome-pack/sindelfingen")
    checklist = BeautifulSoup((built_site / "ar/checklist/index.html").read_text(encoding="utf-8"), "html.parser")
    steps = [label.get_text(" ", strip=True) for label in checklist.select("article .task-list-item")]
    assert steps and [item.get_text(" ", strip=True) for item in html.select(".handbook-pack-checklist .task-list-item")] == steps
    links = {a["href"] for a in html.select(".handbook-pack-checklist a")}
    assert "../../../topics/registration/#register-address" in links  # resolved by the site link check
    assert [figure.a["href"] for figure in html.select(".handbook-qr-codes figure")] == [
        f"{site_url}ar/municipalities/sindelfingen/",
        f"{site_url}ar/checklist/",
    ]
    assert len(html.select(".handbook-qr-codes svg")) == 2
