"""Minified pages keep their text, their preformatted blocks and their valid markup."""

from __future__ import annotations

from handbook.minify import minify_page


def test_whitespace_between_tags_goes_text_stays():
    html = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <title>T</title>\n  </head>\n  <body>\n    <p>One   <a href=\"x\">two</a> three</p>\n  </body>\n</html>\n"
    assert minify_page(html) == '<!doctype html><html lang=en><head><title>T</title></head><body><p>One <a href=x>two</a> three</p></body></html>'


def test_preformatted_text_keeps_its_spaces_and_lines():
    html = "<body><pre><code>a\n    b  c\n</code></pre></body>"
    assert "<pre><code>a\n    b  c\n</code></pre>" in minify_page(html)


def test_material_toggles_lose_autocomplete_text_inputs_keep_it():
    html = (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" class="md-search__input" autocomplete="off"></body>'
    )
    assert minify_page(html) == (
        "<body><input class=md-toggle data-md-toggle=drawer id=__drawer type=checkbox>"
        "<input autocomplete=off class=md-search__input></body>"
    )
