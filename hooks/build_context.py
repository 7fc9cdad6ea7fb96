"""MkDocs hook: make the build context before any other hook needs it, and write the build's result at the end.

First in mkdocs.yml's ``hooks:`` and at the highest priority, so that every other hook's ``on_config`` can call
``handbook.pipeline.build_context.current()``. The result (warnings, search bundles) goes to the file that
``HANDBOOK_RESULT`` names, for handbook.pipeline.build; without it (a plain ``properdocs build``) nothing is written.
"""

from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook.core import environment
from handbook.pipeline.build_context import WarningsKept, current, start

_kept: list[logging.Handler] = []


def _engine_logger() -> logging.Logger:
    """The engine's top logger: 'mkdocs' under MkDocs, 'properdocs' (which adopts 'mkdocs') under ProperDocs."""
    logger = logging.getLogger("mkdocs")
    while logger.parent is not None and logger.parent is not logging.root:
        logger = logger.parent
    return logger


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = start(config)
    engine = _engine_logger()
    for handler in _kept:  # a rebuild of `make serve` starts a new result
        engine.removeHandler(handler)
    _kept[:] = [WarningsKept(context.result)]
    engine.addHandler(_kept[0])
    return config


@event_priority(-100)
def on_post_build(*, config: MkDocsConfig) -> None:
    if path := environment.folder(environment.RESULT):
        path.write_text(current().result.to_json(), encoding="utf-8")
