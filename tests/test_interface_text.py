"""The interface speaks the reader's language: no English interface text in another language's pages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from handbook.content.ui_strings import load_ui_strings, texts_of

PAGES = ["index.html", "topics/registration/index.html", "municipalities/backnang/index.html"]
ATTRIBUTES = ("aria-label", "title", "placeholder")


def interface_texts(html: str) -> set[str]:
    """Labels, tooltips and the search box's messages: the interface, not the content."""
    soup = BeautifulSoup(html, "html.parser")
    found = {tag[name] for name in ATTRIBUTES for tag in soup.find_all(attrs={name: True})}
    found |= {
        value
        for tag in soup.select("[data-handbook-search]")
        for key, value in tag.attrs.items()
        if key.startswith("data-text-")
    }
    return found


def english(strings: dict, code: str) -> set[str]:
    """English interface texts that the language says differently."""
    return {text for texts in strings.values() for text in texts_of(texts["en"])} - {
        text for texts in strings.values() for text in texts_of(texts[code])
    } | {"Permanent link"}


@pytest.mark.parametrize("code", ["de", "ar", "es", "fr", "tr", "uk", "zh"])
def test_no_english_interface_text_in_other_languages(built_site, code):
    strings = load_ui_strings()
    for page in PAGES:
        shown = interface_texts((built_site / code / page).read_text(encoding="utf-8"))
        assert not shown & english(strings, code), (code, page, shown & english(strings, code))
        assert strings["heading_link"][code] in shown


def test_the_theme_texts_that_were_wrong_are_corrected(built_site):
    shown = interface_texts((built_site / "ar/topics/registration/index.html").read_text(encoding="utf-8"))
    assert {"ابحث", "اختر اللغة", "تذييل الصفحة"} <= shown
    assert not {"إبحث", "إختر اللغة", "هامش سفلي"} & shown


def test_one_site_name_per_language(built_site):
    for code in ["en", "de", "ar", "es", "fr", "tr", "uk", "zh"]:
        soup = BeautifulSoup((built_site / code / "index.html").read_text(encoding="utf-8"), "html.parser")
        for permalink in soup.select("h1 .headerlink"):
            permalink.decompose()
        names = {
            soup.select_one(".md-header__topic .handbook-name").get_text(strip=True),
            soup.h1.get_text(strip=True),
            soup.title.get_text(strip=True),
        }
        assert len(names) == 1, (code, names)


def test_plural_forms_are_checked_against_the_languages_rules(tmp_path):
    from handbook.checks.source_checks import check_ui_strings

    strings = tmp_path / "ui.yml"
    strings.write_text(
        'found:\n  en: {one: "{n} page", other: "{n} pages"}\n  zh: {one: "{n} 个", other: "{n} 个"}\n'
        '  de: {one: "{n} Seite"}\n',
        encoding="utf-8",
    )
    assert [str(problem) for problem in check_ui_strings(strings, ["en", "zh", "de"])] == [
        "i18n/ui.yml:1: string 'found' in 'zh' has plural form(s) one that 'zh' does not use (it has: other)"
        " — give the forms the language has, always with 'other' (see the top of i18n/ui.yml)",
        "i18n/ui.yml:1: string 'found' in 'de' has plural forms but no 'other'"
        " — give the forms the language has, always with 'other' (see the top of i18n/ui.yml)",
    ]
