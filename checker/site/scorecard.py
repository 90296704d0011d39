"""Who is behind: per-unit counts of the tasks that name a unit, and the headline figures. Pure.

A unit is counted only for tasks that name it (lead, cooperating or responsible, groups expanded),
never for tasks it answers for only through a plan-wide default (各县（市、区）人民政府): a county
would otherwise carry every task of a plan and the ranking would say nothing.

The on-time rate is 按期完成 / (按期完成 + 逾期完成 + 逾期未完成 + 逾期未报送): of the tasks whose
deadline has been met or missed, the share met in time. A task done at an unknown date is neither
(its timeliness cannot be known) and is left out of the rate; a unit with no such task has no rate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checker.evaluate.results import Evaluation, TaskResult
from checker.evaluate.vocabulary import TaskStatus
from checker.model.records import Model
from checker.report.views import named_units


def is_overdue(result: TaskResult) -> bool:
    """Past the deadline and not done, reported unfinished or not reported at all."""
    return result.status.is_overdue


def is_unreported(result: TaskResult) -> bool:
    """Overdue with no report at all: chase the report before escalating the work."""
    return result.status is TaskStatus.OVERDUE_UNREPORTED


def is_due_soon(result: TaskResult) -> bool:
    return result.status is TaskStatus.DUE_SOON


@dataclass(frozen=True)
class Headline:
    overdue: int
    unreported: int
    due_soon: int


def headline(results: Iterable[TaskResult]) -> Headline:
    tasks = list(results)
    return Headline(sum(map(is_overdue, tasks)), sum(map(is_unreported, tasks)), sum(map(is_due_soon, tasks)))


@dataclass(frozen=True)
class UnitScore:
    unit_id: str
    tasks: int
    overdue: int
    unreported: int
    due_soon: int
    done: int
    on_time: int
    judged: int  # tasks whose deadline was met or missed: the rate's denominator

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.judged if self.judged else None


def _score(unit_id: str, results: Sequence[TaskResult]) -> UnitScore:
    on_time = sum(r.status.on_time is True for r in results)
    late = sum(r.status.on_time is False for r in results)
    overdue = sum(map(is_overdue, results))
    return UnitScore(
        unit_id, len(results), overdue, sum(map(is_unreported, results)), sum(map(is_due_soon, results)),
        sum(r.status.is_done for r in results), on_time, on_time + late + overdue,
    )


def scorecard(evaluation: Evaluation, model: Model) -> list[UnitScore]:
    """Every registered organization named by a task, worst first; ties keep the registry's order.

    Worst means most overdue, then most unreported, then most due soon, then lowest on-time rate.
    """
    named: dict[str, list[TaskResult]] = {unit_id: [] for unit_id in model.organizations}
    for result in evaluation.tasks:
        if result.status is TaskStatus.CANCELLED:
            continue
        for unit_id in named_units(result, model):
            if unit_id in named:
                named[unit_id].append(result)
    scores = [_score(unit_id, results) for unit_id, results in named.items() if results]
    order = {unit_id: index for index, unit_id in enumerate(model.organizations)}

    def worst_first(score: UnitScore) -> tuple[int, int, int, float, int]:
        rate = score.on_time_rate
        return (-score.overdue, -score.unreported, -score.due_soon, 1.0 if rate is None else rate,
                order[score.unit_id])

    return sorted(scores, key=worst_first)
