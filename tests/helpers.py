"""Small builders for fixture pages used by the rule tests."""

from pathlib import Path

from handbook.page_sources import SourcePage, load_pages

CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
CODES = ["en", "de", "ar"]


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
