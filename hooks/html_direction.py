"""MkDocs hook: ``dir`` on the ``<html>`` element of every page and template (see handbook.content.html_direction)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.content.html_direction import set_html_direction
from handbook.content.languages import text_direction


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return set_html_direction(output, text_direction(config.theme["language"]))


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content
    return set_html_direction(output_content, text_direction(config.theme["language"]))
