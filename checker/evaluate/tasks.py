"""The status of one task and its milestones as of a date.

Precedence: cancelled by an amendment; completed (on time or late); then, for an unfinished task,
deadline passed or a milestone missed (red), deadline within the due-soon window (yellow), a
forecast after the deadline or a reported share below 序时进度 (yellow), progress reported (green),
nothing reported (grey). Ongoing and all-year duties are green while reports are recent and grey
when the reporting interval has passed without one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from checker.evaluate.amendments import Effective
from checker.evaluate.progress import describe_update, elapsed_share, percent, reported_share
from checker.evaluate.results import MilestoneResult, TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.model.records import Milestone, Plan, ScheduleKind, Settings, Task, Update


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
    completed_on: date | None
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
    completed_on = (latest.completed_on or latest.reported_on) if latest and latest.status == "done" else None
    start = schedule.start or given.plan.period_start
    facts = _Facts(
        due=due, latest=latest, completed_on=completed_on,
        milestones=tuple(_milestone(m, given, task_updates, completed_on) for m in task.milestones),
        share=reported_share(latest, task, given.settings.approximate_tolerance_percent),
        expected=elapsed_share(given.as_of, start, due),
        forecast=latest.forecast if latest and latest.status != "done" else None,
    )
    verdict = _decide(given, facts)
    if schedule.kind is ScheduleKind.PLAN_PERIOD and not verdict.status.is_done:
        verdict = replace(verdict, explanation=verdict.explanation + "（原文未注明时限，按规划期末计）")
    remaining = (due - given.as_of).days if due is not None and due >= given.as_of else None
    return TaskResult(
        task=task, status=verdict.status, light=verdict.light or verdict.status.light,
        explanation=verdict.explanation, due=due, days_overdue=verdict.days_overdue,
        days_remaining=None if verdict.status.is_done else remaining,
        title=task.title, target=effective.target, lead=effective.lead, cooperating=effective.cooperating,
        responsible=effective.responsible, schedule_text=schedule.text, updates=given.updates,
        milestones=facts.milestones, share=facts.share, expected_share=facts.expected, completed_on=completed_on,
        forecast=facts.forecast, history=effective.history, children=(),
    )


def _decide(given: TaskInput, facts: _Facts) -> _Verdict:
    """Cancelled, done, ongoing, or else how an unfinished task stands against its deadline."""
    schedule = given.effective.schedule
    if given.effective.cancelled_by is not None:
        amendment = given.effective.cancelled_by
        return _Verdict(TaskStatus.CANCELLED, f"已由{amendment.number}（{amendment.date}）撤销")
    if facts.completed_on is not None:
        return _done(facts.completed_on, facts.due)
    if schedule.kind is ScheduleKind.ONGOING:
        return _ongoing(given, facts.latest, f"自{schedule.start}起长期执行")
    if facts.due is None:
        return _Verdict(TaskStatus.NOT_REPORTED, f"未定截止日期，{describe_update(facts.latest)}")
    return _unfinished(given, facts, facts.due)


def _unfinished(given: TaskInput, facts: _Facts, due: date) -> _Verdict:
    as_of, reported = given.as_of, describe_update(facts.latest)
    if as_of > due:
        days = (as_of - due).days
        return _Verdict(TaskStatus.OVERDUE, f"截止{due}，已逾期{days}天，{reported}", days_overdue=days)
    missed = next((m for m in facts.milestones if m.status is TaskStatus.OVERDUE), None)
    if missed is not None:
        days = (as_of - missed.due).days
        message = f"阶段节点“{missed.text}”（{missed.due}）未按期完成，已逾期{days}天；任务截止{due}，{reported}"
        return _Verdict(TaskStatus.OVERDUE, message, days_overdue=days)
    return _ahead(given, facts, due, reported)


def _ahead(given: TaskInput, facts: _Facts, due: date, reported: str) -> _Verdict:
    """An unfinished task whose deadline and milestones have not passed."""
    remaining = (due - given.as_of).days
    left = "今天截止" if remaining == 0 else f"还剩{remaining}天"
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


def _done(completed_on: date, due: date | None) -> _Verdict:
    if due is not None and completed_on > due:
        days = (completed_on - due).days
        return _Verdict(TaskStatus.DONE_LATE, f"已于{completed_on}完成，比截止日期{due}晚{days}天")
    suffix = f"（截止{due}）" if due is not None else ""
    return _Verdict(TaskStatus.DONE, f"已于{completed_on}完成{suffix}")


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
    milestone: Milestone, given: TaskInput, task_updates: tuple[Update, ...], completed_on: date | None
) -> MilestoneResult:
    met_on = _milestone_met_on(milestone, given, task_updates, completed_on)
    as_of = given.as_of
    if met_on is not None:
        late = met_on > milestone.date
        status = TaskStatus.DONE_LATE if late else TaskStatus.DONE
        lateness = f"，比节点日期{milestone.date}晚{(met_on - milestone.date).days}天" if late else ""
        explanation = f"已于{met_on}达到{lateness}"
    elif as_of > milestone.date:
        status = TaskStatus.OVERDUE
        explanation = f"节点日期{milestone.date}已过{(as_of - milestone.date).days}天，未报送达到"
    elif (milestone.date - as_of).days <= given.settings.due_soon_days:
        status, explanation = TaskStatus.DUE_SOON, f"节点日期{milestone.date}，还剩{(milestone.date - as_of).days}天"
    else:
        status = TaskStatus.IN_PROGRESS if given.updates else TaskStatus.NOT_REPORTED
        explanation = f"节点日期{milestone.date}，还剩{(milestone.date - as_of).days}天"
    return MilestoneResult(milestone.id, milestone.text, milestone.date, status, explanation, met_on)


def _milestone_met_on(
    milestone: Milestone, given: TaskInput, task_updates: tuple[Update, ...], completed_on: date | None
) -> date | None:
    """When the milestone was reached: its own 'done' report, a task report with enough share, or completion."""
    for update in given.updates:
        if update.milestone == milestone.id and update.status == "done":
            return update.completed_on or update.reported_on
    if milestone.share is not None:
        for update in task_updates:
            share = reported_share(update, given.task, given.settings.approximate_tolerance_percent)
            if share is not None and share >= milestone.share - 1e-9:
                return (update.completed_on or update.reported_on) if update.status == "done" else update.reported_on
    return completed_on
