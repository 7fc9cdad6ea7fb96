"""The rendered site's own links and anchors, checked fast, without a server.

Source checks cover what editors write; this covers what the build adds:
navigation, the language switcher, templates, notices and fallback pages. One
problem that appears in every language (a template bug) is reported once, with
the list of languages.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

from handbook.problems import Problem

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "iframe": "src"}


@dataclass(frozen=True)
class PageScan:
    path: str  # relative to the site root, e.g. "de/topics/index.html"
    ids: frozenset[str]
    links: tuple[tuple[int, str], ...]  # (line, URL)


def scan(site: Path, relative: str) -> PageScan:
    """The ids and outgoing links of one page (lxml: about four times faster than html.parser here)."""
    text = (site / relative).read_text(encoding="utf-8")
    ids: set[str] = set()
    links: list[tuple[int, str]] = []
    if text.strip():
        for element in lxml.html.document_fromstring(text).iter(etree.Element):  # elements, not comments
            if value := element.get("id"):
                ids.add(value)
            if element.tag == "a" and (value := element.get("name")):
                ids.add(value)
            attribute = _LINK_ATTRIBUTES.get(element.tag)
            if attribute and (value := element.get(attribute)):
                links.append((element.sourceline or 1, value))
    return PageScan(relative, frozenset(ids), tuple(links))


def _scan_all(site: Path, files: list[str], jobs: int) -> dict[str, PageScan]:
    if jobs > 1 and len(files) > 200:
        with ProcessPoolExecutor(jobs) as pool:
            scans = pool.map(scan, [site] * len(files), files, chunksize=64)
            return {page.path: page for page in scans}
    return {path: scan(site, path) for path in files}


def _target(page: str, url: str, root_path: str, folders: set[str]) -> tuple[str, str] | None:
    """(site-relative file, fragment) that ``url`` on ``page`` points at, or None when it is not ours."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return page, unquote(parts.fragment)
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
    if path.endswith("/") or resolved in folders:
        resolved = posixpath.join(resolved, "index.html")
    return resolved, unquote(parts.fragment)


def check_site_links(site: Path, root_url: str, languages: list[str], jobs: int = 2) -> list[Problem]:
    """Every internal link and anchor of the built site; problems shared by languages reported once."""
    root_path = urlsplit(root_url).path or "/"
    everything = {p.relative_to(site).as_posix(): p.is_dir() for p in site.rglob("*")}
    existing = {path for path, is_dir in everything.items() if not is_dir}
    folders = {path for path, is_dir in everything.items() if is_dir}
    files = sorted(path for path in existing if path.endswith(".html") and "pagefind" not in path.split("/"))
    scans = _scan_all(site, files, jobs)
    broken: dict[tuple[str, str, str], list[tuple[str, int]]] = defaultdict(list)
    for page in scans.values():
        for line, url in page.links:
            absolute = url.startswith(root_url)
            target = _target(page.path, root_path + url[len(root_url) :] if absolute else url, root_path, folders)
            if target is None:
                continue
            file, fragment = target
            if file.startswith("<outside") or file not in existing:
                reason = "leads to no file"
            elif fragment and file in scans and fragment not in scans[file].ids:
                reason = f"has no anchor '#{fragment}'"
            else:
                continue
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
                f"link '{url}' {reason}{scope}",
                "fix the template, navigation entry or page that produces it",
            )
        )
    return problems
