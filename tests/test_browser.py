"""The built handbook in headless Chromium: language switching, right-to-left layout, search, privacy."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from handbook.pipeline.build import PROJECT

pytestmark = pytest.mark.browser

# A German official term typed while reading any language finds the guide that explains it.
GERMAN_TERMS = {
    "Anmeldung": "topics/registration/",
    "Meldebescheinigung": "topics/registration/",
    "Aufenthaltstitel": "topics/registration/",
    "Kita": "topics/childcare-and-school/",
    "Steuer-ID": "topics/money-and-everyday-life/",
    "Kirchensteuer": "topics/taxes/",
    "Elternzeit": "topics/family/",
    "Hausarzt": "topics/doctors/",
}


def page_title(relative: str, code: str) -> str:
    """The front-matter title of a page in a language (the original's if it is not translated)."""
    translated = PROJECT / "docs" / relative.replace(".md", f".{code}.md")
    source = translated if translated.exists() else PROJECT / "docs" / relative
    front_matter = source.read_text(encoding="utf-8").split("---")[1]
    return yaml.safe_load(front_matter)["title"]


def search(page, query: str) -> list[str]:
    """Open the header search, type a query, return the result paths."""
    box = page.locator("[data-handbook-search] input")
    if not box.is_visible():  # narrow screens show only the search button
        page.click('label.md-header__button[for="__search"]')
    box.fill(query)
    page.wait_for_selector(".md-search-result__list a", timeout=10_000)
    return [
        urlsplit(href).path
        for href in page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
    ]


def test_language_switcher_keeps_the_page(page, served_site, languages):
    page.goto(f"{served_site}en/topics/")
    for lang in languages[1:]:
        page.click(".md-select button")
        page.click(f'[data-handbook="languages"] a[hreflang="{lang.code}"]')
        page.wait_for_url(f"{served_site}{lang.code}/topics/")
        assert page.evaluate("document.documentElement.lang") == lang.code


@pytest.mark.parametrize("arrive", ["address", "scrolling"])
def test_language_switcher_keeps_the_section(page, served_site, arrive):
    # An HR link to a section, or a reader who scrolled there: switching language lands on the same section.
    guide = "topics/health-and-social-security/"
    if arrive == "address":
        page.goto(f"{served_site}zh/{guide}#health-insurance")
    else:
        page.goto(f"{served_site}zh/{guide}")
        page.evaluate("document.getElementById('health-insurance').scrollIntoView()")
    page.click(".md-select button")
    page.click('[data-handbook="languages"] a[hreflang="en"]')
    page.wait_for_url(f"{served_site}en/{guide}#health-insurance")
    assert page.evaluate("document.getElementById('health-insurance').getBoundingClientRect().top") < 200


UNISOLATED_LATIN = """() => {
  const walker = document.createTreeWalker(document.querySelector('.md-content article'), NodeFilter.SHOW_TEXT);
  const found = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const isolated = node.parentElement.closest('bdi, [dir="ltr"], code, pre, script, noscript');
    if (/[A-Za-z0-9]/.test(node.data) && !isolated) found.push(node.data.trim());
  }
  return found;
}"""


@pytest.mark.parametrize(
    "path",
    [
        "",
        "topics/health-and-social-security/",
        "topics/registration/",
        "municipalities/ludwigsburg/",
        "employers/links/",
    ],
)
def test_left_to_right_text_is_isolated_in_arabic(page, served_site, path):
    page.goto(f"{served_site}ar/{path}")
    assert page.evaluate(UNISOLATED_LATIN) == []


@pytest.mark.parametrize("code", ["en", "ar", "zh"])
def test_german_terms_are_marked_german(page, served_site, code):
    page.goto(f"{served_site}{code}/topics/registration/")
    terms = page.eval_on_selector_all(".md-content article em", "ems => ems.map(em => [em.lang, em.textContent])")
    assert ["de", "Wohnungsgeberbestätigung"] in terms
    assert all(lang == "de" for lang, text in terms if any("a" <= c.lower() <= "z" for c in text)), terms


@pytest.mark.parametrize("code", ["en", "ar", "zh"])
def test_source_names_carry_the_language_they_are_written_in(page, served_site, code):
    page.goto(f"{served_site}{code}/topics/registration/")
    langs = page.eval_on_selector_all(".handbook-sources a", "links => links.map(a => a.lang)")
    sources = yaml.safe_load((PROJECT / "docs" / "topics" / "registration.md").read_text().split("---")[1])["sources"]
    written_in = [source.get("lang", "en") for source in sources]
    assert "de" in written_in and "en" in written_in, "the guide has names in both languages"
    assert langs == ["" if lang == code else lang for lang in written_in]


def test_arabic_is_right_to_left_and_mirrored(page, served_site):
    page.set_viewport_size({"width": 1400, "height": 900})

    def layout(code: str) -> tuple[str, float, float]:
        page.goto(f"{served_site}{code}/topics/")
        direction = page.evaluate("getComputedStyle(document.documentElement).direction")
        nav = page.locator(".md-sidebar--primary").bounding_box()
        content = page.locator(".md-content").bounding_box()
        return direction, nav["x"], content["x"]

    direction, nav_x, content_x = layout("ar")
    assert direction == "rtl"
    assert nav_x > content_x, "Arabic navigation should sit right of the content"
    direction, nav_x, content_x = layout("de")
    assert direction == "ltr"
    assert nav_x < content_x


def test_search_finds_pages_in_the_readers_language(page, served_site, languages):
    for lang in languages:
        page.goto(f"{served_site}{lang.code}/")
        query = page_title("municipalities/index.md", lang.code)
        results = search(page, query)
        assert f"/{lang.code}/municipalities/" in results, (lang.code, query, results)
        assert all(path.startswith(f"/{lang.code}/") for path in results), (lang.code, results)


FIRST_TASKS = [
    "checklist/",
    "plan/",
    "topics/registration/",
    "topics/work-and-residence/",
    "topics/housing/",
    "employers/",
]


def test_a_phones_first_screen_has_the_finder_and_the_common_tasks(page, served_site, languages):
    page.set_viewport_size({"width": 360, "height": 800})
    for lang in languages:
        page.goto(f"{served_site}{lang.code}/")
        on_screen = page.evaluate("""() => [...document.querySelectorAll(
            '#handbook-finder-input, .handbook-entry-points a, .handbook-access-links a')]
            .filter(e => { const box = e.getBoundingClientRect(); return box.height > 0 && box.bottom <= innerHeight; })
            .map(e => e.id || new URL(e.href).pathname)""")
        assert "handbook-finder-input" in on_screen, lang.code
        for task in FIRST_TASKS + ["about/easy-read/", "about/sign-language/"]:
            assert f"/{lang.code}/{task}" in on_screen, (lang.code, task, on_screen)
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), lang.code


@pytest.mark.parametrize("width", [360, 1280])
def test_the_site_name_is_never_cut(page, served_site, languages, width):
    page.set_viewport_size({"width": width, "height": 800})
    for lang in languages:
        page.goto(f"{served_site}{lang.code}/")
        shown = page.locator(
            ".md-header__topic .handbook-name-short" if width < 720 else ".md-header__topic .handbook-name"
        )
        assert shown.is_visible(), lang.code
        box = page.locator(".md-header__topic .md-ellipsis").first
        assert box.evaluate("e => e.scrollWidth <= e.clientWidth"), (lang.code, width, shown.inner_text())


@pytest.mark.parametrize("code", ["ar", "zh", "uk"])
def test_the_machine_translation_notice_is_one_line_on_a_phone(page, served_site, code):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{served_site}{code}/topics/registration/")
    notice = page.locator('[data-notice="machine-translated"]')
    assert notice.is_visible()
    assert notice.bounding_box()["height"] < 80, "the notice must not fill the first screen"
    notice.locator("summary").click()
    assert notice.locator("a[hreflang=en]").is_visible()


@pytest.mark.parametrize("code", ["en", "de", "es", "fr", "ar"])
def test_the_number_of_results_takes_the_languages_plural_form(page, served_site, code):
    from babel import Locale

    from handbook.content.ui_strings import load_ui_strings

    forms = load_ui_strings()["search_results"][code]
    page.goto(f"{served_site}{code}/")
    search(page, "Zweitschriftlernerkurs")  # one page explains it
    page.wait_for_function("!/…|\\.\\.\\./.test(document.querySelector('.md-search-result__meta').textContent)")
    page.wait_for_timeout(500)
    shown = page.inner_text(".md-search-result__meta")
    n = len(page.query_selector_all(".md-search-result__list a"))
    form = Locale.parse(code).plural_form(n)  # Babel's CLDR rules, independent of the browser's Intl
    expected = forms.get(form, forms["other"]) if isinstance(forms, dict) else forms
    assert shown == expected.replace("{n}", page.evaluate(f"({n}).toLocaleString('{code}')")), (n, shown)
    assert n == 1 and "pages" not in shown


@pytest.mark.parametrize("term", GERMAN_TERMS)
def test_german_official_terms_work_from_every_language(page, served_site, languages, term):
    for lang in languages:
        page.goto(f"{served_site}{lang.code}/about/")
        search(page, term)
        page.wait_for_timeout(500)  # the list fills in as Pagefind loads the results
        results = [
            urlsplit(href).path
            for href in page.eval_on_selector_all(".md-search-result__list a", "links => links.map(a => a.href)")
        ]
        # First, where the glossary says the term is explained; Turkish stemming joins "Kita" and "kitabı"
        # (book, as in "el kitabı", handbook), so there the guide may come second.
        first = 2 if (lang.code, term) == ("tr", "Kita") else 1
        assert f"/{lang.code}/{GERMAN_TERMS[term]}" in results[:first], (lang.code, term, results)


def test_no_request_leaves_the_site_and_no_cookies(browser, served_site, languages):
    origin = served_site.rstrip("/")
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for lang in languages:
        for path in ("", "topics/", "municipalities/"):
            page.goto(f"{served_site}{lang.code}/{path}")
        search(page, "Kita")
    page.goto(served_site)
    outside = [url for url in requests if not url.startswith(origin + "/") and not url.startswith("data:")]
    assert outside == []
    assert any("/pagefind/" in url for url in requests), "the search must have loaded its index"
    assert context.cookies() == []
    context.close()


def test_no_search_download_before_the_reader_searches(page, served_site):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{served_site}de/topics/")
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "pagefind" in url or "search" in url] == []


@pytest.mark.parametrize("width", [1280, 360])
def test_search_by_keyboard_alone(page, served_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{served_site}uk/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-handbook-search] input')")
    page.keyboard.type("Anmeldung")
    page.wait_for_selector(".md-search-result__list a")
    titles = page.locator(".md-search-result__list h1").all_inner_texts()
    assert titles and not any("¶" in title for title in titles), titles
    first = urlsplit(page.locator(".md-search-result__list a").first.get_attribute("href")).path
    assert first == "/uk/topics/registration/"  # the guide that explains the term comes first
    with page.expect_navigation(timeout=10_000):
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == first


@pytest.mark.parametrize("code", ["en", "ar"])
def test_search_counts_every_match_and_shows_more_on_request(page, served_site, code):
    """The count is of all pages found; the list fetches four at a time (each costs a download)."""
    from handbook.content.ui_strings import load_ui_strings

    page.goto(f"{served_site}{code}/")
    search(page, "Stuttgart")
    page.wait_for_function("document.querySelectorAll('.md-search-result__list a').length === 4")
    total = int("".join(ch for ch in page.inner_text(".md-search-result__meta") if ch.isdigit()))
    assert total > 10, total  # many guides and pages name the city
    more = page.locator(".handbook-search-more")
    assert more.inner_text() == load_ui_strings()["search_more"][code]
    more.press("Enter")
    page.wait_for_function("document.querySelectorAll('.md-search-result__list a').length === 8")
    fifth = page.locator(".md-search-result__list a").nth(4)
    assert fifth.evaluate("link => link === document.activeElement"), "focus moves to the first new result"
    search(page, "Zweitschriftlernerkurs")  # a new search starts a new list, without the button
    page.wait_for_function("document.querySelectorAll('.md-search-result__list a').length === 1")
    assert page.locator(".handbook-search-more").count() == 0


def test_search_finds_a_municipality_by_name_and_postcode(page, served_site):
    page.goto(f"{served_site}zh/")
    assert "/zh/municipalities/sindelfingen/" in search(page, "Sindelfingen")[:3]
    page.goto(f"{served_site}es/")
    assert "/es/municipalities/sindelfingen/" in search(page, "71063")[:3]


@pytest.mark.parametrize("code", ["en", "ar", "zh"])
def test_pages_fit_a_phone_screen(page, served_site, code):
    """At 360 px nothing scrolls sideways: home, a guide, a municipality, the checklist, the link catalogue."""
    page.set_viewport_size({"width": 360, "height": 740})
    wide = []
    for path in (
        "",
        "topics/registration/",
        "municipalities/sindelfingen/",
        "checklist/",
        "employers/links/",
        "employers/welcome-pack/waiblingen/",
        "glossary/",
    ):
        page.goto(f"{served_site}{code}/{path}")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            wide.append((path, width))
    assert wide == []
