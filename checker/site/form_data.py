"""What the fill-in form shows each unit: what it is expected to report now, as one script per unit.

The set and the order are `plancheck new-report`'s default (checker/offer.py, `select` with no
--task, --match or --all), as of the site's date: open tasks that name the unit or are overdue in
plans in force, open tasks it reported before, most urgent first; then the indicators of plans in
force that it may report. A test holds the form and the skeleton equal. How many open items that
rule leaves out is said on the form (`new-report --all` lists them).

Each unit's data is a script, not a JSON file: a page opened from file:// (the offline zip) may
not fetch() a file beside it, but it may load a <script>. The script only calls
window.plancheckForm.receive(...) with a JSON literal; no data is ever evaluated as code in the
browser, and every string is JSON-escaped, "<" included, so that nothing ends or opens a script early.
"""

from __future__ import annotations

import json
from typing import Any

from checker.evaluate.results import Evaluation
from checker.model.records import Model
from checker.offer import Offer, Offering, select
from checker.report.views import default_units
from checker.skeleton import observed_year
from checker.validate.permissions import Reportable, reportable_index

UNIT_SCRIPTS = "assets/form-units"
_TEXT_LIMIT = 120  # characters of a task's title or target shown on the form; the task page has the rest


def form_units(model: Model) -> list[dict[str, str]]:
    """Every unit of the registry, in registry order (organizations, then leading groups)."""
    units = [{"id": o.id, "name": o.name} for o in model.organizations.values()]
    return units + [{"id": g.id, "name": g.name} for g in model.groups.values()]


def offered(model: Model, evaluation: Evaluation, unit: str, index: Reportable | None = None) -> Offering:
    """new-report's default selection for the unit, as of the evaluation's date."""
    return select(model, evaluation, Offer(unit, evaluation.as_of), index)


def unit_data(model: Model, evaluation: Evaluation, unit: str, index: Reportable | None = None) -> dict[str, Any]:
    """One unit's form data: its name, open tasks and indicators with what a submitter needs to pick one."""
    selection = offered(model, evaluation, unit, index)
    indicators = [
        {"key": result.key, "name": _shortened(result.indicator.name), "unit": result.indicator.unit or "",
         "status": result.status.label, "explanation": " ".join(result.explanation.split()),
         "year": observed_year(result, evaluation.as_of)}
        for result in selection.indicators
    ]
    items = []
    for result in selection.tasks:
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
            "indicators": indicators, "leftOut": selection.left_out}


def _shortened(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= _TEXT_LIMIT else words[: _TEXT_LIMIT - 1] + "…"


def unit_script(data: dict[str, Any]) -> bytes:
    """The script that hands one unit's data to the form."""
    literal = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f"window.plancheckForm.receive({literal});\n".encode()


def unit_script_path(unit: str) -> str:
    return f"{UNIT_SCRIPTS}/{unit}.js"


def unit_script_paths(model: Model) -> list[str]:
    """The docs-relative paths unit_scripts writes."""
    return [unit_script_path(unit["id"]) for unit in form_units(model)]


def unit_scripts(model: Model, evaluation: Evaluation) -> dict[str, bytes]:
    """docs-relative path → script, one per unit of the registry."""
    index = reportable_index(model)
    return {unit_script_path(unit["id"]): unit_script(unit_data(model, evaluation, unit["id"], index))
            for unit in form_units(model)}
