"""Reports for editors: which pages need a review, and where each translation stands.

Pure functions from the loaded pages to rows, Markdown and JSON; the MkDocs hook
publishes them under /en/editors/ (outside the readers' navigation) and the CLI
prints them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date

from handbook.content.content_model import is_overdue, page_due
from handbook.content.facts import Fact, fact_keys, figures_due, format_value
from handbook.content.page_sources import SourcePage
from handbook.content.translation_status import TranslationState
from handbook.content.translations import page_path
from handbook.region.region_data import RegionData


@dataclass(frozen=True)
class FreshnessRow:
    page: str  # docs path of the original
    url: str  # language-neutral path, e.g. "topics/"
    title: str
    owner: str
    last_reviewed: str | None
    review_due: str | None
    overdue: bool


def freshness_rows(
    pages: Iterable[SourcePage], today: date, facts: Mapping[str, Fact] | None = None
) -> list[FreshnessRow]:
    """One row per original, the most urgent first (no due date sorts first: it needs one).

    A page is due when its review date comes, or earlier when a figure it uses runs out of values.
    """
    rows = []
    for page in pages:
        if page.language is not None:
            continue
        data = page.front_matter.data if page.front_matter else {}
        figures = figures_due(fact_keys(page.body), facts or {}, today)
        due = page_due(data, figures)
        rows.append(
            FreshnessRow(
                page=page.path,
                url=page_path(page.page),
                title=str(data.get("title", "")),
                owner=str(data.get("owner", "")),
                last_reviewed=data.get("last_reviewed") if isinstance(data.get("last_reviewed"), str) else None,
                review_due=due.isoformat() if due else None,
                overdue=is_overdue(data, figures, today),
            )
        )
    return sorted(rows, key=lambda row: (row.review_due or "", row.page))


@dataclass(frozen=True)
class FactRow:
    key: str
    label: str  # in English, the editors' language
    value: str  # the value readers get today
    valid_until: str | None  # when it runs out; None: no announced end
    next_from: str | None  # a later value is already in the data, from this day
    checked: str
    overdue: bool  # no value applies today
    pages: tuple[str, ...]  # docs paths of the originals that use it


def fact_rows(facts: Mapping[str, Fact], pages: Iterable[SourcePage], today: date) -> list[FactRow]:
    """Every figure of data/facts.yml, the first to run out first (those without an end last)."""
    users: dict[str, list[str]] = {}
    for page in pages:
        if page.language is None:
            for key in fact_keys(page.body):
                users.setdefault(key, []).append(page.path)
    rows = []
    for fact in facts.values():
        shown, later = fact.shown_on(today), fact.next_after(today)
        rows.append(
            FactRow(
                key=fact.key,
                label=fact.label.get("en", fact.key),
                value=format_value(fact, shown, "en"),
                valid_until=shown.valid_until.isoformat() if shown.valid_until else None,
                next_from=later.valid_from.isoformat() if later and later is not shown else None,
                checked=shown.checked.isoformat(),
                overdue=fact.due_on(today) is not None,
                pages=tuple(users.get(fact.key, ())),
            )
        )
    return sorted(rows, key=lambda row: (row.valid_until is None, row.valid_until or "", row.key))


def freshness_json(rows: Sequence[FreshnessRow], today: date, facts: Sequence[FactRow] = ()) -> str:
    return json.dumps(
        {
            "generated_for": today.isoformat(),
            "pages": [asdict(row) for row in rows],
            "facts": [asdict(row) for row in facts],
        },
        ensure_ascii=False,
        indent=2,
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def freshness_markdown(rows: Sequence[FreshnessRow], today: date, facts: Sequence[FactRow] = ()) -> str:
    overdue = sum(row.overdue for row in rows)
    lines = [
        "---",
        "title: Review status",
        "noindex: true",
        "---",
        "",
        "# Review status",
        "",
        f"For editors. {len(rows)} pages; **{overdue} overdue** on {today.isoformat()}. "
        "Most urgent first. Machine-readable: [freshness.json](freshness.json).",
        "",
        "| Review due | Page | Owner | Last reviewed | Source file |",
        "| --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        due = row.review_due or "none set"
        flag = f"**{due} (overdue)**" if row.overdue else due
        lines.append(
            f"| {flag} | [{_cell(row.title)}](../{row.page.removeprefix('docs/')}) | {_cell(row.owner)} "
            f"| {row.last_reviewed or ''} | `{row.page}` |"
        )
    if facts:
        lines += [
            "",
            "## Figures {#figures}",
            "",
            f"{len(facts)} figures in `data/facts.yml`; **{sum(row.overdue for row in facts)} without a value for "
            f"{today.isoformat()}**. The first to run out first: add the new value, its source and the day you "
            "checked it before that day.",
            "",
            "| Runs out after | Figure | Value today | Next value from | Checked | Used on |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for fact in facts:
            until = fact.valid_until or "no end set"
            flag = f"**{until} (overdue)**" if fact.overdue else until
            used = ", ".join(f"`{page}`" for page in fact.pages) or "no page"
            lines.append(
                f"| {flag} | {_cell(fact.label)} (`{fact.key}`) | {_cell(fact.value)} | {fact.next_from or ''} "
                f"| {fact.checked} | {used} |"
            )
    return "\n".join(lines) + "\n"


STATUS_LABELS = {
    "translated": "translated",
    "machine": "machine",
    "outdated": "**outdated**",
    "missing": "missing",
}


def translation_markdown(states: Sequence[TranslationState], codes: Sequence[str]) -> str:
    pages = sorted({state.page for state in states})
    by_key = {(state.page, state.language): state for state in states}
    counts = {status: sum(state.status == status for state in states) for status in STATUS_LABELS}
    summary = ", ".join(f"{count} {status}" for status, count in counts.items())
    lines = [
        "---",
        "title: Translation status",
        "noindex: true",
        "---",
        "",
        "# Translation status",
        "",
        f"For editors and translators: {summary}.",
        "",
        "*translated*: reviewed by a person and up to date; *machine*: machine translation, up to date, "
        "waiting for a person's review; *outdated*: the original changed since (readers see a notice); "
        "*missing*: readers get the original with a notice.",
        "",
        "| Page | " + " | ".join(codes[1:]) + " |",
        "| --- | " + " | ".join("---" for _ in codes[1:]) + " |",
    ]
    for page in pages:
        cells = []
        for code in codes[1:]:
            state = by_key[(page, code)]
            label = STATUS_LABELS[state.status]
            cells.append(f"{label} (machine)" if state.status == "outdated" and state.machine else label)
        lines.append(f"| `docs/{page}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def offices_markdown(region: RegionData) -> str:
    """What the municipality pages cannot yet tell readers, for editors to confirm with an official source."""
    unconfirmed = [m for m in region.municipalities if m.immigration_office and not m.immigration_office.confirmed]
    offices = [office for office in region.offices.values() if office.missing]
    no_registration = [m for m in region.municipalities if "citizens_office" not in m.details]
    no_website = [m for m in region.municipalities if "website" not in m.details]
    lines = [
        "---",
        "title: Offices still to confirm",
        "noindex: true",
        "---",
        "",
        "# Offices still to confirm",
        "",
        f"For editors. Of {len(region.municipalities)} municipalities, {len(unconfirmed)} have an immigration office "
        "that no published list of their district confirms yet, "
        f"{len(no_registration)} have no confirmed page about registering an address and {len(no_website)} no "
        f"confirmed website; {len(offices)} of {len(region.offices)} immigration offices lack a confirmed web page "
        "or appointment "
        "route. Readers see an honest fallback for each. How to add what you confirm: `data/README.md`.",
        "",
        "## Immigration office not confirmed by a district list {#unconfirmed-office}",
        "",
        "| Municipality | District | Usually served by | Row in `data/immigration_offices.csv` |",
        "| --- | --- | --- | --- |",
        *(
            f"| {_cell(m.short_name)} | {_cell(m.district_label)} | {_cell(office.name)} | `{m.ags}` |"
            for m in unconfirmed
            if (office := m.immigration_office) is not None
        ),
        "",
        "## Immigration offices without a confirmed web page or appointment route {#office-links}",
        "",
        "| Office | Missing | Line in `data/immigration_offices.yml` |",
        "| --- | --- | --- |",
        *(f"| {_cell(office.name)} | {', '.join(office.missing)} | {office.line} |" for office in offices),
        "",
        "## Municipalities without a confirmed page about registering {#registration-page}",
        "",
        ", ".join(f"{_cell(m.short_name)} (`{m.ags}`)" for m in no_registration) or "None.",
        "",
        "## Municipalities without a confirmed website {#website}",
        "",
        ", ".join(f"{_cell(m.short_name)} (`{m.ags}`)" for m in no_website) or "None.",
    ]
    return "\n".join(lines) + "\n"
