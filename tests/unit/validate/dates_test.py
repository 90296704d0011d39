"""checker/validate/dates.py on records built in memory: each rule passes a consistent date and
gives its code at the exact field of an inconsistent one (file and JSON path)."""

from __future__ import annotations

from datetime import date
from typing import Any

from checker.validate.dates import check_dates
from tests.memory import PLAN_FILE, REPORT_FILE, model_of, plan_data, positions, report_data, task_data

TODAY = date(2023, 6, 15)
_INDICATOR: dict[str, Any] = {
    "id": "pm25", "name": "细颗粒物（PM2.5）浓度", "direction": "at_most",
    "baseline": {"year": 2020, "value": 57, "text": "57"},
    "target": {"year": 2025, "kind": "absolute", "value": 42, "text": "42"},
}
_AMENDMENT: dict[str, Any] = {
    "id": "later", "document": {"number": "示气领办〔2023〕9号", "date": "2023-03-01"},
    "changes": [{"item": "t1", "field": "deadline", "deadline": "2023-12-15"}],
}


def _plan(**fields: Any) -> list[tuple[str, str, tuple[str | int, ...]]]:
    return positions(check_dates(model_of([plan_data(**fields)]), TODAY))


def _task(**fields: Any) -> list[tuple[str, str, tuple[str | int, ...]]]:
    return _plan(tasks=[task_data(**fields)])


def _report(**fields: Any) -> list[tuple[str, str, tuple[str | int, ...]]]:
    plan = plan_data(indicators=[_INDICATOR])
    return positions(check_dates(model_of([plan], [report_data(**fields)]), TODAY))


def test_the_default_plan_and_report_have_consistent_dates() -> None:
    """The baseline of the other cases: no problem at all."""
    assert _report() == []


def test_a_period_that_starts_after_it_ends_is_pc316_at_its_start() -> None:
    """PC316 at period.start; a one-day period is fine."""
    assert _plan(period={"start": "2023-12-31", "end": "2023-12-31"}) == []
    assert _plan(period={"start": "2024-01-01", "end": "2023-12-31"}) == [("PC316", PLAN_FILE, ("period", "start"))]


def test_a_baseline_not_before_the_target_year_is_pc309_at_its_year() -> None:
    """PC309 at the indicator's baseline.year when the baseline is the target year itself."""
    assert _plan(indicators=[_INDICATOR]) == []
    same_year = {**_INDICATOR, "baseline": {"year": 2025, "value": 57, "text": "57"}}
    assert _plan(indicators=[same_year]) == [("PC309", PLAN_FILE, ("indicators", 0, "baseline", "year"))]


def test_an_amendment_before_the_plan_was_issued_is_pc311_at_its_date() -> None:
    """PC311 at amendments[0].document.date; an amendment on the day of issue is fine."""
    on_the_day = {**_AMENDMENT, "document": {"number": "1号", "date": "2023-01-01"}}
    assert _plan(amendments=[on_the_day]) == []
    earlier = {**_AMENDMENT, "document": {"number": "1号", "date": "2022-12-31"}}
    assert _plan(amendments=[earlier]) == [("PC311", PLAN_FILE, ("amendments", 0, "document", "date"))]


def test_a_schedule_that_starts_after_its_deadline_is_pc306_at_its_start() -> None:
    """PC306 at schedule.start (no wording, so PC312 stays out of it)."""
    schedule = {"kind": "deadline", "deadline": "2023-11-15", "start": "2023-11-15"}
    assert _task(schedule=schedule) == []
    schedule["start"] = "2023-11-16"
    assert _task(schedule=schedule) == [("PC306", PLAN_FILE, ("tasks", 0, "schedule", "start"))]


def test_a_deadline_that_contradicts_its_wording_is_pc312_at_the_deadline() -> None:
    """2023年11月15日 recorded as 2023-11-30: PC312 at schedule.deadline."""
    wrong = {"kind": "deadline", "text": "2023年11月15日", "deadline": "2023-11-30"}
    assert _task(schedule=wrong) == [("PC312", PLAN_FILE, ("tasks", 0, "schedule", "deadline"))]


def test_wording_with_a_day_but_no_deadline_is_pc312_at_the_wording() -> None:
    """A plan_period task whose wording names a day: PC312 at schedule.text (there is no deadline to point at)."""
    schedule = {"kind": "plan_period", "text": "2023年11月15日"}
    assert _task(schedule=schedule) == [("PC312", PLAN_FILE, ("tasks", 0, "schedule", "text"))]


def test_all_year_wording_needs_kind_all_year_pc312_at_the_kind() -> None:
    """全年 recorded as a deadline task: PC312 at schedule.kind; recorded as all_year it passes."""
    assert _task(schedule={"kind": "all_year", "text": "全年"}) == []
    wrong = {"kind": "deadline", "text": "全年", "deadline": "2023-12-31"}
    assert _task(schedule=wrong) == [("PC312", PLAN_FILE, ("tasks", 0, "schedule", "kind"))]


def test_ongoing_wording_needs_kind_ongoing_from_its_day_pc312_at_the_wording() -> None:
    """2023年3月1日起 must be kind: ongoing, start: 2023-03-01; another start is PC312 at schedule.text."""
    text = "2023年3月1日起"
    assert _task(schedule={"kind": "ongoing", "text": text, "start": "2023-03-01"}) == []
    wrong = {"kind": "ongoing", "text": text, "start": "2023-04-01"}
    assert _task(schedule=wrong) == [("PC312", PLAN_FILE, ("tasks", 0, "schedule", "text"))]


def test_a_milestone_after_the_deadline_is_pc301_at_its_date() -> None:
    """PC301 at milestones[1].date: the deadline itself is allowed, a day later is not."""
    milestones = [{"id": "m1", "text": "完成一半", "date": "2023-11-15"},
                  {"id": "m2", "text": "全部完成", "date": "2023-11-16"}]
    assert _task(milestones=milestones[:1]) == []
    assert _task(milestones=milestones) == [("PC301", PLAN_FILE, ("tasks", 0, "milestones", 1, "date"))]


def test_a_milestone_after_the_plan_period_is_pc301_for_a_plan_period_task() -> None:
    """A plan_period task's milestones must fall within the plan's period (2023)."""
    late = [{"id": "m1", "text": "全部完成", "date": "2024-01-01"}]
    assert _task(schedule={"kind": "plan_period"}, milestones=late) == [
        ("PC301", PLAN_FILE, ("tasks", 0, "milestones", 0, "date"))]


def test_a_report_dated_after_today_is_pc302_at_its_date() -> None:
    """PC302 at date; a report of today is fine."""
    source = {"title": "工作动态", "date": "2023-06-15"}
    assert _report(date="2023-06-15", source=source) == []
    assert _report(date="2023-06-16", source=source) == [("PC302", REPORT_FILE, ("date",))]


def test_a_completion_after_the_report_date_is_pc313_at_completed_on() -> None:
    """PC313 at updates[0].completed_on; completion on the report day is fine."""
    def update(completed_on: str) -> dict[str, Any]:
        return {"task": "demo-2023/t1", "status": "done", "completed_on": completed_on, "quote": "已完成。"}
    assert _report(updates=[update("2023-06-01")]) == []
    assert _report(updates=[update("2023-06-02")]) == [("PC313", REPORT_FILE, ("updates", 0, "completed_on"))]


def test_a_forecast_before_the_report_date_is_pc315_unless_done() -> None:
    """PC315 at updates[0].forecast.date for an open task; a done task's forecast is history."""
    def update(status: str) -> dict[str, Any]:
        return {"task": "demo-2023/t1", "status": status, "forecast": {"date": "2023-05-31"}, "quote": "推进中。"}
    assert _report(updates=[update("done")]) == []
    assert _report(updates=[update("in_progress")]) == [("PC315", REPORT_FILE, ("updates", 0, "forecast", "date"))]


def test_an_entry_naming_two_tasks_is_checked_once() -> None:
    """One PC313 for an entry naming two tasks, at the entry, not one per task."""
    entry = {"tasks": ["demo-2023/t1", "demo-2023/t1"], "status": "done", "completed_on": "2023-06-02",
             "quote": "已完成。"}
    assert _report(updates=[entry]) == [("PC313", REPORT_FILE, ("updates", 0, "completed_on"))]


def test_an_observation_of_an_unfinished_period_is_pc310_at_its_period() -> None:
    """Reported on 2023-06-01: 2023年1—5月 is over, 2023年1—6月 and the whole of 2023 are not."""
    def observation(period: dict[str, Any]) -> dict[str, Any]:
        return {"indicator": "demo-2023/pm25", "period": period, "value": 40, "quote": "PM2.5浓度40。"}
    assert _report(observations=[observation({"year": 2023, "through_month": 5})]) == []
    unfinished = [observation({"year": 2023, "through_month": 6}), observation({"year": 2023})]
    assert _report(observations=unfinished) == [("PC310", REPORT_FILE, ("observations", 0, "period")),
                                                ("PC310", REPORT_FILE, ("observations", 1, "period"))]
