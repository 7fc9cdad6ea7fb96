"""Put the text direction on the ``<html>`` element.

Material sets ``dir`` only on ``<body>``; browsers, screen readers and the
``:dir()`` CSS selector take the document's direction from the root element,
so right-to-left languages need it there too.
"""

from __future__ import annotations

import re

_HTML_TAG = re.compile(r"<html(?P<attrs>[^>]*)>", re.IGNORECASE)


def set_html_direction(html: str, direction: str) -> str:
    """Return ``html`` with ``dir="<direction>"`` on its first ``<html>`` tag, replacing any old one."""

    def replace(match: re.Match[str]) -> str:
        attrs = re.sub(r'\sdir="[^"]*"', "", match.group("attrs"))
        return f'<html{attrs} dir="{direction}">'

    return _HTML_TAG.sub(replace, html, count=1)
