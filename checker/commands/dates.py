"""The two dates of a command, kept apart: the validation date and the evaluation date.

`checked_on` is the real date reports are validated against: a report dated after it is an error
(PC302). It comes from the clock at the edge: `checker.cli.main` receives today. The evaluation
date (`as_of` for check and diff, `report_date` for the report new-report or import-xlsx writes)
only decides what is known by then: a report after a past as-of date is valid, evaluate() skips it.
"""

from __future__ import annotations

from datetime import date


def validation_date(today: date, report_date: date | None = None) -> date:
    """The date reports are validated against: today, or a later date of the report being written.

    A command that writes a report dated after today (new-report --date) validates the tree as of
    that date, so reports the unit filed up to it are not errors.
    """
    return today if report_date is None or report_date <= today else report_date
