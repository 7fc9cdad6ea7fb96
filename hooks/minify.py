"""MkDocs hook: collapse blanks in every page's HTML and mend Material's invalid markup, last
(handbook.pipeline.minify)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.pipeline.minify import minify_page


@event_priority(-100)  # last: html_direction and the plugins have finished with the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return minify_page(output)
