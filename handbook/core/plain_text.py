"""One rule for fields that must be plain text: titles, descriptions, names, labels, explanations.

Material's templates and our generated pages put these fields into HTML as they are, so a
``<`` in a title would be markup in every page of the navigation. Rather than trusting every
template to escape, such fields are rejected at the source, with their line.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"[<>]")
FIX = "write it as plain text, without < or > (no HTML in this field)"


def markup_in(value: object) -> str | None:
    """The problem with ``value`` as a plain-text field, or None when it is plain text."""
    if isinstance(value, str) and _MARKUP.search(value):
        return "contains markup (< or >)"
    return None
