"""MkDocs hook: the operator's details (config/operator.yml) in legal pages and the report link.

``[[operator:field]]`` in a page becomes the value, or a visible "not yet provided".
Templates get ``operator`` for the "Report a problem with this page" link.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.pipeline.build_context import current
from handbook.site.operator import MARKER, fill_operator_markers, load_operator

_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _state.update(
        operator=load_operator(current().project),
        not_provided=current().strings["not_provided"],
    )
    return config


def on_env(env: Any, *, config: MkDocsConfig, files: Files) -> Any:
    env.globals["operator"] = _state["operator"]
    return env


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not MARKER.search(markdown):
        return markdown
    return fill_operator_markers(markdown, _state["operator"], _state["not_provided"])
