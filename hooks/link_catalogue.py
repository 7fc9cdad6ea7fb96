"""MkDocs hook: fill ``<!-- link-catalogue -->`` with every guide section's deep link (handbook.site.link_catalogue)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.checks.content_checks import nav_entries
from handbook.content.page_sources import load_pages
from handbook.content.ui_strings import load_ui_strings
from handbook.pipeline.build_context import current
from handbook.site.link_catalogue import catalogue, catalogue_html

MARKER = "<!-- link-catalogue -->"
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    code, codes = current().code, list(current().codes)
    strings = load_ui_strings()
    _state.update(
        code=code,
        codes=codes,
        copy=strings["copy_link"][code],
        copied=strings["link_copied"][code],
        guides=[
            entry for entry in nav_entries(config.nav) if entry.startswith("topics/") and not entry.endswith("index.md")
        ],
    )
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    pages = load_pages(
        Path(config.docs_dir), _state["codes"], Path(config.config_file_path), only={None, _state["code"]}
    )
    entries = catalogue(pages, _state["guides"], _state["code"], config.site_url or "")
    return markdown.replace(MARKER, catalogue_html(entries, _state["copy"], _state["copied"]))
