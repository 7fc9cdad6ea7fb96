from handbook.content.translations import (
    SourceName,
    originals_replaced_by_translations,
    page_path,
    split_source,
    translation_map,
)

CODES = ["en", "de", "ar"]


def test_split_source_recognises_configured_language_suffix():
    assert split_source("topics/housing.de.md", CODES) == SourceName("topics/housing.md", "de")
    assert split_source("index.ar.md", CODES) == SourceName("index.md", "ar")


def test_split_source_leaves_originals_and_unknown_suffixes_alone():
    assert split_source("topics/housing.md", CODES) == SourceName("topics/housing.md", None)
    assert split_source("topics/housing.pt.md", CODES) == SourceName("topics/housing.pt.md", None)


def test_translation_map_lists_real_languages_only():
    found = translation_map(
        ["index.md", "index.de.md", "topics/index.md", "assets/logo.svg", "topics/index.ar.md"], CODES, "en"
    )
    assert found == {"index.md": {"en", "de"}, "topics/index.md": {"en", "ar"}}


def test_page_path_follows_directory_urls():
    assert page_path("index.md") == ""
    assert page_path("topics/index.md") == "topics/"
    assert page_path("about/privacy.md") == "about/privacy/"


def test_translation_replaces_its_original_only_in_its_own_language():
    available = {"index.md": frozenset({"en", "de"}), "guide.md": frozenset({"en", "de"}), "faq.md": frozenset({"en"})}
    assert originals_replaced_by_translations(available, "de", "en") == ["guide.md", "index.md"]
    assert originals_replaced_by_translations(available, "ar", "en") == []
    assert originals_replaced_by_translations(available, "en", "en") == []


def test_a_translation_name_is_the_inverse_of_splitting_it():
    from handbook.content.translations import SourceName, split_source, translation_name

    for page in ("index.md", "topics/housing.md", "employers/welcome-pack/bad-boll.md"):
        name = translation_name(page, "de")
        assert split_source(name, ["en", "de"]) == SourceName(page, "de"), name
    assert translation_name("topics/housing.md", "zh") == "topics/housing.zh.md"
