"""MkDocs hook: share compiled theme templates between the language builds of one `make build`.

Each language is its own process, and compiling Material's templates costs each of them
about a third of a second. handbook.pipeline.build sets HANDBOOK_TEMPLATE_CACHE to a folder that
lives for one build; Jinja's file cache (keyed by each template's source, written
atomically) lets the later languages load the compiled code instead. Unset, nothing changes.
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook.core import environment


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    if folder := environment.folder(environment.TEMPLATE_CACHE):
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
