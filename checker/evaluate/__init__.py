"""The evaluate stage: the model and an as-of date in, the status of everything out.

Pure: no files, no clock. A report dated after as_of is not yet known and is ignored, as is an
amendment dated after it; so evaluating as of a past date reproduces what was knowable then.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from checker.evaluate.amendments import changes_by_item, effective_indicator_target, effective_task, in_force
from checker.evaluate.indicators import evaluate_indicator
from checker.evaluate.results import Evaluation, IndicatorResult, TaskResult
from checker.evaluate.rollup import roll_up
from checker.evaluate.tasks import TaskInput, evaluate_task
from checker.model.records import Model, Observation, Plan, Update


def evaluate(model: Model, as_of: date) -> Evaluation:
    updates: dict[str, list[Update]] = defaultdict(list)
    observations: dict[str, list[Observation]] = defaultdict(list)
    for report in model.reports:
        if report.reported_on > as_of:
            continue
        for update in report.updates:
            updates[update.task_key].append(update)
        for observation in report.observations:
            observations[observation.indicator_key].append(observation)
    for task_updates in updates.values():
        task_updates.sort(key=lambda u: (u.reported_on, u.origin.file, u.origin.path))
    for indicator_observations in observations.values():
        indicator_observations.sort(key=lambda o: (o.year, o.through_month or 12, o.reported_on, o.origin.file))
    plans = tuple(model.plans[plan_id] for plan_id in sorted(model.plans))
    tasks: list[TaskResult] = []
    indicators: list[IndicatorResult] = []
    for plan in plans:
        plan_tasks, plan_indicators = _evaluate_plan(plan, model, as_of, updates, observations)
        tasks += plan_tasks
        indicators += plan_indicators
    return Evaluation(as_of, plans, tuple(tasks), tuple(indicators))


def _evaluate_plan(
    plan: Plan, model: Model, as_of: date,
    updates: dict[str, list[Update]], observations: dict[str, list[Observation]],
) -> tuple[list[TaskResult], list[IndicatorResult]]:
    changes = changes_by_item(in_force(plan, as_of))
    results = []
    for task in plan.tasks:
        effective = effective_task(task, changes.get(task.id, []))
        given = TaskInput(task, plan, effective, tuple(updates.get(task.key, ())), as_of, model.settings)
        results.append(evaluate_task(given))
    indicators = [
        evaluate_indicator(
            indicator, tuple(observations.get(indicator.key, ())),
            effective_indicator_target(indicator, changes.get(indicator.id, [])),
        )
        for indicator in plan.indicators
    ]
    return roll_up(results), indicators
