"""Ids for headings without an explicit ``{#id}`` (in practice: page titles).

Python-Markdown's default slug drops non-Latin letters, so an Arabic, Ukrainian
or Chinese title becomes ``_1``, ``_2`` … depending on the page. This slug keeps
ASCII letters and digits (accents folded: "Übersicht" -> "ubersicht") and falls
back to the fixed id ``heading``. Section headings always carry explicit ids
(``make check`` requires them), so links never depend on this.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def ascii_slug(value: str, separator: str) -> str:
    """``'Registering your address'`` -> ``'registering-your-address'``; ``'登记住址'`` -> ``'heading'``."""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_ALNUM.sub(separator, folded).strip(separator) or "heading"


_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue", "ß": "ss"})


def place_slug(name: str) -> str:
    """A stable ASCII address part for a German place name.

    ``'Böblingen'`` -> ``'boeblingen'``, ``'Eislingen/Fils'`` -> ``'eislingen-fils'``,
    ``'Weißach im Tal'`` -> ``'weissach-im-tal'``. German umlauts become two letters,
    as Germans write them without umlauts, so the addresses read naturally.
    """
    return ascii_slug(name.translate(_GERMAN), "-")
