"""checker/validate/references.py on records built in memory: every reference resolves; each rule
passes a known name and gives its code at the exact field that names an unknown one.

Entries naming several tasks (`tasks`, `rows_of`) are tested in selections_test.py.
"""

from __future__ import annotations

from typing import Any

from checker.model.records import Model
from checker.validate.references import check_references
from tests.memory import (
    PLAN_FILE,
    REGISTRY_FILE,
    REPORT_FILE,
    known_of,
    model_of,
    plan_data,
    positions,
    registry_data,
    report_data,
    task_data,
)

Position = tuple[str, str, tuple[str | int, ...]]
_INDICATOR: dict[str, Any] = {"id": "pm25", "name": "PM2.5浓度", "direction": "at_most",
                              "target": {"year": 2023, "kind": "absolute", "value": 42, "text": "42"}}
_TABLE: dict[str, Any] = {"id": "voc", "title": "VOCs项目", "columns": [{"id": "n", "name": "项目数"}],
                          "rows": [{"row": 1, "unit": "city-ecology", "values": [3], "total": 3}],
                          "totals": {"values": [3], "total": 3}}


def _check(model: Model) -> list[Position]:
    return positions(check_references(model, known_of(model)))


def _plan(**fields: Any) -> list[Position]:
    return _check(model_of([plan_data(**fields)]))


def _task(**fields: Any) -> list[Position]:
    return _plan(tasks=[task_data(**fields)], indicators=[_INDICATOR], tables=[_TABLE])


def _report(**fields: Any) -> list[Position]:
    plan = plan_data(indicators=[_INDICATOR], tasks=[task_data(
        milestones=[{"id": "m1", "text": "完成一半", "date": "2023-09-30"}],
        quantities=[{"id": "q1", "text": "10项", "unit": "项", "comparison": "at_least", "value": 10}])])
    return _check(model_of([plan], [report_data(**fields)]))


def _amendment(**fields: Any) -> dict[str, Any]:
    return {"id": "a1", "document": {"number": "1号", "date": "2023-03-01"},
            "changes": [{"item": "t1", "field": "deadline", "deadline": "2023-12-15"}], **fields}


def test_the_default_registry_plan_and_report_resolve() -> None:
    """The baseline of the other cases, with an indicator, a table and a row unit: no problem."""
    assert _report() == []
    assert _task() == []


def test_unknown_units_in_the_registry_are_pc202_pc206_at_the_field() -> None:
    """A parent, a group member: PC202; a plan a unit oversees that does not exist: PC206."""
    registry = registry_data()
    registry["organizations"][1].update(parent="city-gov", oversees=["demo-2023"])
    assert _check(model_of([plan_data()], registry=registry)) == []
    registry["organizations"][1].update(parent="nobody", oversees=["demo-2023", "no-plan"])
    registry["groups"][0]["members"] = ["city-ecology", "ghost"]
    assert _check(model_of([plan_data()], registry=registry)) == [
        ("PC202", REGISTRY_FILE, ("organizations", 1, "parent")),
        ("PC206", REGISTRY_FILE, ("organizations", 1, "oversees", 1)),
        ("PC202", REGISTRY_FILE, ("groups", 0, "members", 1)),
    ]


def test_a_plan_of_a_city_without_a_registry_is_pc206_at_its_jurisdiction() -> None:
    """PC206 at `jurisdiction`."""
    assert _plan(jurisdiction="nowhere") == [("PC206", PLAN_FILE, ("jurisdiction",))]


def test_unknown_units_of_a_plan_are_pc202_at_each() -> None:
    """The issuer and a plan-wide default responsible unit."""
    document = {"number": "1号", "issuer": "ghost-office", "issued": "2023-01-01"}
    default = {"text": "各部门", "units": ["city-departments", "ghost"]}
    assert _plan(document=document, default_responsible=default) == [
        ("PC202", PLAN_FILE, ("document", "issuer")),
        ("PC202", PLAN_FILE, ("default_responsible", "units", 1)),
    ]


def test_unknown_units_of_a_task_are_pc202_at_each() -> None:
    """Lead, cooperating, responsible and a project's enterprise, each at its list item or field."""
    assert _task(cooperating=["city-housing"], responsible=["city-departments"]) == []
    assert _task(lead=["city-ecology", "x"], cooperating=["y"], responsible=["z"], project={"enterprise": "w"}) == [
        ("PC202", PLAN_FILE, ("tasks", 0, "lead", 1)),
        ("PC202", PLAN_FILE, ("tasks", 0, "cooperating", 0)),
        ("PC202", PLAN_FILE, ("tasks", 0, "responsible", 0)),
        ("PC202", PLAN_FILE, ("tasks", 0, "project", "enterprise")),
    ]


def test_a_default_responsible_unit_is_checked_on_the_plan_not_on_each_task() -> None:
    """An unknown default unit is one PC202, at the plan's default_responsible, not one per task."""
    default = {"text": "各部门", "units": ["ghost"]}
    assert _plan(default_responsible=default, tasks=[task_data(), task_data(id="t2")]) == [
        ("PC202", PLAN_FILE, ("default_responsible", "units", 0))]


def test_unknown_plan_items_named_by_a_task_are_pc203_pc211_pc205() -> None:
    """A parent task (PC203), a table (PC211), an indicator (PC205), each at its field."""
    assert _task(table="voc", indicator="pm25") == []
    assert _task(parent="t9", table="t9", indicator="t9") == [
        ("PC203", PLAN_FILE, ("tasks", 0, "parent")),
        ("PC211", PLAN_FILE, ("tasks", 0, "table")),
        ("PC205", PLAN_FILE, ("tasks", 0, "indicator")),
    ]


def test_a_parent_cycle_is_pc210_at_each_task_on_it() -> None:
    """t1 → t2 → t1: PC210 at the parent of both; a chain without a cycle passes."""
    assert _plan(tasks=[task_data(), task_data(id="t2", parent="t1")]) == []
    assert _plan(tasks=[task_data(parent="t2"), task_data(id="t2", parent="t1")]) == [
        ("PC210", PLAN_FILE, ("tasks", 0, "parent")), ("PC210", PLAN_FILE, ("tasks", 1, "parent"))]


def test_indicator_and_table_references_are_checked() -> None:
    """An indicator's scope unit (PC202) and parent (PC205), a table row's unit (PC202)."""
    indicator = {**_INDICATOR, "scope": ["ghost"], "parent": "no-such"}
    table = {**_TABLE, "rows": [{**_TABLE["rows"][0], "unit": "ghost"}]}
    assert _plan(indicators=[indicator], tables=[table]) == [
        ("PC202", PLAN_FILE, ("indicators", 0, "scope", 0)),
        ("PC205", PLAN_FILE, ("indicators", 0, "parent")),
        ("PC202", PLAN_FILE, ("tables", 0, "rows", 0, "unit")),
    ]


def test_a_discrepancy_about_an_unknown_item_is_pc203_at_the_subject() -> None:
    """PC203 at subjects[1]."""
    discrepancy = {"id": "d1", "summary": "不一致。", "subjects": ["t1", "t9"],
                   "readings": [{"source": {"page": 1}, "text": "原文"}]}
    assert _plan(discrepancies=[discrepancy]) == [("PC203", PLAN_FILE, ("discrepancies", 0, "subjects", 1))]


def test_an_amendment_of_an_unknown_item_or_unit_is_pc203_pc202_at_the_change() -> None:
    """An unknown item (PC203 at item), the plan's own period named by a task (PC203), an unknown unit (PC202)."""
    period_of_plan = {"item": "demo-2023", "field": "period", "text": "延至2024年"}
    assert _plan(amendments=[_amendment(changes=[period_of_plan])]) == []
    changes = [{"item": "t9", "field": "deadline", "deadline": "2023-12-15"},
               {**period_of_plan, "item": "t1"},
               {"item": "t1", "field": "lead", "units": ["ghost"]}]
    assert _plan(amendments=[_amendment(changes=changes)]) == [
        ("PC203", PLAN_FILE, ("amendments", 0, "changes", 0, "item")),
        ("PC203", PLAN_FILE, ("amendments", 0, "changes", 1, "item")),
        ("PC202", PLAN_FILE, ("amendments", 0, "changes", 2, "units", 0)),
    ]


def test_supersedes_must_name_an_amendment_and_not_loop() -> None:
    """An unknown amendment: PC203 at supersedes[0]; a1 ↔ a2: PC208 at each one's supersedes."""
    assert _plan(amendments=[_amendment(), _amendment(id="a2", supersedes=["a1"])]) == []
    assert _plan(amendments=[_amendment(supersedes=["a9"])]) == [
        ("PC203", PLAN_FILE, ("amendments", 0, "supersedes", 0))]
    assert _plan(amendments=[_amendment(supersedes=["a2"]), _amendment(id="a2", supersedes=["a1"])]) == [
        ("PC208", PLAN_FILE, ("amendments", 0, "supersedes")), ("PC208", PLAN_FILE, ("amendments", 1, "supersedes"))]


def test_a_report_by_or_from_an_unknown_unit_is_pc202() -> None:
    """The reporter and the source's issuer, each at its field."""
    source = {"title": "工作动态", "date": "2023-06-01", "issuer": "ghost"}
    assert _report(reporter="nobody", source=source) == [
        ("PC202", REPORT_FILE, ("reporter",)), ("PC202", REPORT_FILE, ("source", "issuer"))]


def test_an_update_of_an_unknown_plan_or_task_is_pc206_pc203_at_its_task() -> None:
    """An unknown plan: PC206; a known plan's unknown task: PC203; both at `task`."""
    def update(task: str) -> dict[str, Any]:
        return {"task": task, "status": "in_progress", "quote": "推进中。"}
    assert _report(updates=[update("no-plan/t1"), update("demo-2023/t9")]) == [
        ("PC206", REPORT_FILE, ("updates", 0, "task")), ("PC203", REPORT_FILE, ("updates", 1, "task"))]


def test_an_unknown_milestone_or_quantity_is_pc204_pc207_at_the_field() -> None:
    """m1 and q1 exist; m2 is PC204 at `milestone`, q2 PC207 at quantities[1].id."""
    update = {"task": "demo-2023/t1", "status": "in_progress", "quote": "推进中。", "milestone": "m1",
              "quantities": [{"id": "q1", "value": 3}]}
    assert _report(updates=[update]) == []
    wrong = {**update, "milestone": "m2", "quantities": [{"id": "q1", "value": 3}, {"id": "q2", "value": 1}]}
    assert _report(updates=[wrong]) == [
        ("PC204", REPORT_FILE, ("updates", 0, "milestone")),
        ("PC207", REPORT_FILE, ("updates", 0, "quantities", 1, "id")),
    ]


def test_an_observation_of_an_unknown_plan_or_indicator_is_pc206_pc205_at_its_indicator() -> None:
    """Both at `indicator`."""
    def observation(indicator: str) -> dict[str, Any]:
        return {"indicator": indicator, "period": {"year": 2022}, "value": 40, "quote": "40。"}
    assert _report(observations=[observation("demo-2023/pm25")]) == []
    assert _report(observations=[observation("no-plan/pm25"), observation("demo-2023/so2")]) == [
        ("PC206", REPORT_FILE, ("observations", 0, "indicator")),
        ("PC205", REPORT_FILE, ("observations", 1, "indicator")),
    ]
