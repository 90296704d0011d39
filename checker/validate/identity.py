"""Every ID is declared once, and every short name means one unit within its city."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from checker.findings import Problem
from checker.model.records import Group, Indicator, Model, Organization, Origin, Plan, Table, Task


def check_identity(model: Model, duplicates: Iterable[tuple[str, Origin]]) -> Iterator[Problem]:
    """duplicates: (id, origin) of units and plans that lost the first-wins race while building."""
    for identifier, origin in duplicates:
        yield origin.at("PC201", f"ID“{identifier}”已在别处定义。", "id")
    yield from _aliases(model)
    for plan in model.plans.values():
        yield from _plan_items(plan)
        for task in plan.tasks:
            yield from _task_parts(task)


def _aliases(model: Model) -> Iterator[Problem]:
    seen: dict[tuple[str, str], str] = {}
    units: list[Organization | Group] = [*model.organizations.values(), *model.groups.values()]
    for unit in units:
        for index, name in enumerate((unit.name, *unit.aliases)):
            owner = seen.setdefault((unit.jurisdiction, name), unit.id)
            if owner != unit.id:
                subpath: tuple[str | int, ...] = ("name",) if index == 0 else ("aliases", index - 1)
                message = f"名称“{name}”同时对应“{owner}”和“{unit.id}”。"
                yield unit.origin.at("PC209", message, *subpath)


def _plan_items(plan: Plan) -> Iterator[Problem]:
    """Tasks, indicators and tables share one namespace: discrepancies and amendments name any."""
    seen: set[str] = set()
    items: tuple[Task | Indicator | Table, ...] = (*plan.tasks, *plan.indicators, *plan.tables)
    for item in items:
        if item.id in seen:
            yield item.origin.at("PC201", f"ID“{item.id}”在规划“{plan.id}”中重复。", "id")
        seen.add(item.id)
    for group in (plan.discrepancies, plan.amendments):
        names: set[str] = set()
        for entry in group:
            if entry.id in names:
                yield entry.origin.at("PC201", f"ID“{entry.id}”在规划“{plan.id}”中重复。", "id")
            names.add(entry.id)


def _task_parts(task: Task) -> Iterator[Problem]:
    milestones: set[str] = set()
    for index, milestone in enumerate(task.milestones):
        if milestone.id in milestones:
            yield task.origin.at("PC201", f"节点 ID“{milestone.id}”在任务内重复。", "milestones", index, "id")
        milestones.add(milestone.id)
    quantities: set[str] = set()
    for index, quantity in enumerate(task.quantities):
        for subpath, identifier in [
            (("quantities", index, "id"), quantity.id),
            *((("quantities", index, "sub_quotas", s, "id"), sub.id) for s, sub in enumerate(quantity.sub_quotas)),
        ]:
            if identifier in quantities:
                yield task.origin.at("PC201", f"量化目标 ID“{identifier}”在任务内重复。", *subpath)
            quantities.add(identifier)
    yield from _lone_alternatives(task)


def _lone_alternatives(task: Task) -> Iterator[Problem]:
    """PC215: an either_or group needs at least two quantities of the task, or it offers no alternative."""
    groups = [quantity.either_or for quantity in task.quantities if quantity.either_or is not None]
    for index, quantity in enumerate(task.quantities):
        if quantity.either_or is not None and groups.count(quantity.either_or) == 1:
            message = f"多选一组“{quantity.either_or}”在任务内只有这一条量化目标，没有可替代的另一条。"
            yield task.origin.at("PC215", message, "quantities", index, "either_or")
