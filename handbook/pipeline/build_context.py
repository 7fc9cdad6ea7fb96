"""What one language build is about, worked out once and shared by every hook: the build context.

A language build is one engine process (handbook.pipeline.build starts one per language). Its first hook
(hooks/build_context.py) makes the context from the configuration when the configuration is loaded; every other
hook asks ``current()`` instead of working out again which language, address, project and day it is in. At the end
the build writes its result (handbook.core.environment.RESULT) as a small JSON file, which
handbook.pipeline.build reads instead of parsing the engine's log or the pages' HTML.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from handbook.content.facts import Fact, load_facts
from handbook.content.glossary import Term, load_glossary
from handbook.content.page_sources import SourcePage, load_pages
from handbook.content.ui_strings import Text, load_ui_strings, strings_for
from handbook.core import environment
from handbook.core.problems import Problem
from handbook.region.region_pages import RegionSources, load_region_sources


@dataclass
class BuildResult:
    """What a language build reports back: its warnings and the search bundles its pages declare."""

    language: str
    warnings: list[str] = field(default_factory=list)
    search_bundles: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(
            {"language": self.language, "warnings": self.warnings, "search_bundles": self.search_bundles},
            ensure_ascii=False,
            indent=1,
        )

    @classmethod
    def read(cls, path: Path) -> BuildResult | None:
        """The result a build wrote, or None when it wrote none (it stopped before its end)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return cls(data["language"], list(data["warnings"]), list(data["search_bundles"]))


@dataclass(frozen=True)
class BuildContext:
    """One language build: which language, which languages exist, where the project is, the address and the day.

    The data files several hooks need are read on first use and then kept, once per build (a rebuild of
    `make serve` makes a new context, so an edited file is read again).
    """

    code: str  # the language being built
    codes: tuple[str, ...]  # every language, the original first
    project: Path  # the folder of mkdocs.yml
    config_file: Path
    docs_dir: Path
    site_dir: Path
    site_url: str  # this language's root address, <root>/<code>/ ("" when mkdocs.yml has none)
    today: date
    preview_cache: Path | None  # `make serve`: generated pages are kept here (hooks/municipalities.py)
    result: BuildResult

    @property
    def original(self) -> str:
        return self.codes[0]

    @property
    def is_original(self) -> bool:
        return self.code == self.original

    @cached_property
    def facts(self) -> tuple[dict[str, Fact], list[Problem]]:
        """data/facts.yml as of ``today``, read once for every hook that needs the figures (and its problems)."""
        return load_facts(self.project, self.codes, self.today)

    @cached_property
    def ui_strings(self) -> dict[str, dict[str, Text]]:
        """i18n/*.yml in every language (the alternates hook checks that none is missing)."""
        return load_ui_strings()

    @cached_property
    def strings(self) -> dict[str, Text]:
        """The interface strings in the language being built."""
        return strings_for(self.ui_strings, self.code)

    @cached_property
    def glossary(self) -> list[Term]:
        """data/glossary.yml's terms (its problems are reported by `make check`)."""
        return load_glossary(self.project)[0]

    @cached_property
    def region(self) -> RegionSources:
        """The region data as of ``today`` and the editors' local prose, for the generated pages and the plan."""
        return load_region_sources(self.project, self.codes, self.today)

    @cached_property
    def language_pages(self) -> list[SourcePage]:
        """The originals and this language's translations, as front matter and text."""
        return load_pages(self.docs_dir, self.codes, self.config_file, only={None, self.code})


def context_from_config(config: Any, today: date) -> BuildContext:
    """The context of the build that ``config`` (a loaded MkDocsConfig with mkdocs-static-i18n) describes.

    mkdocs-static-i18n's ``build_only_locale`` names the language; unset, the build is the original's.
    """
    i18n = config.plugins["i18n"].config
    codes = tuple(lang.locale for lang in i18n.languages)
    code = i18n.build_only_locale or codes[0]
    config_file = Path(config.config_file_path)
    return BuildContext(
        code=code,
        codes=codes,
        project=config_file.parent,
        config_file=config_file,
        docs_dir=Path(config.docs_dir),
        site_dir=Path(config.site_dir),
        site_url=config.site_url or "",
        today=today,
        preview_cache=environment.folder(environment.PREVIEW_CACHE),
        result=BuildResult(code),
    )


_current: BuildContext | None = None


def start(config: Any) -> BuildContext:
    """Make the context of the build that is starting (each rebuild of `make serve` starts again)."""
    global _current
    _current = context_from_config(config, environment.today())
    return _current


def current() -> BuildContext:
    """The context of the build in progress; hooks/build_context.py must be the first hook in mkdocs.yml."""
    if _current is None:
        raise RuntimeError("no build context: list hooks/build_context.py first under hooks: in mkdocs.yml")
    return _current


class WarningsKept(logging.Handler):
    """Keeps the text of every warning and error the engine logs, for the build's result."""

    def __init__(self, result: BuildResult) -> None:
        super().__init__(logging.WARNING)
        self.result = result

    def emit(self, record: logging.LogRecord) -> None:
        # The engine's own layout ("WARNING -  text"), so a message reads as it always did.
        self.result.warnings.append(f"{record.levelname:<8}-  {record.getMessage()}")
