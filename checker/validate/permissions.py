"""Who may report what: a report sits in its reporter's folder and touches only that unit's work.

PC401: the declared `reporter` is not the unit whose folder (`progress/<unit-id>/`) holds the file.

PC402: an update or an observation by a unit with no role in it. A unit's role is read from the
registry and the plan, never inferred:

- a task may be updated by its `lead`, `cooperating` and `responsible` units (`responsible`
  already holds the plan's `default_responsible`), by every unit that `oversees` the plan, and
  by the lead units of the tasks above it (its `parent`, and theirs): a body task answers for
  its breakdown and project rows, which roll up into it. Only the leads: the cooperating and
  responsible units of a body task are often all counties, and one county may not report
  another county's row;
- an indicator has no units of its own. It measures the whole plan, and an observation does not
  say whose area it covers, so it may be recorded by the units answerable for the plan as a
  whole: those that oversee the plan, the plan's issuer, and the units that lead any task of the
  plan. Cooperating and responsible units (usually county governments) may not: a county's own
  figure would be read as the plan-wide value. An indicator's `scope` grants nothing either.

A group listed on a task or plan lets each of its members report, and the group itself. Nothing
else is inherited, on purpose: a bureau branch (an organization with `parent`) may not report its
parent bureau's tasks, nor those of the county it sits in (`county`), unless it is named itself;
a parent bureau gains nothing from its branches either. A registry that needs more says so with
`oversees`.

An entry that names several tasks (`tasks`, `rows_of`) is checked task by task: the reporter must
be allowed to report each task it expands to.

The rule is checked against the declared `reporter` even when it differs from the folder (PC401),
and skipped where a reference does not resolve (PC202, PC203, PC205 already say so).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from checker.findings import Problem
from checker.model.records import Indicator, Model, Observation, Plan, Report, Task, Update

_NAMES_SHOWN = 5


def check_permissions(model: Model) -> Iterator[Problem]:
    """PC401 for every report outside its reporter's folder, PC402 for every item it may not report."""
    overseers = _overseers(model)
    # Who may observe a plan's indicators depends on the plan only: computed once per plan, not per observation.
    observers = {plan.id: _indicator_reporters(plan, overseers) for plan in model.plans.values()}
    # A unit reports on the same task many times (ten times per task in the benchmarks): decide once.
    refused: dict[tuple[str, str], tuple[str, ...] | None] = {}
    for report in model.reports:
        if report.folder_unit is not None and report.reporter != report.folder_unit:
            message = f"报送单位“{report.reporter}”与所在文件夹“{report.folder_unit}”不一致。"
            yield report.origin.at("PC401", message, "reporter")
        if report.reporter in model.organizations or report.reporter in model.groups:
            yield from _updates(report, model, overseers, refused)
            yield from _observations(report, model, observers)


def _overseers(model: Model) -> dict[str, tuple[str, ...]]:
    """The units that declare oversight of each plan, in registry order."""
    found: dict[str, list[str]] = {}
    for organization in model.organizations.values():
        for plan_id in organization.oversees:
            found.setdefault(plan_id, []).append(organization.id)
    return {plan_id: tuple(units) for plan_id, units in found.items()}


def _task_reporters(task: Task, model: Model, overseers: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The units listed as allowed to update a task, groups not yet expanded."""
    own = (*task.lead, *task.cooperating, *task.responsible)
    return _unique((*own, *_ancestor_leads(task, model), *overseers.get(task.plan, ())))


def _ancestor_leads(task: Task, model: Model) -> Iterator[str]:
    """The lead units of the tasks above this one, nearest first; a `parent` cycle (PC210) ends the walk."""
    seen = {task.id}
    current = _parent(task, model)
    while current is not None and current.id not in seen:
        seen.add(current.id)
        yield from current.lead
        current = _parent(current, model)


def _parent(task: Task, model: Model) -> Task | None:
    return model.tasks.get(f"{task.plan}/{task.parent}") if task.parent is not None else None


def _indicator_reporters(plan: Plan, overseers: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The units listed as allowed to observe an indicator of a plan, groups not yet expanded."""
    return _unique((*overseers.get(plan.id, ()), plan.issuer, *(unit for task in plan.tasks for unit in task.lead)))


def _updates(report: Report, model: Model, overseers: dict[str, tuple[str, ...]],
             refused: dict[tuple[str, str], tuple[str, ...] | None]) -> Iterator[Problem]:
    """refused: (task key, reporter) → the allowed units when the reporter is not one of them, else None."""
    for update in report.updates:
        decision = (update.task_key, report.reporter)
        if decision not in refused:
            task = model.tasks.get(update.task_key)
            allowed = _task_reporters(task, model, overseers) if task is not None else ()
            refused[decision] = allowed if task is not None and not _covers(model, allowed, report.reporter) else None
        allowed_instead = refused[decision]
        if allowed_instead is not None:
            yield _refusal(model, update, f"任务“{update.task_key}”的进展", allowed_instead)


def _observations(report: Report, model: Model, observers: dict[str, tuple[str, ...]]) -> Iterator[Problem]:
    for observation in report.observations:
        allowed = observers.get(observation.plan)
        if allowed is None or observation.indicator_key not in model.indicators:
            continue
        if not _covers(model, allowed, report.reporter):
            yield _refusal(model, observation, f"指标“{observation.indicator_key}”的观测值", allowed)


def _covers(model: Model, allowed: Iterable[str], reporter: str) -> bool:
    """Whether the reporter is one of the allowed units or a member of an allowed group."""
    return any(reporter == unit or reporter in model.members(unit) for unit in allowed)


def _refusal(model: Model, item: Update | Observation, subject: str, allowed: tuple[str, ...]) -> Problem:
    # An entry naming several tasks is refused at the list item or `rows_of` that names this one.
    where: tuple[str | int, ...] = item.reference if isinstance(item, Update) else ("indicator",)
    who = f"“{model.unit_name(item.reporter)}”无权报送{subject}"
    if not allowed:
        return item.origin.at("PC402", f"{who}：规划中没有为其登记任何单位。", *where)
    return item.origin.at("PC402", f"{who}，可报送的单位是：{_names(model, allowed)}。", *where)


def _names(model: Model, units: tuple[str, ...]) -> str:
    """Unit names joined with 、, at most five of them, then “等N个单位”."""
    names = "、".join(model.unit_name(unit) for unit in units[:_NAMES_SHOWN])
    return names if len(units) <= _NAMES_SHOWN else f"{names}等{len(units)}个单位"


def _unique(units: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(units))


@dataclass(frozen=True)
class Reportable:
    """For every unit, the tasks and indicators it may report (the rule PC402 enforces), in plan order."""

    tasks: dict[str, list[Task]]
    indicators: dict[str, list[Indicator]]

    def of(self, unit: str) -> tuple[list[Task], list[Indicator]]:
        return list(self.tasks.get(unit, ())), list(self.indicators.get(unit, ()))


def reportable_index(model: Model) -> Reportable:
    """Who may report what, for every unit at once: each task's allowed units are worked out once,
    where asking unit by unit worked them out again for each (a minute's worth at city scale)."""
    overseers = _overseers(model)
    tasks: dict[str, list[Task]] = defaultdict(list)
    indicators: dict[str, list[Indicator]] = defaultdict(list)
    for plan in model.plans.values():
        for task in plan.tasks:
            for unit in _covered(model, _task_reporters(task, model, overseers)):
                tasks[unit].append(task)
        for unit in _covered(model, _indicator_reporters(plan, overseers)):
            indicators[unit].extend(plan.indicators)
    return Reportable(dict(tasks), dict(indicators))


def _covered(model: Model, allowed: Iterable[str]) -> dict[str, None]:
    """Every reporter `_covers` accepts for these allowed units: each unit and each member of a group."""
    return dict.fromkeys(unit for allowed_unit in allowed for unit in (allowed_unit, *model.members(allowed_unit)))


def reportable(model: Model, unit: str) -> tuple[list[Task], list[Indicator]]:
    """The tasks and indicators a unit may report: the same rule PC402 enforces, used to offer them."""
    return reportable_index(model).of(unit)
