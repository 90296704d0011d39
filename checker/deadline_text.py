"""Read the common Chinese deadline wordings, to cross-check an encoding's dates.

The encoding convention (docs/dev/data-model.md):
    2023年12月底, 2023年12月, 12月底前 → last day of that month
    2023年10月前                        → last day of the month before (before October)
    2023年11月15日, 11月15日前          → that day
    2023年底, 2024年年底前, 到2025年    → 31 December
    2023年7月1日起                      → an ongoing duty from that day
    全年                                → all year
Wordings outside these forms are not judged.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from checker.model.records import ScheduleKind


@dataclass(frozen=True, slots=True)
class ReadDeadline:
    kind: ScheduleKind  # DEADLINE, ONGOING or ALL_YEAR
    day: date | None


_YEAR = r"(?:(?P<year>\d{4})年)"
_FORMS: tuple[tuple[str, str], ...] = (
    ("ongoing_day", rf"^{_YEAR}?(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日起$"),
    ("day", rf"^{_YEAR}?(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日前?$"),
    ("before_month", rf"^{_YEAR}?(?P<month>\d{{1,2}})月前$"),
    ("month_end", rf"^{_YEAR}?(?P<month>\d{{1,2}})月(?:(?:底|末)前?)?$"),
    ("year_end", r"^(?:到|至)?(?P<year>\d{4})年(?:年?底|末)?前?$"),
    ("all_year", r"^全年$"),
)
_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in _FORMS)
_SPACE = re.compile(r"\s+")


def read_deadline(text: str, plan_year: int | None) -> ReadDeadline | None:
    """What a wording means, or None when it is not one of the recognized forms.

    plan_year supplies the year of wordings without one (6月底前); without it they are not judged.
    """
    compact = _SPACE.sub("", text)
    for name, pattern in _COMPILED:
        match = pattern.match(compact)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else plan_year
        if name == "all_year":
            return ReadDeadline(ScheduleKind.ALL_YEAR, None)
        if year is None:
            return None
        return _resolve(name, year, groups)
    return None


def _resolve(name: str, year: int, groups: dict[str, str | None]) -> ReadDeadline | None:
    try:
        if name == "year_end":
            return ReadDeadline(ScheduleKind.DEADLINE, date(year, 12, 31))
        month = int(groups["month"] or 0)
        if name in ("day", "ongoing_day"):
            day = date(year, month, int(groups["day"] or 0))
            return ReadDeadline(ScheduleKind.ONGOING if name == "ongoing_day" else ScheduleKind.DEADLINE, day)
        if name == "before_month":
            return ReadDeadline(ScheduleKind.DEADLINE, date(year, month, 1) - timedelta(days=1))
        return ReadDeadline(ScheduleKind.DEADLINE, date(year, month, calendar.monthrange(year, month)[1]))
    except ValueError:
        return None
