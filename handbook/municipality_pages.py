"""Markdown for the municipality and district pages, the A–Z index and the finder, in one language.

Everything shown comes from data/ (handbook.region_data); the words come from
i18n/municipality.yml. Pure functions: the MkDocs hook only hands the results to MkDocs.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from typing import Mapping, Sequence

from babel.numbers import format_decimal

from handbook.page_status import format_day
from handbook.region_data import DISTRICTS, District, Municipality, RegionData
from handbook.region_map import Projection, marker_svg

OWNER = "Welcome to Region Stuttgart editorial team"
DESTATIS = {
    "name": "Statistisches Bundesamt (Destatis): Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2025",
    "url": "https://www.destatis.de/EN/Themes/Countries-Regions/Regional-Statistics/OnlineListMunicipalities/list-municipalities-information-system.html",
}
OSM = {"name": "OpenStreetMap contributors (ODbL): postcodes", "url": "https://www.openstreetmap.org/copyright"}


def fill(strings: Mapping[str, str], key: str, **values: object) -> str:
    """The string ``key`` with its {placeholders} filled in."""
    text = strings[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def _front_matter(fields: dict[str, object]) -> str:
    return "---\n" + json.dumps(fields, ensure_ascii=False, indent=1) + "\n---\n\n"


def _number(value: float, code: str) -> str:
    return format_decimal(value, locale=code)


def municipality_markdown(
    m: Municipality, code: str, strings: Mapping[str, str], projection: Projection, local_prose: str = ""
) -> str:
    """The page of one municipality in language ``code``."""
    office = m.immigration_office
    sources = [DESTATIS, OSM]
    if office:
        sources.append({"name": office.source_name, "url": office.source_url})
    reviewed = max([office.last_reviewed] if office else [], default=m.population_date)
    fields = {
        "title": m.short_name,
        "description": fill(strings, "mun_description", name=m.short_name, district=m.district_label),
        "kind": "municipality",
        "last_reviewed": reviewed.isoformat(),
        "review_interval_months": 12,
        "owner": OWNER,
        "sources": sources,
        "generated": "every-language",
    }
    facts = [
        (strings["mun_official_name"], m.name),
        (strings["mun_district"], f"[{m.district_label}](../districts/{DISTRICTS[m.district_ags]}.md)"),
        (strings["mun_type"], strings[f"mun_type_{m.kind}"]),
        (strings["mun_population"], fill(strings, "mun_population_value", number=_number(m.population, code),
                                       date=format_day(m.population_date, code))),
        (strings["mun_area"], f"{_number(m.area_km2, code)} km²"),
        (strings["mun_postcodes"], " ".join(m.postcodes)),
        (strings["mun_association"], m.association or strings["mun_association_none"]),
    ]
    lines = [_front_matter(fields), f"# {m.short_name}\n"]
    lines.append('<div class="handbook-facts" markdown>\n')
    lines.append(f"## {strings['mun_facts_title']} {{#facts}}\n")
    for term, value in facts:
        lines.append(f"{term}\n:   {value}\n")
    title = html.escape(fill(strings, "mun_map_alt", name=m.short_name), quote=True)
    lines.append(f'<figure class="handbook-map-figure">{marker_svg([m], projection, "../../assets/region-map.svg", title)}'
                 f"<figcaption>{html.escape(strings['mun_map'])}</figcaption></figure>\n")
    lines.append("</div>\n")
    # The guidance below is the same on every municipality page; keeping it out of the search index lets
    # "Anmeldung" find the guide rather than 179 municipalities, while names and postcodes stay findable.
    lines.append('<div data-pagefind-ignore="all" markdown>\n')
    lines.append(f"## {strings['mun_offices_title']} {{#offices}}\n")
    lines.append(f"### {strings['mun_registration_title']} {{#registration}}\n")
    lines.append(fill(strings, "mun_registration_body", name=m.short_name) + "\n")
    lines.append(f"[{strings['mun_registration_guide']}](../topics/registration.md#register-address)\n")
    lines.append(f"### {strings['mun_immigration_title']} {{#immigration-office}}\n")
    if office and office.confirmed:
        lines.append(fill(strings, "mun_immigration_own", office=office.name, name=m.short_name) + "\n")
    elif office:
        lines.append(fill(strings, "mun_immigration_usual", office=office.name) + "\n")
    lines.append(f"[{strings['mun_immigration_guide']}](../topics/registration.md#immigration-office)\n")
    links = [(strings["mun_website"].replace("{name}", m.short_name), m.details["website"]["url"])] if "website" in m.details else []
    if "citizens_office" in m.details:
        links.append((strings["mun_citizens_office"], m.details["citizens_office"]["url"]))
    if links:
        lines.append(f"### {strings['mun_links_title']} {{#official-pages}}\n")
        lines.extend(f"- [{text}]({url})" for text, url in links)
        lines.append("")
    lines.append(f"## {fill(strings, 'mun_first_steps_title', name=m.short_name)} {{#first-steps}}\n")
    lines.append(f"1. {strings['mun_step_register']} [{strings['mun_registration_guide']}](../topics/registration.md#register-address)")
    lines.append(f"2. {strings['mun_step_permit']} [{strings['mun_immigration_guide']}](../topics/registration.md#immigration-office)")
    lines.append(f"3. [{strings['mun_step_childcare']}](../topics/childcare-and-school.md#kita-apply)")
    lines.append(f"4. [{strings['mun_step_school']}](../topics/childcare-and-school.md#school-system)\n")
    lines.append(f"[{fill(strings, 'wp_link', name=m.short_name)}](../employers/welcome-pack/{m.slug}.md)\n")
    lines.append("</div>\n")
    if local_prose:
        lines.append(f"## {strings['mun_local_title']} {{#local}}\n")
        lines.append(local_prose.strip() + "\n")
    lines.append(f'<p class="handbook-credit">{html.escape(strings["mun_osm_credit"])}</p>\n')
    return "\n".join(lines)


def district_markdown(d: District, code: str, strings: Mapping[str, str], projection: Projection) -> str:
    """The page of one district: its municipalities, with population and a map."""
    count = len(d.municipalities)
    date = format_day(d.municipalities[0].population_date, code)
    fields = {
        "title": d.label,
        "description": fill(strings, "dist_description", count=count, district=d.label),
        "kind": "district",
        "last_reviewed": max(m.immigration_office.last_reviewed for m in d.municipalities if m.immigration_office).isoformat(),
        "review_interval_months": 12,
        "owner": OWNER,
        "sources": [DESTATIS, OSM],
        "generated": "every-language",
    }
    title = html.escape(fill(strings, "mun_map_alt", name=d.label), quote=True)
    lines = [
        _front_matter(fields),
        f"# {d.label}\n",
        fill(strings, "dist_population_value", count=count, number=_number(d.population, code), date=date) + "\n",
        f'<figure class="handbook-map-figure">{marker_svg(d.municipalities, projection, "../../assets/region-map.svg", title)}'
        f"<figcaption>{html.escape(strings['mun_map'])}</figcaption></figure>\n",
        f"## {strings['dist_municipalities_title']} {{#municipalities}}\n",
    ]
    lines.extend(
        f"- [{m.short_name}](../municipalities/{m.slug}.md): {strings[f'mun_type_{m.kind}']}, "
        f"{_number(m.population, code)}"
        for m in d.municipalities
    )
    lines.append(f'\n<p class="handbook-credit">{html.escape(strings["mun_osm_credit"])}</p>\n')
    return "\n".join(lines)


def index_markdown(region: RegionData, strings: Mapping[str, str], prefix: str) -> str:
    """The A–Z list of municipalities and the list of districts, for the municipalities overview."""
    by_letter: dict[str, list[Municipality]] = defaultdict(list)
    for m in sorted(region.municipalities, key=lambda m: m.slug):
        by_letter[m.slug[0].upper()].append(m)
    lines = [f"## {strings['index_districts_title']} {{#district-pages}}\n"]
    lines.extend(f"- [{d.label}]({prefix}districts/{d.slug}.md)" for d in region.districts)
    lines.append(f"\n## {strings['index_title']} {{#a-z}}\n")
    for letter, places in sorted(by_letter.items()):
        lines.append(f"### {letter} {{#letter-{letter.lower()}}}\n")
        lines.extend(f"- [{m.short_name}]({prefix}municipalities/{m.slug}.md) ({m.district_label})" for m in places)
        lines.append("")
    return "\n".join(lines)


def finder_data(region: RegionData) -> str:
    """What the finder searches: name, address, district and postcodes of each municipality (compact JSON)."""
    entries = [
        {"n": m.short_name, "s": m.slug, "d": m.district_label, "p": list(m.postcodes)} for m in region.municipalities
    ]
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))


def finder_html(strings: Mapping[str, str], root: str) -> str:
    """The finder's markup; assets/javascripts/handbook.js makes it work (no server, no third party)."""
    attributes = {
        "data-root": root,
        "data-text-none": strings["finder_none"],
        "data-text-results": strings["finder_results"],
        "data-text-shared": strings["finder_shared"],
    }
    attrs = " ".join(f'{name}="{html.escape(value, quote=True)}"' for name, value in attributes.items())
    return (
        f'<div class="handbook-finder" data-handbook-finder {attrs}>\n'
        f'<label for="handbook-finder-input">{html.escape(strings["finder_label"])}</label>\n'
        f'<p class="handbook-finder__hint" id="handbook-finder-hint">{html.escape(strings["finder_hint"])}</p>\n'
        '<input id="handbook-finder-input" type="search" autocomplete="off" spellcheck="false" '
        'aria-describedby="handbook-finder-hint" aria-controls="handbook-finder-results">\n'
        '<p class="handbook-finder__status" aria-live="polite"></p>\n'
        '<ul class="handbook-finder__results" id="handbook-finder-results"></ul>\n'
        "</div>\n"
    )


def pages_for(region: RegionData) -> Sequence[str]:
    """The source paths of every generated page (for the URL manifest)."""
    return (
        [f"municipalities/{m.slug}.md" for m in region.municipalities]
        + [f"districts/{d.slug}.md" for d in region.districts]
        + [f"employers/welcome-pack/{m.slug}.md" for m in region.municipalities]
    )


def choose_prose(texts: Mapping[str, str], code: str, order: Sequence[str]) -> tuple[str, str] | None:
    """Local prose for a reader of ``code``: their language, else the original, else any (config order)."""
    for candidate in [code, *order]:
        if candidate in texts:
            return candidate, texts[candidate]
    return None


def prose_block(language: str, text: str, code: str, direction: str) -> str:
    """Prose in another language than the page is marked as such, for screen readers and layout."""
    if language == code:
        return text
    return f'<div lang="{language}" dir="{direction}" markdown>\n\n{text.strip()}\n\n</div>'
