"""The handbook's own content: guides, checklist, employer link catalogue."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from handbook.content.page_sources import headings, load_pages
from handbook.pipeline.build import PROJECT

CODES = ["en", "de", "ar", "es", "fr", "tr", "uk", "zh"]
PAGES = load_pages(PROJECT / "docs", CODES, PROJECT / "mkdocs.yml")
GUIDES = [p for p in PAGES if p.language is None and p.front_matter and p.front_matter.data.get("kind") == "guide"]


def test_every_topic_in_the_navigation_is_a_guide_starting_with_what_to_do_and_naming_german_terms():
    in_nav = set(re.findall(r"^ +- (topics/[a-z-]+\.md)$", (PROJECT / "mkdocs.yml").read_text(), re.M))
    assert {g.src_uri for g in GUIDES} == in_nav - {"topics/index.md"}
    assert len(GUIDES) == 19
    for guide in GUIDES:
        ids = [explicit for _, level, _, explicit in headings(guide) if level == 2]
        assert ids[0] == "what-to-do", guide.path
        assert "german-terms" in ids, guide.path
        assert guide.front_matter.data["sources"], guide.path


def test_every_guide_has_a_german_translation():
    translated = {p.page for p in PAGES if p.language == "de"}
    assert {g.src_uri for g in GUIDES} <= translated


def test_link_catalogue_lists_every_guide_section_with_a_working_link(built_site, site_url):
    html = BeautifulSoup((built_site / "fr/employers/links/index.html").read_text(encoding="utf-8"), "html.parser")
    urls = [button["data-copy"] for button in html.select("button.handbook-copy")]
    sections = sum(1 + sum(1 for _, level, _, i in headings(g) if level == 2 and i) for g in GUIDES)
    assert len(urls) == sections
    for url in urls:
        assert url.startswith(f"{site_url}fr/topics/")
        path = urlsplit(url).path.lstrip("/")
        target = built_site / path / "index.html"
        assert target.is_file(), url
        fragment = urlsplit(url).fragment
        if fragment:
            assert BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find(id=fragment), url


@pytest.mark.browser
def step_links(page) -> list[str]:
    """The section each ticked step links to."""
    return sorted(
        page.eval_on_selector_all(
            ".task-list-item",
            """items => items
        .filter(item => item.querySelector('input').checked)
        .map(item => new URL(item.querySelector('a[href]').href).hash)""",
        )
    )


def reversed_steps(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for steps in soup.select("ul.task-list"):
        items = steps.find_all("li", recursive=False)
        for item in items:
            item.extract()
        for item in reversed(items):
            steps.append(item)
    return str(soup)


def test_checklist_ticks_stay_on_this_device_only(browser, served_site):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{served_site}en/checklist/")
    boxes = page.locator(".task-list-item input[type=checkbox]")
    assert boxes.count() >= 10
    assert boxes.nth(0).is_enabled() and boxes.nth(0).get_attribute("aria-label")
    # The theme draws its own box over the input; a click there reaches the input through its label.
    boxes.nth(0).check(force=True)
    boxes.nth(3).check(force=True)
    page.reload()
    assert [boxes.nth(i).is_checked() for i in range(5)] == [True, False, False, True, False]
    page.goto(f"{served_site}tr/checklist/")  # the same steps, in another language
    assert page.locator(".task-list-item input[type=checkbox]").nth(3).is_checked()
    ticked = step_links(page)
    # Editors reorder the steps: every tick stays with its step (kept by the section the step links to).
    page.route(
        f"{served_site}en/checklist/",
        lambda route: route.fulfill(
            response=route.fetch(), body=reversed_steps(route.fetch().text()), content_type="text/html"
        ),
    )
    page.goto(f"{served_site}en/checklist/")
    assert step_links(page) == ticked
    assert context.cookies() == []
    assert all(url.startswith(served_site) for url in requests)
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("path", ["checklist/", "topics/housing/"])
def test_checklist_and_guide_print_without_navigation_and_with_link_targets(page, served_site, code, path):
    page.goto(f"{served_site}{code}/{path}")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-sidebar--secondary").is_visible()
    targets = page.eval_on_selector_all(
        ".md-content article a[data-print-href]", "links => links.map(a => a.getAttribute('data-print-href'))"
    )
    assert f"{served_site}{code}/topics/registration/#register-address" in targets
    after = page.evaluate(
        "getComputedStyle(document.querySelector('.md-content article a[data-print-href]'), '::after').content"
    )
    assert served_site in after
    direction = page.evaluate("""(() => { const style = getComputedStyle(
        document.querySelector('.md-content article a[data-print-href]'), '::after');
        return [style.direction, style.unicodeBidi]; })()""")
    assert direction == ["ltr", "isolate"]  # typeable as printed, in Arabic too


def test_glossary_explains_every_term_in_every_language_and_links_its_guide(built_site):
    from handbook.content.glossary import check_glossary, load_glossary

    assert check_glossary(PROJECT, CODES, PAGES) == []
    terms, _ = load_glossary(PROJECT)
    html = BeautifulSoup((built_site / "uk/glossary/index.html").read_text(encoding="utf-8"), "html.parser")
    shown = {dt.get_text(strip=True) for dt in html.select("article dt")}
    assert shown == {term.term for term in terms}
    meldung = next(t for t in terms if t.term == "Meldebescheinigung")
    text = html.find("dt", string=lambda s: s and "Meldebescheinigung" in s)
    assert text is not None and meldung.explanations["uk"] in text.find_next("dd").get_text(" ", strip=True)


def test_glossary_problems_are_reported_with_their_line(tmp_path):
    from handbook.content.glossary import check_glossary

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text(
        "Kaution:\n  section: topics/housing.md#deposit\n  en: Deposit.\n"
        "Kita:\n  section: topics/childcare-and-school.md#kindergarten\n  en: Day care.\n  de: Kita.\n  pt: Creche.\n"
        "Schule: school\n",
        encoding="utf-8",
    )
    assert [str(p) for p in check_glossary(tmp_path, ["en", "de"], PAGES)] == [
        "data/glossary.yml:8: 'Kita' has an unknown field 'pt' — use 'section' or a language code (en, de)",
        "data/glossary.yml:9: 'Schule' has no 'section' and explanations"
        " — give it 'section:' and one line per language",
        "data/glossary.yml:1: 'Kaution' has no 'de' explanation — add '  de: …' under 'Kaution:'",
        "data/glossary.yml:4: 'Kita' links to a missing section 'topics/childcare-and-school.md#kindergarten'"
        " — use a guide's .md path under docs/ and one of its heading ids",
    ]
