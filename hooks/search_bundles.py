"""MkDocs hook: tell the search box how many Pagefind bundles this language's search has (handbook.search_bundles)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook.search_bundles import PAGES_PER_BUNDLE, more_bundles


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    per_bundle = config.extra.get("search_pages_per_bundle", PAGES_PER_BUNDLE)
    env.globals["search_more_bundles"] = more_bundles(len(files.documentation_pages()), per_bundle)
    return env
