"""Amendments applied as of a date: the effective task, with the originals kept as history.

An amendment counts from its document date. One that a later effective amendment supersedes is
not applied. Changes apply in date order, so the latest document wins field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from checker.evaluate.results import HistoryEntry
from checker.model.records import Amendment, Change, ChangeField, Indicator, Plan, Schedule, ScheduleKind, Task

Changes = list[tuple[Amendment, Change]]
_UNIT_FIELDS = (ChangeField.LEAD, ChangeField.COOPERATING, ChangeField.RESPONSIBLE)


@dataclass(frozen=True, slots=True)
class Effective:
    """The task fields amendments can change, as in force on the as-of date."""

    target: str | None
    lead: tuple[str, ...]
    cooperating: tuple[str, ...]
    responsible: tuple[str, ...]
    schedule: Schedule
    cancelled_by: Amendment | None
    history: tuple[HistoryEntry, ...]


def in_force(plan: Plan, as_of: date) -> list[Amendment]:
    """Amendments dated on or before as_of and not superseded by another such amendment."""
    known = [amendment for amendment in plan.amendments if amendment.date <= as_of]
    superseded = {other for amendment in known for other in amendment.supersedes}
    return sorted((a for a in known if a.id not in superseded), key=lambda a: (a.date, a.id))


def changes_by_item(amendments: list[Amendment]) -> dict[str, Changes]:
    grouped: dict[str, Changes] = {}
    for amendment in amendments:
        for change in amendment.changes:
            grouped.setdefault(change.item, []).append((amendment, change))
    return grouped


def _entry(amendment: Amendment, change: Change, before: str, after: str) -> HistoryEntry:
    return HistoryEntry(amendment.date, amendment.number, amendment.title, change.field, before, after)


def effective_task(task: Task, changes: Changes) -> Effective:
    current = Effective(task.target, task.lead, task.cooperating, task.responsible, task.schedule, None, ())
    for amendment, change in changes:
        current = _apply(current, amendment, change)
    return current


def _apply(current: Effective, amendment: Amendment, change: Change) -> Effective:
    history = current.history
    if change.field is ChangeField.DEADLINE and change.deadline is not None:
        schedule = current.schedule
        before = f"{schedule.deadline or '未注明'}（{schedule.text or '无原文表述'}）"
        kind = schedule.kind if schedule.kind is ScheduleKind.ALL_YEAR else ScheduleKind.DEADLINE
        return replace(
            current, schedule=replace(schedule, kind=kind, deadline=change.deadline, text=change.text),
            history=(*history, _entry(amendment, change, before, f"{change.deadline}（{change.text}）")),
        )
    if change.field is ChangeField.TARGET:
        entry = _entry(amendment, change, current.target or "", change.text or "")
        return replace(current, target=change.text, history=(*history, entry))
    if change.field in _UNIT_FIELDS:
        return _reassign(current, amendment, change)
    if change.field is ChangeField.CANCEL:
        return replace(current, cancelled_by=amendment, history=(*history, _entry(amendment, change, "有效", "撤销")))
    return current


def _reassign(current: Effective, amendment: Amendment, change: Change) -> Effective:
    before = "、".join(getattr(current, change.field))
    history = (*current.history, _entry(amendment, change, before, "、".join(change.units)))
    if change.field is ChangeField.LEAD:
        return replace(current, lead=change.units, history=history)
    if change.field is ChangeField.COOPERATING:
        return replace(current, cooperating=change.units, history=history)
    return replace(current, responsible=change.units, history=history)


def effective_indicator_target(indicator: Indicator, changes: Changes) -> float | None:
    """The amended target value, or None when no amendment changed it."""
    value = None
    for _amendment, change in changes:
        if change.field is ChangeField.INDICATOR_TARGET and change.value is not None:
            value = change.value
    return value
