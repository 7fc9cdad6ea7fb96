"""Markdown for the municipality and district pages, the A–Z index and the finder, in one language.

Everything shown comes from data/ (handbook.region.region_data); the words come from
i18n/municipality.yml. Pure functions: the MkDocs hook only hands the results to MkDocs.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from babel.numbers import format_decimal

from handbook.content.page_status import format_day
from handbook.core.generated_pages import DISTRICT, EVERY_LANGUAGE, MUNICIPALITY, WELCOME_PACK, front_matter
from handbook.region.immigration_offices import ImmigrationOffice
from handbook.region.region_data import DISTRICTS, District, Municipality, RegionData
from handbook.region.region_map import Projection, marker_svg

OWNER = "Welcome to Region Stuttgart editorial team"
DESTATIS = {
    "name": "Statistisches Bundesamt (Destatis): Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2025",
    "url": "https://www.destatis.de/EN/Themes/Countries-Regions/Regional-Statistics/OnlineListMunicipalities/list-municipalities-information-system.html",
}
# Make it in Germany (the federal government's portal) keeps the list of Germany's welcome centres; this
# page of it says so and where (the list's own address could not be confirmed, so it is not linked).
WELCOME_CENTRES = "https://www.make-it-in-germany.com/en/welcome-center-bw-en"
OSM = {"name": "OpenStreetMap contributors (ODbL): postcodes", "url": "https://www.openstreetmap.org/copyright"}


def fill(strings: Mapping[str, str], key: str, **values: object) -> str:
    """The string ``key`` with its {placeholders} filled in."""
    text = strings[key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


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
    checked = [office.last_reviewed, office.office.last_reviewed] if office else []
    reviewed = max(checked + [fact["last_reviewed"] for fact in m.details.values()], default=m.population_date)
    fields = {
        "title": m.short_name,
        "description": fill(strings, "mun_description", name=m.short_name, district=m.district_label),
        "kind": "municipality",
        "last_reviewed": reviewed.isoformat(),
        "review_interval_months": 12,
        "owner": OWNER,
        "sources": sources,
        "generated": EVERY_LANGUAGE,
    }
    facts = [
        (strings["mun_official_name"], m.name),
        (strings["mun_district"], f"[{m.district_label}](../districts/{DISTRICTS[m.district_ags]}.md)"),
        (strings["mun_type"], strings[f"mun_type_{m.kind}"]),
        (
            strings["mun_population"],
            fill(
                strings,
                "mun_population_value",
                number=_number(m.population, code),
                date=format_day(m.population_date, code),
            ),
        ),
        (strings["mun_area"], f"{_number(m.area_km2, code)} km²"),
        (strings["mun_postcodes"], " ".join(m.postcodes)),
        (strings["mun_association"], m.association or strings["mun_association_none"]),
    ]
    lines = [front_matter(fields), f"# {m.short_name}\n"]
    lines.append('<div class="handbook-facts" markdown>\n')
    lines.append(f"## {strings['mun_facts_title']} {{#facts}}\n")
    for term, value in facts:
        lines.append(f"{term}\n:   {value}\n")
    title = html.escape(fill(strings, "mun_map_alt", name=m.short_name), quote=True)
    lines.append(
        f'<figure class="handbook-map-figure">{marker_svg([m], projection, "../../assets/region-map.svg", title)}'
        f"<figcaption>{html.escape(strings['mun_map'])}</figcaption></figure>\n"
    )
    lines.append("</div>\n")
    # The guidance below is the same on every municipality page; keeping it out of the search index lets
    # "Anmeldung" find the guide rather than 179 municipalities, while names and postcodes stay findable.
    lines.append('<div data-pagefind-ignore="all" markdown>\n')
    lines.append(f"## {strings['mun_offices_title']} {{#offices}}\n")
    lines.append(f"### {strings['mun_registration_title']} {{#registration}}\n")
    lines.extend(registration_markdown(m, code, strings))
    lines.append(f"[{strings['mun_registration_guide']}](../topics/registration.md#register-address)\n")
    lines.append(f"### {strings['mun_immigration_title']} {{#immigration-office}}\n")
    lines.extend(immigration_markdown(m, code, strings))
    lines.append(f"[{strings['mun_immigration_guide']}](../topics/registration.md#immigration-office)\n")
    lines.append(f"## {fill(strings, 'mun_first_steps_title', name=m.short_name)} {{#first-steps}}\n")
    lines.append(
        f"1. {strings['mun_step_register']} "
        f"[{strings['mun_registration_guide']}](../topics/registration.md#register-address)"
    )
    lines.append(
        f"2. {strings['mun_step_permit']} "
        f"[{strings['mun_immigration_guide']}](../topics/registration.md#immigration-office)"
    )
    lines.append(f"3. [{strings['mun_step_childcare']}](../topics/childcare-and-school.md#kita-apply)")
    lines.append(f"4. [{strings['mun_step_school']}](../topics/childcare-and-school.md#school-system)")
    lines.append(f"5. [{strings['mun_step_waste']}](../topics/home.md#waste-authorities)\n")
    lines.append(f"[{fill(strings, 'wp_link', name=m.short_name)}](../employers/welcome-pack/{m.slug}.md)\n")
    lines.append("</div>\n")
    if local_prose:
        lines.append(f"## {strings['mun_local_title']} {{#local}}\n")
        lines.append(local_prose.strip() + "\n")
    lines.append(f'<p class="handbook-credit">{html.escape(strings["mun_osm_credit"])}</p>\n')
    return "\n".join(lines)


def _checked(strings: Mapping[str, str], day: date, source: str, code: str) -> str:
    """'Checked on 2 December 2026 (source).' with the source page linked."""
    link = f"[{strings['mun_source_word']}]({source})"
    checked = fill(strings, "mun_link_checked", date=format_day(day, code), source=link)
    return f'<span class="handbook-provenance">{checked}</span>'


def registration_markdown(m: Municipality, code: str, strings: Mapping[str, str]) -> list[str]:
    """Where to register an address in ``m``: the citizens' office and the town's website, each with its source,
    or the honest fallback while no official page is confirmed."""
    lines = [fill(strings, "mun_registration_body", name=m.short_name) + "\n"]
    links = [
        (fill(strings, "mun_citizens_office", name=m.short_name), m.details.get("citizens_office")),
        (fill(strings, "mun_website", name=m.short_name), m.details.get("website")),
    ]
    items = [
        f"- [{text}]({fact['url']}) {_checked(strings, fact['last_reviewed'], fact['source'], code)}"
        for text, fact in links
        if fact
    ]
    if "citizens_office" not in m.details:
        lines.append(fill(strings, "mun_registration_no_link", name=m.short_name) + "\n")
    return lines + ([*items, ""] if items else [])


def appointment_label(strings: Mapping[str, str], kind: str) -> str:
    return strings[f"mun_appointment_{kind}"]


def immigration_markdown(m: Municipality, code: str, strings: Mapping[str, str]) -> list[str]:
    """The immigration office of ``m``: who, how to reach it, and which source says it is the one."""
    assignment = m.immigration_office
    if assignment is None:
        return []
    office = assignment.office
    key = "mun_immigration_own" if assignment.confirmed else "mun_immigration_likely"
    lines = [fill(strings, key, office=office.name, name=m.short_name) + "\n"]
    items = []
    same_page = office.page and office.appointment and office.appointment.url == office.page.url
    if office.page and not same_page:
        items.append(f"- [{strings['mun_office_page']}]({office.page.url})")
    if office.appointment:  # on the office's own page, if that is where it explains how to get one
        items.append(f"- [{appointment_label(strings, office.appointment.kind)}]({office.appointment.url})")
    if office.phone:
        items.append(f'- {strings["mun_office_phone"]}: <bdi dir="ltr">{html.escape(office.phone)}</bdi>')
    if office.address:
        items.append(f"- {strings['mun_office_address']}: {html.escape(office.address)}")
    source = next(
        (page.source for page in (office.page, office.appointment) if page),
        office.phone_source or office.address_source,
    )
    if items:
        lines += [*items, "", _checked(strings, office.last_reviewed, source, code) + "\n"]
    if not office.page:
        lines.append(strings["mun_office_no_page"] + "\n")
    listed = f"[{assignment.source_name}]({assignment.source_url})"
    lines.append(
        '<span class="handbook-provenance">'
        + fill(strings, "mun_assignment_source", source=listed, date=format_day(assignment.last_reviewed, code))
        + "</span>\n"
    )
    return lines


def district_markdown(d: District, code: str, strings: Mapping[str, str], projection: Projection) -> str:
    """The page of one district: its municipalities, with population and a map."""
    count = len(d.municipalities)
    date = format_day(d.municipalities[0].population_date, code)
    fields = {
        "title": d.label,
        "description": fill(strings, "dist_description", count=count, district=d.label),
        "kind": "district",
        "last_reviewed": max(
            m.immigration_office.last_reviewed for m in d.municipalities if m.immigration_office
        ).isoformat(),
        "review_interval_months": 12,
        "owner": OWNER,
        "sources": [DESTATIS, OSM],
        "generated": EVERY_LANGUAGE,
    }
    title = html.escape(fill(strings, "mun_map_alt", name=d.label), quote=True)
    lines = [
        front_matter(fields),
        f"# {d.label}\n",
        fill(strings, "dist_population_value", count=count, number=_number(d.population, code), date=date) + "\n",
        '<figure class="handbook-map-figure">'
        f"{marker_svg(d.municipalities, projection, '../../assets/region-map.svg', title)}"
        f"<figcaption>{html.escape(strings['mun_map'])}</figcaption></figure>\n",
        f"## {strings['dist_municipalities_title']} {{#municipalities}}\n",
    ]
    lines.extend(
        f"- [{m.short_name}](../municipalities/{m.slug}.md): {strings[f'mun_type_{m.kind}']}, "
        f"{_number(m.population, code)}"
        for m in d.municipalities
    )
    lines.append(f"\n## {strings['dist_offices_title']} {{#immigration-offices}}\n")
    lines.extend(district_offices_markdown(d, strings))
    lines.append(f'\n<p class="handbook-credit">{html.escape(strings["mun_osm_credit"])}</p>\n')
    return "\n".join(lines)


def district_offices_markdown(d: District, strings: Mapping[str, str]) -> list[str]:
    """Each immigration office that serves municipalities of ``d``, with the ones it serves: those a
    published list confirms, and apart from them those it usually serves."""
    served: dict[str, tuple[ImmigrationOffice, list[Municipality], list[Municipality]]] = {}
    for m in d.municipalities:
        if (assignment := m.immigration_office) is None:
            continue
        office, confirmed, likely = served.setdefault(assignment.office.id, (assignment.office, [], []))
        (confirmed if assignment.confirmed else likely).append(m)
    lines = []
    for office, confirmed, likely in sorted(
        served.values(), key=lambda item: (item[0].kind != "district_office", item[0].name)
    ):
        name = f"[{office.name}]({office.page.url})" if office.page else office.name
        lines.append(f"- **{name}**")
        for label, places in ((strings["dist_office_serves"], confirmed), (strings["dist_office_likely"], likely)):
            if places:
                links = ", ".join(f"[{m.short_name}](../municipalities/{m.slug}.md)" for m in places)
                lines += ["", f"    {label} {links}"]
        lines.append("")
    return lines


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
        "data-text-outside": strings["finder_outside"],
        "data-text-outside-link": strings["finder_outside_link"],
        "data-outside-url": WELCOME_CENTRES,
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
        [MUNICIPALITY.path(m.slug) for m in region.municipalities]
        + [DISTRICT.path(d.slug) for d in region.districts]
        + [WELCOME_PACK.path(m.slug) for m in region.municipalities]
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
