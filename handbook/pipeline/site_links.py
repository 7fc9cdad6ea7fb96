"""The rendered site's own links and anchors, checked fast, without a server; and no live code in attributes.

Source checks cover what editors write; this covers what the build adds:
navigation, the language switcher, templates, notices, fallback pages and text from data/
that became markup (event handlers and javascript: addresses fail the build). One
problem that appears in every language (a template bug) is reported once, with
the list of languages.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree

from handbook.core.problems import Problem

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}
# Addresses that run code when followed, whatever wrote them: a template, a hook, or text from data/ that
# Markdown turned into a link ([x](javascript:…) in a name). The last line of defence for every page built.
_URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "xlink:href",  # in <svg>; lxml's HTML parser keeps the prefix in the name
)
_CODE_SCHEMES = ("javascript:", "vbscript:", "data:")
_HANDLER = "is an inline event handler: it would run code"
_CONTROL = str.maketrans("", "", "".join(map(chr, range(33))))  # browsers ignore blanks and controls here


@dataclass(frozen=True)
class SiteFiles:
    """What a page's links are checked against: every file and folder of the built site."""

    root_url: str
    root_path: str  # the path part of root_url, for root-relative links
    existing: frozenset[str]  # files, relative to the site root
    folders: frozenset[str]


@dataclass(frozen=True)
class PageScan:
    """What one page leaves for the whole-site check; links it could settle alone are not kept.

    Kept small on purpose: a handbook ten times today's size has 31,000 pages with 60 links
    each, and holding every link of every page took 700 MB next to the search indexer.
    """

    path: str  # relative to the site root, e.g. "de/topics/index.html"
    ids: str  # the page's ids and anchor names, each between newlines (one string: a set per page costs ten times more)
    broken: tuple[tuple[int, str, str], ...]  # (line, URL, reason)
    elsewhere: tuple[tuple[int, str, str, str], ...]  # (line, URL, file, fragment): an anchor on another page

    def has_id(self, fragment: str) -> bool:
        return f"\n{fragment}\n" in self.ids


# lxml's own HTML parser, without lxml.html's element classes (their Python lookup ran for every element).
_PARSER = etree.HTMLParser()
_IDS = etree.XPath("//@id | //a/@name")
_LINKS = etree.XPath(" | ".join(f"//{tag}/@{attribute}" for tag, attribute in _LINK_ATTRIBUTES.items()))
_HANDLERS = etree.XPath("//@*[starts-with(translate(name(), 'ON', 'on'), 'on')]")
# Only an address with a colon can name a scheme; which scheme it names is decided in Python, blanks ignored.
_ADDRESSES = etree.XPath(
    "//@*[contains(., ':') and (" + " or ".join(f"name() = '{name}'" for name in _URL_ATTRIBUTES) + ")]"
)


def scan(site: Path, relative: str, files: SiteFiles) -> PageScan:
    """Parse one page (libxml2: about four times faster than html.parser here) and check what it can alone.

    XPath picks out the few attributes that matter, so no Python code runs for the page's other elements.
    """
    text = (site / relative).read_text(encoding="utf-8")
    ids: set[str] = set()
    links: list[tuple[int, str]] = []
    live: list[tuple[int, str, str]] = []
    if text.strip():
        document = etree.fromstring(text, _PARSER)
        ids.update(str(value) for value in _IDS(document) if value)
        links = [(_line(value), str(value)) for value in _LINKS(document) if value]
        live = [(_line(name), f"<{name.getparent().tag} {name.attrname}=…>", _HANDLER) for name in _HANDLERS(document)]
        live += [
            (_line(value), str(value), "would run code")
            for value in _ADDRESSES(document)
            if value.translate(_CONTROL).lower().startswith(_CODE_SCHEMES)
        ]
    broken: list[tuple[int, str, str]] = list(live)
    elsewhere: list[tuple[int, str, str, str]] = []
    for line, url in links:
        absolute = url.startswith(files.root_url)
        target = _target(relative, files.root_path + url[len(files.root_url) :] if absolute else url, files)
        if target is None:
            continue
        file, fragment = target
        if file.startswith("<outside") or file not in files.existing:
            broken.append((line, url, "leads to no file"))
        elif fragment and file == relative:
            if fragment not in ids:
                broken.append((line, url, f"has no anchor '#{fragment}'"))
        elif fragment:
            elsewhere.append((line, url, file, fragment))
    return PageScan(relative, "\n" + "\n".join(sorted(ids)) + "\n", tuple(broken), tuple(elsewhere))


def _line(attribute: Any) -> int:
    """The line of the element an attribute found by XPath belongs to."""
    return attribute.getparent().sourceline or 1


_files: SiteFiles | None = None  # a worker process's copy, sent once (handing it to every task would copy it each time)


def _remember(files: SiteFiles) -> None:
    global _files
    _files = files


def _scan_in_worker(site: Path, relative: str) -> PageScan:
    assert _files is not None, "the pool's initializer sets the site's files"
    return scan(site, relative, _files)


def _scan_all(site: Path, pages: list[str], files: SiteFiles, jobs: int) -> dict[str, PageScan]:
    if jobs > 1 and len(pages) > 200:
        with ProcessPoolExecutor(jobs, initializer=_remember, initargs=(files,)) as pool:
            scans = pool.map(_scan_in_worker, [site] * len(pages), pages, chunksize=64)
            return {page.path: page for page in scans}
    return {path: scan(site, path, files) for path in pages}


@lru_cache(maxsize=16_384)
def _split(url: str) -> tuple[str, str] | None:
    """(path, fragment) of a link within the site, unquoted, or None for another site or scheme.

    Kept per address: a language's 27,000 links have about 6,000 distinct addresses (navigation, footer)."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    return unquote(parts.path), unquote(parts.fragment)


def _target(page: str, url: str, files: SiteFiles) -> tuple[str, str] | None:
    """(site-relative file, fragment) that ``url`` on ``page`` points at, or None when it is not ours."""
    if (split := _split(url)) is None:
        return None
    path, fragment = split
    if not path:
        return page, fragment
    root_path = files.root_path
    if path.startswith("/"):
        if not path.startswith(root_path):
            return ("<outside the site>" + path, "")
        resolved = posixpath.normpath(path[len(root_path) :] or ".")
        if resolved == ".":
            resolved = ""
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
        if resolved == ".":
            resolved = ""
    if resolved.startswith(".."):
        return ("<outside the site>" + path, "")
    if path.endswith("/") or resolved in files.folders:
        resolved = posixpath.join(resolved, "index.html")
    return resolved, fragment


def check_site_links(site: Path, root_url: str, languages: list[str], jobs: int = 2) -> list[Problem]:
    """Every internal link and anchor of the built site; problems shared by languages reported once."""
    everything = {p.relative_to(site).as_posix(): p.is_dir() for p in site.rglob("*")}
    files = SiteFiles(
        root_url=root_url,
        root_path=urlsplit(root_url).path or "/",
        existing=frozenset(path for path, is_dir in everything.items() if not is_dir),
        folders=frozenset(path for path, is_dir in everything.items() if is_dir),
    )
    pages = sorted(path for path in files.existing if path.endswith(".html") and "pagefind" not in path.split("/"))
    scans = _scan_all(site, pages, files, jobs)
    broken: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
    for page in scans.values():
        found = list(page.broken)
        for line, url, file, fragment in page.elsewhere:
            if file in scans and not scans[file].has_id(fragment):
                found.append((line, url, f"has no anchor '#{fragment}'"))
        for line, url, reason in found:
            language, _, rest = page.path.partition("/")
            if language not in languages:
                language, rest = "", page.path
            neutral_url = url.replace(f"/{language}/", "/<lang>/") if language else url
            broken[(rest, neutral_url, reason)].append((language or "-", line))
    problems = []
    order = {code: index for index, code in enumerate(languages)}
    for (rest, url, reason), where in sorted(broken.items()):
        where.sort(key=lambda item: order.get(item[0], -1))
        langs = list(dict.fromkeys(language for language, _ in where))
        first_language, line = where[0]
        path = f"site/{first_language}/{rest}" if first_language != "-" else f"site/{rest}"
        scope = f" (in {len(langs)} languages: {', '.join(langs)})" if len(langs) > 1 else ""
        problems.append(
            Problem(
                path,
                line,
                f"{'' if reason == _HANDLER else 'link '}'{url}' {reason}{scope}",
                "fix the template, navigation entry or page that produces it",
            )
        )
    return problems
