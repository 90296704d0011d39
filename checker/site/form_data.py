"""What the fill-in form shows each unit: its open tasks, most urgent first, and its indicators, as one script per unit.

The set and the order are those of `plancheck new-report`'s default skeleton (checker/skeleton.py):
tasks the unit may report (the rule PC402 enforces), open (not done, not cancelled), those that
name the unit before those it answers for only through a plan-wide default, then by risk, due
date and ID; then the indicators it may report. A test holds the two equal.

Each unit's data is a script, not a JSON file: a page opened from file:// (the offline zip) may
not fetch() a file beside it, but it may load a <script>. The script only calls
window.plancheckForm.receive(...) with a JSON literal; no data is ever evaluated as code in the
browser, and every string is JSON-escaped, "<" included, so that nothing ends or opens a script early.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from checker.evaluate.results import Evaluation, IndicatorResult, TaskResult
from checker.evaluate.vocabulary import TaskStatus
from checker.model.records import Model
from checker.report.views import default_units
from checker.validate.permissions import reportable

UNIT_SCRIPTS = "assets/form-units"
_TEXT_LIMIT = 120  # characters of a task's title or target shown on the form; the task page has the rest


def form_units(model: Model) -> list[dict[str, str]]:
    """Every unit of the registry, in registry order (organizations, then leading groups)."""
    units = [{"id": o.id, "name": o.name} for o in model.organizations.values()]
    return units + [{"id": g.id, "name": g.name} for g in model.groups.values()]


def open_tasks(model: Model, evaluation: Evaluation, unit: str) -> list[TaskResult]:
    """The unit's open tasks in new-report's default order."""
    allowed = {task.key for task in reportable(model, unit)[0]}
    return sorted(
        (r for r in evaluation.tasks
         if r.key in allowed and not r.status.is_done and r.status is not TaskStatus.CANCELLED),
        key=lambda r: (unit in default_units(r, model), r.status.risk, r.due or date.max, r.key),
    )


def open_indicators(model: Model, evaluation: Evaluation, unit: str) -> list[IndicatorResult]:
    """The indicators the unit may report, in new-report's order (the evaluation's)."""
    allowed = {indicator.key for indicator in reportable(model, unit)[1]}
    return [result for result in evaluation.indicators if result.key in allowed]


def unit_data(model: Model, evaluation: Evaluation, unit: str) -> dict[str, Any]:
    """One unit's form data: its name, open tasks and indicators with what a submitter needs to pick one."""
    indicators = [
        {"key": result.key, "name": _shortened(result.indicator.name), "unit": result.indicator.unit or "",
         "status": result.status.label, "explanation": " ".join(result.explanation.split())}
        for result in open_indicators(model, evaluation, unit)
    ]
    items = []
    for result in open_tasks(model, evaluation, unit):
        item: dict[str, Any] = {
            "key": result.key,
            "title": _shortened(result.title),
            "status": result.status.label,
            "explanation": " ".join(result.explanation.split()),
        }
        if result.target and result.target != result.title:
            item["target"] = _shortened(result.target)
        if unit in default_units(result, model):
            item["byDefault"] = True
        units = sorted({quantity.unit for quantity in result.task.quantities})
        if units:
            item["countUnits"] = units
        items.append(item)
    return {"unit": unit, "name": model.unit_name(unit), "asOf": evaluation.as_of.isoformat(), "tasks": items,
            "indicators": indicators}


def _shortened(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _TEXT_LIMIT else words[: _TEXT_LIMIT - 1] + "…"


def unit_script(data: dict[str, Any]) -> bytes:
    """The script that hands one unit's data to the form."""
    literal = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.plancheckForm.receive({literal});\n".encode()


def unit_scripts(model: Model, evaluation: Evaluation) -> dict[str, bytes]:
    """docs-relative path → script, one per unit of the registry."""
    return {f"{UNIT_SCRIPTS}/{unit['id']}.js": unit_script(unit_data(model, evaluation, unit["id"]))
            for unit in form_units(model)}
