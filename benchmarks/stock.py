"""The stock configuration the benchmark compares against, on the same content.

Stock means what a new MkDocs + Material + mkdocs-static-i18n project does out of the box:
one ``mkdocs build`` that renders every language one after the other in one process,
Material's own search (one index for all languages, loaded with the first page view),
Material's full navigation and indented HTML, and no hooks. The content is the handbook's:
docs/ as it is, plus the pages the hooks generate (municipalities, districts, welcome packs,
glossary) written out as markdown files in the suffix layout the i18n plugin reads.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

import yaml

from handbook.content.facts import load_facts
from handbook.content.glossary import glossary_markdown, load_glossary
from handbook.content.languages import default_language, load_languages
from handbook.content.site_config import site_config
from handbook.content.translations import translation_name
from handbook.content.ui_strings import load_ui_strings, strings_for
from handbook.core.environment import today
from handbook.core.generated_pages import GLOSSARY_PAGE
from handbook.region.region_pages import load_region_sources, pack_checklist, region_pages, welcome_packs
from handbook.region.welcome_pack import fill_blocks, pack_blocks, qr_svg


def stock_config(project: Path, site_dir: Path, root_url: str) -> dict:
    """The handbook's mkdocs.yml, undone to the stock setup (see the module docstring)."""
    config = copy.deepcopy(site_config(project / "mkdocs.yml"))  # changed below; the shared copy stays whole
    for key in ("hooks", "watch", "extra_css", "extra_javascript"):
        config.pop(key)
    config.update(site_url=root_url, site_dir=str(site_dir), docs_dir="docs", strict=False)
    theme = config["theme"]
    theme.pop("custom_dir")
    theme["features"] = [feature for feature in theme["features"] if feature != "navigation.prune"]
    config["markdown_extensions"] = [
        {"toc": {"permalink": True}} if isinstance(ext, dict) and "toc" in ext else ext
        for ext in config["markdown_extensions"]
    ]
    plugins = config["plugins"]
    i18n = next(plugin["i18n"] for plugin in plugins if isinstance(plugin, dict) and "i18n" in plugin)
    i18n.pop("build_only_locale")
    i18n["reconfigure_search"] = True
    config["plugins"] = ["search", *plugins]
    return config


def write_stock_project(project: Path, target: Path, root_url: str) -> Path:
    """Write a stock project with the handbook's full content into ``target``; return its mkdocs.yml."""
    languages = load_languages(project / "mkdocs.yml")
    codes = [lang.code for lang in languages]
    original = default_language(languages).code
    docs = target / "docs"
    shutil.copytree(project / "docs", docs)
    day = today()
    sources = load_region_sources(project, codes, day)
    facts = load_facts(project, codes, day)[0]
    terms, _ = load_glossary(project)
    strings = load_ui_strings()
    for code in codes:
        ui = strings_for(strings, code)
        checklist = pack_checklist(docs, code, project / "mkdocs.yml", facts, day)
        packs = welcome_packs(sources.region)
        pages = [
            (
                path,
                fill_blocks(content, pack_blocks(packs[path], ui, checklist, f"{root_url}{code}/", qr_svg))
                if path in packs
                else content,
            )
            for path, content in region_pages(sources, code, codes, ui)
        ]
        pages.append((GLOSSARY_PAGE, glossary_markdown(terms, code, ui)))
        for path, content in pages:
            if not path.endswith(".md"):
                if code != original:
                    continue  # shared assets (map, finder data): once
                name = path
            else:
                name = path if code == original else translation_name(path, code)
            (docs / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / name).write_text(content, encoding="utf-8")
    config_file = target / "mkdocs.yml"
    config_file.write_text(
        yaml.safe_dump(stock_config(project, target / "site", root_url), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    return config_file
