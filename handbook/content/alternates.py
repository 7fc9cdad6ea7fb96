"""Links between the language versions of one page.

Two different lists, on purpose:

* the **language switcher** offers every language, because every page is served
  in every language (untranslated ones as a fallback copy with a notice);
* the **hreflang alternates** in the page head list only real translations plus
  ``x-default`` (the original), so search engines never index a fallback copy as
  a translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from handbook.content.languages import Language, default_language
from handbook.content.translations import page_path


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    code: str
    name: str
    href: str  # path-absolute, so it works on any host the site is served from
    translated: bool  # False: that language shows the original with a notice
    current: bool


@dataclass(frozen=True)
class PageLanguages:
    """Everything the templates need to show a page's language situation."""

    code: str
    direction: str
    is_fallback: bool  # this copy shows the original's text, not a translation
    original_href: str  # path-absolute URL of the original
    original_language: str
    canonical_url: str  # absolute; a fallback copy points at the original
    self_url: str  # absolute address of this language copy
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL)
    switcher: tuple[LanguageLink, ...]


def site_root(site_url: str, code: str) -> str:
    """The site's root URL, from one language build's ``site_url`` (``…/de/`` -> ``…/``)."""
    url = site_url if site_url.endswith("/") else site_url + "/"
    suffix = f"{code}/"
    if not url.endswith(suffix):
        raise ValueError(f"site_url {site_url!r} does not end with the language folder '{suffix}'")
    return url[: -len(suffix)]


def page_languages(
    page: str,
    code: str,
    languages: Sequence[Language],
    available: frozenset[str],
    root_url: str,
    generated: bool = False,
) -> PageLanguages:
    """Describe the language versions of ``page`` (a normalised source path) as built in ``code``.

    A ``generated`` page (an editors' report) exists only where it is built, so the
    switcher offers no other language for it.
    """
    original = default_language(languages)
    root_path = urlsplit(root_url).path or "/"
    path = page_path(page)

    def href(lang: str) -> str:
        return f"{root_path}{lang}/{path}"

    def absolute(lang: str) -> str:
        return f"{root_url}{lang}/{path}"

    current = next(lang for lang in languages if lang.code == code)
    is_fallback = code not in available
    alternates = tuple((lang.code, absolute(lang.code)) for lang in languages if lang.code in available)
    alternates += (("x-default", absolute(original.code)),)
    switcher = tuple(
        LanguageLink(
            code=lang.code,
            name=lang.name,
            href=href(lang.code),
            translated=lang.code in available,
            current=lang.code == code,
        )
        for lang in languages
        if not generated or lang.code == code
    )
    return PageLanguages(
        code=code,
        direction=current.direction,
        is_fallback=is_fallback,
        original_href=href(original.code),
        original_language=original.code,
        canonical_url=absolute(original.code if is_fallback else code),
        self_url=absolute(code),
        alternates=alternates,
        switcher=switcher,
    )
