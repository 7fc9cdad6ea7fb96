"""MkDocs hook: a page for every municipality and district, the A–Z index and the finder.

Pages are generated from data/ in the language being built (handbook.municipality_pages), with a
printable welcome pack per municipality (handbook.welcome_pack);
editors' local prose comes from content/municipalities/. Adds the shared base map
(assets/region-map.svg) and the finder's data (assets/municipalities.json).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook.front_matter import parse_front_matter
from handbook.languages import text_direction
from handbook.municipality_pages import (
    choose_prose,
    district_markdown,
    finder_data,
    finder_html,
    index_markdown,
    municipality_markdown,
    prose_block,
)
from handbook.page_status import today
from handbook.region_data import load_region
from handbook.region_map import Projection, base_map_svg
from handbook.translations import split_source
from handbook.ui_strings import load_ui_strings, strings_for
from handbook.welcome_pack import welcome_pack_markdown

FINDER = "<!-- municipality-finder -->"
INDEX = "<!-- municipality-index -->"
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    project = Path(config.config_file_path).parent
    region = load_region(project / "data", today())
    if region.problems:
        raise PluginError("data problems (run `make check`):\n" + "\n".join(map(str, region.problems)))
    i18n = config.plugins["i18n"].config
    codes = [lang.locale for lang in i18n.languages]
    code = i18n.build_only_locale or codes[0]
    _state.update(
        region=region,
        code=code,
        codes=codes,
        strings=strings_for(load_ui_strings(), code),
        projection=Projection.fit(region.municipalities),
        prose=_local_prose(project / "content" / "municipalities", codes),
    )
    return config


def _local_prose(folder: Path, codes: list[str]) -> dict[str, dict[str, str]]:
    """address -> {language -> markdown body} of the editors' local prose files."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        if path.name == "README.md":
            continue
        name = split_source(path.name, codes)
        found.setdefault(name.page.removesuffix(".md"), {})[name.language or codes[0]] = parse_front_matter(
            path.read_text(encoding="utf-8")
        ).body
    return found


def _checklist_body(docs: Path, code: str) -> str:
    """The first-weeks checklist in the build language (its translation, else the original)."""
    translated = docs / f"checklist.{code}.md"
    source = translated if translated.exists() else docs / "checklist.md"
    return parse_front_matter(source.read_text(encoding="utf-8")).body


@event_priority(-150)  # after mkdocs-static-i18n (-100): these files are already in the build's language
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    region, code, strings, projection = _state["region"], _state["code"], _state["strings"], _state["projection"]
    for m in region.municipalities:
        prose = choose_prose(_state["prose"].get(m.slug, {}), code, _state["codes"])
        local = prose_block(prose[0], prose[1], code, text_direction(prose[0])) if prose else ""
        content = municipality_markdown(m, code, strings, projection, local)
        files.append(File.generated(config, f"municipalities/{m.slug}.md", content=content))
    checklist = _checklist_body(Path(config.docs_dir), code)
    for m in region.municipalities:
        pack = welcome_pack_markdown(m, code, strings, checklist, config.site_url)
        files.append(File.generated(config, f"employers/welcome-pack/{m.slug}.md", content=pack))
    for d in region.districts:
        files.append(File.generated(config, f"districts/{d.slug}.md", content=district_markdown(d, code, strings, projection)))
    files.append(File.generated(config, "assets/region-map.svg", content=base_map_svg(region.municipalities, projection)))
    files.append(File.generated(config, "assets/municipalities.json", content=finder_data(region)))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if FINDER not in markdown and INDEX not in markdown:
        return markdown
    prefix = "../" * page.url.count("/")  # from this page to the language's root
    strings = _state["strings"]
    markdown = markdown.replace(FINDER, finder_html(strings, prefix or "./"))
    page_dir = split_source(page.file.src_uri, _state["codes"]).page.rsplit("/", 1)
    to_root = "../" * (len(page_dir) - 1)
    return markdown.replace(INDEX, index_markdown(_state["region"], strings, to_root))
