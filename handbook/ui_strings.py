"""The handbook's own interface strings (notices, search, language chooser) per language.

Material translates its own interface; these are the strings it does not have.
They live in ``i18n/ui.yml`` as ``key: {lang: text}`` so a translator sees every
language of one string together, and a missing one is an error, not a silent gap.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import yaml

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: read in every build
I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"


def load_ui_strings(path: Path | None = None) -> dict[str, dict[str, str]]:
    """Read ``key -> {language -> text}`` from one strings file, or from all of i18n/*.yml."""
    strings: dict[str, dict[str, str]] = {}
    for file in [path] if path else sorted(I18N_DIR.glob("*.yml")):
        with open(file, encoding="utf-8") as fh:
            strings.update(yaml.load(fh, Loader=_SafeLoader) or {})  # noqa: S506 - a safe loader
    return strings


def missing_ui_strings(strings: dict[str, dict[str, str]], codes: Iterable[str]) -> list[str]:
    """Name every ``key/language`` that has no text, so all gaps are reported at once."""
    return [f"{key}/{code}" for key, texts in strings.items() for code in codes if not (texts or {}).get(code)]


def strings_for(strings: dict[str, dict[str, str]], code: str) -> dict[str, str]:
    """All strings in one language, for the templates (``{{ ui.search_placeholder }}``)."""
    return {key: texts[code] for key, texts in strings.items()}
