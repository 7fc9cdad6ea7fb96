"""The handbook's colours in Chromium: every text colour of the identity reaches WCAG AA on its background,
and keyboard focus shows the yellow focus style (a test that reads the colours the browser really paints)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

AA_TEXT = 4.5
FOCUS_YELLOW = (255, 221, 0)


def rgb(css: str) -> tuple[int, int, int]:
    """'rgb(0, 80, 110)' or 'rgba(…)' (opaque) -> (0, 80, 110)."""
    red, green, blue = (int(float(part)) for part in re.findall(r"[\d.]+", css)[:3])
    return red, green, blue


def contrast(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG 2.1 contrast ratio of two sRGB colours."""

    def luminance(colour: tuple[int, int, int]) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in colour)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_helper_matches_known_ratios():
    assert round(contrast((0, 0, 0), (255, 255, 255)), 1) == 21.0
    assert round(contrast((0, 80, 110), (255, 255, 255)), 1) == 8.9
    assert contrast((118, 118, 118), (255, 255, 255)) >= AA_TEXT > contrast((119, 119, 119), (255, 255, 255))


PAIRS = {  # what is read -> (selector of the text, selector of the element that paints its background)
    "site name in the header": (".md-header__topic", ".md-header"),
    "link in the text": (".md-content article p a", "body"),
    "task tile": (".handbook-entry-points a", ".handbook-entry-points a"),
    "finder hint": (".handbook-finder__hint", ".handbook-finder"),
    "footer link": (".md-footer-meta a", ".md-footer-meta"),
}


@pytest.mark.parametrize("code", ["en", "ar"])
@pytest.mark.parametrize("name", list(PAIRS))
def test_text_colours_reach_aa_contrast(page, served_site, code, name):
    text, background = PAIRS[name]
    page.goto(f"{served_site}{code}/")
    colour = page.eval_on_selector(text, "e => getComputedStyle(e).color")
    paint = page.eval_on_selector(background, "e => getComputedStyle(e).backgroundColor")
    assert "rgba(0, 0, 0, 0)" not in paint, f"{background} paints no background of its own"
    assert contrast(rgb(colour), rgb(paint)) >= AA_TEXT, (name, colour, paint)


def test_the_header_is_the_handbooks_own_colour(page, served_site):
    page.goto(f"{served_site}en/")
    assert rgb(page.eval_on_selector(".md-header", "e => getComputedStyle(e).backgroundColor")) == (0, 80, 110)


def test_keyboard_focus_is_yellow_and_readable(page, served_site):
    page.goto(f"{served_site}en/")
    page.focus(".handbook-entry-points a")
    style = page.eval_on_selector(
        ".handbook-entry-points a", "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
    )
    assert rgb(style[0]) == FOCUS_YELLOW
    assert contrast(rgb(style[1]), FOCUS_YELLOW) >= AA_TEXT
