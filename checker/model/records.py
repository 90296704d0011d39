"""Typed records of the domain: what a plan, a task, a progress report is.

Records are frozen. Each keeps its `Origin` (document and JSON path) so a later stage can point a
finding at the exact line without knowing anything about YAML.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from checker.findings import Finding

if TYPE_CHECKING:
    from checker.load.documents import Document


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: its document and its JSON path there."""

    document: Document = field(compare=False, repr=False)
    path: tuple[str | int, ...]
    line: int

    @property
    def file(self) -> str:
        return self.document.display

    def at(self, code: str, message: str, *subpath: str | int, key: bool = False) -> Finding:
        return self.document.at(code, message, [*self.path, *subpath], key=key)

    def child(self, *subpath: str | int) -> Origin:
        return Origin(self.document, (*self.path, *subpath), self.line)


class ScheduleKind(enum.StrEnum):
    DEADLINE = "deadline"
    ONGOING = "ongoing"
    ALL_YEAR = "all_year"
    PLAN_PERIOD = "plan_period"


@dataclass(frozen=True, slots=True)
class Schedule:
    kind: ScheduleKind
    text: str | None
    deadline: date | None
    start: date | None
    reporting_interval_days: int | None


@dataclass(frozen=True, slots=True)
class SubQuota:
    id: str
    text: str
    value: float
    stretch: float | None
    measure: str | None


@dataclass(frozen=True, slots=True)
class Quantity:
    id: str
    text: str
    unit: str
    comparison: str
    value: float
    stretch: float | None
    measure: str | None
    sub_quotas: tuple[SubQuota, ...]
    approximate: bool = False  # “左右”: met within the settings' approximate_tolerance_percent
    either_or: str | None = None  # alternatives of one task share a group: met when any one is met


@dataclass(frozen=True, slots=True)
class MilestoneQuantity:
    comparison: str
    value: float
    unit: str
    measure: str | None


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    text: str
    date: date
    share: float | None
    quantity: MilestoneQuantity | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Project:
    name: str | None
    company: str | None
    industry: str | None
    content: str | None
    adjustment: str | None
    category: str | None
    park: str | None
    enterprise: str | None


@dataclass(frozen=True, slots=True)
class SourceRef:
    section: str | None = None
    attachment: int | None = None
    table: str | None = None
    row: int | None = None
    quote: str | None = None
    note: str | None = None

    def describe(self) -> str:
        """附件1 第3行 / 三（二）5 / 专栏2"""
        parts = []
        if self.attachment is not None:
            parts.append(f"附件{self.attachment}")
        if self.section:
            parts.append(self.section)
        if self.table:
            parts.append(self.table)
        if self.row is not None:
            parts.append(f"第{self.row}行")
        return " ".join(parts) or "（未注明）"


class TaskKind(enum.StrEnum):
    TASK = "task"
    BREAKDOWN = "breakdown"
    PROJECT = "project"


@dataclass(frozen=True, slots=True)
class Task:
    plan: str
    id: str
    kind: TaskKind
    number: str | None
    title: str
    target: str | None
    parent: str | None
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    responsible: tuple[str, ...]
    responsible_is_default: bool
    units_text: str | None
    schedule: Schedule
    quantities: tuple[Quantity, ...]
    milestones: tuple[Milestone, ...]
    project: Project | None
    table: str | None
    indicator: str | None
    source: SourceRef
    origin: Origin

    @property
    def key(self) -> str:
        """The qualified ID used outside the plan: plan/task."""
        return f"{self.plan}/{self.id}"


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    year: int
    value: float | None
    text: str


@dataclass(frozen=True, slots=True)
class IndicatorTarget:
    year: int
    kind: str
    text: str
    value: float | None
    change: float | None
    outside_bottom: int | None
    ranked_cities: int | None


@dataclass(frozen=True, slots=True)
class Indicator:
    plan: str
    id: str
    number: str | None
    name: str
    category: str | None
    unit: str | None
    binding: str | None
    direction: str
    parent: str | None
    baseline: IndicatorValue | None
    target: IndicatorTarget
    scope: tuple[str, ...]
    source: SourceRef
    origin: Origin

    @property
    def key(self) -> str:
        return f"{self.plan}/{self.id}"


@dataclass(frozen=True, slots=True)
class TableRow:
    row: int
    unit: str | None
    label: str | None
    values: tuple[float, ...]
    total: float
    origin: Origin


@dataclass(frozen=True, slots=True)
class Table:
    plan: str
    id: str
    title: str
    unit: str | None
    columns: tuple[tuple[str, str], ...]
    rows: tuple[TableRow, ...]
    totals: tuple[float, ...]
    total: float
    source: SourceRef
    origin: Origin


@dataclass(frozen=True, slots=True)
class Reading:
    source: SourceRef
    text: str


@dataclass(frozen=True, slots=True)
class Discrepancy:
    plan: str
    id: str
    summary: str
    subjects: tuple[str, ...]
    readings: tuple[Reading, ...]
    tracked_as: str | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Change:
    item: str
    field: str
    deadline: date | None
    text: str | None
    units: tuple[str, ...]
    value: float | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Amendment:
    plan: str
    id: str
    number: str
    date: date
    title: str | None
    supersedes: tuple[str, ...]
    reason: str | None
    changes: tuple[Change, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    title: str
    short_title: str | None
    kind: str | None
    jurisdiction: str
    number: str | None
    issuer: str
    issued: date
    notice_title: str | None
    url: str | None
    period_start: date
    period_end: date
    period_text: str | None
    default_responsible: tuple[str, ...]
    default_responsible_text: str | None
    sections: tuple[tuple[str, str], ...]
    attachments: tuple[tuple[int, str], ...]
    indicators: tuple[Indicator, ...]
    tasks: tuple[Task, ...]
    tables: tuple[Table, ...]
    discrepancies: tuple[Discrepancy, ...]
    amendments: tuple[Amendment, ...]
    origin: Origin


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    parent: str | None
    county: str | None
    oversees: tuple[str, ...]
    team: str | None
    note: str | None
    jurisdiction: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    note: str | None
    jurisdiction: str
    origin: Origin


class Precision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


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


@dataclass(frozen=True, slots=True)
class Selection:
    """The tasks one progress entry names, as written and as resolved.

    `names` are the qualified references as written (one for `task` and `rows_of`, each list item
    for `tasks`); `where` is the row filter of `rows_of` as (field, accepted values) pairs;
    `expanded` the qualified task keys the entry resolved to, in plan order for `rows_of`.
    """

    kind: SelectionKind
    names: tuple[str, ...]
    where: tuple[tuple[str, tuple[str, ...]], ...]
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
    status: str
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
    assessment: str | None
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


@dataclass(frozen=True, slots=True)
class LightStyle:
    label: str
    color: str
    icon: str


@dataclass(frozen=True, slots=True)
class StatusStyle:
    """A status's own light and icon, where policy/settings.yaml overrides the vocabulary's."""

    light: str | None
    icon: str | None


@dataclass(frozen=True, slots=True)
class Settings:
    due_soon_days: int
    reporting_interval_days: int
    lights: dict[str, LightStyle]
    statuses: dict[str, StatusStyle] = field(default_factory=dict)
    approximate_tolerance_percent: float = 5.0
    registry_team: str | None = None  # who owns organizations/ in CODEOWNERS
    origin: Origin | None = None  # None: no settings.yaml, the defaults apply
    repository_url: str | None = None  # where the site's form offers to open a prefilled new file
    repository_branch: str = "main"


@dataclass(frozen=True)
class Model:
    """Everything the validator accepted, indexed for the evaluation stage."""

    organizations: dict[str, Organization]
    groups: dict[str, Group]
    plans: dict[str, Plan]
    reports: tuple[Report, ...]
    settings: Settings
    jurisdictions: dict[str, str] = field(default_factory=dict)

    def unit_name(self, unit_id: str) -> str:
        if unit_id in self.organizations:
            return self.organizations[unit_id].name
        if unit_id in self.groups:
            return self.groups[unit_id].name
        return unit_id

    def members(self, unit_id: str) -> tuple[str, ...]:
        """A group's members, or the unit itself."""
        group = self.groups.get(unit_id)
        return group.members if group is not None else (unit_id,)

    @cached_property
    def tasks(self) -> dict[str, Task]:
        """Every task by its qualified ID (plan/task)."""
        return {task.key: task for plan in self.plans.values() for task in plan.tasks}

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        """Every indicator by its qualified ID (plan/indicator)."""
        return {i.key: i for plan in self.plans.values() for i in plan.indicators}
