"""The records a comparison yields, and how two records are compared without their positions."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import ChangeKind, Entry, IndicatorStatus, TaskStatus
from checker.findings import Finding, Problem
from checker.load.locate import Positions, place
from checker.model.records import Model, Origin, RightField


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A task, milestone or indicator whose status as of the date differs after the change."""

    kind: ChangeKind
    key: str
    title: str
    before: TaskStatus | IndicatorStatus | None  # None: the item is new
    after: TaskStatus | IndicatorStatus
    explanation: str

    @property
    def completes(self) -> bool:
        """The change marks a task done or a milestone met."""
        before_done = isinstance(self.before, TaskStatus) and self.before.is_done
        return isinstance(self.after, TaskStatus) and self.after.is_done and not before_done


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One progress update or indicator observation added, edited or removed."""

    change: Entry
    file: str
    line: int
    subject: str
    status: str
    quote: str
    expanded: tuple[str, ...] = ()  # the tasks an entry naming several (`tasks`, `rows_of`) resolved to


@dataclass(frozen=True, slots=True)
class PlanEdit:
    """One edited field of a plan item, with the amendment that records it, if any."""

    plan: str
    item: str
    field: str
    before: str
    after: str
    file: str
    line: int
    recorded_by: str | None


@dataclass(frozen=True, slots=True)
class RightChange:
    """One registry field that decides who may report what, before and after the change."""

    unit: str
    field: RightField
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class ChangeSet:
    as_of: date
    statuses: tuple[StatusChange, ...]
    entries: tuple[EntryChange, ...]
    edits: tuple[PlanEdit, ...]
    findings: tuple[Finding, ...]
    rights: tuple[RightChange, ...] = ()
    first_reports: tuple[str, ...] = ()  # tasks with progress after the change and none before it

    @property
    def tasks_completed(self) -> int:
        return sum(1 for c in self.statuses if c.kind is ChangeKind.TASK and c.completes)

    @property
    def milestones_met(self) -> int:
        return sum(1 for c in self.statuses if c.kind is ChangeKind.MILESTONE and c.completes)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a model, its policy root, its evaluation (None if invalid), and
    where its files' fields are (`Validation.positions`)."""

    model: Model
    root: Path
    evaluation: Evaluation | None
    positions: Positions

    def placed(self, problems: Iterable[Problem]) -> list[Finding]:
        """Problems in this side's files as findings at their lines and columns."""
        return place(problems, self.positions)


def relative(origin: Origin, root: Path) -> str:
    """The file's path below the policy root's parent (policy/…), the same on both sides."""
    path = Path(origin.file).absolute()  # as findings show it: relative to the working folder when below it
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return origin.file


def content(value: Any) -> Any:
    """A record's content without positions, so moving a block or adding a line is not an edit."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(
            content(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "origin"
        )
    if isinstance(value, tuple | list):
        return tuple(content(item) for item in value)
    return value
