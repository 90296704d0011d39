"""Status changes: the tasks, milestones and indicators whose status as of the date differs."""

from __future__ import annotations

from checker.changes.records import StatusChange
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import ChangeKind


def status_changes(base: Evaluation, head: Evaluation) -> list[StatusChange]:
    changes: list[StatusChange] = []
    before_tasks = {result.key: result for result in base.tasks}
    for result in head.tasks:
        old = before_tasks.get(result.key)
        if old is None or old.status is not result.status:
            changes.append(StatusChange(ChangeKind.TASK, result.key, result.title, old.status if old else None,
                                        result.status, result.explanation))
        old_milestones = {m.id: m for m in old.milestones} if old else {}
        for milestone in result.milestones:
            previous = old_milestones.get(milestone.id)
            if previous is None or previous.status is not milestone.status:
                changes.append(StatusChange(
                    ChangeKind.MILESTONE, f"{result.key}#{milestone.id}", milestone.text,
                    previous.status if previous else None, milestone.status, milestone.explanation,
                ))
    before_indicators = {result.key: result for result in base.indicators}
    for indicator in head.indicators:
        earlier = before_indicators.get(indicator.key)
        if earlier is None or earlier.status is not indicator.status:
            changes.append(StatusChange(ChangeKind.INDICATOR, indicator.key, indicator.indicator.name,
                                        earlier.status if earlier else None, indicator.status, indicator.explanation))
    return changes
