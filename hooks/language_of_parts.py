"""MkDocs hook: German terms carry ``lang="de"``, left-to-right runs are isolated in right-to-left pages.

The rules are in handbook.language_of_parts. They apply to the page's ``<article>``, once it is complete:
the content, and what the templates add to it (sources, figures, notices, dates).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.language_of_parts import in_article, isolate_left_to_right, mark_german_terms
from handbook.languages import text_direction


@event_priority(-50)  # before hooks/minify.py (-100), which wants the finished page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    code = config.theme["language"]
    if code != "de":
        output = in_article(output, mark_german_terms)
    if text_direction(code) == "rtl":
        output = in_article(output, isolate_left_to_right)
    return output
