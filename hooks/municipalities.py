"""MkDocs hook: a page for every municipality and district, the A–Z index and the finder.

Pages are generated from data/ in the language being built (handbook.region.region_pages), with a
printable welcome pack per municipality (handbook.region.welcome_pack: its QR codes and checklist
go in after Markdown, the codes kept between builds in .cache/handbook/);
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

from handbook.content.translations import split_source
from handbook.pipeline.build_context import current
from handbook.region.municipality_pages import finder_html, index_markdown
from handbook.region.region_pages import pack_checklist, region_pages, welcome_packs, write_changed
from handbook.region.welcome_pack import QrCache, fill_blocks, pack_blocks

FINDER = "<!-- municipality-finder -->"
INDEX = "<!-- municipality-index -->"
_state: dict[str, Any] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    context = current()
    codes, code, project, day = list(context.codes), context.code, context.project, context.today
    sources = context.region
    if sources.problems:
        raise PluginError("data problems (run `make check`):\n" + "\n".join(map(str, sources.problems)))
    _state.update(
        sources=sources,
        region=sources.region,
        code=code,
        codes=codes,
        strings=context.strings,
        packs=welcome_packs(sources.region),
        qr=QrCache(project / ".cache" / "handbook" / f"qr-codes.{code}.json"),
        facts=context.facts[0],
        today=day,
    )
    return config


@event_priority(-150)  # after mkdocs-static-i18n (-100): these files are already in the build's language
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    code = _state["code"]
    _state["checklist"] = pack_checklist(
        Path(config.docs_dir), code, Path(config.config_file_path), _state["facts"], _state["today"]
    )
    pages = region_pages(_state["sources"], code, _state["codes"], _state["strings"])
    if cache := current().preview_cache:
        # The editor preview rebuilds only changed sources (--dirty); in-memory pages always count as changed.
        folder = cache / code
        write_changed(folder, pages)
        for path, _ in pages:
            files.append(File(path, str(folder), config.site_dir, config.use_directory_urls))
    else:
        for path, content in pages:
            files.append(File.generated(config, path, content=content))
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


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if (m := _state["packs"].get(page.file.src_uri)) is None:
        return html
    blocks = pack_blocks(m, _state["strings"], _state["checklist"], config.site_url or "", _state["qr"].get)
    return fill_blocks(html, blocks)


def on_post_build(*, config: MkDocsConfig) -> None:
    _state["qr"].save()
