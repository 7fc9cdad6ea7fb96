"""Every environment variable the handbook reads or sets, named once.

Environment variables are how ``python -m handbook`` talks to the engine processes it starts (one per language)
and how a developer pins a build (today's date, the published address). Everything else travels in
handbook.pipeline.build_context.BuildContext, which the hooks share within one language build.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

# Set by handbook.pipeline.build for each language build; mkdocs.yml reads the first three with !ENV.
LANGUAGE = "HANDBOOK_LANGUAGE"  # the language this build renders
SITE_DIR = "HANDBOOK_SITE_DIR"  # where it writes the language's pages
SITE_URL = "HANDBOOK_SITE_URL"  # the language's root address, <root>/<code>/
RESULT = "HANDBOOK_RESULT"  # the JSON file in which the build reports back (handbook.pipeline.build_context)
TEMPLATE_CACHE = "HANDBOOK_TEMPLATE_CACHE"  # compiled templates shared by the language builds of one run
PREVIEW_CACHE = "HANDBOOK_PREVIEW_CACHE"  # set by `make serve`: generated pages kept on disk for --dirty

# Set by the developer or CI.
TODAY = "HANDBOOK_TODAY"  # YYYY-MM-DD: judge review dates and figures as on this day
BASE_URL = "HANDBOOK_BASE_URL"  # the public root address the site is published at


def language_env(code: str, root_url: str, site_dir: Path) -> dict[str, str]:
    """The environment that makes mkdocs.yml build ``code`` into ``site_dir/code`` at ``root_url/code/``."""
    return {LANGUAGE: code, SITE_DIR: str(site_dir / code), SITE_URL: f"{root_url}{code}/"}


def folder(name: str) -> Path | None:
    """The folder an environment variable names, or None when it is unset or empty."""
    value = os.environ.get(name)
    return Path(value) if value else None


def today() -> date:
    """Today, or HANDBOOK_TODAY (YYYY-MM-DD) so that builds and tests can be pinned to a day."""
    pinned = os.environ.get(TODAY)
    return date.fromisoformat(pinned) if pinned else date.today()
