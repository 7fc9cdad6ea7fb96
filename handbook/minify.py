"""Smaller, valid pages for readers on prepaid data.

Material's templates indent generously; about a quarter of a page's bytes are blanks
between tags. minify-html (Rust, fast enough to run on every page) removes them while
keeping every closing tag, the doctype, ``<pre>`` blocks and attribute values that need quotes.

Before that, one mend of Material's own markup: base.html gives its two hidden toggle
checkboxes (drawer, search) ``autocomplete="off"``, which HTML allows only on text-like
inputs, so the Nu Html Checker reports an error on every page. The attribute only keeps
Firefox from restoring a checkbox after a reload; Material closes the drawer and search
on every page load anyway.
"""

from __future__ import annotations

import re

import minify_html

_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" [^>]*?) autocomplete="off"')


def minify_page(html: str) -> str:
    """``html`` without the whitespace and quotes a browser does not need; same document, same text."""
    html = _TOGGLE_AUTOCOMPLETE.sub(r"\1", html)
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True)
