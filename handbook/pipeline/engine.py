"""The static-site engine that builds and previews the handbook: ProperDocs, the maintained continuation of MkDocs 1.x.

ProperDocs 1.6 is MkDocs 1.6.1 under a new name, kept by MkDocs' former maintainers. It reads ``mkdocs.yml``,
runs the plugins and themes registered for MkDocs, and its command line sends every ``mkdocs.*`` import to the
same module of ``properdocs.*`` (``properdocs.replacement``), so Material, mkdocs-static-i18n, mkdocs-redirects
and the hooks in hooks/ run unchanged and keep importing ``mkdocs.*``. MkDocs 1.6.1 itself stays installed,
because Material declares it as a dependency, and builds the same site: tests/test_engine.py compares the two.
Switching back or on means changing ``ENGINE`` only.
"""

from __future__ import annotations

import sys

ENGINES = ("properdocs", "mkdocs")
ENGINE = "properdocs"

# Both engines print a notice about "MkDocs 2.0" when a plugin asks for it; it is news, not a problem of the site.
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def engine_command(command: str, *arguments: str, engine: str = ENGINE) -> list[str]:
    """The command line that runs ``<engine> <command> <arguments>`` with this Python."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: choose one of {', '.join(ENGINES)}")
    return [sys.executable, "-m", engine, command, *arguments]
