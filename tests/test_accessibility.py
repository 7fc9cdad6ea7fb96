"""axe-core (npm, injected into Debian's Chromium) finds no WCAG 2.1 A/AA violation on the key pages."""

from __future__ import annotations

import pytest

from handbook.pipeline.build import PROJECT

pytestmark = pytest.mark.browser

AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
PAGES = [
    "",
    "topics/registration/",
    "municipalities/sindelfingen/",
    "municipalities/",  # home, guide, town, finder
    "plan/#move-in=2027-03-01&start=2027-03-15&municipality=backnang&children=3&visa-end=2027-06-30",
    "employers/",
]  # a plan as a link opens it, and the employers' plan-link form
WCAG = "{runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}"


def test_no_wcag_violations_in_any_language(page, served_site, languages):
    assert AXE.is_file(), "axe-core is missing: `make setup` installs it from package-lock.json"
    found = []
    for lang in languages:
        for path in PAGES:
            page.goto(f"{served_site}{lang.code}/{path}")
            page.add_script_tag(path=str(AXE))
            result = page.evaluate(f"axe.run(document, {WCAG})")
            found += [
                (lang.code, path, violation["id"], violation["nodes"][0]["target"])
                for violation in result["violations"]
            ]
    assert found == []


def test_axe_does_report_a_violation(page, served_site):
    """Control: an image without a text alternative is reported, so the test above can fail."""
    page.goto(f"{served_site}en/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(f"axe.run(document, {WCAG})")
    assert "image-alt" in [violation["id"] for violation in result["violations"]]
