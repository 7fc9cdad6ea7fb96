"""Published addresses never break: the committed list of every page address, and its check.

``published-urls.txt`` lists each page's address inside a language ("/", "/topics/", …);
every address is published in every language as /<language><address>. An address
in the list must stay reachable: as a page, or as a redirect (mkdocs-redirects'
``redirect_maps`` in mkdocs.yml) to where the page went. ``make urls`` adds new
pages to the list; nothing removes an address except an editor, on purpose.
"""

from __future__ import annotations

from collections.abc import Iterable

from handbook.content.translations import page_path
from handbook.core.problems import Problem

MANIFEST = "published-urls.txt"
HEADER = """\
# Every published page address of the handbook, inside a language: /<language><address>,
# e.g. /topics/ is /en/topics/, /de/topics/, /ar/topics/ ... HR staff send these links to new hires.
# `make check` fails when an address here is neither a page nor a redirect (mkdocs.yml, redirects).
# `make urls` adds new pages. Remove an address only when it must stop working, on purpose.
"""


def address(src_uri: str) -> str:
    """``topics/index.md`` -> ``/topics/``; ``index.md`` -> ``/``."""
    return "/" + page_path(src_uri)


def read_manifest(text: str) -> list[tuple[int, str]]:
    """(line, address) of every entry; comments and blank lines skipped."""
    return [
        (number, line.strip())
        for number, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def check_manifest(text: str, pages: Iterable[str], redirects: Iterable[str]) -> list[Problem]:
    """Every listed address is still a page or a redirect; every page is listed."""
    current = {address(page) for page in pages}
    redirected = {address(source) for source in redirects}
    listed = read_manifest(text)
    problems = []
    for line, url in listed:
        if url not in current and url not in redirected:
            problems.append(
                Problem(
                    MANIFEST,
                    line,
                    f"published address {url} would break: no page and no redirect has it",
                    "add a redirect in mkdocs.yml (redirects: redirect_maps: "
                    f"'{url.strip('/') or 'index'}.md': '<new page>.md') or restore the page",
                )
            )
    for url in sorted(current - {url for _, url in listed}):
        problems.append(
            Problem(MANIFEST, 0, f"new page address {url} is not listed", "run `make urls` and commit the result")
        )
    return problems


def updated_manifest(text: str, pages: Iterable[str]) -> str:
    """The manifest with every current page address added (nothing removed), sorted."""
    entries = {url for _, url in read_manifest(text)} | {address(page) for page in pages}
    return HEADER + "\n".join(sorted(entries)) + "\n"
