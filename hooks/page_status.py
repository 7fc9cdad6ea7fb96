"""MkDocs hook: how fresh and how reliable each page is, shown to readers in their language.

Adds ``page_status`` (handbook.content.page_status.PageStatus), ``page_dates`` (formatted
dates) and ``page_sources`` (the original's official sources) to each page's
template context; overrides/partials/page-notices.html and page-facts.html show them. A page
that uses a figure of data/facts.yml whose period has ended is overdue.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.content.facts import fact_keys, figures_due
from handbook.content.page_sources import version_of
from handbook.content.page_status import format_day, page_status
from handbook.core.generated_pages import EVERY_LANGUAGE
from handbook.pipeline.build_context import current
from handbook.pipeline.git_dates import last_changed_dates

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = current()
    code, docs_dir = context.code, context.docs_dir
    pages = context.language_pages  # only this language's translations and the originals
    repo = context.project
    docs_prefix = docs_dir.resolve().relative_to(repo.resolve()).as_posix()
    changed = last_changed_dates(repo, docs_prefix)
    _state.update(
        code=code,
        sources={
            page.src_uri: (page.page, page.language, page.front_matter.data) for page in pages if page.front_matter
        },
        versions={page.src_uri: version_of(page) for page in pages if page.language is None},
        changed={page.src_uri: changed.get(f"{docs_prefix}/{page.src_uri}") for page in pages},
        today=context.today,
    )
    _state["facts"] = context.facts[0]  # its problems are reported by hooks/facts.py
    return config


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    source = _state["sources"].get(page.file.src_uri)
    if source is not None:
        original_uri, language, data = source
        original_data = _state["sources"].get(original_uri, (None, None, {}))[2]
        translation, version = (data if language else None), _state["versions"][original_uri]
    elif (page.meta or {}).get("generated") == EVERY_LANGUAGE:  # municipality and district pages
        original_data, translation, version = page.meta, None, ""
    else:  # editors' reports
        return context
    status = page_status(
        original=original_data,
        translation=translation,
        original_version=version,
        on=_state["today"],
        last_changed=_state["changed"].get(page.file.src_uri),
        figures_due=figures_due(fact_keys(page.file.content_string), _state["facts"], _state["today"]),
    )
    code = _state["code"]
    context["page_status"] = status
    context["page_dates"] = {
        name: format_day(day, code)
        for name, day in (
            ("reviewed", status.last_reviewed),
            ("due", status.review_due),
            ("changed", status.last_changed),
        )
        if day
    }
    context["page_sources"] = original_data.get("sources", [])
    return context
