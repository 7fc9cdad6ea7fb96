"""Minified pages keep their words apart, their preformatted text and their valid markup."""

from __future__ import annotations

import random
import re

from handbook.pipeline.minify import minify_page


def test_runs_of_blanks_become_one_and_words_stay_apart():
    html = "<dl>\n  <dt>Postcodes</dt>\n    <dd>71063  71065</dd>\n</dl>\t<p>a\tb</p>"
    assert minify_page(html) == "<dl>\n<dt>Postcodes</dt>\n<dd>71063 71065</dd>\n</dl> <p>a b</p>"


def test_every_run_of_blanks_becomes_one_line_break_or_one_space():
    """The fast passes in minify.py against the rule itself, on random mixtures of blanks and letters."""
    run = re.compile(r"[ \t\n\f\r]+")

    def rule(text: str) -> str:
        return run.sub(lambda m: "\n" if "\n" in m.group() else " ", text)

    generator = random.Random(2026)
    for _ in range(5000):
        text = "".join(generator.choice(" \t\n\r\fab") for _ in range(generator.randint(0, 14)))
        assert minify_page(text) == rule(text), repr(text)


def test_no_break_spaces_are_text_and_stay():
    html = "<p>71063\u00a0\u00a0Sindelfingen \r\n  next\u2003\u2003word</p>"
    assert minify_page(html) == "<p>71063\u00a0\u00a0Sindelfingen\nnext\u2003\u2003word</p>"


def test_preformatted_code_and_scripts_keep_their_blanks():
    html = "<pre><code>a\n    b  c\n</code></pre>  <p><code>x  y</code></p>\n\n<script>if (a)  {\n  b()\n}</script>"
    assert (
        minify_page(html)
        == "<pre><code>a\n    b  c\n</code></pre> <p><code>x  y</code></p>\n<script>if (a)  {\n  b()\n}</script>"
    )


def test_material_toggles_lose_autocomplete_text_inputs_keep_it():
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )
    assert minify_page(html) == (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input type="text" class="md-search__input" autocomplete="off">'
    )


def test_navigation_labels_lose_an_empty_tabindex_keep_a_real_one():
    html = (
        '<label class="md-nav__link" for="__nav_3" tabindex=""><label class="md-nav__link" for="__nav_4" tabindex="0">'
    )
    assert (
        minify_page(html)
        == '<label class="md-nav__link" for="__nav_3"><label class="md-nav__link" for="__nav_4" tabindex="0">'
    )
