"""The handbook's languages, read from the one place they are configured: mkdocs.yml.

The i18n plugin's ``languages`` list is the single source of truth; the build
orchestrator, the hooks and the tests all read it through :func:`load_languages`
so that adding a language is a one-place change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from babel import Locale

from handbook.content.site_config import site_config


@dataclass(frozen=True)
class Language:
    """One reader language of the handbook."""

    code: str
    name: str
    site_name: str
    is_default: bool

    @property
    def direction(self) -> str:
        return text_direction(self.code)


# English readers here live in Germany and come from everywhere: write day, month, year
# ("26 November 2026", as GOV.UK does) and euros as in Britain, not the US conventions of Babel's plain "en".
_BABEL_LOCALES = {"en": "en_GB"}


def babel_locale(code: str) -> str:
    """The Babel locale that formats dates and numbers for readers of ``code``."""
    return _BABEL_LOCALES.get(code, code)


def text_direction(code: str) -> str:
    """``rtl`` or ``ltr``, from the Unicode CLDR data that Babel ships (no hand-kept list)."""
    return Locale.parse(code).text_direction


def _attribute(entry: Any, key: str, default: Any = None) -> Any:
    """``entry.key``: the plugin's parsed config gives objects, a plain YAML read gives dicts."""
    return getattr(entry, key, default)


def languages_from_plugin_config(entries: Iterable[Any], fallback_site_name: str) -> list[Language]:
    """Turn the i18n plugin's ``languages`` entries (dicts or config objects) into Languages."""
    languages = []
    for entry in entries:
        get = entry.get if hasattr(entry, "get") else partial(_attribute, entry)
        languages.append(
            Language(
                code=get("locale"),
                name=get("name"),
                site_name=get("site_name") or fallback_site_name,
                is_default=bool(get("default", False)),
            )
        )
    return languages


def load_languages(config_file: Path) -> list[Language]:
    """Read the languages from an mkdocs.yml without running MkDocs."""
    config = site_config(config_file)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return languages_from_plugin_config(plugin["i18n"]["languages"], config["site_name"])
    raise ValueError(f"{config_file}: no i18n plugin with a languages list")


def default_language(languages: Iterable[Language]) -> Language:
    """The language every page is written in first, and the fallback for the others."""
    for language in languages:
        if language.is_default:
            return language
    raise ValueError("no language is marked 'default: true'")
