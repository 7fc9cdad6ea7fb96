"""Municipality and district pages in the built site, and the finder in Chromium."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.numbers import format_decimal
from bs4 import BeautifulSoup

from handbook.content.ui_strings import load_ui_strings
from handbook.region.region_data import DATA, load_region
from tests.helpers import DATA_DAY, sitemap_alternates

REGION = load_region(DATA, DATA_DAY)
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


def test_every_page_names_the_office_of_its_district_list_or_says_it_is_unconfirmed(built_site):
    for m in REGION.municipalities:
        section = soup(built_site, f"en/municipalities/{m.slug}").find(id="immigration-office").find_next("p")
        key = "mun_immigration_own" if m.immigration_office.confirmed else "mun_immigration_likely"
        expected = UI[key]["en"].replace("{office}", m.immigration_office.name).replace("{name}", m.short_name)
        assert section.get_text().strip() == expected.replace("**", ""), m.slug
    assert (
        "Stadt Bietigheim-Bissingen"
        in soup(built_site, "en/municipalities/tamm").find(id="immigration-office").find_next("p").text
    )
    assert (
        "Landratsamt Göppingen"
        in soup(built_site, "de/municipalities/eislingen-fils").find(id="immigration-office").find_next("p").text
    )


def office_links(html: BeautifulSoup, section: str) -> list[tuple[str, str]]:
    heading = html.find(id=section)
    items = heading.find_next("ul")
    return [(a.get_text(" ", strip=True), a["href"]) for a in items.select("li > a")]


@pytest.mark.parametrize("code", ["en", "de", "ar"])
def test_office_details_with_links_and_provenance_in_each_language(built_site, code):
    ui = {key: texts[code] for key, texts in UI.items()}
    stuttgart = BY_SLUG["stuttgart"].immigration_office.office
    html = soup(built_site, f"{code}/municipalities/stuttgart")
    assert office_links(html, "immigration-office") == [
        (ui["mun_office_page"], stuttgart.page.url),
        (ui["mun_appointment_email"], stuttgart.appointment.url),
    ]
    section = html.find(id="immigration-office").find_parent().get_text(" ", strip=True)
    assert stuttgart.phone in html.find(id="immigration-office").find_next("ul").get_text(" ", strip=True)
    assert ui["mun_assignment_source"].split("{")[0].strip() in section
    registration = office_links(html, "registration")
    assert [href for _, href in registration] == [
        BY_SLUG["stuttgart"].details["citizens_office"]["url"],
        BY_SLUG["stuttgart"].details["website"]["url"],
    ]
    # Tamm: no registration page confirmed yet, so readers are told so and sent to the town hall.
    tamm = soup(built_site, f"{code}/municipalities/tamm")
    for isolate in tamm.find_all("bdi"):  # Arabic pages isolate the Latin name; compare the text as read
        isolate.unwrap()
    tamm.smooth()
    fallback = ui["mun_registration_no_link"].replace("{name}", "Tamm").replace("*", "")
    assert BeautifulSoup(fallback, "html.parser").get_text().split("(")[0].strip() in tamm.find(
        id="registration"
    ).find_parent().get_text(" ")


def test_district_pages_list_their_offices_and_whom_they_serve(built_site):
    html = soup(built_site, "en/districts/ludwigsburg")
    entries = {
        li.strong.get_text(strip=True): li.get_text(" ", strip=True)
        for li in html.find(id="immigration-offices").find_next("ul").find_all("li", recursive=False)
    }
    assert set(entries) == {m.immigration_office.name for m in REGION.municipalities if m.district_ags == "08118"}
    bietigheim = entries["Stadt Bietigheim-Bissingen – Ausländerbehörde"]
    assert "Responsible for: Bietigheim-Bissingen , Ingersheim , Tamm" in bietigheim
    rems_murr = (
        soup(built_site, "en/districts/rems-murr-kreis").find(id="immigration-offices").find_next("ul").get_text(" ")
    )
    assert "Usually also responsible for" in rems_murr


def test_the_editors_report_lists_what_is_unconfirmed(built_site):
    text = soup(built_site, "en/editors/offices").get_text(" ", strip=True)
    unconfirmed = [m for m in REGION.municipalities if not m.immigration_office.confirmed]
    assert f"{len(unconfirmed)} have an immigration office that no published list" in text
    assert all(m.ags in text for m in unconfirmed)


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
    assert (
        steps
        and [item.get_text(" ", strip=True) for item in html.select(".handbook-pack-checklist .task-list-item")]
        == steps
    )
    links = {a["href"] for a in html.select(".handbook-pack-checklist a")}
    assert "../../../topics/registration/#register-address" in links  # resolved by the site link check
    assert [figure.a["href"] for figure in html.select(".handbook-qr-codes figure")] == [
        f"{site_url}ar/municipalities/sindelfingen/",
        f"{site_url}ar/checklist/",
    ]
    assert len(html.select(".handbook-qr-codes svg")) == 2


@pytest.mark.browser
def test_enter_opens_the_highlighted_result_and_arrow_keys_choose(page, served_site):
    page.goto(f"{served_site}en/municipalities/")
    page.fill("#handbook-finder-input", "Alt")
    page.wait_for_selector(".handbook-finder__results a")
    names = page.eval_on_selector_all(".handbook-finder__results a", "links => links.map(a => a.textContent)")
    assert len(names) > 2
    assert page.eval_on_selector(".handbook-finder__results a.is-highlighted", "a => a.textContent") == names[0]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    first = urlsplit(page.url).path
    page.goto(f"{served_site}en/municipalities/")
    page.focus("#handbook-finder-input")
    page.keyboard.type("Alt")
    page.wait_for_selector(".handbook-finder__results a")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.eval_on_selector(".handbook-finder__results a.is-highlighted", "a => a.textContent") == names[1]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path != first and urlsplit(page.url).path.startswith("/en/municipalities/")


@pytest.mark.browser
@pytest.mark.parametrize("query", ["Berlin", "10115"])
def test_a_place_outside_the_region_is_told_so_with_the_welcome_centres(page, served_site, query):
    page.goto(f"{served_site}de/municipalities/")
    page.fill("#handbook-finder-input", query)
    page.wait_for_selector(".handbook-finder__status a")
    status = page.inner_text(".handbook-finder__status")
    assert status.startswith(UI["finder_outside"]["de"].split("{query}")[0] + query)
    assert (
        page.get_attribute(".handbook-finder__status a", "href")
        == "https://www.make-it-in-germany.com/en/welcome-center-bw-en"
    )
    page.fill("#handbook-finder-input", "Bo")  # a name being typed is not yet a place
    page.wait_for_function("!document.querySelector('.handbook-finder__status a')")


@pytest.mark.browser
def test_welcome_pack_prints_office_addresses_and_a_code_for_the_appointment_page(
    page, served_site, built_site, tmp_path
):
    import subprocess

    office = BY_SLUG["tamm"].immigration_office.office
    html = soup(built_site, "en/employers/welcome-pack/tamm")
    printed = [(a.get_text(strip=True), a["href"]) for a in html.find(id="offices").find_next("ul").select("a")]
    assert printed and all(text == href for text, href in printed)  # the address is on the paper
    assert office.appointment.url in {href for _, href in printed}
    page.goto(f"{served_site}en/employers/welcome-pack/tamm/")
    decoded = []
    for index, figure in enumerate(page.query_selector_all(".handbook-qr-codes figure svg")):
        image = tmp_path / f"code-{index}.png"
        figure.screenshot(path=str(image))
        result = subprocess.run(["zbarimg", "--raw", "-q", str(image)], capture_output=True, text=True, check=True)
        decoded.append(result.stdout.strip())
    assert decoded == [f"{served_site}en/municipalities/tamm/", f"{served_site}en/checklist/", office.appointment.url]


@pytest.mark.browser
@pytest.mark.parametrize("code", ["en", "ar", "zh"])
def test_welcome_pack_prints_on_a4_with_numbered_pages(page, served_site, code):
    from io import BytesIO

    from pypdf import PdfReader

    for slug in ["stuttgart", "tamm", "bietigheim-bissingen"]:
        page.goto(f"{served_site}{code}/employers/welcome-pack/{slug}/")
        page.emulate_media(media="print")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), slug
        reader = PdfReader(BytesIO(page.pdf(prefer_css_page_size=True)))
        pages = len(reader.pages)
        assert 1 <= pages <= 4, (slug, pages)  # a pack is a few sheets, not a printout of the site
        for number, sheet in enumerate(reader.pages, 1):
            width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
            assert (round(width), round(height)) == (595, 842), "A4 in points"
            assert f"{number} / {pages}" in sheet.extract_text(), (slug, number, sheet.extract_text()[-80:])
