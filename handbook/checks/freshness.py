"""``python -m handbook freshness``: which pages are overdue for review, for people and for CI.

Without options it reports and succeeds. ``--strict`` (the weekly scheduled run)
fails when any page is overdue; ``--changed-since REF`` (pull requests) fails when
a page that the change touches is overdue, so an editor who edits a page also
re-checks its facts.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from handbook.content.facts import Fact
from handbook.content.page_sources import SourcePage
from handbook.core.problems import Problem
from handbook.site.reports import FreshnessRow, freshness_rows


def changed_files(repo: Path, ref: str) -> set[str]:
    """Files changed between ``ref`` and the working tree (committed or not), relative to the repo."""
    names = subprocess.run(
        ["git", "-C", str(repo), "diff", "--name-only", f"{ref}...HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    names += subprocess.run(
        ["git", "-C", str(repo), "diff", "--name-only", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.split()
    return set(names)


def overdue_problems(
    pages: Sequence[SourcePage],
    today: date,
    only_pages: Iterable[str] | None = None,
    facts: Mapping[str, Fact] | None = None,
) -> list[Problem]:
    """A Problem for each overdue original (limited to ``only_pages``, docs paths, when given)."""
    by_path = {page.path: page for page in pages}
    wanted = None
    if only_pages is not None:
        # A changed translation makes its original's review count too.
        wanted = {f"docs/{by_path[name].page}" for name in only_pages if name in by_path}
    problems = []
    for row in freshness_rows(pages, today, facts):
        if row.overdue and (wanted is None or row.page in wanted):
            problems.append(_problem(row, by_path[row.page]))
    return problems


def _problem(row: FreshnessRow, page: SourcePage) -> Problem:
    lines = page.front_matter.lines if page.front_matter else {}
    line = lines.get(("review_by",)) or lines.get(("last_reviewed",)) or 1
    due = row.review_due or "not set"
    return Problem(
        row.page,
        line,
        f"review overdue since {due} (owner: {row.owner or 'not set'})",
        "check the facts against the sources, then set last_reviewed to today (and review_by, if used)",
    )
