"""MkDocs hook: tell the search box how many Pagefind bundles this language's search has
(handbook.pipeline.search_bundles), and report them in the build's result, where handbook.pipeline.build reads
which bundles to index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from handbook.core.problems import Problem
from handbook.pipeline.build_context import current
from handbook.pipeline.search_bundles import PAGES_PER_BUNDLE, PRIMARY, more_bundles, pages_per_bundle


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    per_bundle = pages_per_bundle(
        config.extra.get("search_pages_per_bundle", PAGES_PER_BUNDLE), Path(config.config_file_path)
    )
    if isinstance(per_bundle, Problem):
        raise PluginError(str(per_bundle))
    more = more_bundles(len(files.documentation_pages()), per_bundle)
    env.globals["search_more_bundles"] = more
    current().result.search_bundles = [PRIMARY, *more]
    return env
