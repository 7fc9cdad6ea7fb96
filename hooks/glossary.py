"""MkDocs hook: the glossary page (/<lang>/glossary/) in the language being built (handbook.content.glossary)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook.content.glossary import glossary_markdown
from handbook.content.ui_strings import plain_strings
from handbook.core.generated_pages import GLOSSARY_PAGE
from handbook.pipeline.build_context import current


@event_priority(-150)  # after mkdocs-static-i18n: the page is already in the build's language
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    context = current()
    if terms := context.glossary:
        content = glossary_markdown(terms, context.code, plain_strings(context.strings))
        files.append(File.generated(config, GLOSSARY_PAGE, content=content))
    return files
