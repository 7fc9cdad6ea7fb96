"""What readers are told about how fresh and how reliable a page is.

Pure function of the page's front matter, its original's, today and the git
date; the hook turns the result into notices in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date

from handbook.content.content_model import is_overdue, page_due
from handbook.content.languages import babel_locale


@dataclass(frozen=True)
class PageStatus:
    last_reviewed: date | None
    review_due: date | None
    last_changed: date | None
    overdue: bool  # the facts should have been checked again by now
    outdated_translation: bool  # the original changed after this translation was made
    machine_translated: bool


def page_status(
    original: dict[str, Any],
    translation: dict[str, Any] | None,
    original_version: str,
    on: date,
    last_changed: date | None,
    figures_due: date | None = None,
) -> PageStatus:
    """The status of one language version of a page (``translation`` is None for the original).

    ``figures_due`` is the first day a figure the page uses (data/facts.yml) had no value:
    the page is then overdue like one whose review date has passed.
    """
    reviewed = original.get("last_reviewed")
    return PageStatus(
        last_reviewed=date.fromisoformat(reviewed) if isinstance(reviewed, str) else None,
        review_due=page_due(original, figures_due),
        last_changed=last_changed,
        overdue=is_overdue(original, figures_due, on),
        outdated_translation=translation is not None and translation.get("translated_from") != original_version,
        machine_translated=bool(translation and translation.get("machine_translated")),
    )


def format_day(day: date, code: str) -> str:
    """A date as readers of ``code`` write it, e.g. '26 November 2026', '26. November 2026', '2026年11月26日'."""
    return format_date(day, format="long", locale=babel_locale(code))
