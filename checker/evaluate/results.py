"""What the evaluation stage produces: one typed result per task, milestone and indicator."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.evaluate.completion import Completion
from checker.evaluate.vocabulary import IndicatorStatus, Light, TaskStatus
from checker.model.records import Assessment, ChangeField, Indicator, Observation, Plan, Task, Update


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One applied amendment: which document changed which field from what to what."""

    date: date
    number: str
    title: str | None
    field: ChangeField
    before: str
    after: str


@dataclass(frozen=True, slots=True)
class MilestoneResult:
    id: str
    text: str
    due: date
    status: TaskStatus
    explanation: str
    met: Completion | None


@dataclass(frozen=True, slots=True)
class TaskResult:
    task: Task
    status: TaskStatus
    light: Light
    explanation: str
    due: date | None
    days_overdue: int | None
    days_remaining: int | None
    title: str
    target: str | None
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    responsible: tuple[str, ...]
    schedule_text: str | None
    updates: tuple[Update, ...]
    milestones: tuple[MilestoneResult, ...]
    share: float | None
    expected_share: float | None
    completion: Completion | None
    forecast: date | None
    history: tuple[HistoryEntry, ...]
    children: tuple[str, ...]
    # Said wherever the status is shown when the status comes from children, not the task's own
    # deadline: 下属任务逾期3项. days_overdue and days_remaining stay the task's own.
    rollup_note: str | None = None

    @property
    def latest(self) -> Update | None:
        return self.updates[-1] if self.updates else None

    @property
    def key(self) -> str:
        return self.task.key


@dataclass(frozen=True, slots=True)
class IndicatorResult:
    indicator: Indicator
    status: IndicatorStatus
    light: Light
    explanation: str
    target_value: float | None
    path_value: float | None
    latest: Observation | None
    observations: tuple[Observation, ...]
    assessment: Assessment | None

    @property
    def key(self) -> str:
        return self.indicator.key


@dataclass(frozen=True)
class Evaluation:
    """The status of everything as of one date."""

    as_of: date
    plans: tuple[Plan, ...]
    tasks: tuple[TaskResult, ...]
    indicators: tuple[IndicatorResult, ...]

    def summary(self) -> dict[TaskStatus, int]:
        counts = dict.fromkeys(TaskStatus, 0)
        for result in self.tasks:
            counts[result.status] += 1
        return counts
