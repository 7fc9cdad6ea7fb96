"""Small builders for fixture pages and projects used by the tests, and a reader for built sitemaps."""

import shutil
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from handbook.content.page_sources import SourcePage, load_pages

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
CODES = ["en", "de", "ar"]
FIXTURE_PROJECT = Path(__file__).resolve().parent / "fixtures" / "three-languages"
# The day tests judge the real data/ by: the real one, as `make check` does. Editors write the day they checked
# an entry, so a fixed day in the past would call every newer entry "in the future".
DATA_DAY = date.today()


def fixture_copy(tmp_path: Path, name: str = "fixture") -> Path:
    """A copy of the three-language fixture that tests may change and build.

    It sits three folders deep, as in tests/fixtures/, with links to the project's overrides/ and hooks/, so the
    relative paths in its mkdocs.yml still lead there.
    """
    project = tmp_path / "a" / "b" / name
    shutil.copytree(FIXTURE_PROJECT, project)
    for folder in ("overrides", "hooks"):
        (tmp_path / folder).symlink_to(CONFIG.parent / folder)
    return project


def pages_from(tmp_path: Path, files: dict[str, str]) -> list[SourcePage]:
    """Write ``files`` (path -> text) under tmp_path/docs and load them as the checks do."""
    docs = tmp_path / "docs"
    for name, text in files.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    return load_pages(docs, CODES, CONFIG)


ORIGINAL = """---
title: Registering your address
description: How to register your address at the citizens' office after you move.
kind: guide
last_reviewed: 2026-11-01
review_interval_months: 6
owner: Editorial team
sources:
  - name: "service-bw: Anmeldung"
    url: https://www.service-bw.de/
---

# Registering your address

## Register within two weeks {#register}

Text.
"""


def sitemap_alternates(site: Path, code: str) -> dict[str, dict[str, str]]:
    """``<loc> -> {hreflang -> href}`` from one language's sitemap, where the hreflang alternates live."""
    names = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ElementTree.parse(site / code / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=names): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", names)
        }
        for url in root.findall("s:url", names)
    }


def line_of(path: Path, text: str) -> int:
    """The first line of a file that holds ``text``."""
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)
