import pytest

from handbook.content.alternates import page_languages, site_root
from handbook.content.languages import Language

LANGS = [
    Language("en", "English", "Welcome", True),
    Language("de", "Deutsch", "Willkommen", False),
    Language("ar", "العربية", "أهلاً", False),
]
ROOT = "https://example.org/handbook/"


def test_translated_page_advertises_only_real_translations():
    info = page_languages("topics/index.md", "de", LANGS, frozenset({"en", "de"}), ROOT)
    assert not info.is_fallback
    assert info.alternates == (
        ("en", "https://example.org/handbook/en/topics/"),
        ("de", "https://example.org/handbook/de/topics/"),
        ("x-default", "https://example.org/handbook/en/topics/"),
    )
    assert info.canonical_url == "https://example.org/handbook/de/topics/"


def test_fallback_copy_points_to_the_original():
    info = page_languages("topics/index.md", "ar", LANGS, frozenset({"en", "de"}), ROOT)
    assert info.is_fallback
    assert info.direction == "rtl"
    assert info.original_href == "/handbook/en/topics/"
    assert info.canonical_url == "https://example.org/handbook/en/topics/"
    assert "ar" not in dict(info.alternates)


def test_switcher_offers_every_language_on_the_same_page():
    info = page_languages("index.md", "en", LANGS, frozenset({"en"}), ROOT)
    assert [(link.code, link.href, link.translated, link.current) for link in info.switcher] == [
        ("en", "/handbook/en/", True, True),
        ("de", "/handbook/de/", False, False),
        ("ar", "/handbook/ar/", False, False),
    ]


def test_site_root_strips_the_language_folder():
    assert site_root("https://example.org/handbook/de/", "de") == ROOT
    with pytest.raises(ValueError, match="does not end with the language folder 'de/'"):
        site_root("https://example.org/handbook/", "de")


def test_generated_page_offers_only_its_own_language():
    info = page_languages("editors/freshness.md", "en", LANGS, frozenset({"en"}), ROOT, generated=True)
    assert [link.code for link in info.switcher] == ["en"]
    assert info.alternates == (
        ("en", "https://example.org/handbook/en/editors/freshness/"),
        ("x-default", "https://example.org/handbook/en/editors/freshness/"),
    )
