"""Checks of the markdown sources: front matter, heading ids, links, unsafe HTML, navigation.

Each rule is a function from the loaded pages to a list of Problems; none stops
at the first problem, so one run reports everything.
"""

from __future__ import annotations

import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import unquote, urlsplit

from handbook.checks.html_policy import ATTRIBUTES, URL_SCHEMES, Removal, removals
from handbook.content.content_model import check_front_matter
from handbook.content.page_sources import SourcePage, headings
from handbook.content.translations import page_path, translation_name
from handbook.core.problems import Problem

_ATTRIBUTES = re.compile(r"\{:?[^}]*\}\s*$")
_GOOD_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def bom_problem(path: str) -> Problem:
    """A byte-order mark hides the opening ``---`` from MkDocs: the page would lose its front matter."""
    return Problem(path, 1, "the file starts with a byte-order mark (BOM)", "save it as UTF-8 without BOM")


def check_front_matter_of(pages: Iterable[SourcePage], today: date) -> list[Problem]:
    problems = []
    for page in pages:
        if page.bom:
            problems.append(bom_problem(page.path))
        if page.front_matter_error:
            error = page.front_matter_error
            problems.append(Problem(page.path, error.line, error.message, error.fix))
            continue
        if page.front_matter is None:  # an unreadable file, reported once by load_pages
            continue
        for field_problem in check_front_matter(page.front_matter, page.language is not None, today):
            problems.append(Problem(page.path, field_problem.line, field_problem.message, field_problem.fix))
    return problems


def check_heading_ids(pages: Iterable[SourcePage]) -> list[Problem]:
    """Section headings carry explicit, stable, English ids, so deep links survive edits and translation."""
    problems = []
    for page in pages:
        first: dict[str, int] = {}
        for line, level, text, explicit in headings(page):
            if level == 1:
                continue
            block = _ATTRIBUTES.search(text)
            if block and explicit and block.group(0).strip() != f"{{#{explicit}}}":
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"heading attributes '{block.group(0).strip()}' are more than an id",
                        f"write only the id, e.g. {{#{explicit}}} (lower case, hyphens, no spaces)",
                    )
                )
                continue
            if explicit in first:
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"heading id '{explicit}' is used twice on this page (first on line {first[explicit]})",
                        "give each section its own id",
                    )
                )
                continue
            if explicit:
                first[explicit] = line
            if explicit is None:
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"heading '{text}' has no explicit id",
                        "end the heading with an id like {#register-address} (the original's id in translations)",
                    )
                )
            elif not _GOOD_ID.match(explicit):
                problems.append(
                    Problem(
                        page.path,
                        line,
                        f"heading id '{explicit}' is not a stable id",
                        "use lower-case English letters, digits and hyphens, e.g. {#register-address}",
                    )
                )
    return problems


def check_translation_ids(pages: Iterable[SourcePage]) -> list[Problem]:
    """A translation has exactly the heading ids of its original, so /<lang>/page/#id works everywhere."""
    pages = list(pages)
    originals = {page.src_uri: page for page in pages if page.language is None}
    problems = []
    for page in pages:
        original = originals.get(page.page)
        if page.language is None or original is None or not (page.readable and original.readable):
            continue
        source_ids = {explicit: line for line, level, _, explicit in headings(original) if explicit and level > 1}
        own_ids = {explicit: line for line, level, _, explicit in headings(page) if explicit and level > 1}
        for missing in sorted(set(source_ids) - set(own_ids)):
            problems.append(
                Problem(
                    page.path,
                    page.body_line,
                    f"heading id '{missing}' of the original ({original.path}:{source_ids[missing]}) is missing",
                    f"add {{#{missing}}} to the translated heading",
                )
            )
        for extra in sorted(set(own_ids) - set(source_ids)):
            problems.append(
                Problem(
                    page.path,
                    own_ids[extra],
                    f"heading id '{extra}' is not in the original {original.path}",
                    "use the id of the matching heading in the original",
                )
            )
    return problems


def _link_targets(page: SourcePage) -> Iterator[tuple[str, str, str]]:
    """(tag, attribute, URL) of every link-like attribute in the rendered page."""
    for tag in page.html.find_all(True):
        if "headerlink" in (tag.get("class") or []):  # permalinks the toc extension adds to each heading
            continue
        for attribute in ("href", "src", "action", "formaction", "data", "poster", "xlink:href"):
            if tag.has_attr(attribute):
                yield tag.name, attribute, str(tag[attribute])


def check_links(
    pages: Iterable[SourcePage], docs_dir: Path, targets: Iterable[SourcePage] | None = None
) -> list[Problem]:
    """Internal links resolve to a page and an anchor in every language; no http:// and no javascript:.

    ``targets`` are the pages links may lead to, when they are not ``pages`` themselves (local prose).
    """
    pages = list(pages)
    by_uri = {page.src_uri: page for page in (pages if targets is None else targets)}
    problems = []
    for page in pages:
        seen: dict[str, int] = defaultdict(int)
        for _tag, _attribute, url in _link_targets(page):
            occurrence = seen[url]
            seen[url] += 1
            line = page.line_of(url, occurrence)
            problem = _check_one_link(page, url, by_uri, docs_dir)
            if problem:
                problems.append(Problem(page.path, line, *problem))
    return problems


def _version_for(target: str, language: str | None, by_uri: dict[str, SourcePage]) -> SourcePage | None:
    """The page a reader of ``language`` gets for ``target``: the translation, or the original as fallback."""
    if language:
        translated = translation_name(target, language)
        if translated in by_uri:
            return by_uri[translated]
    return by_uri.get(target)


def _check_one_link(
    page: SourcePage, url: str, by_uri: dict[str, SourcePage], docs_dir: Path
) -> tuple[str, str] | None:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme and scheme not in URL_SCHEMES:
        return None  # the allow-list refuses it, and check_unsafe_html says so
    if scheme == "http":
        return f"insecure link '{url}'", "use the https:// address (the check of external links will confirm it)"
    if url.startswith("//"):
        return (
            f"link without a scheme '{url}' leads to another host",
            "write the whole https:// address, or link a page of the handbook relatively",
        )
    if scheme:
        return None
    if url.startswith("/"):
        return (
            f"absolute link '{url}' breaks in other languages and hosts",
            "link the page's .md file relatively, e.g. ../topics/housing.md#deposit",
        )
    if not parts.path:  # a same-page anchor
        return _check_anchor(page, page, unquote(parts.fragment))
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page.page), unquote(parts.path)))
    if target.endswith(".md"):
        if target not in by_uri or by_uri[target].language is not None:
            return (
                f"link to a page that does not exist: '{parts.path}'",
                "check the file name, relative to this file; link the original (without a language code)",
            )
        if parts.fragment:
            return _check_anchor(page, _version_for(target, page.language, by_uri), unquote(parts.fragment))
        return None
    if (docs_dir / target).is_file():
        return None
    if (docs_dir / target).is_dir() or target.endswith("/") or "." not in posixpath.basename(target):
        return f"link to a folder or URL path '{url}'", "link the page's .md file instead, e.g. topics/index.md"
    return f"link to a file that does not exist: '{parts.path}'", "check the file name, relative to this file"


def _check_anchor(page: SourcePage, target: SourcePage | None, anchor: str) -> tuple[str, str] | None:
    if target is None or anchor in target.ids:
        return None
    where = "this page" if target is page else target.path
    return f"anchor '#{anchor}' does not exist on {where}", "use one of the heading ids ({#...}) of that page"


_LINK_ATTRIBUTES = ("href", "src", "xlink:href")
_EMPTY_COMMENT = re.compile(r"<!---?>")  # browsers end these comments at once: what follows would be live


def check_unsafe_html(pages: Iterable[SourcePage]) -> list[Problem]:
    """Content holds only what handbook.checks.html_policy allows (decided by nh3), each refusal at its line."""
    problems = []
    for page in pages:
        for removal in removals(page.rendered):
            if removal.attribute is None:
                line = page.line_of(f"<{removal.tag}")
            else:
                # An address is found where the editor wrote it (Markdown writes no 'src='); other attributes by name.
                by_value = removal.attribute in _LINK_ATTRIBUTES and removal.value
                found = page.find_line(removal.value, removal.same_value_before) if by_value else None
                line = found or page.line_of(f"{removal.attribute}=", removal.same_name_before)
            problems.append(Problem(page.path, line, *_refusal(removal)))
        for number, text in enumerate(page.body.splitlines(), page.body_line):
            if _EMPTY_COMMENT.search(text):
                problems.append(
                    Problem(
                        page.path,
                        number,
                        "a comment written '<!-->' or '<!--->' ends at once in browsers",
                        "write comments as <!-- text -->, or remove it",
                    )
                )
    return problems


def _refusal(removal: Removal) -> tuple[str, str]:
    """What is wrong and how to fix it, for one thing the allow-list refuses."""
    tag, attribute, value = removal.tag, (removal.attribute or "").lower(), removal.value
    if removal.added:
        return (
            f"browsers read this markup as an element the text does not show: <{tag}>",
            "close every tag and comment properly (<!-- text -->), or remove the markup",
        )
    if not attribute:
        return f"<{tag}> is not allowed in content", "remove it; ask a maintainer if the page needs interactive parts"
    if attribute.startswith("on"):
        return f"inline event handler '{attribute}' is not allowed", "remove the attribute; pages may not run scripts"
    if attribute not in ATTRIBUTES["*"] | ATTRIBUTES.get(tag, frozenset()):
        return f"attribute '{attribute}' is not allowed on <{tag}>", "remove it; the site's own styles and markup apply"
    if attribute == "style":
        return f"style '{value}' is not allowed", "remove it; only Markdown's table alignment is allowed"
    if attribute == "type" and tag == "input":
        return f'<input type="{value}"> is not allowed', "use a checklist item (- [ ] …) instead"
    if attribute == "src" and tag == "img":
        return (
            f"image from another website: '{value}'",
            "put the picture into docs/ and link it relatively: the site asks no other host for anything",
        )
    if urlsplit(value.strip()).scheme.lower() == "javascript":
        return f"unsafe link '{value}'", "remove it: pages may not run scripts"
    return f"link with unsupported scheme '{value}'", "use https://, mailto: or tel:, or a relative link to a .md file"


def check_shadowing(pages: Iterable[SourcePage]) -> list[Problem]:
    """Two sources that would publish the same URL: one would silently replace the other."""
    by_url: dict[tuple[str | None, str], list[SourcePage]] = defaultdict(list)
    for page in pages:
        by_url[(page.language, page_path(page.page))].append(page)
    problems = []
    for (_, url), clashing in sorted(by_url.items(), key=lambda item: item[0][1]):
        if len(clashing) > 1:
            clashing = sorted(clashing, key=lambda page: page.path)
            names = ", ".join(page.path for page in clashing)
            for page in clashing:
                problems.append(
                    Problem(
                        page.path,
                        0,
                        f"publishes the same address '{url or '/'}' as another file ({names})",
                        "keep one of them: rename or merge the other",
                    )
                )
    return problems


def nav_entries(nav: object) -> Iterator[str]:
    """Every page path in an mkdocs.yml ``nav`` (external links skipped)."""
    if isinstance(nav, str):
        if "://" not in nav:
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_entries(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_entries(value)


def check_navigation(
    pages: Iterable[SourcePage],
    nav: object,
    config_text: str,
    config_path: str,
    not_in_nav: Iterable[str] = (),
    generated: Iterable[str] = (),
) -> list[Problem]:
    """Every original is reachable from the navigation, and every navigation entry exists."""
    originals = {page.src_uri for page in pages if page.language is None}
    known = originals | set(generated)
    entries = list(nav_entries(nav))
    problems = []
    config_lines = config_text.splitlines()
    for entry in entries:
        if entry not in known:
            line = next(
                (n for n, text in enumerate(config_lines, 1) if entry in text and text.strip().startswith("-")), 0
            )
            problems.append(
                Problem(
                    config_path,
                    line,
                    f"navigation entry '{entry}' is not a page",
                    "fix the path (relative to docs/) or remove the entry",
                )
            )
    exempt = tuple(not_in_nav)
    for page in sorted(originals - set(entries)):
        if not page.startswith(exempt):
            problems.append(
                Problem(
                    f"docs/{page}", 0, "no navigation entry reaches this page", f"add '{page}' to nav in {config_path}"
                )
            )
    return problems
