"""Reports for editors: which pages need a review, and where each translation stands.

Pure functions from the loaded pages to rows, Markdown and JSON; the MkDocs hook
publishes them under /en/editors/ (outside the readers' navigation) and the CLI
prints them.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date
from typing import Iterable, Sequence

from handbook.content_model import review_due
from handbook.page_sources import SourcePage
from handbook.translation_status import TranslationState
from handbook.translations import page_path


@dataclass(frozen=True)
class FreshnessRow:
    page: str  # docs path of the original
    url: str  # language-neutral path, e.g. "topics/"
    title: str
    owner: str
    last_reviewed: str | None
    review_due: str | None
    overdue: bool


def freshness_rows(pages: Iterable[SourcePage], today: date) -> list[FreshnessRow]:
    """One row per original, the most urgent first (no due date sorts first: it needs one)."""
    rows = []
    for page in pages:
        if page.language is not None:
            continue
        data = page.front_matter.data if page.front_matter else {}
        due = review_due(data)
        rows.append(
            FreshnessRow(
                page=page.path,
                url=page_path(page.page),
                title=str(data.get("title", "")),
                owner=str(data.get("owner", "")),
                last_reviewed=data.get("last_reviewed") if isinstance(data.get("last_reviewed"), str) else None,
                review_due=due.isoformat() if due else None,
                overdue=due is None or due < today,
            )
        )
    return sorted(rows, key=lambda row: (row.review_due or "", row.page))


def freshness_json(rows: Sequence[FreshnessRow], today: date) -> str:
    return json.dumps(
        {"generated_for": today.isoformat(), "pages": [asdict(row) for row in rows]}, ensure_ascii=False, indent=2
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def freshness_markdown(rows: Sequence[FreshnessRow], today: date) -> str:
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
