"""MkDocs hook: fill ``<!-- link-catalogue -->`` with every guide section's deep link (handbook.site.link_catalogue)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.checks.content_checks import nav_entries
from handbook.pipeline.build_context import current
from handbook.site.link_catalogue import catalogue, catalogue_html

MARKER = "<!-- link-catalogue -->"
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    strings = current().strings
    _state.update(
        code=current().code,
        copy=strings["copy_link"],
        copied=strings["link_copied"],
        guides=[
            entry for entry in nav_entries(config.nav) if entry.startswith("topics/") and not entry.endswith("index.md")
        ],
    )
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    entries = catalogue(current().language_pages, _state["guides"], _state["code"], config.site_url or "")
    return markdown.replace(MARKER, catalogue_html(entries, _state["copy"], _state["copied"]))
