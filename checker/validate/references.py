"""Every reference resolves: units to the registry, progress to tasks, milestones and indicators."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from checker.findings import Problem
from checker.model.records import Amendment, ChangeField, Model, Origin, Plan, Report, Task
from checker.validate.selections import check_selections


@dataclass(frozen=True)
class Known:
    """What references may point at, including IDs harvested from files that failed to load."""

    units: frozenset[str]
    plans: frozenset[str]
    jurisdictions: frozenset[str]
    broken_plans: frozenset[str]


def check_references(model: Model, known: Known) -> Iterator[Problem]:
    yield from _registry(model, known)
    for plan in model.plans.values():
        yield from _plan(plan, model, known)
    for report in model.reports:
        yield from _report(report, model, known)


def _unit(unit_id: str | None, known: Known, origin: Origin, *subpath: str | int) -> Iterator[Problem]:
    if unit_id is not None and unit_id not in known.units:
        yield origin.at("PC202", f"单位“{unit_id}”不在单位名录中。", *subpath)


def _units(unit_ids: tuple[str, ...], known: Known, origin: Origin, name: str) -> Iterator[Problem]:
    for index, unit_id in enumerate(unit_ids):
        yield from _unit(unit_id, known, origin, name, index)


def _registry(model: Model, known: Known) -> Iterator[Problem]:
    for organization in model.organizations.values():
        yield from _unit(organization.parent, known, organization.origin, "parent")
        yield from _unit(organization.county, known, organization.origin, "county")
        for index, plan_id in enumerate(organization.oversees):
            if plan_id not in known.plans:
                yield organization.origin.at("PC206", f"规划“{plan_id}”不存在。", "oversees", index)
    for group in model.groups.values():
        yield from _units(group.members, known, group.origin, "members")


def _plan(plan: Plan, model: Model, known: Known) -> Iterator[Problem]:
    if plan.jurisdiction not in known.jurisdictions:
        yield plan.origin.at("PC206", f"地市“{plan.jurisdiction}”没有单位名录。", "jurisdiction")
    yield from _unit(plan.issuer, known, plan.origin, "document", "issuer")
    yield from _units(plan.default_responsible, known, plan.origin.child("default_responsible"), "units")
    tasks = {task.id: task for task in plan.tasks}
    indicators = {indicator.id for indicator in plan.indicators}
    tables = {table.id for table in plan.tables}
    for task in plan.tasks:
        yield from _task(task, tasks, indicators, tables, known)
    for indicator in plan.indicators:
        yield from _units(indicator.scope, known, indicator.origin, "scope")
        if indicator.parent is not None and indicator.parent not in indicators:
            yield indicator.origin.at("PC205", f"上级指标“{indicator.parent}”不存在。", "parent")
    for table in plan.tables:
        for row in table.rows:
            yield from _unit(row.unit, known, row.origin, "unit")
    items = set(tasks) | indicators | tables
    for discrepancy in plan.discrepancies:
        for index, subject in enumerate(discrepancy.subjects):
            if subject not in items:
                yield discrepancy.origin.at("PC203", f"条目“{subject}”不在本规划中。", "subjects", index)
    yield from _amendments(plan, items, known)


def _task(
    task: Task, tasks: dict[str, Task], indicators: set[str], tables: set[str], known: Known
) -> Iterator[Problem]:
    origin = task.origin
    yield from _units(task.lead, known, origin, "lead")
    yield from _units(task.cooperating, known, origin, "cooperating")
    if not task.responsible_is_default:
        yield from _units(task.responsible, known, origin, "responsible")
    if task.project is not None:
        yield from _unit(task.project.enterprise, known, origin, "project", "enterprise")
    if task.parent is not None and task.parent not in tasks:
        yield origin.at("PC203", f"上级任务“{task.parent}”不在本规划中。", "parent")
    elif task.parent is not None and _parent_cycle(task, tasks):
        yield origin.at("PC210", f"任务“{task.id}”经由 parent 又回到自身。", "parent")
    if task.table is not None and task.table not in tables:
        yield origin.at("PC211", f"分项统计表“{task.table}”不在本规划中。", "table")
    if task.indicator is not None and task.indicator not in indicators:
        yield origin.at("PC205", f"指标“{task.indicator}”不在本规划中。", "indicator")


def _parent_cycle(task: Task, tasks: dict[str, Task]) -> bool:
    seen = {task.id}
    current = tasks.get(task.parent or "")
    while current is not None:
        if current.id in seen:
            return True
        seen.add(current.id)
        current = tasks.get(current.parent or "")
    return False


# Amendments of the plan itself, which name the plan as their item.
PLAN_ITEM_FIELDS = frozenset({ChangeField.PERIOD, ChangeField.DEFAULT_RESPONSIBLE, ChangeField.ISSUER})


def _amendments(plan: Plan, items: set[str], known: Known) -> Iterator[Problem]:
    """Each change names an item of the plan; a change of the plan's own period names the plan."""
    amendments = plan.amendments
    by_id = {amendment.id: amendment for amendment in amendments}
    for amendment in amendments:
        for change in amendment.changes:
            if change.field in PLAN_ITEM_FIELDS and change.item != plan.id:
                message = f"{change.field} 修订的是规划本身，条目应为本规划 ID“{plan.id}”，而不是“{change.item}”。"
                yield change.origin.at("PC203", message, "item")
            elif change.field not in PLAN_ITEM_FIELDS and change.item not in items:
                yield change.origin.at("PC203", f"被修订的条目“{change.item}”不在本规划中。", "item")
            yield from _units(change.units, known, change.origin, "units")
        for index, other in enumerate(amendment.supersedes):
            if other not in by_id:
                yield amendment.origin.at("PC203", f"被取代的修订“{other}”不在本规划中。", "supersedes", index)
        if _supersedes_itself(amendment, by_id):
            yield amendment.origin.at("PC208", f"修订“{amendment.id}”经由 supersedes 又取代了自身。", "supersedes")


def _supersedes_itself(start: Amendment, by_id: dict[str, Amendment]) -> bool:
    pending, seen = list(start.supersedes), set()
    while pending:
        current = pending.pop()
        if current == start.id:
            return True
        if current not in seen and current in by_id:
            seen.add(current)
            pending += by_id[current].supersedes
    return False


def _report(report: Report, model: Model, known: Known) -> Iterator[Problem]:
    yield from _unit(report.reporter, known, report.origin, "reporter")
    yield from _unit(report.source_issuer, known, report.origin, "source", "issuer")
    yield from check_selections(report, model, known.broken_plans)
    for update in report.updates:
        plan = model.plans.get(update.plan)
        if update.plan in known.broken_plans:
            continue
        if plan is None:
            yield update.origin.at("PC206", f"规划“{update.plan}”不存在。", *update.reference)
            continue
        task = model.tasks.get(update.task_key)
        if task is None:
            yield update.origin.at("PC203", f"任务“{update.task_key}”不存在。", *update.reference)
            continue
        if update.milestone is not None and update.milestone not in {m.id for m in task.milestones}:
            yield update.origin.at("PC204", f"任务“{task.key}”没有节点“{update.milestone}”。", "milestone")
        if not update.quantities:
            continue
        quantity_ids = {q.id for q in task.quantities} | {s.id for q in task.quantities for s in q.sub_quotas}
        for index, (quantity_id, _value) in enumerate(update.quantities):
            if quantity_id not in quantity_ids:
                message = f"任务“{task.key}”没有量化目标“{quantity_id}”。"
                yield update.origin.at("PC207", message, "quantities", index, "id")
    for observation in report.observations:
        if observation.plan in known.broken_plans:
            continue
        plan = model.plans.get(observation.plan)
        if plan is None:
            yield observation.origin.at("PC206", f"规划“{observation.plan}”不存在。", "indicator")
        elif observation.indicator_key not in model.indicators:
            yield observation.origin.at("PC205", f"指标“{observation.indicator_key}”不存在。", "indicator")
