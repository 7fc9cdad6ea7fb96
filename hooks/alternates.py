"""MkDocs hook: language switcher, hreflang alternates (in the sitemap), fallback notices, UI strings.

Thin adapter: the rules live in handbook.content.alternates and handbook.content.translations.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.content.alternates import PageLanguages, page_languages, site_root
from handbook.content.languages import Language, languages_from_plugin_config
from handbook.content.translations import originals_replaced_by_translations, split_source, translation_map
from handbook.content.ui_strings import missing_ui_strings
from handbook.core import environment
from handbook.core.generated_pages import EVERY_LANGUAGE
from handbook.pipeline.build_context import current

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = current()
    code = context.code
    languages = languages_from_plugin_config(config.plugins["i18n"].config.languages, config.site_name)
    # build_only_locale rewrites "default"; the original language is the first one listed.
    languages = [
        Language(lang.code, lang.name, lang.site_name, is_default=(index == 0)) for index, lang in enumerate(languages)
    ]
    strings = context.ui_strings
    missing = missing_ui_strings(strings, [lang.code for lang in languages])
    if missing:
        raise PluginError("i18n/ui.yml: missing translations: " + ", ".join(missing))
    try:
        root = site_root(context.site_url, code)
    except ValueError as error:
        raise PluginError(f"{error}; set {environment.SITE_URL} to <root>/{code}/ (python -m handbook does)") from error
    _state.update(languages=languages, code=code, root=root, ui=context.strings)
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # Runs before the i18n plugin (priority -100) narrows the files to one language.
    codes = [lang.code for lang in _state["languages"]]
    _state["available"] = translation_map((f.src_uri for f in files), codes, codes[0])
    # With build_only_locale, mkdocs-static-i18n treats unsuffixed originals as the build
    # language too, and whichever file sorts last wins (topics/housing.md beats
    # topics/housing.de.md). Removing the original where a translation exists leaves no choice.
    for original in originals_replaced_by_translations(_state["available"], _state["code"], codes[0]):
        if file := files.get_file_from_path(original):
            files.remove(file)
    return files


def languages_of(page: Page) -> PageLanguages:
    """The language situation of ``page`` in this build (also called by the sitemap template)."""
    codes = [lang.code for lang in _state["languages"]]
    name = split_source(page.file.src_uri, codes)
    # Pages generated in every language (municipalities, districts) are real translations everywhere;
    # other generated pages (editors' reports) exist only in the language they are built in.
    everywhere = (page.meta or {}).get("generated") == EVERY_LANGUAGE
    available = frozenset(codes) if everywhere else _state["available"].get(name.page, frozenset({_state["code"]}))
    return page_languages(
        page=name.page,
        code=_state["code"],
        languages=_state["languages"],
        available=available,
        root_url=_state["root"],
        generated=not everywhere and name.page not in _state["available"],
    )


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    info = languages_of(page)
    page.canonical_url = info.canonical_url
    context["page_languages"] = info
    return context


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    env.globals["ui"] = _state["ui"]
    env.globals["languages_of"] = languages_of  # overrides/sitemap.xml: hreflang alternates per page
    return env
