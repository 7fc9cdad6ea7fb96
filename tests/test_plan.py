"""The plan page in headless Chromium: an HR link opens a dated plan in the reader's language, the calendar
file parses as iCalendar, errors are announced, nothing leaves the site, and the checklist, the welcome packs
and the plan list the same steps."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from pypdf import PdfReader

from handbook.content.languages import babel_locale
from handbook.pipeline.build import PROJECT
from handbook.site.plan_rules import load_steps
from tests.test_browser import UNISOLATED_LATIN
from tests.test_html_conformance import vnu_errors

pytestmark = pytest.mark.browser

HR_LINK = "plan/#move-in=2027-03-01&start=2027-03-15&municipality=backnang"
FULL = HR_LINK + "&children=3,7&licence=non-eu&car=yes&visa-end=2027-06-30"
A4 = (595, 842)  # points, rounded


def shown_steps(page) -> list[tuple[str, str | None, str]]:
    """(guide section, due date, due text) of every step the plan shows, in order."""
    return [
        tuple(row)
        for row in page.eval_on_selector_all(
            ".handbook-plan__step",
            """items => items.map(item => [
        item.dataset.step, item.querySelector('time') ? item.querySelector('time').dateTime : null,
        item.querySelector('.handbook-plan__due').textContent])""",
        )
    ]


@pytest.mark.parametrize("code", ["en", "de", "ar"])
def test_an_hr_link_opens_the_dated_plan_in_the_readers_language(page, served_site, code):
    page.goto(f"{served_site}{code}/{HR_LINK}")
    steps = shown_steps(page)
    dated = {guide: day for guide, day, _ in steps if day}
    assert dated["topics/registration.md#register-address"] == "2027-03-15"  # two weeks after moving in
    assert dated["topics/health-and-social-security.md#health-insurance"] == "2027-03-29"  # two weeks after the start
    assert "topics/registration.md#before-it-expires" not in dated  # no visa end given
    register = next(text for guide, _, text in steps if guide == "topics/registration.md#register-address")
    assert format_date(date(2027, 3, 15), "long", locale=babel_locale(code)) in register
    summary = page.text_content(".handbook-plan__summary")
    assert "Backnang" in summary and format_date(date(2027, 3, 1), "long", locale=babel_locale(code)) in summary
    offices = page.get_attribute(".handbook-plan__offices a", "href")
    assert offices == "../municipalities/backnang/#offices"
    assert page.is_hidden("[data-handbook-plan-steps]"), "the general steps give way to the plan"


def test_every_fact_changes_the_plan_and_each_date_says_why(page, served_site):
    page.goto(f"{served_site}en/{FULL}")
    dated = {guide: day for guide, day, _ in shown_steps(page) if day}
    assert dated["topics/registration.md#before-it-expires"] == "2027-06-29"
    assert dated["topics/money-and-everyday-life.md#other-licence"] == "2027-09-01"
    assert dated["topics/health-and-social-security.md#child-benefit"] == "2027-09-30"
    assert dated["topics/childcare-and-school.md#kita-apply"] == "2027-03-01"
    assert "topics/car.md#car-from-abroad" in [guide for guide, _, _ in shown_steps(page)]
    why = page.text_content('[data-step="topics/registration.md#register-address"] .handbook-plan__why')
    assert why == "14 days after the day you move in, 1 March 2027."
    rule = page.get_attribute('[data-step="topics/registration.md#register-address"] .handbook-plan__rule a', "href")
    assert rule == "https://www.gesetze-im-internet.de/bmg/__17.html"


def test_an_eu_citizen_gets_no_visa_or_residence_permit_step(page, served_site):
    page.goto(f"{served_site}en/{FULL}&eu=yes")
    guides = [guide for guide, _, _ in shown_steps(page)]
    page.goto(f"{served_site}en/{HR_LINK}&eu=yes")
    assert "topics/car.md#car-from-abroad" not in [guide for guide, _, _ in shown_steps(page)], "no car, no car step"
    assert "topics/work-and-residence.md#what-to-do" not in guides
    assert "topics/registration.md#before-it-expires" not in guides


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_calendar_file_imports_as_icalendar(page, served_site, code):
    page.goto(f"{served_site}{code}/{FULL}")
    dated = [(guide, day) for guide, day, _ in shown_steps(page) if day]
    with page.expect_download() as download:
        page.click('[data-plan-action="calendar"]')
    assert download.value.suggested_filename == "plan.ics"
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = calendar.walk("VEVENT")
    assert [event.decoded("DTSTART").isoformat() for event in events] == [day for _, day in dated]
    guide_paths = {urlsplit(str(event["URL"])).path for event in events}
    assert f"/{code}/topics/registration/" in guide_paths
    assert all(str(event["URL"]).startswith(served_site) for event in events)
    assert all(event.walk("VALARM") and event.walk("VALARM")[0]["TRIGGER"].dt.days < 0 for event in events)
    register = next(e for e in events if urlsplit(str(e["URL"])).fragment == "register-address")
    assert "gesetze-im-internet.de/bmg/__17.html" in str(register["DESCRIPTION"])


def test_mistakes_are_announced_and_named_by_field(page, served_site):
    page.goto(f"{served_site}en/plan/")
    page.fill("#plan-children", "3, x")
    page.focus("#plan-move-in")
    for _ in range(40):  # the keyboard alone reaches the button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "submit":
            break
    page.keyboard.press("Enter")
    summary = page.locator(".handbook-plan-form__errors")
    assert summary.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.classList.contains('handbook-plan-form__errors')")
    assert summary.locator("li").all_text_contents() == [
        "Write the children's ages as whole numbers from 0 to 24, separated by commas.",
        "Fill in this field: The day you move in.",
        "Fill in this field: Your first working day.",
    ]
    assert page.get_attribute("#plan-move-in", "aria-invalid") == "true"
    assert "plan-move-in-error" in page.get_attribute("#plan-move-in", "aria-describedby")
    assert page.is_hidden("[data-handbook-plan-result]")


def test_a_link_to_a_place_outside_the_region_says_so_at_the_field(page, served_site):
    page.goto(f"{served_site}en/plan/#move-in=2027-03-01&start=2027-03-15&municipality=berlin")
    assert page.locator(".handbook-plan-form__errors li").all_text_contents() == [
        "Fill in this field: Your municipality."
    ]
    assert page.is_hidden("[data-handbook-plan-result]")


def test_the_form_makes_the_link_that_opens_the_plan(page, served_site):
    page.goto(f"{served_site}de/employers/")
    page.fill("#plan-move-in", "2027-03-01")
    page.fill("#plan-start", "2027-03-15")
    page.select_option("#plan-municipality", "backnang")
    page.check('input[name="eu"][value="no"]')
    page.fill("#plan-children", "4")
    page.click("[data-handbook-plan-form] button[type=submit]")
    link = page.input_value("#plan-link-address")
    assert link == f"{served_site}de/plan/#move-in=2027-03-01&start=2027-03-15&municipality=backnang&eu=no&children=4"
    page.goto(link)
    assert dict((g, d) for g, d, _ in shown_steps(page))["topics/childcare-and-school.md#kita-apply"] == "2027-03-01"


def test_a_plan_is_kept_on_the_device_only_when_asked(page, served_site):
    page.goto(f"{served_site}en/{HR_LINK}")
    assert page.evaluate("localStorage.getItem('handbook-plan-v1')") is None
    page.check('[data-plan-action="keep"]')
    assert page.evaluate("localStorage.getItem('handbook-plan-v1')") == HR_LINK.split("#")[1]
    page.goto(f"{served_site}en/plan/")
    assert shown_steps(page), "the kept plan opens again"
    page.uncheck('[data-plan-action="keep"]')
    assert page.evaluate("localStorage.getItem('handbook-plan-v1')") is None


def test_nothing_leaves_the_site_and_no_cookie_is_set(browser, served_site):
    context = browser.new_context()
    hosts = set()
    page = context.new_page()
    page.on("request", lambda request: request.url.startswith("blob:") or hosts.add(urlsplit(request.url).netloc))
    page.goto(f"{served_site}ar/{FULL}")
    with page.expect_download():
        page.click('[data-plan-action="calendar"]')
    page.goto(f"{served_site}en/employers/")
    page.fill("#plan-move-in", "2027-03-01")
    page.fill("#plan-start", "2027-03-15")
    page.click("[data-handbook-plan-form] button[type=submit]")
    assert hosts == {urlsplit(served_site).netloc}
    assert context.cookies() == []
    context.close()


def test_without_javascript_the_page_is_the_general_checklist(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served_site}en/plan/")
    steps, _ = load_steps(PROJECT)
    assert page.locator("[data-handbook-plan-steps] .task-list-item").count() == len(steps)
    assert page.is_hidden("[data-handbook-plan-form]"), "no form that cannot work"
    assert page.get_attribute("[data-handbook-plan-form]", "method") == "dialog", "sending it never leaves the page"
    context.close()


def test_the_arabic_plan_is_isolated_mirrored_and_fits_a_phone(page, served_site):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{served_site}ar/{FULL}")
    assert page.evaluate(UNISOLATED_LATIN) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    bar = page.eval_on_selector(".handbook-plan__step", "e => getComputedStyle(e).borderRightWidth")
    assert bar != "0px", "the step's bar is on the reading side"


@pytest.mark.parametrize("code", ["en", "ar"])
def test_the_plan_prints_on_a4_without_its_form(page, served_site, code, tmp_path):
    page.goto(f"{served_site}{code}/{FULL}")
    page.emulate_media(media="print")
    assert page.is_hidden("[data-handbook-plan-form]") and page.is_hidden(".handbook-plan__actions")
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    reader = PdfReader(pdf)
    assert all(tuple(round(float(v)) for v in p.mediabox[2:]) == A4 for p in reader.pages)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "2027" in text


def test_the_shown_plan_is_valid_html(page, served_site, tmp_path):
    page.goto(f"{served_site}ar/{FULL}")
    shown = tmp_path / "plan.html"
    shown.write_text("<!doctype html>\n" + page.evaluate("document.documentElement.outerHTML"), encoding="utf-8")
    assert vnu_errors([shown]) == []


def step_links(html: str, container: str) -> list[str]:
    """The guide section each checklist step of a built page links, as 'topics/<guide>/#<id>'."""
    soup = BeautifulSoup(html, "html.parser")
    scope = soup.select_one(container)
    found = []
    for item in scope.select(".task-list-item"):
        href = item.select("a[href]")[-1]["href"]
        found.append(re.sub(r"^(\.\./)+", "", href))
    return found


def test_the_checklist_the_packs_and_the_plan_list_the_same_steps(built_site, languages):
    steps, _ = load_steps(PROJECT)
    expected = [step.guide.replace(".md#", "/#") for step in steps]
    for lang in languages:
        read = (built_site / lang.code).joinpath
        assert step_links(read("checklist", "index.html").read_text(), "article") == expected, lang.code
        assert step_links(read("plan", "index.html").read_text(), "[data-handbook-plan-steps]") == expected
        pack = read("employers", "welcome-pack", "backnang", "index.html").read_text()
        assert step_links(pack, ".handbook-pack-checklist") == expected, lang.code
