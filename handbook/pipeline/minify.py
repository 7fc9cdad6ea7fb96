"""Smaller, valid pages for readers on prepaid data.

Material's templates indent generously: about a fifth of a page's bytes are runs of
blanks. Each run becomes one space (or one line break), which a browser renders the
same. Runs are never removed completely: text extractors such as Pagefind do not know
CSS and would glue "Postcodes" and "71063" into one word. Elements whose whitespace
is shown as written (``pre``, ``code``, ``kbd``: Material styles them ``pre-wrap``) and
raw text (``script``, ``style``, ``textarea``) stay as they are.

Also two mends of Material's own markup, which the Nu Html Checker reports on every page:

* base.html gives its two hidden toggle checkboxes (drawer, search) ``autocomplete="off"``,
  which HTML allows only on text-like inputs. The attribute only keeps Firefox from
  restoring a checkbox after a reload; Material closes the drawer and search when a page
  loads anyway.
* nav-item.html writes ``tabindex=""`` on the labels of navigation sections; browsers
  ignore an empty tabindex, so dropping it changes nothing but the error.
"""

from __future__ import annotations

import re

_KEEP = re.compile(r"<(pre|code|kbd|script|style|textarea)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
# HTML's blanks only (not Python's \s): a no-break space in the text is content, not layout. Both patterns start
# with a fixed character, which the regular-expression engine finds fast; one that starts at any blank tried every
# space between two words and took seven times as long.
_LINE_BREAK_AND_AFTER = re.compile(r"\n[ \n]*")
_SPACES = re.compile(r"  +")
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle" [^>]*?) autocomplete="off"')
_EMPTY_TABINDEX = re.compile(r'(<label class="md-nav__link[^>]*?) tabindex=""')


def _collapse(text: str) -> str:
    """Each run of blanks becomes one line break if it has one, else one space.

    Tabs, form feeds and carriage returns become spaces first; then a line break takes the blanks after it, runs
    of spaces become one, and the one space left before a line break goes.
    """
    text = text.replace("\t", " ").replace("\f", " ").replace("\r", " ")
    return _SPACES.sub(" ", _LINE_BREAK_AND_AFTER.sub("\n", text)).replace(" \n", "\n")


def minify_page(html: str) -> str:
    """``html`` with every run of blanks outside preformatted elements made one character."""
    html = _EMPTY_TABINDEX.sub(r"\1", _TOGGLE_AUTOCOMPLETE.sub(r"\1", html))
    parts, start = [], 0
    for kept in _KEEP.finditer(html):
        parts += [_collapse(html[start : kept.start()]), kept.group()]
        start = kept.end()
    parts.append(_collapse(html[start:]))
    return "".join(parts)
