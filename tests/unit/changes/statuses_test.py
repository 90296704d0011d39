"""checker/changes/statuses.py on two evaluations of models built in memory: the tasks, milestones and
indicators whose status as of the same date differs, with the status before (None when new) and after."""

from __future__ import annotations

from datetime import date
from typing import Any

from checker.changes.statuses import status_changes
from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import ChangeKind, TaskStatus
from tests.memory import model_of, plan_data, report_data, task_data

AS_OF = date(2023, 6, 15)
_MILESTONE = {"id": "m1", "text": "完成一半", "date": "2023-05-31"}
_INDICATOR: dict[str, Any] = {"id": "pm25", "name": "PM2.5浓度", "direction": "at_most",
                              "target": {"year": 2022, "kind": "absolute", "value": 42, "text": "42"}}


def _evaluation(plan: dict[str, Any], *reports: dict[str, Any]) -> Evaluation:
    return evaluate(model_of([plan], reports), AS_OF)


def test_the_same_data_changes_no_status() -> None:
    """The baseline: no report on either side."""
    assert status_changes(_evaluation(plan_data()), _evaluation(plan_data())) == []


def test_a_first_report_changes_the_task_from_not_reported_to_in_progress() -> None:
    """One task change, with its explanation as of the date."""
    (change,) = status_changes(_evaluation(plan_data()), _evaluation(plan_data(), report_data()))
    assert (change.kind, change.key, change.before, change.after) == (
        ChangeKind.TASK, "demo-2023/t1", TaskStatus.NOT_REPORTED, TaskStatus.IN_PROGRESS)
    assert not change.completes


def test_a_new_task_is_a_change_from_nothing() -> None:
    """A task only the head has: before is None."""
    head = plan_data(tasks=[task_data(), task_data(id="t2")])
    (change,) = status_changes(_evaluation(plan_data()), _evaluation(head))
    assert (change.key, change.before) == ("demo-2023/t2", None)


def test_a_milestone_met_is_a_milestone_change_keyed_task_hash_milestone() -> None:
    """A report of the milestone met changes the milestone; the change completes it."""
    plan = plan_data(tasks=[task_data(milestones=[_MILESTONE])])
    met = report_data(updates=[{"task": "demo-2023/t1", "milestone": "m1", "status": "done",
                                "completed_on": "2023-05-30", "quote": "已完成一半。"}])
    changes = status_changes(_evaluation(plan), _evaluation(plan, met))
    milestone = [c for c in changes if c.kind is ChangeKind.MILESTONE]
    assert [(c.key, c.completes) for c in milestone] == [("demo-2023/t1#m1", True)]


def test_an_observation_changes_the_indicator() -> None:
    """An indicator with no data gets a value: one indicator change."""
    plan = plan_data(indicators=[_INDICATOR])
    observed = report_data(updates=[], observations=[
        {"indicator": "demo-2023/pm25", "period": {"year": 2022}, "value": 40, "quote": "PM2.5浓度40。"}])
    changes = status_changes(_evaluation(plan), _evaluation(plan, observed))
    assert [(c.kind, c.key) for c in changes] == [(ChangeKind.INDICATOR, "demo-2023/pm25")]
