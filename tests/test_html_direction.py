from handbook.content.html_direction import set_html_direction
from handbook.content.languages import text_direction


def test_adds_dir_to_the_html_element():
    assert set_html_direction('<!doctype html>\n<html lang="ar" class="no-js"><body>', "rtl") == (
        '<!doctype html>\n<html lang="ar" class="no-js" dir="rtl"><body>'
    )


def test_replaces_an_existing_dir_and_touches_nothing_else():
    html = '<html dir="ltr" lang="ar"><p dir="ltr">x</p>'
    assert set_html_direction(html, "rtl") == '<html lang="ar" dir="rtl"><p dir="ltr">x</p>'


def test_direction_comes_from_cldr():
    assert [text_direction(code) for code in ("ar", "de", "zh", "uk")] == ["rtl", "ltr", "ltr", "ltr"]


def test_generated_heading_ids_are_ascii_and_stable():
    from handbook.core.slugs import ascii_slug

    assert ascii_slug("Registering your address", "-") == "registering-your-address"
    assert ascii_slug("Übersicht für Familien", "-") == "ubersicht-fur-familien"
    assert [ascii_slug(title, "-") for title in ("登记住址", "تسجيل عنوانك", "Реєстрація")] == ["heading"] * 3
