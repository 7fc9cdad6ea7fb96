"""How many Pagefind bundles a language's search is split into, and which pages go in each.

Pagefind holds everything it indexes in memory: about 1 GB per 2,000 long pages, so a
language of 4,000 pages (ten times today's handbook) needed 1.96 GB in one run. Above
``pages_per_bundle`` pages a language is indexed in several runs, one bundle each
(``<lang>/pagefind/``, ``<lang>/pagefind-2/``, …), and the search merges them in the
browser (Pagefind's ``mergeIndex``). Today every language has one bundle.

The language build decides (hooks/search_bundles.py writes the extra bundles into every
page's search box); the site build reads that decision back from the rendered home page,
so the two can never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from handbook.core.problems import Problem

PAGES_PER_BUNDLE = 2000
PRIMARY = "pagefind"
T = TypeVar("T")


def pages_per_bundle(value: object, config_file: Path) -> int | Problem:
    """``extra.search_pages_per_bundle`` of mkdocs.yml if it is a whole number above 0, else the problem."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    text = config_file.read_text(encoding="utf-8").splitlines()
    line = next((number for number, row in enumerate(text, 1) if "search_pages_per_bundle:" in row), 1)
    return Problem(
        config_file.name,
        line,
        f"extra.search_pages_per_bundle is {value!r}, not a number of pages",
        f"write a whole number above 0, for example {PAGES_PER_BUNDLE}, or remove the line",
    )


def more_bundles(pages: int, pages_per_bundle: int = PAGES_PER_BUNDLE) -> list[str]:
    """The folders of the bundles after the first, for a language with ``pages`` pages."""
    count = max(1, math.ceil(pages / pages_per_bundle))
    return [f"{PRIMARY}-{number}" for number in range(2, count + 1)]


def split_evenly(items: Sequence[T], parts: int) -> list[list[T]]:
    """``items`` in ``parts`` consecutive groups whose sizes differ by at most one."""
    size, extra = divmod(len(items), parts)
    groups, start = [], 0
    for number in range(parts):
        end = start + size + (1 if number < extra else 0)
        groups.append(list(items[start:end]))
        start = end
    return groups
