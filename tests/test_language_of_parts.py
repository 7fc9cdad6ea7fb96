"""German terms get lang="de"; left-to-right runs in right-to-left pages are isolated; nothing else changes."""

from __future__ import annotations

from handbook.content.language_of_parts import in_article, isolate_left_to_right, mark_german_terms, term_weights


def test_german_terms_in_italics_are_marked_german():
    html = '<p>Go to the <em>Bürgerbüro</em>, then the <em lang="en">office</em>.</p><p><em>كلمة</em></p>'
    assert mark_german_terms(html) == (
        '<p>Go to the <em lang="de">Bürgerbüro</em>, then the <em lang="en">office</em>.</p><p><em>كلمة</em></p>'
    )


def test_left_to_right_runs_are_isolated_in_arabic_text():
    html = (
        '<p>اتصل بـ 0711 216-91857 أو <a href="https://116117.de">116117.de</a>، المساحة 4.01 km²'
        " &nbsp; § 18a AufenthG.</p>"
    )
    assert isolate_left_to_right(html) == (
        '<p>اتصل بـ <bdi dir="ltr">0711 216-91857</bdi> أو <a href="https://116117.de"><bdi'
        ' dir="ltr">116117.de</bdi></a>،'
        ' المساحة <bdi dir="ltr">4.01 km²</bdi> &nbsp; <bdi dir="ltr">§ 18a AufenthG</bdi>.</p>'
    )


def test_code_isolates_and_elements_with_their_own_direction_are_left_as_they_are():
    html = (
        '<pre><code>make build</code></pre><bdi class="handbook-fact">63 €</bdi>'
        '<span dir="ltr">Rathaus <b>Ludwigsburg</b></span><img alt="Map" src="map.png"><!-- note -->'
    )
    assert isolate_left_to_right(html) == html


def test_only_the_article_is_changed():
    page = "<nav>Menu</nav><article class='md-content__inner'><p>Text</p></article><footer>End</footer>"
    assert (
        in_article(page, str.upper)
        == "<nav>Menu</nav><article class='md-content__inner'><P>TEXT</P></article><footer>End</footer>"
    )


def test_german_terms_weigh_most_where_a_guide_explains_them():
    html = "<p>Ask for the <em>Meldebescheinigung</em> and the <em>Steuer-ID</em>.</p>"
    assert mark_german_terms(html, language=False, search_weight=term_weights({"Meldebescheinigung"}, guide=True)) == (
        '<p>Ask for the <em data-pagefind-weight="10">Meldebescheinigung</em> and the'
        ' <em data-pagefind-weight="5">Steuer-ID</em>.</p>'
    )
    assert mark_german_terms(html, language=False, search_weight=term_weights(set(), guide=False)) == html
