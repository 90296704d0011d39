"""The validation date: today, or the later date of the report a command writes."""

from __future__ import annotations

from datetime import date

from checker.commands.dates import validation_date

TODAY = date(2024, 1, 1)


def test_validation_date_is_today_unless_the_report_is_dated_later() -> None:
    """Reports are validated against today; a report written for a later date moves that date forward."""
    assert validation_date(TODAY) == TODAY
    assert validation_date(TODAY, date(2023, 6, 1)) == TODAY
    assert validation_date(TODAY, date(2024, 3, 1)) == date(2024, 3, 1)
