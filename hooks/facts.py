"""MkDocs hook: the figures of data/facts.yml in pages, and their list at the end of each page.

``[[fact:key]]`` becomes the value that applies on the day of the build, formatted for the
language being built (handbook.content.facts); templates get ``page_figures`` for
overrides/partials/page-figures.html. Pages that use a figure whose period has ended are
marked overdue by hooks/page_status.py.
"""

from __future__ import annotations

import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.content.facts import fact_keys, fill_fact_markers, page_figures
from handbook.content.page_status import format_day
from handbook.pipeline.build_context import current

log = logging.getLogger("mkdocs.plugins.handbook.facts")
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = current()
    day = context.today
    facts, problems = context.facts
    for problem in problems:  # `make check` stops a build before this; the preview prints and goes on
        log.warning(str(problem))
    _state.update(facts=facts, code=context.code, today=day, used={})
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    keys = fact_keys(markdown)
    _state["used"][page.file.src_uri] = keys
    return fill_fact_markers(markdown, _state["facts"], _state["today"], _state["code"]) if keys else markdown


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    keys = _state["used"].get(page.file.src_uri, [])
    context["page_figures"] = page_figures(keys, _state["facts"], _state["today"], _state["code"], format_day)
    return context
