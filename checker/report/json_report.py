"""The full result as JSON, validated in the tests by schemas/report.schema.json."""

from __future__ import annotations

from datetime import date
from typing import Any, TextIO

from checker.evaluate.completion import Completion
from checker.evaluate.results import Evaluation, IndicatorResult, MilestoneResult, TaskResult
from checker.evaluate.vocabulary import IndicatorStatus, TaskStatus
from checker.model.records import Indicator, Observation, Plan, Update
from checker.report.json_layout import write_record_per_line
from checker.report.views import ReportContext

# 2: overdue_unreported and done_undated; completion as stated (completed_on at its precision) and
# bounded (completed_by); milestones' met_on/met_by alike; rollup_note; responsible_is_default.
SCHEMA_VERSION = 2


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _stated(completion: Completion | None) -> str | None:
    """The completion date at the precision known (2023-11-15, 2023-11, 2023), or None when not stated."""
    if completion is None:
        return None
    if completion.stated is not None:
        return completion.stated.iso
    return _day(completion.exact)


def _fields(evaluation: Evaluation, context: ReportContext) -> dict[str, Any]:
    """The report's fields; the long lists are generators, so a writer can stream them."""
    settings = context.model.settings
    indicator_summary = dict.fromkeys((s.value for s in IndicatorStatus), 0)
    for indicator in evaluation.indicators:
        indicator_summary[indicator.status.value] += 1
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": evaluation.as_of.isoformat(),
        "settings": {
            "due_soon_days": settings.due_soon_days, "reporting_interval_days": settings.reporting_interval_days,
        },
        "summary": {status.value: count for status, count in evaluation.summary().items()},
        "indicator_summary": indicator_summary,
        "plans": (_plan(plan, counts, context) for plan, counts in _plan_summaries(evaluation)),
        "tasks": (_task(result, context) for result in evaluation.tasks),
        "indicators": (_indicator(result) for result in evaluation.indicators),
    }


def _plan_summaries(evaluation: Evaluation) -> list[tuple[Plan, dict[str, int]]]:
    """Tasks per status for each plan, in one pass over the tasks."""
    by_id = {plan.id: dict.fromkeys((s.value for s in TaskStatus), 0) for plan in evaluation.plans}
    for result in evaluation.tasks:
        counts = by_id.get(result.task.plan)
        if counts is not None:
            counts[result.status.value] += 1
    return [(plan, by_id[plan.id]) for plan in evaluation.plans]


def _plan(plan: Plan, counts: dict[str, int], context: ReportContext) -> dict[str, Any]:
    return {
        "id": plan.id, "title": plan.title, "short_title": plan.short_title, "document_number": plan.number,
        "issuer": context.model.unit_name(plan.issuer), "issued": plan.issued.isoformat(),
        "period": {"start": plan.period_start.isoformat(), "end": plan.period_end.isoformat()},
        "file": plan.origin.file, "summary": counts,
    }


def _ratio(value: float | None) -> float | None:
    """Computed ratios and values to four decimals: float noise (0.1 + 0.2) never reaches the output."""
    return round(value, 4) if value is not None else None


def _source(file: str, line: int, location: str) -> dict[str, Any]:
    return {"file": file, "line": line, "location": location}


def _update(update: Update, context: ReportContext) -> dict[str, Any]:
    return {
        "date": update.reported_on.isoformat(), "reporter": update.reporter,
        "reporter_name": context.model.unit_name(update.reporter), "milestone": update.milestone,
        "status": update.status, "done": update.done, "total": update.total, "count_unit": update.count_unit,
        "percent": update.percent, "quantities": dict(update.quantities),
        "completed_on": update.completed_on.iso if update.completed_on else None,
        "forecast": _day(update.forecast), "note": update.note,
        "quote": update.quote, "source": update.report_title, "file": update.origin.file, "line": update.origin.line,
    }


def _milestone(result: MilestoneResult) -> dict[str, Any]:
    return {
        "id": result.id, "text": result.text, "date": result.due.isoformat(), "status": result.status.value,
        "status_label": result.status.label, "explanation": result.explanation, "met_on": _stated(result.met),
        "met_by": _day(result.met.latest) if result.met else None,
    }


def _task(result: TaskResult, context: ReportContext) -> dict[str, Any]:
    task = result.task
    return {
        "id": task.key, "plan": task.plan, "kind": task.kind.value, "number": task.number, "title": result.title,
        "target": result.target, "due": _day(result.due), "schedule": {
            "kind": task.schedule.kind.value, "text": result.schedule_text, "start": _day(task.schedule.start),
        },
        "status": result.status.value, "status_label": result.status.label, "light": result.light.value,
        "explanation": result.explanation, "days_overdue": result.days_overdue, "days_remaining": result.days_remaining,
        "lead": context.names(result.lead), "lead_ids": list(result.lead),
        "cooperating": context.names(result.cooperating), "cooperating_ids": list(result.cooperating),
        "responsible": context.names(result.responsible), "responsible_ids": list(result.responsible),
        "responsible_is_default": task.responsible_is_default and bool(result.responsible),
        "share": _ratio(result.share), "expected_share": _ratio(result.expected_share),
        "completed_on": _stated(result.completion),
        "completed_by": _day(result.completion.latest) if result.completion else None,
        "rollup_note": result.rollup_note, "forecast": _day(result.forecast),
        "milestones": [_milestone(m) for m in result.milestones],
        "latest_update": _update(result.latest, context) if result.latest else None,
        "updates": [_update(u, context) for u in result.updates],
        "parent": f"{task.plan}/{task.parent}" if task.parent else None, "children": list(result.children),
        "history": [
            {"date": h.date.isoformat(), "document_number": h.number, "title": h.title, "field": h.field,
             "before": h.before, "after": h.after}
            for h in result.history
        ],
        "source": _source(task.origin.file, task.origin.line, task.source.describe()),
    }


def _observation(observation: Observation) -> dict[str, Any]:
    return {
        "year": observation.year, "through_month": observation.through_month, "period": observation.period_text,
        "value": observation.value, "rank_from_bottom": observation.rank_from_bottom,
        "assessment": observation.assessment, "quote": observation.quote, "note": observation.note,
        "date": observation.reported_on.isoformat(), "source": observation.report_title,
        "file": observation.origin.file, "line": observation.origin.line,
    }


def _indicator(result: IndicatorResult) -> dict[str, Any]:
    indicator: Indicator = result.indicator
    baseline = indicator.baseline
    return {
        "id": indicator.key, "plan": indicator.plan, "number": indicator.number, "name": indicator.name,
        "unit": indicator.unit, "direction": indicator.direction, "binding": indicator.binding,
        "baseline": {"year": baseline.year, "value": baseline.value, "text": baseline.text} if baseline else None,
        "target": {
            "year": indicator.target.year, "kind": indicator.target.kind, "text": indicator.target.text,
            "value": _ratio(result.target_value),
        },
        "latest": _observation(result.latest) if result.latest else None,
        "observations": [_observation(o) for o in result.observations],
        "status": result.status.value, "status_label": result.status.label, "light": result.light.value,
        "explanation": result.explanation, "path_value": _ratio(result.path_value), "assessment": result.assessment,
        "source": _source(indicator.origin.file, indicator.origin.line, indicator.source.describe()),
    }


def report_json(evaluation: Evaluation, context: ReportContext, stream: TextIO) -> None:
    write_record_per_line(_fields(evaluation, context), stream)
