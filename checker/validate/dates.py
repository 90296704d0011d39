"""Dates are consistent: with each other, with their original wording, and with the as-of date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from checker.deadline_text import read_deadline
from checker.findings import Problem
from checker.model.records import Model, Plan, Report, ReportedStatus, ScheduleKind, Task


def check_dates(model: Model, today: date) -> Iterator[Problem]:
    for plan in model.plans.values():
        yield from _plan(plan)
    for report in model.reports:
        yield from _report(report, today)


def _plan(plan: Plan) -> Iterator[Problem]:
    if plan.period_start > plan.period_end:
        message = f"规划期起始 {plan.period_start} 晚于截止 {plan.period_end}。"
        yield plan.origin.at("PC316", message, "period", "start")
    plan_year = plan.period_start.year if plan.period_start.year == plan.period_end.year else None
    for task in plan.tasks:
        yield from _task(task, plan, plan_year)
    for indicator in plan.indicators:
        if indicator.baseline is not None and indicator.baseline.year >= indicator.target.year:
            message = f"基期 {indicator.baseline.year} 年不早于目标年 {indicator.target.year} 年。"
            yield indicator.origin.at("PC309", message, "baseline", "year")
    for amendment in plan.amendments:
        if amendment.date < plan.issued:
            message = f"修订文件日期 {amendment.date} 早于规划印发日期 {plan.issued}。"
            yield amendment.origin.at("PC311", message, "document", "date")


def _task(task: Task, plan: Plan, plan_year: int | None) -> Iterator[Problem]:
    schedule = task.schedule
    if schedule.start and schedule.deadline and schedule.start > schedule.deadline:
        message = f"起始日期 {schedule.start} 晚于截止日期 {schedule.deadline}。"
        yield task.origin.at("PC306", message, "schedule", "start")
    if schedule.text:
        yield from _wording(task, plan_year)
    latest = schedule.deadline or (plan.period_end if schedule.kind is ScheduleKind.PLAN_PERIOD else None)
    for milestone in task.milestones:
        if latest is not None and milestone.date > latest:
            what = "截止日期" if schedule.deadline else "规划期末"
            message = f"节点“{milestone.id}”的日期 {milestone.date} 晚于任务{what} {latest}。"
            yield milestone.origin.at("PC301", message, "date")


def _wording(task: Task, plan_year: int | None) -> Iterator[Problem]:
    schedule = task.schedule
    assert schedule.text is not None
    read = read_deadline(schedule.text, plan_year)
    if read is None:
        return
    if read.kind is ScheduleKind.ONGOING:
        if schedule.kind is not ScheduleKind.ONGOING or schedule.start != read.day:
            message = f"时限“{schedule.text}”表示自 {read.day} 起长期执行，应记为 kind: ongoing、start: {read.day}。"
            yield task.origin.at("PC312", message, "schedule", "text")
    elif read.kind is ScheduleKind.ALL_YEAR:
        if schedule.kind is not ScheduleKind.ALL_YEAR:
            message = f"时限“{schedule.text}”表示全年执行，应记为 kind: all_year。"
            yield task.origin.at("PC312", message, "schedule", "kind")
    elif schedule.deadline != read.day:
        message = f"时限“{schedule.text}”对应 {read.day}，但 deadline 记为 {schedule.deadline}。"
        yield task.origin.at("PC312", message, "schedule", "deadline" if schedule.deadline else "text")


def _report(report: Report, today: date) -> Iterator[Problem]:
    if report.reported_on > today:
        message = f"报送日期 {report.reported_on} 晚于今天（{today}）。"
        yield report.origin.at("PC302", message, "date")
    for update in report.updates:
        if update.index_in_entry:  # the entry's own fields, checked once for all the tasks it names
            continue
        if update.completed_on is not None and update.completed_on.first > report.reported_on:
            message = f"完成日期 {update.completed_on} 晚于报送日期 {report.reported_on}。"
            yield update.origin.at("PC313", message, "completed_on")
        unfinished = update.status is not ReportedStatus.DONE
        if update.forecast is not None and unfinished and update.forecast < report.reported_on:
            message = f"预计完成日期 {update.forecast} 早于报送日期 {report.reported_on}。"
            yield update.origin.at("PC315", message, "forecast", "date")
    for observation in report.observations:
        year, month = observation.year, observation.through_month or 12
        period_end = date(year, month, 1)
        if (period_end.year, period_end.month) >= (report.reported_on.year, report.reported_on.month):
            whole_year = observation.through_month is None
            period = observation.period_text or (f"{year}年" if whole_year else f"{year}年1—{month}月")
            message = f"统计期“{period}”在报送日期 {report.reported_on} 时尚未结束。"
            yield observation.origin.at("PC310", message, "period")
