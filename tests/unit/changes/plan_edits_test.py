"""checker/changes/plan_edits.py on plans built in memory: which edits a change makes to a plan, and
which need a new amendment record or may not be made at all (PC501–PC516, PC504, PC506, PC507).

One guarded field stands for the table here; tests/unit/commands/diff_guarded_test.py runs every field
of checker/changes/guarded.py through `plancheck diff`.
"""

from __future__ import annotations

from typing import Any

from checker.changes.plan_edits import joined, plan_changes, removed_plan
from checker.changes.records import PlanEdit
from checker.model.build import build_plan
from checker.model.records import Plan
from tests.memory import PLAN_FILE, ROOT, plan_data, positions, task_data

_NEW_DEADLINE = {"kind": "deadline", "text": "2023年12月15日", "deadline": "2023-12-15"}
_AMENDMENT: dict[str, Any] = {"id": "a1", "document": {"number": "示气领办〔2023〕9号", "date": "2023-03-01"},
                              "changes": [{"item": "t1", "field": "deadline", "deadline": "2023-12-15"}]}
_INDICATOR: dict[str, Any] = {"id": "pm25", "name": "PM2.5浓度", "direction": "at_most", "unit": "微克/立方米",
                              "target": {"year": 2023, "kind": "absolute", "value": 42, "text": "42"}}


def _plan(**fields: Any) -> Plan:
    return build_plan(PLAN_FILE, plan_data(**fields))


def test_an_unchanged_plan_has_no_edit_and_no_finding() -> None:
    """The baseline: the same plan on both sides."""
    assert plan_changes(_plan(), _plan(), ROOT) == ([], [])


def test_a_deadline_edited_without_an_amendment_is_pc501_at_the_deadline() -> None:
    """The edit is listed with no amendment, and refused at tasks[0].schedule.deadline."""
    edits, problems = plan_changes(_plan(), _plan(tasks=[task_data(schedule=_NEW_DEADLINE)]), ROOT)
    assert edits == [PlanEdit("demo-2023", "t1", "deadline", "2023-11-15（2023年11月15日）",
                              "2023-12-15（2023年12月15日）", PLAN_FILE, 1, None)]
    assert positions(problems) == [("PC501", PLAN_FILE, ("tasks", 0, "schedule", "deadline"))]
    assert problems[0].message.startswith("规划 demo-2023 中 t1 的截止日期由“2023-11-15（2023年11月15日）”")


def test_a_deadline_edited_with_a_new_amendment_is_listed_with_it() -> None:
    """The same edit with a new amendment naming t1 and deadline: no finding, recorded by 9号."""
    head = _plan(tasks=[task_data(schedule=_NEW_DEADLINE)], amendments=[_AMENDMENT])
    edits, problems = plan_changes(_plan(), head, ROOT)
    assert [edit.recorded_by for edit in edits] == ["示气领办〔2023〕9号（2023-03-01）"]
    assert problems == []


def test_an_amendment_already_in_the_base_does_not_record_a_new_edit() -> None:
    """An amendment must be new in the change: an old one naming the same field records nothing."""
    base = _plan(amendments=[_AMENDMENT])
    head = _plan(tasks=[task_data(schedule=_NEW_DEADLINE)], amendments=[_AMENDMENT])
    _edits, problems = plan_changes(base, head, ROOT)
    assert positions(problems) == [("PC501", PLAN_FILE, ("tasks", 0, "schedule", "deadline"))]


def test_a_plan_field_edited_without_an_amendment_is_pc508_at_the_field() -> None:
    """The period's end: PC508 at period.end, on the plan itself."""
    _edits, problems = plan_changes(_plan(), _plan(period={"start": "2023-01-01", "end": "2024-06-30"}), ROOT)
    assert positions(problems) == [("PC508", PLAN_FILE, ("period", "end"))]


def test_an_indicator_field_edited_without_an_amendment_is_pc512_at_the_field() -> None:
    """The indicator's unit: PC512 at indicators[0].unit."""
    head = _plan(indicators=[{**_INDICATOR, "unit": "毫克/立方米"}])
    _edits, problems = plan_changes(_plan(indicators=[_INDICATOR]), head, ROOT)
    assert positions(problems) == [("PC512", PLAN_FILE, ("indicators", 0, "unit"))]


def test_unguarded_edits_and_additions_are_listed_without_a_finding() -> None:
    """A task's title, a new task and a new indicator are edits, none needs an amendment."""
    head = _plan(tasks=[task_data(title="新标题"), task_data(id="t2", title="任务t2")], indicators=[_INDICATOR])
    edits, problems = plan_changes(_plan(), head, ROOT)
    assert [(edit.item, edit.field, edit.before, edit.after) for edit in edits] == [
        ("t1", "title", "任务t1", "新标题"), ("t2", "added", "", "任务t2"), ("pm25", "added", "", "PM2.5浓度")]
    assert problems == []


def test_a_removed_task_or_indicator_is_pc504_at_the_key_of_its_list() -> None:
    """Nothing is removed from a plan: PC504 at the `tasks` (or `indicators`) key of the head."""
    base = _plan(tasks=[task_data(), task_data(id="t2")], indicators=[_INDICATOR])
    problems = plan_changes(base, _plan(), ROOT)[1]
    assert [(p.code, p.path, p.key) for p in problems] == [("PC504", ("tasks",), True),
                                                           ("PC504", ("indicators",), True)]
    assert problems[0].message == (
        "任务 demo-2023/t2 被删除（原在 plans/demo-2023.yaml 第 1 行）。规划中的任务不能删除。")


def test_a_removed_or_edited_amendment_is_pc506() -> None:
    """Removed: at the `amendments` key (and the deadline it moved is back: PC501); edited: at the amendment."""
    base = _plan(amendments=[_AMENDMENT])
    removed = plan_changes(base, _plan(), ROOT)[1]
    assert [(p.code, p.path, p.key) for p in removed] == [
        ("PC506", ("amendments",), True), ("PC501", ("tasks", 0, "schedule", "deadline"), False)]
    edited = {**_AMENDMENT, "reason": "另有原因"}
    changed = plan_changes(base, _plan(amendments=[edited]), ROOT)[1]
    assert [(p.code, p.path, p.key) for p in changed] == [("PC506", ("amendments", 0), False)]


def test_a_removed_plan_is_pc507_at_the_start_of_its_file() -> None:
    """A removed plan has no line left in the head: the finding names the base file at 1:1."""
    found = removed_plan(_plan(), ROOT)
    assert (found.code, found.file, found.line, found.column) == ("PC507", PLAN_FILE, 1, 1)


def test_joined_shows_the_original_then_the_amended_value() -> None:
    """Equal parts are shown once, empty parts not at all, nothing as （无）."""
    assert joined(("2023-11-15", "2023-12-15")) == "2023-11-15 → 修订后 2023-12-15"
    assert joined(("2023-11-15", "2023-11-15")) == "2023-11-15"
    assert joined(("", "")) == "（无）"
