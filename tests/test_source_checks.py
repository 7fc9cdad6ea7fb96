"""Each source rule, on small fixture inputs, with the exact message editors will read."""

from pathlib import Path

from handbook.checks.source_checks import (
    check_language_suffixes,
    check_sources,
    check_translations_have_originals,
    check_ui_strings,
)

CODES = ["en", "de", "ar"]


def test_unknown_language_suffix_is_an_error_not_a_silent_skip():
    problems = check_language_suffixes(["topics/housing.pt.md", "topics/housing.de.md", "a.b.md"], CODES)
    assert [str(p) for p in problems] == [
        "docs/topics/housing.pt.md: unknown language 'pt' in the file name"
        " — use one of en, de, ar, or add the language to mkdocs.yml first"
    ]


def test_translation_without_original():
    problems = check_translations_have_originals(["index.md", "topics/visa.de.md"], CODES)
    assert [str(p) for p in problems] == [
        "docs/topics/visa.de.md: translation without an original: docs/topics/visa.md does not exist"
        " — write the original docs/topics/visa.md first, or rename this file"
    ]


def test_missing_ui_string_names_line_and_language(tmp_path: Path):
    strings = tmp_path / "ui.yml"
    strings.write_text(
        "# comment\nhello:\n  en: Hello\n  de: Hallo\nbye:\n  en: Bye\n  de: Tschüss\n  ar: مع السلامة\n"
    )
    problems = check_ui_strings(strings, CODES)
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (2, "string 'hello' has no 'ar' text", "add a line '  ar: …' under 'hello:'")
    ]


def test_the_repository_passes_its_own_checks():
    assert check_sources(Path(__file__).resolve().parent.parent) == []


def test_a_string_defined_twice_is_reported(tmp_path: Path):
    from handbook.checks.source_checks import check_ui_string_keys

    (tmp_path / "a.yml").write_text("# comment\nhello:\n  en: Hello\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("bye:\n  en: Bye\nhello:\n  en: Hi\n", encoding="utf-8")
    problems = check_ui_string_keys([tmp_path / "a.yml", tmp_path / "b.yml"])
    assert [(p.path, p.line, p.message, p.fix) for p in problems] == [
        ("i18n/b.yml", 3, "string 'hello' is also defined in i18n/a.yml", "rename it or remove one of the two")
    ]
