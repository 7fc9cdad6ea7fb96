"""The one rule for days on which a person checked something (handbook/core/checked_days.py)."""

from __future__ import annotations

from datetime import date

from handbook.core.checked_days import future_day

TODAY = date(2026, 12, 2)


def test_today_and_earlier_days_pass_a_later_day_is_named_with_its_field():
    assert future_day("checked", TODAY, TODAY) is None
    assert future_day("checked", date(2025, 1, 1), TODAY) is None
    assert future_day("last_reviewed", date(2026, 12, 3), TODAY) == (
        "'last_reviewed' 2026-12-03 is in the future",
        "write the day a person actually checked it",
    )
