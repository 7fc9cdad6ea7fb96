"""MkDocs hook: publish the editors' reports in the original language's build.

/en/editors/freshness/ (review status and the figures of data/facts.yml by the day they
run out, plus freshness.json), /en/editors/translations/ and /en/editors/offices/ (what the
municipality pages cannot say yet) are generated from the sources on every build. They are
not in the readers' navigation (mkdocs.yml: not_in_nav) and not in search.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook.content.page_sources import load_pages
from handbook.content.translation_status import translation_states
from handbook.core.generated_pages import EDITORS_REPORT
from handbook.pipeline.build_context import current
from handbook.site.reports import (
    fact_rows,
    freshness_json,
    freshness_markdown,
    freshness_rows,
    offices_markdown,
    translation_markdown,
)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen the language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = current()
    if not context.is_original:
        return files
    codes, day = list(context.codes), context.today
    pages = load_pages(context.docs_dir, codes, context.config_file)
    facts = context.facts[0]
    rows, figures = freshness_rows(pages, day, facts), fact_rows(facts, pages, day)
    generated = {
        EDITORS_REPORT.path("freshness"): freshness_markdown(rows, day, figures),
        EDITORS_REPORT.path("freshness", ".json"): freshness_json(rows, day, figures),
        EDITORS_REPORT.path("translations"): translation_markdown(translation_states(pages, codes), codes),
    }
    data = context.project / "data"
    if (data / "region").exists():  # the handbook, not the test fixtures
        generated[EDITORS_REPORT.path("offices")] = offices_markdown(context.region.region)
    for src_uri, content in generated.items():
        files.append(File.generated(config, src_uri, content=content))
    return files
