"""MkDocs hook: the title of the link after every heading, in the language being built.

The Markdown toc extension writes one permalink_title for the whole site ("Permanent link"); each
language build sets its own from i18n/ui.yml (``heading_link``), so screen readers and tooltips say it
in the reader's language.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from handbook.pipeline.build_context import current


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = current().strings["heading_link"]
    return config
