"""The handbook's own interface strings (notices, search, language chooser) per language.

Material translates its own interface; these are the strings it does not have.
They live in ``i18n/ui.yml`` as ``key: {lang: text}`` so a translator sees every
language of one string together, and a missing one is an error, not a silent gap.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import yaml
from babel import Locale

from handbook.core.front_matter import SAFE_LOADER
from handbook.project import PROJECT

I18N_DIR = PROJECT / "i18n"
Text = str | Mapping[str, str]  # a text, or its CLDR plural forms ({one: …, other: …})


def load_ui_strings(path: Path | None = None) -> dict[str, dict[str, Text]]:
    """Read ``key -> {language -> text}`` from one strings file, or from all of i18n/*.yml."""
    strings: dict[str, dict[str, Text]] = {}
    for file in [path] if path else sorted(I18N_DIR.glob("*.yml")):
        with open(file, encoding="utf-8") as fh:
            strings.update(yaml.load(fh, Loader=SAFE_LOADER) or {})  # a yaml.SafeLoader
    return strings


def missing_ui_strings(strings: dict[str, dict[str, Text]], codes: Iterable[str]) -> list[str]:
    """Name every ``key/language`` that has no text, so all gaps are reported at once."""
    return [f"{key}/{code}" for key, texts in strings.items() for code in codes if not (texts or {}).get(code)]


def strings_for(strings: dict[str, dict[str, Text]], code: str) -> dict[str, Text]:
    """All strings in one language, for the templates (``{{ ui.search_placeholder }}``)."""
    return {key: texts[code] for key, texts in strings.items()}


def plain_strings(strings: Mapping[str, Text]) -> dict[str, str]:
    """The strings without plural forms: what code that shows no number may use."""
    return {key: text for key, text in strings.items() if isinstance(text, str)}


def plural_problem(text: Text, code: str) -> str | None:
    """What is wrong with a string's plural forms: 'other' is needed, and only forms the language has (CLDR)."""
    if not isinstance(text, Mapping):
        return None
    forms = set(Locale.parse(code).plural_form.tags) | {"other"}
    if "other" not in text:
        return "has plural forms but no 'other'"
    unknown = sorted(set(text) - forms)
    if unknown:
        return (
            f"has plural form(s) {', '.join(unknown)} that '{code}' does not use (it has: {', '.join(sorted(forms))})"
        )
    return None


QUOTE_FIX = "use typographic quotes („…“, “…” or «…») instead"


def quote_problem(text: str) -> str | None:
    """Interface strings also go into HTML attributes (labels, the search box's texts), where a straight double
    quote would end the attribute and turn the rest of the string into markup."""
    return 'contains a straight double quote (")' if '"' in text else None


def texts_of(text: Text) -> list[str]:
    """Every text of a string: the one, or each plural form."""
    return list(text.values()) if isinstance(text, Mapping) else [text]
