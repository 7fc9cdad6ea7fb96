"""The one rule for the days on which a person checked something: such a day cannot lie ahead.

Pages (``last_reviewed``), figures (``checked``), office data and municipality details all record one; a day
after today is a typing error or a promise, and readers would be told that a fact was checked when it was not.
"""

from __future__ import annotations

from datetime import date


def future_day(field: str, day: date, today: date) -> tuple[str, str] | None:
    """(what is wrong, how to fix it) when ``day``, given in ``field``, is after ``today``; None when it is not."""
    if day <= today:
        return None
    return f"'{field}' {day.isoformat()} is in the future", "write the day a person actually checked it"
