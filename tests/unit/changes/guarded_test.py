"""checker/changes/guarded.py: how each guarded field is compared, shown and placed, on tasks built in memory."""

from __future__ import annotations

import dataclasses
from typing import Any

from checker.changes.guarded import GUARDED_FIELDS, INDICATOR_FIELDS, PLAN_FIELDS, TASK_FIELDS
from checker.model.build import build_plan
from checker.model.records import ChangeField, Origin, Task
from tests.memory import PLAN_FILE, plan_data, task_data

_GUARDS = {guard.field: guard for guard in TASK_FIELDS}
_MILESTONES = [{"id": "m1", "text": "完成一半", "date": "2023-09-30"},
               {"id": "m2", "text": "全部完成", "date": "2023-11-15"}]


def _task(**fields: Any) -> Task:
    return build_plan(PLAN_FILE, plan_data(tasks=[task_data(**fields)])).tasks[0]


def test_each_field_is_guarded_once_with_a_code_of_the_pc5_range() -> None:
    """The table names each amendment field once; plan, task and indicator fields all give a PC5xx code."""
    assert len(GUARDED_FIELDS) == len(set(GUARDED_FIELDS))
    codes = {guard.code for table in (PLAN_FIELDS, TASK_FIELDS, INDICATOR_FIELDS) for guard in table}
    assert all(code.startswith("PC5") for code in codes)


def test_values_compare_content_not_position() -> None:
    """The same milestone written elsewhere in the file (another line and path) is not an edit."""
    before = _task(milestones=_MILESTONES)
    first = dataclasses.replace(before.milestones[0], origin=Origin(PLAN_FILE, ("elsewhere",), 99))
    moved = dataclasses.replace(before, milestones=(first, before.milestones[1]))
    guard = _GUARDS[ChangeField.MILESTONES]
    assert guard.value(before, []) == guard.value(moved, [])
    edited = _task(milestones=[{**_MILESTONES[0], "date": "2023-10-31"}, _MILESTONES[1]])
    assert guard.value(before, []) != guard.value(edited, [])


def test_a_list_edit_is_placed_at_the_first_entry_that_differs() -> None:
    """An edited second milestone: milestones[1]; an appended one: its index; one removed: the list."""
    where = _GUARDS[ChangeField.MILESTONES].where
    one, two = _task(milestones=_MILESTONES[:1]), _task(milestones=_MILESTONES)
    edited = _task(milestones=[_MILESTONES[0], {**_MILESTONES[1], "text": "基本完成"}])
    assert where(two, edited) == ("milestones", 1)
    assert where(one, two) == ("milestones", 1)
    assert where(two, one) == ("milestones",)


def test_a_schedule_edit_is_placed_at_the_first_sub_field_that_differs() -> None:
    """A new start date: schedule.start; a new reporting interval: schedule.reporting_interval_days."""
    where = _GUARDS[ChangeField.SCHEDULE].where
    base = _task()
    started = _task(schedule={**task_data()["schedule"], "start": "2023-03-01"})
    every_month = _task(schedule={**task_data()["schedule"], "reporting_interval_days": 30})
    assert where(base, started) == ("schedule", "start")
    assert where(base, every_month) == ("schedule", "reporting_interval_days")


def test_quantities_are_shown_in_one_line_of_chinese() -> None:
    """Comparison, value, unit, stretch, approximate, either-or group and sub-quotas, in that order."""
    quantity = {"id": "q1", "text": "约10项", "unit": "项", "comparison": "at_least", "value": 10, "stretch": 12,
                "approximate": True, "either_or": "g", "sub_quotas": [{"id": "east", "text": "东区5项", "value": 5}]}
    shown = _GUARDS[ChangeField.QUANTITIES].shown(_task(quantities=[quantity]), [])
    assert shown == ("q1 不少于10项，力争12（约数）（多选一：g），其中east5项",)


def test_a_deadline_is_shown_with_its_wording() -> None:
    """The date, then the plan's own words in brackets; the same twice when no amendment moved it."""
    wording = "2023-11-15（2023年11月15日）"
    assert _GUARDS[ChangeField.DEADLINE].shown(_task(), []) == (wording, wording)
