"""What a skeleton offers by default: named and overdue work in plans in force, and what the unit reported before."""

from __future__ import annotations

from datetime import date

import pytest

from checker.evaluate import evaluate
from checker.model.records import Model
from checker.offer import Offer, Offering, select
from checker.skeleton import observed_year
from checker.workspace import CachePolicy, open_workspace
from tests.support import copy_base


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    policy = copy_base(tmp_path_factory.mktemp("offer"))
    workspace = open_workspace((policy,), date(2026, 1, 1), CachePolicy(enabled=False))
    assert workspace.validation.valid
    return workspace.validation.model


def _select(model: Model, unit: str, on: str, **request: object) -> Offering:
    offer = Offer(unit, date.fromisoformat(on), **request)  # type: ignore[arg-type]
    return select(model, evaluate(model, offer.on), offer)


def _keys(selection: Offering) -> list[str]:
    return [r.key for r in selection.tasks] + [r.key for r in selection.indicators]


def test_named_tasks_and_overdue_ones_in_plans_in_force(model: Model) -> None:
    """city-ecology leads a5-01 (overdue) and s3-1-1; the county's project row a1-01 is neither named nor overdue."""
    selection = _select(model, "city-ecology", "2023-06-01")
    assert _keys(selection) == ["demo-2023/a5-01", "demo-2023/s3-1-1", "demo-2023/pm25"]
    assert (selection.left_out, selection.left_out_of_ended_plans) == (1, 0)


def test_a_plan_wide_default_names_nobody_but_overdue_work_is_still_offered(model: Model) -> None:
    """county-b answers for s3-1-1 and a5-01 only through 各县（区）; a5-01 is overdue, so it is offered.

    s3-1-1 is red only through its child a5-01: its own deadline (2023-12-31) has not passed, so it is
    not overdue work of the county's yet (roll-ups take their days from their own deadline).
    """
    assert _keys(_select(model, "county-b", "2023-06-01")) == ["demo-2023/a5-01"]
    selection = _select(model, "county-b", "2023-04-01")
    assert (_keys(selection), selection.left_out) == ([], 2)
    # county-a is named on its project row a1-01: named work first, then the default-only overdue a5-01.
    assert _keys(_select(model, "county-a", "2023-06-01")) == ["demo-2023/a1-01", "demo-2023/a5-01"]


def test_after_the_plan_ends_only_what_the_unit_reported_before_stays(model: Model) -> None:
    """a5-01 was reported in progress on 2023-05-10: still on the list in 2024; naming the plan brings the rest back.

    Tasks that name city-ecology (a5-01, s3-1-1) come before the county's project row a1-01.
    """
    selection = _select(model, "city-ecology", "2024-03-01")
    assert _keys(selection) == ["demo-2023/a5-01"]
    assert (selection.left_out, selection.left_out_of_ended_plans) == (3, 3)
    named = _select(model, "city-ecology", "2024-03-01", plans=("demo-2023",))
    assert _keys(named) == ["demo-2023/a5-01", "demo-2023/s3-1-1", "demo-2023/a1-01", "demo-2023/pm25"]


def test_all_task_and_match(model: Model) -> None:
    """--all takes every open item; --task exactly the named ones; --match searches titles, targets and names."""
    assert len(_keys(_select(model, "city-ecology", "2023-06-01", everything=True))) == 4
    named = _select(model, "city-ecology", "2023-06-01", tasks=("demo-2023/pm25", "demo-2023/a1-01"))
    assert _keys(named) == ["demo-2023/a1-01", "demo-2023/pm25"]
    assert _keys(_select(model, "city-ecology", "2023-06-01", match=("退城 搬迁",))) == ["demo-2023/s3-1-1"]
    assert _keys(_select(model, "city-ecology", "2023-06-01", match=("PM2.5",))) == ["demo-2023/pm25"]


def test_observed_year_is_the_target_year_or_the_last_full_year(model: Model) -> None:
    """pm25 targets 2025: reported in mid-2023 it is 2022's value; in 2027 it is the 2025 value the target names."""
    result = next(r for r in evaluate(model, date(2023, 6, 1)).indicators if r.key == "demo-2023/pm25")
    assert observed_year(result, date(2023, 6, 1)) == 2022
    assert observed_year(result, date(2027, 3, 1)) == 2025

