"""Views over an evaluation shared by every report and the site: who is responsible, what is at risk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from checker.evaluate.labels import Role, units_heading
from checker.evaluate.results import Evaluation, TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus, icon_of, light_of
from checker.model.records import LightStyle, Model

AT_RISK = (TaskStatus.OVERDUE, TaskStatus.OVERDUE_UNREPORTED, TaskStatus.DUE_SOON, TaskStatus.BEHIND_PACE)
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

    def icon(self, status: TaskStatus, light: Light) -> str:
        return icon_of(status, light, self.model.settings)

    def light(self, status: TaskStatus) -> Light:
        """A status's light as configured (for counts, where no single result's light applies)."""
        return light_of(status, self.model.settings)

    def status_badge(self, status: TaskStatus) -> str:
        """⊘ 逾期未报送: a status by itself, as in a count or a milestone."""
        return f"{self.icon(status, self.light(status))} {status.label}"

    def label(self, result: TaskResult) -> str:
        """逾期未完成, or 逾期未完成（下属任务逾期3项） when the status comes from the children."""
        return f"{result.status.label}（{result.rollup_note}）" if result.rollup_note else result.status.label

    def badge(self, result: TaskResult) -> str:
        """✖ 逾期未完成 / ⊘ 逾期未报送: the status's symbol and label, so colour is never alone."""
        return f"{self.icon(result.status, result.light)} {self.label(result)}"


def accountable(result: TaskResult) -> tuple[str, ...]:
    """Lead units, or the responsible units for rows that name no lead (project lists)."""
    return result.lead or result.responsible


def accountable_role(result: TaskResult) -> str:
    return units_heading(Role.LEAD if result.lead else Role.RESPONSIBLE)


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
    return sorted(groups.items(), key=lambda item: (-sum(r.status.is_overdue for r in item[1]), item[0]))


def responsible_by_default(result: TaskResult) -> bool:
    """Whether the responsible units come only from the plan-wide default (各县（市、区）人民政府), not the task."""
    return result.task.responsible_is_default and result.responsible == result.task.responsible


def _expanded(unit_ids: Iterable[str], model: Model) -> set[str]:
    units: set[str] = set()
    for referenced in unit_ids:
        units.add(referenced)
        units.update(model.members(referenced))
    return units


def named_units(result: TaskResult, model: Model) -> set[str]:
    """Units the task itself names (lead, cooperating, responsible, a project's enterprise aside), groups expanded."""
    responsible = () if responsible_by_default(result) else result.responsible
    return _expanded((*result.lead, *result.cooperating, *responsible), model)


def default_units(result: TaskResult, model: Model) -> set[str]:
    """Units answerable for a task only through the plan-wide default, and not named by it."""
    if not responsible_by_default(result):
        return set()
    return _expanded(result.responsible, model) - named_units(result, model)


def involves(result: TaskResult, unit_id: str, model: Model, *, with_default: bool = False) -> bool:
    """Whether the task names a unit (directly or through a group); with_default, also through the plan's default."""
    return unit_id in named_units(result, model) or (with_default and unit_id in default_units(result, model))
