"""The records of a progress report: its updates, observations and how an entry names its tasks."""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date

from checker.model.records.kinds import Assessment
from checker.model.records.origin import Origin


class Precision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ReportedStatus(enum.StrEnum):
    """What a unit may report about a task (progress.schema.json `status`); its label is in vocabulary."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the day, the month or the year, as a source states it: 2023-11-15, 2023-11, 2023.

    `first` and `last` are the first and last day it can mean; the same day at day precision.
    """

    first: date
    last: date
    precision: Precision

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """From the spellings the progress schema allows: YYYY-MM-DD, YYYY-MM or YYYY."""
        if len(text) == 4:
            year = int(text)
            return cls(date(year, 1, 1), date(year, 12, 31), Precision.YEAR)
        if len(text) == 7:
            year, month = int(text[:4]), int(text[5:])
            last = calendar.monthrange(year, month)[1]
            return cls(date(year, month, 1), date(year, month, last), Precision.MONTH)
        day = date.fromisoformat(text)
        return cls(day, day, Precision.DAY)

    @property
    def iso(self) -> str:
        """2023-11-15, 2023-11 or 2023: the spelling it was given in."""
        return {Precision.DAY: self.first.isoformat(), Precision.MONTH: self.first.isoformat()[:7],
                Precision.YEAR: str(self.first.year)}[self.precision]

    def __str__(self) -> str:
        """2023-11-15, 2023年11月 or 2023年: for Chinese text."""
        if self.precision is Precision.DAY:
            return self.first.isoformat()
        if self.precision is Precision.MONTH:
            return f"{self.first.year}年{self.first.month}月"
        return f"{self.first.year}年"


class SelectionKind(enum.StrEnum):
    """How a progress entry names its tasks: one `task`, a `tasks` list, or the `rows_of` a parent."""

    TASK = "task"
    LIST = "tasks"
    ROWS = "rows_of"


class RowField(enum.StrEnum):
    """What a `rows_of` entry may filter rows on (progress.schema.json `where`): a column of a project
    row, the row's responsible units (unit IDs) or its task kind."""

    INDUSTRY = "industry"
    COMPANY = "company"
    CONTENT = "content"
    ADJUSTMENT = "adjustment"
    CATEGORY = "category"
    PARK = "park"
    ENTERPRISE = "enterprise"
    RESPONSIBLE = "responsible"
    KIND = "kind"


Where = tuple[tuple[RowField, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Selection:
    """The tasks one progress entry names, as written and as resolved.

    `names` are the qualified references as written (one for `task` and `rows_of`, each list item
    for `tasks`); `where` is the row filter of `rows_of` as (field, accepted values) pairs;
    `expanded` the qualified task keys the entry resolved to, in plan order for `rows_of`.
    """

    kind: SelectionKind
    names: tuple[str, ...]
    where: Where
    expanded: tuple[str, ...]
    origin: Origin

    def describe(self) -> str:
        """hd-air-2023/attachment-1（industry=钢铁） or a, b: the entry's selector as written."""
        if self.kind is SelectionKind.ROWS:
            filters = "；".join(f"{field}={'/'.join(values)}" for field, values in self.where)
            return f"{self.names[0]}的行" + (f"（{filters}）" if filters else "")
        return "、".join(self.names)


@dataclass(frozen=True, slots=True)
class Update:
    reporter: str
    reported_on: date
    report_title: str
    plan: str
    task: str
    milestone: str | None
    status: ReportedStatus
    done: float | None
    total: float | None
    count_unit: str | None
    percent: float | None
    quantities: tuple[tuple[str, float], ...]
    completed_on: PartialDate | None
    forecast: date | None
    forecast_text: str | None
    note: str | None
    quote: str
    section: str | None
    origin: Origin
    selection: Selection
    # Where this update's task is named inside the entry: ("task",), ("tasks", 2) or ("rows_of",).
    reference: tuple[str | int, ...] = ("task",)
    # 0 for the first task an entry names: checks of the entry's own fields run once, not per task.
    index_in_entry: int = 0

    @property
    def task_key(self) -> str:
        return f"{self.plan}/{self.task}"


@dataclass(frozen=True, slots=True)
class Observation:
    reporter: str
    reported_on: date
    report_title: str
    plan: str
    indicator: str
    year: int
    through_month: int | None
    period_text: str | None
    value: float | None
    rank_from_bottom: int | None
    ranked_cities: int | None
    assessment: Assessment | None
    quote: str
    note: str | None
    section: str | None
    origin: Origin

    @property
    def indicator_key(self) -> str:
        return f"{self.plan}/{self.indicator}"

    @property
    def is_partial(self) -> bool:
        return self.through_month is not None


@dataclass(frozen=True, slots=True)
class Report:
    reporter: str
    reported_on: date
    title: str
    source_title: str
    source_date: date
    source_issuer: str | None
    folder_unit: str | None
    updates: tuple[Update, ...]
    observations: tuple[Observation, ...]
    origin: Origin
    selections: tuple[Selection, ...] = ()
    source_text: str | None = None  # a .txt beside the report, as written in source.text
    source_number: str | None = None  # 第9期, the bulletin's issue or document number
