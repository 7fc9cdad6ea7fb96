"""Every page and file the region data produces in one language, as (path, content) pairs.

The municipalities hook adds them to each language build; the benchmark writes the same
pages out as markdown, so the stock configuration it compares against builds the same content.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from handbook.content.facts import Fact, fill_fact_markers
from handbook.content.languages import text_direction
from handbook.content.translations import split_source, version_in
from handbook.core.front_matter import FrontMatterError, parse_front_matter
from handbook.core.generated_pages import DISTRICT, MUNICIPALITY, WELCOME_PACK
from handbook.core.problems import Problem
from handbook.region.municipality_pages import (
    choose_prose,
    district_markdown,
    finder_data,
    municipality_markdown,
    prose_block,
)
from handbook.region.region_data import Municipality, RegionData, load_region
from handbook.region.region_map import Projection, base_map_svg
from handbook.region.welcome_pack import checklist_html, welcome_pack_markdown


@dataclass(frozen=True)
class RegionSources:
    """What the generated pages are made from: the data, the map projection and the editors' local prose."""

    region: RegionData
    projection: Projection
    prose: Mapping[str, Mapping[str, str]]  # address -> {language -> markdown body}
    problems: Sequence[Problem]  # of the data and the prose files; the caller reports them all


def load_region_sources(project: Path, codes: Sequence[str], on: date) -> RegionSources:
    """Read data/ and content/municipalities/."""
    region = load_region(project / "data", on)
    prose, prose_problems = local_prose(project, codes)
    return RegionSources(
        region=region,
        projection=Projection.fit(region.municipalities),
        prose=prose,
        problems=[*region.problems, *prose_problems],
    )


def local_prose(project: Path, codes: Sequence[str]) -> tuple[dict[str, dict[str, str]], list[Problem]]:
    """address -> {language -> markdown body} of the editors' local prose files, and unreadable ones."""
    folder = project / "content" / "municipalities"
    found: dict[str, dict[str, str]] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.md")) if folder.exists() else []:
        if path.name == "README.md":
            continue
        name = split_source(path.name, codes)
        try:
            body = parse_front_matter(path.read_text(encoding="utf-8")).body
        except FrontMatterError as error:
            problems.append(
                Problem(
                    path.relative_to(project).as_posix(),
                    error.line,
                    error.message,
                    "fix the YAML between the --- lines",
                )
            )
            continue
        found.setdefault(name.page.removesuffix(".md"), {})[name.language or codes[0]] = body
    return found, problems


def pack_checklist(docs: Path, code: str, config_file: Path, facts: Mapping[str, Fact], day: date) -> str:
    """The first-weeks checklist in language ``code`` (its translation, else the original), as pack HTML,
    with its figures (data/facts.yml) filled in: the pack does not pass through the page hooks."""
    body = parse_front_matter(version_in(docs, "checklist.md", code).read_text(encoding="utf-8")).body
    return checklist_html(fill_fact_markers(body, facts, day, code), config_file)


def region_pages(
    sources: RegionSources,
    code: str,
    codes: Sequence[str],
    strings: Mapping[str, str],
) -> list[tuple[str, str]]:
    """Municipality, welcome-pack and district pages, the base map and the finder's data, in ``code``.

    The welcome packs carry markers for their QR codes and checklist (handbook.region.welcome_pack.pack_blocks).
    """
    region, projection = sources.region, sources.projection
    pages: list[tuple[str, str]] = []
    for m in region.municipalities:
        prose = choose_prose(sources.prose.get(m.slug, {}), code, codes)
        local = prose_block(prose[0], prose[1], code, text_direction(prose[0])) if prose else ""
        pages.append((MUNICIPALITY.path(m.slug), municipality_markdown(m, code, strings, projection, local)))
    for path, m in welcome_packs(region).items():
        pages.append((path, welcome_pack_markdown(m, strings)))
    for d in region.districts:
        pages.append((DISTRICT.path(d.slug), district_markdown(d, code, strings, projection)))
    pages.append(("assets/region-map.svg", base_map_svg(region.municipalities, projection)))
    pages.append(("assets/municipalities.json", finder_data(region)))
    return pages


def welcome_packs(region: RegionData) -> dict[str, Municipality]:
    """The source path of each municipality's welcome pack -> that municipality."""
    return {WELCOME_PACK.path(m.slug): m for m in region.municipalities}


def write_changed(folder: Path, pages: Sequence[tuple[str, str]]) -> None:
    """Write each ``(path, content)`` under ``folder``, leaving files whose content is unchanged untouched.

    The editor preview (``mkdocs serve --dirty``) rebuilds only pages whose source is newer
    than their output; pages kept on disk this way are rebuilt only when their data changed.
    """
    for path, content in pages:
        target = folder / path
        if target.is_file() and target.read_text(encoding="utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
