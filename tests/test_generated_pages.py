"""The registry of generated pages (handbook/core/generated_pages.py) and the checks that use it."""

from __future__ import annotations

from pathlib import Path

import yaml

from handbook.checks.source_checks import check_not_in_nav, read_config
from handbook.core.generated_pages import (
    EDITORS_REPORT,
    GLOSSARY_KIND,
    KINDS,
    MUNICIPALITY,
    WELCOME_PACK,
    front_matter,
    kinds_in,
)
from handbook.pipeline.build import PROJECT
from handbook.region.municipality_pages import pages_for
from handbook.region.region_data import load_region
from tests.helpers import FIXTURE_PROJECT


def test_front_matter_keeps_any_title_one_value():
    title = 'Welcome pack: "Böblingen" — #1, {not: a map}'
    block = front_matter({"title": title, "generated": "every-language", "noindex": True})
    assert block.startswith("---\n") and block.endswith("---\n\n")
    assert yaml.safe_load(block.strip("-\n")) == {"title": title, "generated": "every-language", "noindex": True}


def test_front_matter_is_written_as_the_pure_python_serialiser_would():
    """libyaml writes the front matter for speed; what it writes must not depend on whether PyYAML has it."""
    fields = {
        "title": "Bietigheim-Bissingen: Ausländerbehörde 'Bürgerbüro'",
        "description": "مكتب الأجانب — 外国人管理局 … " + "a long text " * 20,
        "last_reviewed": "2026-12-02",
        "review_interval_months": 12,
        "sources": [{"name": "Landratsamt: Liste", "url": "https://www.landkreis-ludwigsburg.de/?a=1&b=2#x"}],
        "generated": "every-language",
    }
    pure = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=10_000)
    assert front_matter(fields) == f"---\n{pure}---\n\n"


def test_the_region_kinds_exist_only_where_the_project_has_region_data():
    assert kinds_in(PROJECT) == list(KINDS)
    assert kinds_in(FIXTURE_PROJECT) == [EDITORS_REPORT]  # no region data, no glossary


def test_every_generated_region_page_lies_in_its_kinds_folder():
    paths = pages_for(load_region(PROJECT / "data"))
    assert paths[0] == MUNICIPALITY.path("aidlingen") or paths[0].startswith(MUNICIPALITY.folder)
    assert all(path.startswith(tuple(kind.folder for kind in KINDS if kind.folder)) for path in paths)
    assert sum(path.startswith(WELCOME_PACK.folder) for path in paths) == 179


def test_mkdocs_yml_lists_every_folder_kept_out_of_the_navigation_and_a_missing_one_is_named(tmp_path: Path):
    text, config, _ = read_config(PROJECT / "mkdocs.yml")
    assert check_not_in_nav(config, text, "mkdocs.yml", KINDS) == []
    broken = text.replace("  /districts/\n", "")
    (tmp_path / "mkdocs.yml").write_text(broken, encoding="utf-8")
    _, broken_config, _ = read_config(tmp_path / "mkdocs.yml")
    line = broken.splitlines().index("not_in_nav: |") + 1
    assert [str(p) for p in check_not_in_nav(broken_config, broken, "mkdocs.yml", KINDS)] == [
        f"mkdocs.yml:{line}: not_in_nav does not list /districts/, where hooks/municipalities.py makes the district"
        " pages — add the line '  /districts/' under not_in_nav"
    ]
    assert GLOSSARY_KIND.in_nav  # the glossary is in the navigation, so not_in_nav need not list it
