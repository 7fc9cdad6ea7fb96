"""MkDocs hook: German terms carry ``lang="de"``, left-to-right runs are isolated in right-to-left pages.

German terms also weigh more in the search where a guide explains them (data/glossary.yml names the section).
The rules are in handbook.content.language_of_parts. They apply to the page's ``<article>``, once it is complete: the
content, and what the templates add to it (sources, figures, notices, dates).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.content.language_of_parts import in_article, isolate_left_to_right, mark_german_terms, term_weights
from handbook.content.languages import text_direction
from handbook.content.translations import split_source
from handbook.pipeline.build_context import current

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = current()
    explained: dict[str, set[str]] = defaultdict(set)
    for term in context.glossary:
        explained[term.section.split("#", 1)[0]].add(term.term)
    _state.update(explained=explained, codes=list(context.codes))
    return config


@event_priority(-50)  # before hooks/minify.py (-100), which wants the finished page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    code = config.theme["language"]
    original = split_source(page.file.src_uri, _state["codes"]).page
    weight = term_weights(_state["explained"].get(original, set()), guide=page.meta.get("kind") == "guide")
    output = in_article(output, lambda html: mark_german_terms(html, language=code != "de", search_weight=weight))
    if text_direction(code) == "rtl":
        output = in_article(output, isolate_left_to_right)
    return output
