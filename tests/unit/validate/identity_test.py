"""checker/validate/identity.py on records built in memory: every ID is declared once and every
name means one unit; each rule passes distinct IDs and gives its code at the repeated one."""

from __future__ import annotations

import dataclasses
from typing import Any

from checker.model.build import build_registry
from checker.model.records import Origin
from checker.validate.identity import check_identity
from tests.memory import PLAN_FILE, REGISTRY_FILE, model_of, plan_data, positions, registry_data, task_data

Position = tuple[str, str, tuple[str | int, ...]]


def _plan(**fields: Any) -> list[Position]:
    return positions(check_identity(model_of([plan_data(**fields)]), ()))


def _task(**fields: Any) -> list[Position]:
    return _plan(tasks=[task_data(**fields)])


def _quantity(identifier: str, **fields: Any) -> dict[str, Any]:
    return {"id": identifier, "text": "不少于10项", "unit": "项", "comparison": "at_least", "value": 10, **fields}


def test_the_default_registry_and_plan_declare_every_id_once() -> None:
    """The baseline of the other cases: no problem at all."""
    assert positions(check_identity(model_of([plan_data()]), ())) == []


def test_a_duplicate_from_building_is_pc201_at_its_id() -> None:
    """The units and plans that lost the first-wins race while building are reported at their `id`."""
    loser = Origin("organizations/other.yaml", ("organizations", 3), 20)
    problems = list(check_identity(model_of(), [("city-ecology", loser)]))
    assert positions(problems) == [("PC201", "organizations/other.yaml", ("organizations", 3, "id"))]
    assert problems[0].message == "ID“city-ecology”已在别处定义。"


def test_a_name_of_two_units_is_pc209_at_the_second_units_name_or_alias() -> None:
    """An alias equal to another unit's name: PC209 at that alias; a repeated name: at `name`."""
    registry = registry_data()
    registry["organizations"][3]["aliases"] = ["住建局", "示例市生态环境局"]
    assert positions(check_identity(model_of(registry=registry), ())) == [
        ("PC209", REGISTRY_FILE, ("organizations", 3, "aliases", 1))]
    registry = registry_data()
    registry["groups"][0]["name"] = "市生态环境局"
    assert positions(check_identity(model_of(registry=registry), ())) == [
        ("PC209", REGISTRY_FILE, ("groups", 0, "name"))]


def test_the_same_name_in_two_cities_is_allowed() -> None:
    """Names are unique within a city: 示例市生态环境局 of another city's registry is another unit."""
    model = model_of()
    _city, others, _groups = build_registry("organizations/other.yaml", registry_data(
        jurisdiction={"id": "other-city", "name": "另一市"},
        organizations=[{"id": "other-ecology", "name": "示例市生态环境局", "kind": "department"}]))
    both = dataclasses.replace(model, organizations={**model.organizations, **{o.id: o for o in others}})
    assert positions(check_identity(both, ())) == []
    same_city = dataclasses.replace(others[0], jurisdiction="demo-city")
    model = dataclasses.replace(model, organizations={**model.organizations, same_city.id: same_city})
    assert positions(check_identity(model, ())) == [("PC209", "organizations/other.yaml", ("organizations", 0, "name"))]


def test_an_item_id_repeated_in_a_plan_is_pc201_at_the_second() -> None:
    """Tasks, indicators and tables share one namespace: an indicator named like a task is PC201."""
    indicator = {"id": "t1", "name": "指标", "direction": "qualitative",
                 "target": {"year": 2023, "kind": "qualitative", "text": "持续改善"}}
    assert _plan(tasks=[task_data(), task_data(id="t2")]) == []
    assert _plan(indicators=[indicator]) == [("PC201", PLAN_FILE, ("indicators", 0, "id"))]
    assert _plan(tasks=[task_data(), task_data()]) == [("PC201", PLAN_FILE, ("tasks", 1, "id"))]


def test_an_amendment_id_repeated_is_pc201_at_the_second() -> None:
    """Amendments have a namespace of their own; the second of two `a1` is PC201."""
    amendment = {"id": "a1", "document": {"number": "1号", "date": "2023-03-01"},
                 "changes": [{"item": "t1", "field": "deadline", "deadline": "2023-12-15"}]}
    assert _plan(amendments=[amendment, {**amendment, "id": "a2"}]) == []
    assert _plan(amendments=[amendment, amendment]) == [("PC201", PLAN_FILE, ("amendments", 1, "id"))]


def test_a_milestone_id_repeated_in_a_task_is_pc201_at_the_second() -> None:
    """PC201 at milestones[1].id."""
    first = {"id": "m1", "text": "完成一半", "date": "2023-09-30"}
    assert _task(milestones=[first, {**first, "id": "m2"}]) == []
    assert _task(milestones=[first, first]) == [("PC201", PLAN_FILE, ("tasks", 0, "milestones", 1, "id"))]


def test_a_quantity_id_repeated_in_a_task_is_pc201_including_sub_quotas() -> None:
    """A sub-quota shares the task's quantity namespace: PC201 at quantities[0].sub_quotas[0].id."""
    sub = {"id": "east", "text": "东区5项", "value": 5}
    assert _task(quantities=[_quantity("q1", sub_quotas=[sub]), _quantity("q2")]) == []
    assert _task(quantities=[_quantity("q1"), _quantity("q1")]) == [
        ("PC201", PLAN_FILE, ("tasks", 0, "quantities", 1, "id"))]
    assert _task(quantities=[_quantity("q1", sub_quotas=[{**sub, "id": "q1"}])]) == [
        ("PC201", PLAN_FILE, ("tasks", 0, "quantities", 0, "sub_quotas", 0, "id"))]


def test_an_either_or_group_of_one_quantity_is_pc215_at_its_group() -> None:
    """Two quantities in group g pass; a group with one quantity is PC215 at its `either_or`."""
    assert _task(quantities=[_quantity("q1", either_or="g"), _quantity("q2", either_or="g")]) == []
    assert _task(quantities=[_quantity("q1", either_or="g"), _quantity("q2")]) == [
        ("PC215", PLAN_FILE, ("tasks", 0, "quantities", 0, "either_or"))]
