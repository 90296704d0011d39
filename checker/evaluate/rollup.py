"""Parents answer for their children: a body task is as urgent as its most urgent breakdown row at risk.

A parent that reports its own completion keeps it. Otherwise it takes the status of its most urgent
child when that child is at risk (red or yellow: overdue, due soon, behind pace) and more urgent
than the parent itself; a child that merely has no report yet does not hide the parent's own
progress. Cancelled children do not count; when every other child is done, so is the parent.
Children are resolved before parents, so roll-up works through any depth.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from checker.evaluate.results import TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus


def roll_up(results: list[TaskResult]) -> list[TaskResult]:
    """Results in the same order, parents updated from their children."""
    by_id = {result.task.id: result for result in results}
    children: dict[str, list[str]] = {}
    for result in results:
        if result.task.parent in by_id:
            children.setdefault(result.task.parent or "", []).append(result.task.id)
    resolved: dict[str, TaskResult] = {}

    def resolve(task_id: str, visiting: frozenset[str]) -> TaskResult:
        if task_id in resolved:
            return resolved[task_id]
        own = by_id[task_id]
        kids = [resolve(child, visiting | {task_id}) for child in children.get(task_id, []) if child not in visiting]
        resolved[task_id] = _combine(own, kids) if kids else own
        return resolved[task_id]

    return [resolve(result.task.id, frozenset()) for result in results]


def _combine(own: TaskResult, kids: list[TaskResult]) -> TaskResult:
    keys = tuple(kid.key for kid in kids)
    active = [kid for kid in kids if kid.status is not TaskStatus.CANCELLED]
    if not active or own.status.is_done or own.status is TaskStatus.CANCELLED:
        return replace(own, children=keys)
    counts = Counter(kid.status for kid in active)
    tally = "、".join(f"{status.label}{counts[status]}项" for status in sorted(counts, key=lambda s: s.risk))
    prefix = f"下属{len(active)}项：{tally}"
    if all(kid.status.is_done for kid in active):
        last = max(kid.completed_on for kid in active if kid.completed_on is not None)
        late = own.due is not None and last > own.due
        status = TaskStatus.DONE_LATE if late else TaskStatus.DONE
        return replace(own, status=status, light=status.light, explanation=f"{prefix}，已全部完成（{last}）",
                       completed_on=last, days_overdue=None, days_remaining=None, children=keys)
    worst = min(active, key=lambda kid: kid.status.risk)
    if worst.status.risk < own.status.risk and worst.light in (Light.RED, Light.YELLOW):
        days = max((kid.days_overdue or 0 for kid in active), default=0) or None
        return replace(own, status=worst.status, light=worst.light, explanation=f"{prefix}；本任务：{own.explanation}",
                       days_overdue=days if worst.status is TaskStatus.OVERDUE else own.days_overdue, children=keys)
    return replace(own, explanation=f"{prefix}；本任务：{own.explanation}", children=keys)
