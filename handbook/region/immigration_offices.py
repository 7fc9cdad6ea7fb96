"""The immigration offices of the region (data/immigration_offices.yml): names, pages, appointment routes.

Which office serves which municipality is data/immigration_offices.csv (handbook.region.region_data);
this file says what a reader needs to reach an office. Every link carries the page that
confirms it, and a phone number or address only the office's own page: nothing is inferred
from a naming pattern. An office without a confirmed page is kept (readers still learn its
name) and listed in the editors' report of what is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from handbook.core.checked_days import future_day
from handbook.core.front_matter import YamlError, deepest_line, load_yaml_with_lines
from handbook.core.plain_text import FIX, markup_in
from handbook.core.problems import Problem
from handbook.core.public_address import is_https_address

REGISTRY = "immigration_offices.yml"
KINDS = ("city", "town", "district_office")
APPOINTMENT_KINDS = ("booking", "form", "email", "contact")
_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_FIELDS = ("name", "kind", "page", "appointment", "phone", "phone_source", "address", "address_source", "last_reviewed")


@dataclass(frozen=True)
class Link:
    url: str
    source: str  # the page that confirms the link


@dataclass(frozen=True)
class Appointment(Link):
    kind: str  # one of APPOINTMENT_KINDS


@dataclass(frozen=True)
class ImmigrationOffice:
    id: str
    name: str
    kind: str  # one of KINDS
    page: Link | None
    appointment: Appointment | None
    phone: str
    phone_source: str
    address: str
    address_source: str
    last_reviewed: date
    line: int  # of its id in data/immigration_offices.yml

    @property
    def missing(self) -> list[str]:
        """What a reader cannot get yet, for the editors' report."""
        return [name for name, value in (("web page", self.page), ("appointment route", self.appointment)) if not value]


@dataclass(frozen=True)
class Registry:
    """The offices of data/immigration_offices.yml, the problems found in it, and what those problems hide."""

    offices: dict[str, ImmigrationOffice]
    problems: list[Problem]
    rejected: frozenset[str] | None  # ids written but rejected for a mistake; None: the file could not be read

    def reported(self, office_id: str) -> bool:
        """Whether a row naming ``office_id`` points at a problem already reported here (not at a typo)."""
        return self.rejected is None or office_id in self.rejected


def load_immigration_offices(data_dir: Path, today: date) -> Registry:
    """Every complete office of the file, and a problem for each mistake (all at once, with its line)."""
    path = f"data/{REGISTRY}"
    file = data_dir / REGISTRY
    if not file.exists():
        return Registry({}, [Problem(path, 0, "file is missing", "restore it from git")], None)
    try:
        data, lines = load_yaml_with_lines(file.read_text(encoding="utf-8"), 1)
    except UnicodeDecodeError as error:
        return Registry({}, [Problem(path, 0, f"not UTF-8 text ({error.reason})", "save the file as UTF-8")], None)
    except YamlError as error:
        return Registry(
            {}, [Problem(path, error.line, f"not valid YAML ({error.message})", "fix the YAML at this line")], None
        )
    if not isinstance(data, dict):
        return Registry({}, [Problem(path, 1, "must be a list of offices ('id:' lines)", "see data/README.md")], None)
    offices: dict[str, ImmigrationOffice] = {}
    problems: list[Problem] = []
    for key, entry in data.items():
        office, entry_problems = _read_office(str(key), entry, lines, today)
        problems += entry_problems
        if office and not entry_problems:
            offices[office.id] = office
    return Registry(offices, problems, frozenset(map(str, data)) - set(offices))


def _read_office(
    key: str, entry: Any, lines: dict[tuple[Any, ...], int], today: date
) -> tuple[ImmigrationOffice | None, list[Problem]]:
    path = f"data/{REGISTRY}"
    line = lines.get((key,), 1)

    def at(*keys: str) -> int:
        return deepest_line(lines, (key, *keys), line)

    def problem(where: int, message: str, fix: str) -> Problem:
        return Problem(path, where, message, fix)

    if not _ID.match(key):
        return None, [
            problem(
                line,
                f"office id '{key}' is not lower case letters, digits and hyphens",
                "rename it, e.g. 'landratsamt-boeblingen'",
            )
        ]
    if not isinstance(entry, dict):
        return None, [
            problem(line, f"office '{key}' is not a list of fields", "give it at least name, kind and last_reviewed")
        ]
    problems = [
        problem(at(name), f"unknown field '{name}' in office '{key}'", f"use only {', '.join(_FIELDS)}")
        for name in entry
        if name not in _FIELDS
    ]
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(problem(line, f"office '{key}' has no name", "add name: as the office calls itself"))
    for field in ("name", "phone", "address"):
        if markup_in(entry.get(field)):
            problems.append(problem(at(field), f"{field} of office '{key}' {markup_in(entry.get(field))}", FIX))
    kind = entry.get("kind")
    if kind not in KINDS:
        problems.append(problem(at("kind"), f"office '{key}' has kind {kind!r}", f"write kind: {', '.join(KINDS)}"))
    links: dict[str, Link | None] = {}
    for field in ("page", "appointment"):
        raw = entry.get(field)
        if raw is None:
            links[field] = None
            continue
        wanted = ("kind", "url", "source") if field == "appointment" else ("url", "source")
        if not isinstance(raw, dict) or set(raw) != set(wanted):
            problems.append(
                problem(
                    at(field), f"'{field}' of office '{key}' needs exactly {', '.join(wanted)}", "see data/README.md"
                )
            )
            continue
        bad = [part for part in ("url", "source") if not is_https_address(raw[part])]
        if bad:
            problems.append(
                problem(
                    at(field, bad[0]),
                    f"'{field}' {bad[0]} of office '{key}' is not an https:// address",
                    "use the https:// address of the official page",
                )
            )
            continue
        if field == "appointment" and raw["kind"] not in APPOINTMENT_KINDS:
            problems.append(
                problem(
                    at(field, "kind"),
                    f"appointment kind {raw['kind']!r} of office '{key}'",
                    f"write kind: {', '.join(APPOINTMENT_KINDS)}",
                )
            )
            continue
        links[field] = (
            Appointment(raw["url"], raw["source"], raw["kind"])
            if field == "appointment"
            else Link(raw["url"], raw["source"])
        )
    for field in ("phone", "address"):
        value, source = entry.get(field), entry.get(f"{field}_source")
        if (value is None) != (source is None):
            problems.append(
                problem(
                    at(field if value is not None else f"{field}_source"),
                    f"office '{key}' has {field} and {field}_source only together",
                    f"write both: the {field} as the office's own page states it, and that page",
                )
            )
        elif source is not None and not is_https_address(source):
            problems.append(
                problem(
                    at(f"{field}_source"),
                    f"{field}_source of office '{key}' is not an https:// address",
                    "use the office's own https:// page",
                )
            )
    reviewed = None
    try:
        reviewed = date.fromisoformat(str(entry.get("last_reviewed")))
    except ValueError:
        problems.append(
            problem(
                at("last_reviewed"),
                f"office '{key}': last_reviewed {entry.get('last_reviewed')!r} is not a date",
                "write the day you checked it, YYYY-MM-DD",
            )
        )
    if reviewed and (ahead := future_day("last_reviewed", reviewed, today)):
        what, fix = ahead
        problems.append(problem(at("last_reviewed"), f"office '{key}': {what}", fix))
    if problems or reviewed is None:
        return None, problems
    return ImmigrationOffice(
        id=key,
        name=str(name).strip(),
        kind=str(kind),
        page=links["page"],
        appointment=links["appointment"],  # type: ignore[arg-type]
        phone=str(entry.get("phone") or ""),
        phone_source=str(entry.get("phone_source") or ""),
        address=str(entry.get("address") or ""),
        address_source=str(entry.get("address_source") or ""),
        last_reviewed=reviewed,
        line=line,
    ), []
