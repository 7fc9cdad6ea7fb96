"""What a page's HTML may contain after Markdown: one allow-list, decided by one HTML5 parser.

The decision is nh3's (Ammonia, whose html5ever parser reads markup the way browsers do): a
construct stays only if the list below names it. Comparing the page with what nh3 keeps tells
which element or attribute it would drop, so ``make check`` can say where and why instead of
publishing a silently changed page. Regular expressions never decide what is safe here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
import nh3
from lxml import etree

# Markdown and the project's extensions produce all of this; anything else (scripts, styles, frames, forms,
# SVG, media, <link>, event handlers) is refused, so a page can neither run code nor make a reader's
# browser ask another website for anything.
TAGS = frozenset(
    "a abbr b bdi blockquote br code dd del details div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img "
    "input kbd label li mark ol p pre s small span strong sub summary sup table tbody td tfoot th thead tr u ul".split()
)
ATTRIBUTES = {
    "*": frozenset({"id", "class", "title", "lang", "dir"}),
    "a": frozenset({"href"}),
    "img": frozenset({"src", "alt", "width", "height"}),
    "input": frozenset({"type", "disabled", "checked"}),  # the checklist's tick boxes (pymdownx.tasklist)
    "td": frozenset({"style", "colspan", "rowspan"}),
    "th": frozenset({"style", "colspan", "rowspan"}),
    "ol": frozenset({"start"}),
    "details": frozenset({"open"}),
}
URL_SCHEMES = frozenset({"https", "http", "mailto", "tel"})  # http is refused by the link rule, with its own message
_TABLE_ALIGNMENT = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")  # Markdown tables write this
_IMPLIED = frozenset({"tbody"})  # elements an HTML5 parser adds to tables by itself


@dataclass(frozen=True)
class Removal:
    """One thing the sanitiser drops: an element (``attribute`` None), an attribute, or markup read otherwise."""

    tag: str
    attribute: str | None = None
    value: str = ""
    added: bool = False  # an element browsers see that the markup does not show (a broken comment or tag)
    same_name_before: int = 0  # earlier elements with this attribute: which occurrence in the text this is
    same_value_before: int = 0  # earlier attributes with this value (an address is found by its value)


def _allowed_value(tag: str, attribute: str, value: str) -> str | None:
    """The values an allowed attribute may have; None drops the attribute."""
    if attribute == "style" and not _TABLE_ALIGNMENT.match(value):
        return None
    if tag == "input" and attribute == "type" and value.lower() != "checkbox":
        return None
    if tag == "img" and attribute == "src" and (urlsplit(value.strip()).scheme or value.strip().startswith("//")):
        return None  # pictures come from the site itself: no request to any other host
    return value


def sanitised(html: str) -> str:
    """The HTML with everything the allow-list does not name removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_allowed_value,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def _elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """(tag, attributes) of every element in document order; ``disabled`` and ``disabled=""`` read alike."""
    if not html.strip():
        return []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    return [
        (str(element.tag).lower(), {name: value or name for name, value in element.attrib.items()})
        for element in root.iter(etree.Element)
    ][1:]


def removals(html: str) -> list[Removal]:
    """What the sanitiser would drop from this HTML, in document order; empty when it is allowed as written."""
    before, after = _elements(html), _elements(sanitised(html))
    matcher = difflib.SequenceMatcher(a=[tag for tag, _ in before], b=[tag for tag, _ in after], autojunk=False)
    found: list[Removal] = []
    for operation, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if operation == "equal":
            for index, ((tag, attributes), (_, kept)) in enumerate(
                zip(before[a_start:a_end], after[b_start:b_end], strict=True)
            ):
                refused = [(name, value) for name, value in attributes.items() if kept.get(name) != value]
                earlier = [other for _, other in before[: a_start + index]] if refused else []
                found.extend(
                    Removal(
                        tag,
                        name,
                        value,
                        same_name_before=sum(name in other for other in earlier),
                        same_value_before=sum(list(other.values()).count(value) for other in earlier),
                    )
                    for name, value in refused
                )
            continue
        dropped = [tag for tag, _ in before[a_start:a_end]]
        # An allowed tag inside <svg> goes with it: name the <svg>.
        unknown = [tag for tag in dropped if tag not in TAGS]
        found.extend(Removal(tag) for tag in unknown or dropped)
        found.extend(Removal(tag, added=True) for tag, _ in after[b_start:b_end] if tag not in _IMPLIED)
    return found
