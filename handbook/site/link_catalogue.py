"""The employers' link catalogue: every guide section with its stable deep link, in one language.

HR staff copy these links into e-mails to new hires. The links use the explicit
heading ids that every translation shares, so a link keeps working in every
language and after edits.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from handbook.content.page_sources import SourcePage, headings
from handbook.content.translations import page_path, translation_name

_ID = r"\s*\{[^}]*\}\s*$"


@dataclass(frozen=True)
class CatalogueEntry:
    guide_title: str
    section_title: str  # "" for the guide itself
    url: str  # absolute, in the catalogue's language


def _plain_heading(text: str) -> str:
    return re.sub(_ID, "", text).replace("*", "").strip()


def catalogue(
    pages: Iterable[SourcePage], guide_order: Sequence[str], code: str, language_root: str
) -> list[CatalogueEntry]:
    """Entries for every guide in ``guide_order`` (source paths), in the language ``code`` where translated."""
    by_uri = {page.src_uri: page for page in pages}
    entries = []
    for uri in guide_order:
        original = by_uri.get(uri)
        if original is None or not original.front_matter or original.front_matter.data.get("kind") != "guide":
            continue
        version = by_uri.get(translation_name(uri, code), original)
        data = version.front_matter.data if version.front_matter else original.front_matter.data
        base = f"{language_root}{page_path(uri)}"
        title = str(data.get("title", ""))
        entries.append(CatalogueEntry(title, "", base))
        for _, level, text, explicit in headings(version):
            if level == 2 and explicit:
                entries.append(CatalogueEntry(title, _plain_heading(text), f"{base}#{explicit}"))
    return entries


def catalogue_html(entries: Sequence[CatalogueEntry], copy_label: str, copied_label: str) -> str:
    """A table per guide: section, its link, and a copy button (handbook.js makes the buttons work)."""
    out = []
    current = None
    for entry in entries:
        if entry.guide_title != current:
            if current is not None:
                out.append("</tbody></table>")
            current = entry.guide_title
            out.append(f'<h2 class="handbook-catalogue__guide">{html.escape(entry.guide_title)}</h2>')
            out.append('<table class="handbook-catalogue"><tbody>')
        label = html.escape(entry.section_title or entry.guide_title)
        url = html.escape(entry.url, quote=True)
        out.append(
            f'<tr><td>{label}</td><td><a href="{url}">{url}</a></td>'
            f'<td><button type="button" class="md-button handbook-copy" data-copy="{url}" '
            f'data-copied="{html.escape(copied_label, quote=True)}">{html.escape(copy_label)}</button></td></tr>'
        )
    if current is not None:
        out.append("</tbody></table>")
    return "\n".join(out) + "\n"
