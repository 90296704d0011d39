"""The status of one task and its milestones as of a date.

Precedence: cancelled by an amendment; completed (on time, late, or when unknowable: see
checker.evaluate.completion); then, for an unfinished task, deadline passed or a milestone missed
(red: `overdue` when a report says unfinished, `overdue_unreported` when nothing was reported),
deadline within the due-soon window (yellow), a forecast after the deadline or a reported share
below 序时进度 (yellow), progress reported (green), nothing reported (grey). Ongoing and all-year
duties are green while reports are recent and grey when the reporting interval has passed without one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from checker.evaluate.amendments import Effective
from checker.evaluate.completion import Completion, bounded, completion_of
from checker.evaluate.progress import describe_update, elapsed_share, percent, reported_share
from checker.evaluate.results import MilestoneResult, TaskResult
from checker.evaluate.vocabulary import Light, ReportedStatus, TaskStatus, light_of
from checker.model.records import Milestone, Plan, ScheduleKind, Settings, Task, Update
from checker.wording import time_left


@dataclass(frozen=True)
class TaskInput:
    task: Task
    plan: Plan
    effective: Effective
    updates: tuple[Update, ...]  # dated on or before as_of, oldest first
    as_of: date
    settings: Settings


@dataclass(frozen=True)
class _Verdict:
    status: TaskStatus
    explanation: str
    light: Light | None = None
    days_overdue: int | None = None


@dataclass(frozen=True)
class _Facts:
    """What is known about a task on the as-of date, before a status is chosen."""

    due: date | None
    latest: Update | None
    completion: Completion | None
    milestones: tuple[MilestoneResult, ...]
    share: float | None
    expected: float | None
    forecast: date | None


def evaluate_task(given: TaskInput) -> TaskResult:
    task, effective = given.task, given.effective
    schedule = effective.schedule
    task_updates = tuple(u for u in given.updates if u.milestone is None)
    latest = task_updates[-1] if task_updates else None
    due = schedule.deadline or (given.plan.period_end if schedule.kind is ScheduleKind.PLAN_PERIOD else None)
    completion = completion_of(task_updates)
    start = schedule.start or given.plan.period_start
    facts = _Facts(
        due=due, latest=latest, completion=completion,
        milestones=tuple(_milestone(m, given, task_updates, completion) for m in task.milestones),
        share=reported_share(latest, task, given.settings.approximate_tolerance_percent),
        expected=elapsed_share(given.as_of, start, due),
        forecast=latest.forecast if latest and latest.status is not ReportedStatus.DONE else None,
    )
    verdict = _decide(given, facts)
    if schedule.kind is ScheduleKind.PLAN_PERIOD and not verdict.status.is_done:
        verdict = replace(verdict, explanation=verdict.explanation + "（原文未注明时限，按规划期末计）")
    remaining = (due - given.as_of).days if due is not None and due >= given.as_of else None
    return TaskResult(
        task=task, status=verdict.status, light=verdict.light or light_of(verdict.status, given.settings),
        explanation=verdict.explanation, due=due, days_overdue=verdict.days_overdue,
        days_remaining=None if verdict.status.is_done else remaining,
        title=task.title, target=effective.target, lead=effective.lead, cooperating=effective.cooperating,
        responsible=effective.responsible, schedule_text=schedule.text, updates=given.updates,
        milestones=facts.milestones, share=facts.share, expected_share=facts.expected, completion=completion,
        forecast=facts.forecast, history=effective.history, children=(),
    )


def _decide(given: TaskInput, facts: _Facts) -> _Verdict:
    """Cancelled, done, ongoing, or else how an unfinished task stands against its deadline."""
    schedule = given.effective.schedule
    if given.effective.cancelled_by is not None:
        amendment = given.effective.cancelled_by
        return _Verdict(TaskStatus.CANCELLED, f"已由{amendment.number}（{amendment.date}）撤销")
    if facts.completion is not None:
        return _Verdict(facts.completion.status(facts.due), facts.completion.explain(facts.due))
    if schedule.kind is ScheduleKind.ONGOING:
        return _ongoing(given, facts.latest, f"自{schedule.start}起长期执行")
    if facts.due is None:
        return _Verdict(TaskStatus.NOT_REPORTED, f"未定截止日期，{describe_update(facts.latest)}")
    return _unfinished(given, facts, facts.due)


def _unfinished(given: TaskInput, facts: _Facts, due: date) -> _Verdict:
    as_of, reported = given.as_of, describe_update(facts.latest)
    overdue = _overdue_status(given)
    if as_of > due:
        days = (as_of - due).days
        return _Verdict(overdue, f"截止{due}，已逾期{days}天，{_reported_or_not(given, reported)}", days_overdue=days)
    missed = next((m for m in facts.milestones if m.status.is_overdue), None)
    if missed is not None:
        days = (as_of - missed.due).days
        message = (f"阶段节点“{missed.text}”（{missed.due}）未按期完成，已逾期{days}天；"
                   f"任务截止{due}，{_reported_or_not(given, reported)}")
        return _Verdict(overdue, message, days_overdue=days)
    return _ahead(given, facts, due, reported)


def _ahead(given: TaskInput, facts: _Facts, due: date, reported: str) -> _Verdict:
    """An unfinished task whose deadline and milestones have not passed."""
    remaining = (due - given.as_of).days
    left = time_left(remaining)
    if remaining <= given.settings.due_soon_days:
        return _Verdict(TaskStatus.DUE_SOON, f"截止{due}，{left}，{reported}")
    if facts.forecast is not None and facts.forecast > due:
        return _Verdict(TaskStatus.BEHIND_PACE, f"预计{facts.forecast}完成，晚于截止日期{due}；{reported}")
    if facts.share is not None and facts.expected is not None and facts.share < facts.expected:
        message = f"已完成{percent(facts.share)}，低于序时进度{percent(facts.expected)}（截止{due}）；{reported}"
        return _Verdict(TaskStatus.BEHIND_PACE, message)
    if given.effective.schedule.kind is ScheduleKind.ALL_YEAR:
        return _ongoing(given, facts.latest, f"全年执行（{given.effective.schedule.start}至{due}）")
    if facts.latest is None:
        return _Verdict(TaskStatus.NOT_REPORTED, f"截止{due}，{left}，尚未报送进展")
    return _Verdict(TaskStatus.IN_PROGRESS, f"截止{due}，{left}，{reported}")


def _overdue_status(given: TaskInput) -> TaskStatus:
    """Reported unfinished (any report on the task or its milestones), or never reported at all."""
    return TaskStatus.OVERDUE if given.updates else TaskStatus.OVERDUE_UNREPORTED


def _reported_or_not(given: TaskInput, reported: str) -> str:
    return reported if given.updates else "未报送任何进展"


def _ongoing(given: TaskInput, latest: Update | None, duty: str) -> _Verdict:
    schedule, as_of = given.effective.schedule, given.as_of
    if schedule.start is not None and schedule.start > as_of:
        return _Verdict(TaskStatus.NOT_REPORTED, f"{duty}，尚未到起始日期")
    interval = schedule.reporting_interval_days or given.settings.reporting_interval_days
    reported = describe_update(latest)
    if latest is not None and (as_of - latest.reported_on).days <= interval:
        return _Verdict(TaskStatus.ONGOING, f"{duty}，{reported}")
    return _Verdict(TaskStatus.ONGOING, f"{duty}，超过{interval}天未报送（{reported}）", light=Light.GREY)


def _milestone(
    milestone: Milestone, given: TaskInput, task_updates: tuple[Update, ...], completion: Completion | None
) -> MilestoneResult:
    met = _milestone_met(milestone, given, task_updates, completion)
    as_of = given.as_of
    if met is not None:
        status = met.status(milestone.date)
        explanation = met.explain(milestone.date, "节点日期", "达到")
    elif as_of > milestone.date:
        status = _overdue_status(given)
        said = "报送中未见达到" if given.updates else "未报送任何进展"
        explanation = f"节点日期{milestone.date}已过{(as_of - milestone.date).days}天，{said}"
    elif (milestone.date - as_of).days <= given.settings.due_soon_days:
        status, explanation = TaskStatus.DUE_SOON, f"节点日期{milestone.date}，还剩{(milestone.date - as_of).days}天"
    else:
        status = TaskStatus.IN_PROGRESS if given.updates else TaskStatus.NOT_REPORTED
        explanation = f"节点日期{milestone.date}，还剩{(milestone.date - as_of).days}天"
    return MilestoneResult(milestone.id, milestone.text, milestone.date, status, explanation, met)


def _milestone_met(
    milestone: Milestone, given: TaskInput, task_updates: tuple[Update, ...], completion: Completion | None
) -> Completion | None:
    """When the milestone was reached: its own 'done' report, a task report with enough share, or completion.

    A share report says the milestone was reached by its date, not on it; an earlier report with a
    smaller share says it was not reached yet.
    """
    own = tuple(u for u in given.updates if u.milestone == milestone.id)
    for index, update in enumerate(own):
        if update.status is ReportedStatus.DONE:
            still_open = own[index - 1].reported_on if index > 0 else None
            return bounded(update.completed_on, update.reported_on, still_open)
    if milestone.share is not None:
        still_open_on = None
        for update in task_updates:
            share = reported_share(update, given.task, given.settings.approximate_tolerance_percent)
            if share is not None and share >= milestone.share - 1e-9:
                stated = update.completed_on if update.status is ReportedStatus.DONE else None
                return bounded(stated, update.reported_on, still_open_on)
            if share is not None:
                still_open_on = update.reported_on
    return completion
