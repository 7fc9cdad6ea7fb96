"""Which pages exist in which language, from the file names alone.

Sources follow mkdocs-static-i18n's suffix layout: ``topics/housing.md`` is the
English original and ``topics/housing.de.md`` its German translation. Every page
is published in every language; where a translation is missing, readers get the
original with a notice (a *fallback* copy), which is never advertised to search
engines as a translation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class SourceName:
    """A markdown source path split into the page it belongs to and its language."""

    page: str  # normalised source path, e.g. "topics/housing.md"
    language: str | None  # None for the original (default language)


def split_source(src_uri: str, codes: Iterable[str]) -> SourceName:
    """Split ``topics/housing.de.md`` into ``topics/housing.md`` and ``de``."""
    path = PurePosixPath(src_uri)
    suffixes = path.suffixes
    if len(suffixes) >= 2 and suffixes[-2][1:] in set(codes):
        code = suffixes[-2][1:]
        return SourceName(str(path.with_name(path.name.replace(f".{code}.", ".", 1))), code)
    return SourceName(src_uri, None)


def translation_name(page: str, code: str) -> str:
    """The source path of ``page``'s translation into ``code``: ``topics/housing.md`` -> ``topics/housing.de.md``
    (the inverse of split_source, and the one place that spells the suffix rule)."""
    return f"{page.removesuffix('.md')}.{code}.md"


def translation_map(src_uris: Iterable[str], codes: Iterable[str], default: str) -> dict[str, frozenset[str]]:
    """Map each page to the set of languages it really exists in (the original included)."""
    codes = list(codes)
    found: dict[str, set[str]] = {}
    for uri in src_uris:
        if not uri.endswith(".md"):
            continue
        name = split_source(uri, codes)
        found.setdefault(name.page, set()).add(name.language or default)
    return {page: frozenset(langs) for page, langs in found.items()}


def version_in(docs: Path, page: str, code: str) -> Path:
    """The file readers of ``code`` get for ``page`` (e.g. "checklist.md"): its translation, else the original."""
    translated = docs / translation_name(page, code)
    return translated if translated.exists() else docs / page


def page_path(page: str) -> str:
    """The URL path of a page inside a language, as MkDocs builds it with directory URLs.

    ``index.md`` -> ``""``, ``topics/index.md`` -> ``topics/``, ``about/privacy.md`` -> ``about/privacy/``.
    """
    path = PurePosixPath(page)
    stem = path.with_suffix("")
    if stem.name in ("index", "README"):
        parent = str(stem.parent)
        return "" if parent == "." else f"{parent}/"
    return f"{stem}/"


def originals_replaced_by_translations(available: dict[str, frozenset[str]], code: str, default: str) -> list[str]:
    """The originals that the build of ``code`` must not publish, because their translation is there."""
    if code == default:
        return []
    return sorted(page for page, languages in available.items() if code in languages)
