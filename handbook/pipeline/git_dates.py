"""When each file last changed, from the git history (one ``git log`` for the whole tree).

This is the "last changed" date readers see, next to "last reviewed" (which an
editor sets by hand after checking the facts). Without git history the date is
simply not shown: it is never guessed from file times.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path


def last_changed_dates(repo: Path, subdir: str = "docs") -> dict[str, date]:
    """Map each file path (relative to ``repo``) to the commit date of its last change."""
    try:
        output = subprocess.run(
            ["git", "-C", str(repo), "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", subdir],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, date] = {}
    for entry in output.split("\x00")[1:]:
        day, *names = entry.strip().splitlines()
        for name in names:
            dates.setdefault(name.strip(), date.fromisoformat(day))
    return dates
