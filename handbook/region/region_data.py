"""The region's municipalities and districts, read from data/ and validated line by line.

Every value the pages show comes from these files; every problem is reported with
its file and line, all at once, and a bad row is never dropped silently.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from handbook.core import environment
from handbook.core.checked_days import future_day
from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem
from handbook.core.public_address import is_https_address
from handbook.core.slugs import place_slug
from handbook.project import PROJECT
from handbook.region.immigration_offices import REGISTRY, ImmigrationOffice, Registry, load_immigration_offices

DATA = PROJECT / "data"
MUNICIPALITIES = "region/municipalities.csv"
POSTCODES = "region/municipality_postcodes_osm.csv"
OFFICES = "immigration_offices.csv"
DETAILS = "municipality_details.yml"

DISTRICTS = {  # Kreis key -> address part; the six districts of the Region Stuttgart
    "08111": "stuttgart",
    "08115": "boeblingen",
    "08116": "esslingen",
    "08117": "goeppingen",
    "08118": "ludwigsburg",
    "08119": "rems-murr-kreis",
}
KINDS = {"62": "city_district", "67": "major_district_town", "63": "town", "64": "municipality"}


@dataclass(frozen=True)
class Office:
    """The immigration office that serves one municipality, and the source that says so."""

    office: ImmigrationOffice
    confirmed: bool  # the district's own published list (or the law, for Stuttgart) settles it
    source_name: str
    source_url: str
    last_reviewed: date

    @property
    def kind(self) -> str:
        return self.office.kind

    @property
    def name(self) -> str:
        return self.office.name


@dataclass(frozen=True)
class Municipality:
    ags: str
    name: str  # official Destatis name, e.g. "Sindelfingen, Stadt"
    short_name: str
    slug: str
    district_ags: str
    district_label: str
    kind: str  # a key of KINDS' values
    association: str  # administrative association (Gemeindeverwaltungsverband / VVG), "" if none
    population: int
    population_date: date
    area_km2: float
    postcodes: tuple[str, ...]  # OpenStreetMap (ODbL)
    lat: float
    lon: float
    immigration_office: Office | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class District:
    ags: str
    label: str  # "Landkreis Böblingen", "Stadtkreis Stuttgart", "Rems-Murr-Kreis"
    slug: str
    municipalities: tuple[Municipality, ...]

    @property
    def population(self) -> int:
        return sum(m.population for m in self.municipalities)


@dataclass
class RegionData:
    municipalities: list[Municipality]
    districts: list[District]
    problems: list[Problem]
    offices: dict[str, ImmigrationOffice] = field(default_factory=dict)  # data/immigration_offices.yml, by id


def _checker(path: str, problems: list[Problem]) -> Callable[..., Any]:
    def check(line: int, column: str, value: str, convert: Callable[[str], Any], expected: str) -> Any:
        try:
            return convert(value)
        except (ValueError, TypeError):
            problems.append(Problem(path, line, f"column '{column}' is {value!r}, not {expected}", f"write {expected}"))
            return None

    return check


def _pattern(regex: str) -> Callable[[str], str]:
    compiled = re.compile(regex)

    def convert(value: str) -> str:
        if not compiled.fullmatch(value):
            raise ValueError(value)
        return value

    return convert


def _boolean(value: str) -> bool:
    if value not in ("true", "false"):
        raise ValueError(value)
    return value == "true"


def _https(value: str) -> str:
    if not is_https_address(value):
        raise ValueError(value)
    return value


def _rows(data_dir: Path, name: str, problems: list[Problem], required: list[str]) -> list[tuple[int, dict[str, str]]]:
    path = data_dir / name
    if not path.exists():
        problems.append(Problem(f"data/{name}", 0, "file is missing", "restore it from git"))
        return []
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            return _read_rows(csv.DictReader(fh), name, problems, required)
    except UnicodeDecodeError as error:
        problems.append(
            Problem(f"data/{name}", 0, f"not UTF-8 text (byte {error.start}: {error.reason})", "save the file as UTF-8")
        )
        return []


def _read_rows(
    reader: csv.DictReader, name: str, problems: list[Problem], required: list[str]
) -> list[tuple[int, dict[str, str]]]:
    """The rows with their line, each one complete; a short or long row is reported, not half-read."""
    missing = [column for column in required if column not in (reader.fieldnames or [])]
    if missing:
        problems.append(
            Problem(f"data/{name}", 1, f"missing column(s): {', '.join(missing)}", "restore the header line")
        )
        return []
    rows = []
    for row in reader:
        if None in row or None in row.values():
            problems.append(
                Problem(
                    f"data/{name}",
                    reader.line_num,
                    "wrong number of values in this row",
                    f"write exactly {len(reader.fieldnames or ())} comma-separated values",
                )
            )
            continue
        rows.append((reader.line_num, row))
    return rows


def load_region(data_dir: Path = DATA, today: date | None = None) -> RegionData:
    """Read and validate every data file; problems are collected, never raised."""
    today = today or environment.today()  # one rule for today: HANDBOOK_TODAY or the clock
    problems: list[Problem] = []
    loaded = load_immigration_offices(data_dir, today)
    problems += loaded.problems
    registry = loaded.offices
    offices = _load_offices(data_dir, problems, today, loaded)
    details = _load_details(data_dir, problems, today)
    postcodes = _load_postcodes(data_dir, problems)
    municipalities: list[Municipality] = []
    seen_ags: dict[str, int] = {}
    seen_slugs: dict[str, int] = {}
    path = f"data/{MUNICIPALITIES}"
    check = _checker(path, problems)
    columns = [
        "ags",
        "name",
        "name_short",
        "district_ags",
        "district_label",
        "kind_code",
        "verband_name",
        "population",
        "population_date",
        "area_km2",
        "lat",
        "lon",
    ]
    rows = _rows(data_dir, MUNICIPALITIES, problems, columns)
    name_count: dict[str, int] = {}
    for _, row in rows:
        name_count[place_slug(row["name_short"])] = name_count.get(place_slug(row["name_short"]), 0) + 1
    rejected: set[str] = set()  # keys of rows reported above: not "unknown" again in the other files
    for line, row in rows:
        before = len(problems)
        ags = check(line, "ags", row["ags"], _pattern(r"\d{8}"), "an 8-digit municipality key")
        district = check(
            line,
            "district_ags",
            row["district_ags"],
            _pattern("|".join(DISTRICTS)),
            f"one of the region's district keys ({', '.join(DISTRICTS)})",
        )
        kind = check(line, "kind_code", row["kind_code"], lambda v: KINDS[v], "62, 63, 64 or 67")
        population = check(line, "population", row["population"], int, "a whole number")
        population_date = check(
            line, "population_date", row["population_date"], date.fromisoformat, "a date YYYY-MM-DD"
        )
        area = check(line, "area_km2", row["area_km2"], float, "a number")
        lat = check(line, "lat", row["lat"], float, "a latitude")
        lon = check(line, "lon", row["lon"], float, "a longitude")
        if population is not None and population <= 0:
            problems.append(Problem(path, line, f"population {population} is impossible", "write the Destatis figure"))
        if area is not None and area <= 0:
            problems.append(Problem(path, line, f"area {area} km² is impossible", "write the Destatis figure"))
        if ags and district and not ags.startswith(district):
            problems.append(
                Problem(
                    path,
                    line,
                    f"municipality key {ags} is not in district {district}",
                    "the first five digits of the key are its district's: check both columns",
                )
            )
        if lat is not None and not 47 < lat < 50:
            problems.append(
                Problem(path, line, f"latitude {lat} is outside Baden-Württemberg", "check the coordinates")
            )
            lat = None
        if lon is not None and not 7 < lon < 11:
            problems.append(
                Problem(path, line, f"longitude {lon} is outside Baden-Württemberg", "check the coordinates")
            )
            lon = None
        if not row["name_short"].strip():
            problems.append(Problem(path, line, "column 'name_short' is empty", "write the municipality's name"))
            continue
        for column in ("name", "name_short", "district_label", "verband_name"):
            if markup_in(row[column]):
                problems.append(Problem(path, line, f"column '{column}' {markup_in(row[column])}", FIX))
        if ags in seen_ags:
            problems.append(
                Problem(
                    path,
                    line,
                    f"municipality {ags} is listed twice (first on line {seen_ags[ags]})",
                    "remove one of the rows",
                )
            )
            continue
        slug = municipality_slug(row["name_short"], DISTRICTS.get(row["district_ags"], ""), name_count)
        if slug in seen_slugs:
            problems.append(
                Problem(
                    path,
                    line,
                    f"address 'municipalities/{slug}/' is already used by line {seen_slugs[slug]}",
                    "two municipalities need different names",
                )
            )
            continue
        if len(problems) > before:
            rejected.add(row["ags"])
            continue
        seen_ags[ags] = line
        seen_slugs[slug] = line
        municipalities.append(
            Municipality(
                ags=ags,
                name=row["name"],
                short_name=row["name_short"],
                slug=slug,
                district_ags=district,
                district_label=row["district_label"],
                kind=kind,
                association=row["verband_name"],
                population=population,
                population_date=population_date,
                area_km2=area,
                postcodes=tuple(postcodes.get(ags, ())),
                lat=lat,
                lon=lon,
                immigration_office=offices.get(ags),
                details=details.get(ags, {}),
            )
        )
    known = set(seen_ags) | rejected
    for name, keyed in ((OFFICES, offices), (DETAILS, details), (POSTCODES, postcodes)):
        for ags in sorted(set(keyed) - known):
            line = getattr(keyed, "lines", {}).get(ags, 0)
            problems.append(
                Problem(
                    f"data/{name}", line, f"unknown municipality key {ags}", f"use a key from data/{MUNICIPALITIES}"
                )
            )
    used = {office.office.id for office in offices.values()}
    for office in registry.values():
        if office.id not in used:
            problems.append(
                Problem(
                    f"data/{REGISTRY}",
                    office.line,
                    f"office '{office.id}' serves no municipality",
                    f"remove it, or name it in the rows of data/{OFFICES} for the municipalities it serves",
                )
            )
    for municipality in municipalities:
        if municipality.immigration_office is None:
            problems.append(
                Problem(
                    f"data/{OFFICES}",
                    0,
                    f"no row for {municipality.short_name} ({municipality.ags})",
                    "add a row: every municipality needs its immigration office",
                )
            )
        if not municipality.postcodes:
            problems.append(
                Problem(
                    f"data/{POSTCODES}",
                    0,
                    f"no postcode for {municipality.short_name} ({municipality.ags})",
                    "add its postcodes",
                )
            )
    districts = [
        District(
            ags=key,
            label=next((m.district_label for m in municipalities if m.district_ags == key), key),
            slug=slug,
            municipalities=tuple(sorted((m for m in municipalities if m.district_ags == key), key=lambda m: m.slug)),
        )
        for key, slug in DISTRICTS.items()
    ]
    return RegionData(sorted(municipalities, key=lambda m: m.slug), districts, problems, registry)


def _load_postcodes(data_dir: Path, problems: list[Problem]) -> dict[str, list[str]]:
    path = f"data/{POSTCODES}"
    check = _checker(path, problems)
    found: dict[str, list[str]] = {}
    first_line: dict[str, int] = {}
    seen: dict[tuple[str, str], int] = {}
    for line, row in _rows(data_dir, POSTCODES, problems, ["ags", "postcode"]):
        ags = check(line, "ags", row["ags"], _pattern(r"\d{8}"), "an 8-digit municipality key")
        postcode = check(line, "postcode", row["postcode"], _pattern(r"\d{5}"), "a 5-digit postcode")
        if ags is None or postcode is None:
            continue
        if (ags, postcode) in seen:
            problems.append(
                Problem(
                    path,
                    line,
                    f"postcode {postcode} of {ags} is listed twice (first on line {seen[(ags, postcode)]})",
                    "remove one of the rows",
                )
            )
            continue
        seen[(ags, postcode)] = line
        found.setdefault(ags, []).append(postcode)
        first_line.setdefault(ags, line)
    return _with_lines({ags: sorted(codes) for ags, codes in found.items()}, first_line)


def _load_offices(data_dir: Path, problems: list[Problem], today: date, registry: Registry) -> dict[str, Office]:
    path = f"data/{OFFICES}"
    check = _checker(path, problems)
    offices: dict[str, Office] = {}
    lines: dict[str, int] = {}
    columns = ["ags", "office", "confirmed", "source_name", "source_url", "last_reviewed"]
    for line, row in _rows(data_dir, OFFICES, problems, columns):
        values = (
            check(line, "ags", row["ags"], _pattern(r"\d{8}"), "an 8-digit municipality key"),
            check(line, "confirmed", row["confirmed"], _boolean, "true or false"),
            check(line, "source_url", row["source_url"], _https, "an https:// address"),
            check(line, "last_reviewed", row["last_reviewed"], date.fromisoformat, "a date YYYY-MM-DD"),
        )
        if None in values:
            continue
        ags, confirmed, url, reviewed = values
        if ahead := future_day("last_reviewed", reviewed, today):
            problems.append(Problem(path, line, *ahead))
            continue
        if not row["source_name"].strip():
            problems.append(
                Problem(path, line, "source_name is empty", "name the list or page that says which office it is")
            )
            continue
        if markup_in(row["source_name"]):
            problems.append(Problem(path, line, f"source_name {markup_in(row['source_name'])}", FIX))
            continue
        office = registry.offices.get(row["office"])
        if office is None:
            if not registry.reported(row["office"]):  # otherwise the office's own mistake is reported, once
                problems.append(
                    Problem(
                        path,
                        line,
                        f"unknown office '{row['office']}'",
                        f"use an office id of data/{REGISTRY}, or add the office there",
                    )
                )
            continue
        if ags in offices:
            problems.append(
                Problem(
                    path,
                    line,
                    f"municipality {ags} is listed twice (first on line {lines[ags]})",
                    "keep one row per municipality",
                )
            )
            continue
        lines[ags] = line
        offices[ags] = Office(office, confirmed, row["source_name"], url, reviewed)
    return _with_lines(offices, lines)


def _with_lines(values: dict[str, Any], lines: dict[str, int]) -> dict[str, Any]:
    return _LineDict(values, lines)


def municipality_slug(name: str, district_slug: str, name_count: dict[str, int]) -> str:
    """The address part of a municipality: its name, plus its district where two share a name.

    ("Altdorf" exists in the districts of Böblingen and Esslingen: altdorf-boeblingen, altdorf-esslingen.)
    """
    slug = place_slug(name)
    return f"{slug}-{district_slug}" if name_count.get(slug, 0) > 1 else slug


class _LineDict(dict):
    """A dict that remembers the line each key came from, for 'unknown key' messages."""

    def __init__(self, values: dict[str, Any], lines: dict[str, int]) -> None:
        super().__init__(values)
        self.lines = lines


DETAIL_FIELDS = ("website", "citizens_office")


def _load_details(data_dir: Path, problems: list[Problem], today: date) -> dict[str, dict[str, Any]]:
    from handbook.core.front_matter import FrontMatterError, parse_front_matter

    path = f"data/{DETAILS}"
    file = data_dir / DETAILS
    if not file.exists():
        return {}
    text = file.read_text(encoding="utf-8")
    try:
        parsed = parse_front_matter(f"---\n{text}\n---\n")
    except FrontMatterError as error:
        problems.append(Problem(path, error.line - 1, error.message, "fix the YAML"))
        return {}

    def line_of(keys: tuple[str, ...]) -> int:
        return parsed.line_of(keys) - 1  # the wrapper added one line on top

    details: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for ags, entry in parsed.data.items():
        ags = str(ags)
        if not re.fullmatch(r"\d{8}", ags):
            problems.append(
                Problem(path, line_of((ags,)), f"'{ags}' is not a municipality key", "use the 8-digit key, quoted")
            )
            continue
        if not isinstance(entry, dict):
            problems.append(
                Problem(path, line_of((ags,)), f"entry {ags} must be a group of fields", "see data/README.md")
            )
            continue
        good = {}
        for name, fact in entry.items():
            where = line_of((ags, name))
            if name not in DETAIL_FIELDS:
                problems.append(
                    Problem(path, where, f"unknown field '{name}'", f"use one of: {', '.join(DETAIL_FIELDS)}")
                )
                continue
            if not isinstance(fact, dict) or set(fact) != {"url", "source", "last_reviewed"}:
                problems.append(
                    Problem(path, where, f"'{name}' needs exactly url, source and last_reviewed", "see data/README.md")
                )
                continue
            bad = [key for key in ("url", "source") if not is_https_address(fact[key])]
            if bad:
                problems.append(
                    Problem(
                        path,
                        line_of((ags, name, bad[0])),
                        f"'{bad[0]}' is not an https:// address",
                        "use the https:// address",
                    )
                )
                continue
            try:
                reviewed = date.fromisoformat(str(fact["last_reviewed"]))
            except ValueError:
                problems.append(
                    Problem(
                        path,
                        line_of((ags, name, "last_reviewed")),
                        f"'last_reviewed' is not a valid date: {fact['last_reviewed']!r}",
                        "write YYYY-MM-DD",
                    )
                )
                continue
            if ahead := future_day("last_reviewed", reviewed, today):
                problems.append(Problem(path, line_of((ags, name, "last_reviewed")), *ahead))
                continue
            good[name] = {**fact, "last_reviewed": reviewed}
        lines[ags] = line_of((ags,))
        details[ags] = good
    return _with_lines(details, lines)
