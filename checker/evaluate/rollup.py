"""Parents answer for their children: a body task is as urgent as its most urgent breakdown row at risk.

A parent that reports its own completion keeps it. Otherwise it takes the status of its most urgent
child when that child is at risk (red or yellow: overdue, due soon, behind pace) and more urgent
than the parent itself; a child that merely has no report yet does not hide the parent's own
progress. Cancelled children do not count; when every other child is done, so is the parent.
Children are resolved before parents, so roll-up works through any depth.

A parent whose status comes from its children says so (`rollup_note`: 下属任务逾期3项) wherever
it is shown; its days overdue or remaining stay those of its own deadline. A parent done through
its children completes with the last of them, as precisely as their completions are known.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from checker.evaluate.completion import combined
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
    completions = [kid.completion for kid in active if kid.completion is not None]
    if all(kid.status.is_done for kid in active) and len(completions) == len(active):
        completion = combined(completions)
        status = completion.status(own.due)
        # A child with the same status already carries its configured light.
        light = next(kid.light for kid in active if kid.status is status) if status in counts else status.light
        explanation = f"{prefix}，已全部完成：{completion.explain(own.due)}"
        return replace(own, status=status, light=light, explanation=explanation, completion=completion,
                       days_overdue=None, days_remaining=None, children=keys)
    worst = min(active, key=lambda kid: kid.status.risk)
    if worst.status.risk < own.status.risk and worst.light in (Light.RED, Light.YELLOW):
        note = _note(active, worst.status)
        return replace(own, status=worst.status, light=worst.light, rollup_note=note,
                       explanation=f"{note}（{prefix}）；本任务：{own.explanation}", children=keys)
    return replace(own, explanation=f"{prefix}；本任务：{own.explanation}", children=keys)


def _note(active: list[TaskResult], worst: TaskStatus) -> str:
    """下属任务逾期未报送2项 / 下属任务逾期3项（逾期未完成1项、逾期未报送2项） / 下属任务临期1项"""
    if not worst.is_overdue:
        return f"下属任务{worst.label}{sum(kid.status is worst for kid in active)}项"
    overdue = Counter(kid.status for kid in active if kid.status.is_overdue)
    if len(overdue) == 1:
        return f"下属任务{worst.label}{overdue[worst]}项"
    detail = "、".join(f"{status.label}{overdue[status]}项" for status in sorted(overdue, key=lambda s: s.risk))
    return f"下属任务逾期{sum(overdue.values())}项（{detail}）"
