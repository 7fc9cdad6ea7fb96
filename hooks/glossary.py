"""MkDocs hook: the glossary page (/<lang>/glossary/) in the language being built (handbook.glossary)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from handbook.glossary import glossary_markdown, load_glossary
from handbook.ui_strings import load_ui_strings, plain_strings, strings_for


@event_priority(-150)  # after mkdocs-static-i18n: the page is already in the build's language
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    i18n = config.plugins["i18n"].config
    code = i18n.build_only_locale or i18n.languages[0].locale
    terms, _ = load_glossary(Path(config.config_file_path).parent)
    if terms:
        content = glossary_markdown(terms, code, plain_strings(strings_for(load_ui_strings(), code)))
        files.append(File.generated(config, "glossary.md", content=content))
    return files
