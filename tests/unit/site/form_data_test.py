"""The form's per-unit data: the same open tasks, in the same order, as new-report's default skeleton."""

from __future__ import annotations

import json
from datetime import date

from checker.evaluate import evaluate
from checker.load.yaml_loader import parse_yaml
from checker.model.records import Model
from checker.offer import Offer, select
from checker.site.form_data import form_units, unit_data, unit_script, unit_scripts
from checker.skeleton import new_report
from checker.workspace import open_workspace
from tests.support import REPOSITORY

AS_OF = date(2025, 10, 23)


def _model() -> Model:
    return open_workspace([REPOSITORY / "policy"], AS_OF).validation.model


def test_the_form_offers_what_new_report_offers_in_the_same_order() -> None:
    """The form's tasks and indicators are the skeleton's `updates` and `observations`, in order."""
    model = _model()
    evaluation = evaluate(model, AS_OF)
    for unit in ("hd-ecology", "hd-wuan", "hd-congtai"):
        offer = Offer(unit, AS_OF)
        text, _ = new_report(model, select(model, evaluation, offer), offer, "report.yaml")
        skeleton, _ = parse_yaml(text, "report.yaml")
        expected = [entry["task"] for entry in skeleton.get("updates") or []]
        data = unit_data(model, evaluation, unit)
        assert [task["key"] for task in data["tasks"]] == expected
        observed = [(entry["indicator"], entry["period"]["year"]) for entry in skeleton.get("observations") or []]
        assert [(indicator["key"], indicator["year"]) for indicator in data["indicators"]] == observed


def test_units_are_listed_in_registry_order_and_each_has_its_script() -> None:
    """The drop-down follows the registry file; one script per unit, named by its ID."""
    model = _model()
    units = form_units(model)
    assert [unit["id"] for unit in units[: len(model.organizations)]] == list(model.organizations)
    scripts = unit_scripts(model, evaluate(model, AS_OF))
    assert set(scripts) == {f"assets/form-units/{unit['id']}.js" for unit in units}


def test_a_unit_script_cannot_end_its_script_element_early() -> None:
    """Text from the data is a JSON literal with "<" escaped: a title cannot close or open a <script>."""
    script = unit_script({"unit": "x", "tasks": [{"title": "</script><script>alert(1)</script>"}]}).decode()
    assert "<" not in script
    prefix, suffix = "window.plancheckForm.receive(", ");\n"
    assert script.startswith(prefix) and script.endswith(suffix)
    data = json.loads(script[len(prefix): -len(suffix)])
    assert data["tasks"][0]["title"] == "</script><script>alert(1)</script>"


def test_long_titles_are_shortened_and_default_responsibility_is_marked() -> None:
    """Titles and targets are cut at 120 characters; tasks a unit has only through the plan's default say so."""
    model = _model()
    evaluation = evaluate(model, AS_OF)
    tasks = unit_data(model, evaluation, "hd-wuan")["tasks"]
    assert all(len(task["title"]) <= 120 and len(task.get("target", "")) <= 120 for task in tasks)
    assert any(task.get("byDefault") for task in tasks)
