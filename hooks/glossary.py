"""MkDocs hook: the glossary page (/<lang>/glossary/) in the language being built (handbook.content.glossary)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook.content.glossary import glossary_markdown, load_glossary
from handbook.content.ui_strings import load_ui_strings, plain_strings, strings_for
from handbook.core.generated_pages import GLOSSARY_PAGE
from handbook.pipeline.build_context import current


@event_priority(-150)  # after mkdocs-static-i18n: the page is already in the build's language
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    code = current().code
    terms, _ = load_glossary(current().project)
    if terms:
        content = glossary_markdown(terms, code, plain_strings(strings_for(load_ui_strings(), code)))
        files.append(File.generated(config, GLOSSARY_PAGE, content=content))
    return files
