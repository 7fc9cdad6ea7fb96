"""Where each translation stands: current, outdated, machine-made or missing.

A translation records in ``translated_from`` the version (see
``page_sources.version_of``) of the original it was made from. When the
original's text changes, the versions differ and readers see that the
translation may be outdated.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from handbook.content.page_sources import SourcePage, version_of

_TRANSLATED_FROM = re.compile(r"^translated_from:.*$", re.MULTILINE)


@dataclass(frozen=True)
class TranslationState:
    page: str  # original src_uri
    language: str
    status: str  # "translated", "machine", "outdated" or "missing"
    machine: bool


def translation_states(pages: Iterable[SourcePage], codes: Sequence[str]) -> list[TranslationState]:
    """One state per original page and non-original language, sorted by page then language order."""
    pages = list(pages)
    originals = {page.src_uri: page for page in pages if page.language is None}
    translations = {(page.page, page.language): page for page in pages if page.language}
    states = []
    for uri, original in sorted(originals.items()):
        current = version_of(original)
        for code in codes[1:]:
            translation = translations.get((uri, code))
            if translation is None:
                states.append(TranslationState(uri, code, "missing", False))
                continue
            data = translation.front_matter.data if translation.front_matter else {}
            machine = bool(data.get("machine_translated"))
            if data.get("translated_from") != current:
                status = "outdated"
            else:
                status = "machine" if machine else "translated"
            states.append(TranslationState(uri, code, status, machine))
    return states


def stamp(text: str, version: str) -> str:
    """Record ``version`` as the original's version in a translation's front matter."""
    line = f'translated_from: "{version}"'  # quoted: an all-digit version would read as a number
    if not text.startswith("---"):
        return f"---\n{line}\n---\n\n{text}"
    end = text.index("\n---", 3)
    head, rest = text[:end], text[end:]
    if _TRANSLATED_FROM.search(head):
        head = _TRANSLATED_FROM.sub(line, head, count=1)
    else:
        head = f"{head}\n{line}"
    return head + rest


def stamp_files(files: Iterable[Path], pages: Iterable[SourcePage], docs_dir: Path) -> list[str]:
    """Stamp each translation file with its original's current version; return what was done."""
    originals = {page.src_uri: page for page in pages if page.language is None}
    by_uri = {page.src_uri: page for page in pages}
    done = []
    for file in files:
        uri = file.resolve().relative_to(docs_dir.resolve()).as_posix()
        page = by_uri.get(uri)
        if page is None or page.language is None:
            done.append(f"{file}: not a translation (name it like page.de.md), skipped")
            continue
        version = version_of(originals[page.page])
        file.write_text(stamp(file.read_text(encoding="utf-8"), version), encoding="utf-8")
        done.append(f"{file}: translated_from {version} ({page.page})")
    return done
