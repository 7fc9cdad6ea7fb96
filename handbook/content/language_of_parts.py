"""Language and direction of the parts of a page that are not in the page's language.

Two conventions of the handbook make this mechanical. German official terms are written in
italics in every language (CONTRIBUTING, "Write German terms in italics"), so in a page that is
not German each ``<em>`` with Latin letters is German: ``lang="de"`` lets screen readers say it
with German pronunciation (WCAG 3.1.2). And in a right-to-left page every run of left-to-right
text (German terms, addresses, phone numbers, § citations, numbers with units) is isolated in
``<bdi dir="ltr">``, so the Unicode bidirectional algorithm cannot reorder "0711 216-0" or
"4.01 km²" around the Arabic words next to it.

Both work on finished HTML, token by token: tags are copied unchanged, only text
between them is touched, and nothing inside code, an existing isolate or an element with its own
``dir`` is changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

_TOKEN = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*?)(/?)>")
_LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
_ENTITY = re.compile(r"(&#?\w+;)")
# A left-to-right run: starts with a Latin letter, a digit or §, may hold the punctuation of addresses,
# numbers and citations, and ends with a letter, a digit or a unit sign (never with a space or a comma).
_RUN = re.compile(r"[A-Za-zÀ-ɏ0-9§](?:[A-Za-zÀ-ɏ0-9§²³%.,:/@+\-–_'’=?#~ ]*[A-Za-zÀ-ɏ0-9²³%/])?")
_RUN_START = re.compile(r"[A-Za-zÀ-ɏ0-9§]")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_KEEP_AS_IS = frozenset({"code", "pre", "kbd", "samp", "bdi", "bdo", "script", "style", "svg", "math", "textarea"})
_OWN_DIRECTION = re.compile(r"\sdir\s*=", re.IGNORECASE)


def mark_german_terms(
    html: str, *, language: bool = True, search_weight: Callable[[str], int | None] = lambda term: None
) -> str:
    """Mark every ``<em>`` whose text has Latin letters, the German terms: ``lang="de"`` (``language``, for a
    page that is not German), and the Pagefind weight ``search_weight`` gives the term, if any (so that a German
    term typed into the search finds the guide that explains it before the pages that only mention it)."""
    tokens = _TOKEN.split(html)
    for index in range(1, len(tokens), 2):  # the tags; a cheap look at the start before the regular expression
        token = tokens[index]
        if token[:3].lower() != "<em":
            continue
        tag = _TAG.fullmatch(token)
        if not tag or tag.group(2).lower() != "em" or " lang=" in tag.group(3):
            continue
        text = _text_until_close(tokens, index + 1, "em")
        if _LATIN.search(text):
            weight = search_weight(text)
            marks = (' lang="de"' if language else "") + (f' data-pagefind-weight="{weight}"' if weight else "")
            tokens[index] = f"<em{marks}{tag.group(3)}>"
    return "".join(tokens)


def term_weights(terms_here: Collection[str], *, guide: bool) -> Callable[[str], int | None]:
    """Search weights of German terms (Pagefind: text 1, <h2> 6, at most 10): highest where the glossary says a
    term is explained, high in any guide, none elsewhere."""

    def weight(term: str) -> int | None:
        return 10 if term in terms_here else 5 if guide else None

    return weight


def isolate_left_to_right(html: str) -> str:
    """Every run of left-to-right text outside code and existing isolates, wrapped in ``<bdi dir="ltr">``."""
    tokens = _TOKEN.split(html)
    open_tags: list[tuple[str, bool]] = []  # (name, whether its content is left as it is)
    for index, token in enumerate(tokens):
        if index % 2:  # a tag or a comment
            tag = _TAG.fullmatch(token)
            if not tag or tag.group(2).lower() in _VOID or tag.group(4):
                continue
            name = tag.group(2).lower()
            if tag.group(1):
                while open_tags and open_tags.pop()[0] != name:
                    pass  # an element closed implicitly (Markdown writes well-formed HTML; be safe anyway)
            else:
                keep = name in _KEEP_AS_IS or bool(_OWN_DIRECTION.search(tag.group(3)))
                open_tags.append((name, keep))
        elif token and not any(keep for _, keep in open_tags):
            tokens[index] = _isolate_runs(token)
    return "".join(tokens)


def _isolate_runs(text: str) -> str:
    if not _RUN_START.search(text):  # most texts between two tags: blanks, or words in the page's own script
        return text
    # Entities (&nbsp;, &amp;) are never part of a run: their letters are not text.
    parts = _ENTITY.split(text)
    return "".join(
        part if index % 2 else _RUN.sub(r'<bdi dir="ltr">\g<0></bdi>', part) for index, part in enumerate(parts)
    )


def _text_until_close(tokens: list[str], start: int, name: str) -> str:
    """The text of the element opened just before ``start`` (tokens alternate text, tag, text …)."""
    depth, text = 1, []
    for index in range(start, len(tokens)):
        token = tokens[index]
        tag = _TAG.fullmatch(token) if index % 2 else None
        if tag and tag.group(2).lower() == name:
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                break
        elif not index % 2:
            text.append(token)
    return "".join(text)


def in_article(page: str, change: Callable[[str], str]) -> str:
    """``change`` applied to the inside of the page's ``<article>`` only (not to navigation or header)."""
    start, end = page.find("<article"), page.rfind("</article>")
    if start < 0 or end < start:
        return page
    start = page.index(">", start) + 1
    return page[:start] + change(page[start:end]) + page[end:]
