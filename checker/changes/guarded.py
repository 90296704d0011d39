"""The guarded fields: every plan field the evaluator reads to decide a deadline, a milestone or a target.

An edit to a guarded field changes what `plancheck check` computes, so `plancheck diff` accepts it
only with an amendment record that is new in the change and names the item (the plan's ID for a
plan field) and the field. The table is derived from the evaluator; each entry names the code that
reads the field. docs/dev/data-model.md lists the same table for people.

Two kinds of entry:

- amended fields (deadline, target, lead, indicator_target): the amendment carries the new value
  and the evaluator applies it from its date on, so the original stays as history. Their value is
  the pair (as written, in force after every amendment), so editing an old amendment or the
  original text are both edits.
- recorded fields (all others): the evaluator reads the field as written, so the edit is made in
  place and the amendment records it: which document, when, why. Evaluating as of a date before
  the amendment uses the edited value (the amendment does not replay it).

Values are compared without positions; `shown` gives the same values as one-line Chinese text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from checker.changes.records import content
from checker.evaluate.amendments import Changes, effective_indicator_target, effective_task
from checker.evaluate.labels import label
from checker.evaluate.progress import number
from checker.model.records import ChangeField, Indicator, Plan, Schedule, TargetKind, Task

Item = TypeVar("Item", Plan, Task, Indicator)
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Guarded(Generic[Item]):
    """One guarded field: the amendment `field` that records it, its code, and how to read it."""

    field: ChangeField
    code: str
    reads: str  # the evaluator code that reads the field, as listed in docs/dev/data-model.md
    value: Callable[[Item, Changes], tuple[object, ...]]
    shown: Callable[[Item, Changes], tuple[str, ...]]
    where: Callable[[Item, Item], Path]
    also_recorded_by: tuple[ChangeField, ...] = ()

    @property
    def label(self) -> str:
        return label(self.field)

    @property
    def recorded_by(self) -> tuple[ChangeField, ...]:
        """The amendment fields that may record an edit of this field."""
        return (self.field, *self.also_recorded_by)


def _at(*path: str | int) -> Callable[[object, object], Path]:
    return lambda _before, _after: path


def _first_difference(name: str, keys: tuple[str, ...]) -> Callable[[Task | Plan, Task | Plan], Path]:
    """The first of the record's sub-fields that differs, below the YAML key `name`."""
    def where(before: Task | Plan, after: Task | Plan) -> Path:
        old, new = getattr(before, name), getattr(after, name)
        changed = next((key for key in keys if getattr(old, key) != getattr(new, key)), keys[0])
        return (name, changed)
    return where


def _first_entry(name: str) -> Callable[[Task, Task], Path]:
    """The first list entry that differs, or the list itself when only its length changed."""
    def where(before: Task, after: Task) -> Path:
        old, new = getattr(before, name), getattr(after, name)
        index = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if content(a) != content(b)), None)
        if index is None and len(new) > len(old):
            index = len(old)
        return (name,) if index is None else (name, index)
    return where


def _due(schedule: Schedule) -> tuple[object, ...]:
    return (schedule.deadline, schedule.text)


def _deadline(schedule: Schedule) -> str:
    if schedule.text:
        return f"{schedule.deadline or '未注明'}（{schedule.text}）"
    return str(schedule.deadline or "")


def _schedule(task: Task, _changes: Changes) -> tuple[str, ...]:
    schedule = task.schedule
    parts = [label(schedule.kind)]
    if schedule.start is not None:
        parts.append(f"起始{schedule.start}")
    if schedule.reporting_interval_days is not None:
        parts.append(f"报送周期{schedule.reporting_interval_days}天")
    return ("，".join(parts),)


def _milestones(task: Task, _changes: Changes) -> tuple[str, ...]:
    return ("；".join(f"{m.id} {m.date} {m.text}" + (f"（{number(m.share * 100)}%）" if m.share else "")
                     + (f"（{label(m.quantity.comparison)}{number(m.quantity.value)}{m.quantity.unit}）"
                        if m.quantity else "")
                     for m in task.milestones),)


def _quantities(task: Task, _changes: Changes) -> tuple[str, ...]:
    shown = []
    for quantity in task.quantities:
        text = f"{quantity.id} {label(quantity.comparison)}{number(quantity.value)}{quantity.unit}"
        if quantity.stretch is not None:
            text += f"，力争{number(quantity.stretch)}"
        if quantity.approximate:
            text += "（约数）"
        if quantity.either_or:
            text += f"（多选一：{quantity.either_or}）"
        text += "".join(f"，其中{sub.id}{number(sub.value)}{quantity.unit}"
                        + (f"（力争{number(sub.stretch)}）" if sub.stretch is not None else "")
                        for sub in quantity.sub_quotas)
        shown.append(text)
    return ("；".join(shown),)


def _baseline(indicator: Indicator, _changes: Changes) -> tuple[str, ...]:
    baseline = indicator.baseline
    if baseline is None:
        return ("",)
    value = number(baseline.value) if baseline.value is not None else "无数值"
    return (f"{baseline.year}年{value}" + (f"（原文“{baseline.text}”）" if baseline.text != value else ""),)


def _target(indicator: Indicator, changes: Changes) -> tuple[str, ...]:
    target = indicator.target
    amount = target.value if target.kind is TargetKind.ABSOLUTE else target.change
    detail = "" if amount is None else number(amount) + ("%" if target.kind is TargetKind.RELATIVE else "")
    if target.kind is TargetKind.RANK:
        detail = f"{target.ranked_cities}城市中退出后{target.outside_bottom}名"
    shown = f"{target.text}（{target.year}年，{label(target.kind)}{detail}）"
    return (shown, _amended_value(indicator, changes))


PLAN_FIELDS: tuple[Guarded[Plan], ...] = (
    Guarded(ChangeField.PERIOD, "PC508", "evaluate.tasks.evaluate_task（plan_period 任务的截止日期、序时进度起点）",
            lambda plan, _: ((plan.period_start, plan.period_end),),
            lambda plan, _: (f"{plan.period_start}至{plan.period_end}",),
            lambda before, after: ("period", "end" if before.period_end != after.period_end else "start")),
    Guarded(ChangeField.DEFAULT_RESPONSIBLE, "PC516", "validate.permissions（未单独列出责任单位的任务）",
            lambda plan, _: (plan.default_responsible,), lambda plan, _: ("、".join(plan.default_responsible),),
            _at("default_responsible", "units")),
    Guarded(ChangeField.ISSUER, "PC516", "validate.permissions（指标的报送单位）",
            lambda plan, _: (plan.issuer,), lambda plan, _: (plan.issuer,), _at("document", "issuer")),
)

TASK_FIELDS: tuple[Guarded[Task], ...] = (
    Guarded(ChangeField.DEADLINE, "PC501", "evaluate.tasks.evaluate_task（due）",
            lambda task, changes: (_due(task.schedule), _due(effective_task(task, changes).schedule)),
            lambda task, changes: (_deadline(task.schedule), _deadline(effective_task(task, changes).schedule)),
            _at("schedule", "deadline"), also_recorded_by=(ChangeField.SCHEDULE,)),
    Guarded(ChangeField.SCHEDULE, "PC509", "evaluate.tasks._ongoing、progress.elapsed_share",
            lambda task, _: ((task.schedule.kind, task.schedule.start, task.schedule.reporting_interval_days),),
            _schedule, _first_difference("schedule", ("kind", "start", "reporting_interval_days")),
            also_recorded_by=(ChangeField.DEADLINE,)),
    Guarded(ChangeField.MILESTONES, "PC510", "evaluate.tasks._milestone",
            lambda task, _: (content(task.milestones),), _milestones, _first_entry("milestones")),
    Guarded(ChangeField.QUANTITIES, "PC511", "evaluate.progress.reported_share、evaluate.quantities",
            lambda task, _: (content(task.quantities),), _quantities, _first_entry("quantities")),
    Guarded(ChangeField.TARGET, "PC502", "evaluate.tasks.evaluate_task（target）",
            lambda task, changes: (task.target, effective_task(task, changes).target),
            lambda task, changes: (task.target or "", effective_task(task, changes).target or ""),
            _at("target")),
    Guarded(ChangeField.COOPERATING, "PC515", "validate.permissions（可报送的单位）",
            lambda task, changes: (task.cooperating, _amended_units(task, changes, ChangeField.COOPERATING)),
            lambda task, changes: ("、".join(task.cooperating),
                                   "、".join(_amended_units(task, changes, ChangeField.COOPERATING) or ())),
            _at("cooperating")),
    Guarded(ChangeField.RESPONSIBLE, "PC515", "validate.permissions（可报送的单位）",
            lambda task, changes: (_explicit(task), _amended_units(task, changes, ChangeField.RESPONSIBLE)),
            lambda task, changes: ("、".join(_explicit(task)) or "按全文统一责任主体",
                                   "、".join(_amended_units(task, changes, ChangeField.RESPONSIBLE) or ())),
            _at("responsible")),
    Guarded(ChangeField.PARENT, "PC515", "evaluate.rollup.roll_up、validate.permissions（上级任务的牵头单位）",
            lambda task, _: (task.parent,), lambda task, _: (task.parent or "",), _at("parent")),
    Guarded(ChangeField.LEAD, "PC503", "evaluate.tasks.evaluate_task（lead）、validate.permissions",
            lambda task, changes: (task.lead, effective_task(task, changes).lead),
            lambda task, changes: ("、".join(task.lead), "、".join(effective_task(task, changes).lead)),
            _at("lead")),
)

INDICATOR_FIELDS: tuple[Guarded[Indicator], ...] = (
    Guarded(ChangeField.INDICATOR_TARGET, "PC505", "evaluate.indicators.resolve_target、_judge",
            lambda indicator, changes: (content(indicator.target), effective_indicator_target(indicator, changes)),
            _target,
            _at("target")),
    Guarded(ChangeField.INDICATOR_BASELINE, "PC512", "evaluate.indicators.resolve_target、_numeric、_improve",
            lambda indicator, _: (content(indicator.baseline),), _baseline, _at("baseline")),
    Guarded(ChangeField.INDICATOR_DIRECTION, "PC512", "evaluate.indicators._better_or_equal、_improve",
            lambda indicator, _: (indicator.direction,),
            lambda indicator, _: (label(indicator.direction),), _at("direction")),
    Guarded(ChangeField.INDICATOR_UNIT, "PC512", "evaluate.indicators._numeric",
            lambda indicator, _: (indicator.unit,), lambda indicator, _: (indicator.unit or "",), _at("unit")),
)


def _explicit(task: Task) -> tuple[str, ...]:
    """The responsible units the task names itself; the plan-wide default is guarded on the plan."""
    return () if task.responsible_is_default else task.responsible


def _amended_units(task: Task, changes: Changes, field: ChangeField) -> tuple[str, ...] | None:
    """The units in force after the amendments that change this field, or None when none does."""
    if not any(change.field is field for _amendment, change in changes):
        return None
    effective = effective_task(task, changes)
    return effective.cooperating if field is ChangeField.COOPERATING else effective.responsible


def _amended_value(indicator: Indicator, changes: Changes) -> str:
    value = effective_indicator_target(indicator, changes)
    return "" if value is None else number(value)


GUARDED_FIELDS: tuple[ChangeField, ...] = tuple(
    guard.field for table in (PLAN_FIELDS, TASK_FIELDS, INDICATOR_FIELDS) for guard in table
)
