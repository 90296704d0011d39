"""Views over an evaluation shared by every report and the site: who is responsible, what is at risk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from checker.evaluate.results import Evaluation, TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.model.records import LightStyle, Model

AT_RISK = (TaskStatus.OVERDUE, TaskStatus.DUE_SOON, TaskStatus.BEHIND_PACE)
NO_LEAD = "未指定牵头单位"


@dataclass(frozen=True)
class ReportContext:
    """What reports need besides the evaluation: names of units and the palette."""

    model: Model
    color: bool = False

    def names(self, unit_ids: Iterable[str]) -> list[str]:
        return [self.model.unit_name(unit_id) for unit_id in unit_ids]

    def style(self, light: Light) -> LightStyle:
        return self.model.settings.lights[light.value]

    def badge(self, result: TaskResult) -> str:
        """✖ 逾期未完成: the light's symbol and the status label, so colour is never alone."""
        return f"{self.style(result.light).icon} {result.status.label}"


def accountable(result: TaskResult) -> tuple[str, ...]:
    """Lead units, or the responsible units for rows that name no lead (project lists)."""
    return result.lead or result.responsible


def accountable_role(result: TaskResult) -> str:
    return "牵头单位" if result.lead else "责任单位"


def risk_order(result: TaskResult) -> tuple[int, int, int, str]:
    """Most urgent first: by status, then most days overdue, then fewest days left."""
    return (result.status.risk, -(result.days_overdue or 0), result.days_remaining or 0, result.key)


def at_risk(evaluation: Evaluation) -> list[TaskResult]:
    return sorted((r for r in evaluation.tasks if r.status in AT_RISK), key=risk_order)


def by_accountable_unit(results: list[TaskResult], context: ReportContext) -> list[tuple[str, list[TaskResult]]]:
    """(unit name, its results) groups, sorted by unit name; a task with two leads appears twice."""
    groups: dict[str, list[TaskResult]] = {}
    for result in results:
        for name in context.names(accountable(result)) or [NO_LEAD]:
            groups.setdefault(name, []).append(result)
    return sorted(groups.items(), key=lambda item: (-sum(r.status is TaskStatus.OVERDUE for r in item[1]), item[0]))


def named_units(result: TaskResult, model: Model) -> set[str]:
    """Every unit lead, cooperating or responsible for a task: the IDs it names, and the members of named groups."""
    units: set[str] = set()
    for referenced in (*result.lead, *result.cooperating, *result.responsible):
        units.add(referenced)
        units.update(model.members(referenced))
    return units


def involves(result: TaskResult, unit_id: str, model: Model) -> bool:
    """Whether a unit is lead, cooperating or responsible for a task, directly or through a group."""
    return unit_id in named_units(result, model)
