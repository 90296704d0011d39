"""The records of a plan: tasks and their schedules, quantities and milestones, indicators,
tables, discrepancies between sources, amendments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.model.records.kinds import Binding, ChangeField, Comparison, Direction, ScheduleKind, TargetKind, TaskKind
from checker.model.records.origin import Origin


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
    comparison: Comparison
    value: float
    stretch: float | None
    measure: str | None
    sub_quotas: tuple[SubQuota, ...]
    approximate: bool = False  # “左右”: met within the settings' approximate_tolerance_percent
    either_or: str | None = None  # alternatives of one task share a group: met when any one is met


@dataclass(frozen=True, slots=True)
class MilestoneQuantity:
    comparison: Comparison
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
    kind: TargetKind
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
    binding: Binding | None
    direction: Direction
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
    field: ChangeField
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
