"""mkdocs.yml's values, read the way the engine reads them (its YAML loader: ``!ENV`` and ``!relative`` tags).

The one reader for code that needs the configuration without running a build: the languages, the Markdown
extensions, the stock benchmark. ``make check`` reads the file itself (checks.source_checks.read_config) to
report a broken file with its line.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load


def site_config(config_file: Path) -> dict[str, Any]:
    """The values of ``config_file``; read once per file and modification time."""
    return _read(config_file.resolve(), config_file.stat().st_mtime_ns)


@cache
def _read(config_file: Path, modified: int) -> dict[str, Any]:
    with open(config_file, encoding="utf-8") as fh:
        values = yaml_load(fh)
    if not isinstance(values, dict):
        raise ValueError(f"{config_file}: not a mapping of settings")
    return values
