"""Progress over time: task status counts at each month end, from the same data evaluated as of each date.

The evaluator is pure and reads only the reports dated on or before its as-of date, so evaluating
the model as of 2024-03-31 gives exactly what the site would have shown that day. One evaluation
per date serves every plan and unit: the cost is (month ends since the earliest plan start) ×
(one evaluation), linear in the number of tasks; docs/benchmarks.md has the measurements.

Statuses are grouped into four bands a reader can follow over months: 逾期 (red), 临期或滞后
(yellow), 已完成 (green) and 其他 (推进中, 持续推进, 未报送: grey). Cancelled tasks are left out.
"""

from __future__ import annotations

import calendar
import enum
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.model.records import Model


class Band(enum.Enum):
    OVERDUE = ("逾期", Light.RED)
    AT_RISK = ("临期或滞后", Light.YELLOW)
    OTHER = ("其他", Light.GREY)
    DONE = (TaskStatus.DONE.label, Light.GREEN)

    @property
    def label(self) -> str:
        return self.value[0]

    @property
    def light(self) -> Light:
        return self.value[1]


def band(status: TaskStatus) -> Band | None:
    """The band a status is drawn in; None for a cancelled task."""
    return _BANDS[status]


def _band(status: TaskStatus) -> Band | None:
    if status is TaskStatus.CANCELLED:
        return None
    if status.is_done:
        return Band.DONE
    if status.light is Light.RED:
        return Band.OVERDUE
    if status.light is Light.YELLOW:
        return Band.AT_RISK
    return Band.OTHER


# Worked out once: a chart's series looks up every task at every month end (50,000 times for one
# plan of 1,000 tasks), and the status properties behind the rule are not free.
_BANDS = {status: _band(status) for status in TaskStatus}


@dataclass(frozen=True)
class History:
    """Each task's status at each date, oldest first; the last date is the as-of date."""

    dates: tuple[date, ...]
    statuses: tuple[Mapping[str, TaskStatus], ...]  # per date: task key → status

    def counts(self, keys: Iterable[str], since: date | None = None) -> list[tuple[date, Counter[Band]]]:
        wanted = list(keys)
        series = []
        for day, statuses in zip(self.dates, self.statuses, strict=True):
            if since is not None and day < since:
                continue
            bands = (band(statuses[key]) for key in wanted if key in statuses)
            series.append((day, Counter(b for b in bands if b is not None)))
        return series


def month_ends(start: date, as_of: date) -> list[date]:
    """Every month end on or after start and before as_of, then as_of itself."""
    days = []
    year, month = start.year, start.month
    while True:
        end = date(year, month, calendar.monthrange(year, month)[1])
        if end >= as_of:
            break
        days.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [*days, as_of]


def history(model: Model, current: Evaluation) -> History:
    """The model evaluated at each month end since the earliest plan start, and `current` at its as-of date."""
    if not current.plans:
        return History((current.as_of,), ({r.key: r.status for r in current.tasks},))
    start = min(plan.period_start for plan in current.plans)
    dates = month_ends(start, current.as_of) if start < current.as_of else [current.as_of]
    statuses = []
    for day in dates:
        evaluation = current if day == current.as_of else evaluate(model, day)
        statuses.append({result.key: result.status for result in evaluation.tasks})
    return History(tuple(dates), tuple(statuses))
