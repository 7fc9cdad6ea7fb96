"""Render a page's markdown to HTML the way MkDocs does, for checks that need the result.

Links written in markdown and in raw HTML, heading ids from ``{#id}`` and unsafe
tags only exist reliably after rendering; rendering with the project's own
``markdown_extensions`` (read from mkdocs.yml) takes milliseconds per page and
needs no site build.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import markdown

from handbook.content.site_config import site_config


@cache
def extensions_from(config_file: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The ``markdown_extensions`` of an mkdocs.yml as (names, per-extension configs)."""
    entries = site_config(config_file).get("markdown_extensions", [])
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in entries:
        if isinstance(entry, dict):
            ((name, options),) = entry.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(entry)
    return names, configs


def render_html(body: str, config_file: Path) -> str:
    """Markdown body -> HTML text, with the project's extensions."""
    names, configs = extensions_from(config_file)
    return markdown.markdown(body, extensions=names, extension_configs=configs)
