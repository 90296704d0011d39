"""The form's rules are read from progress.schema.json: required fields, patterns, formats, enumerations."""

from __future__ import annotations

import re

from checker.evaluate.vocabulary import ReportedStatus, reported_label
from checker.load.documents import Kind
from checker.schemas import load_schema
from checker.site.form_rules import form_rules


def test_status_choices_are_the_schema_enum_and_the_vocabulary() -> None:
    """The drop-down's statuses are exactly what a report may state, with the vocabulary's labels."""
    schema_enum = load_schema(Kind.PROGRESS)["$defs"]["update"]["properties"]["status"]["enum"]
    assert form_rules()["update"]["status"]["enum"] == schema_enum == [state.value for state in ReportedStatus]
    assert [reported_label(state) for state in ReportedStatus] == ["已完成", "推进中", "未开工"]


def test_required_flags_follow_the_schema_objects() -> None:
    """Required within its own object: date and source.title are, title and note are not; quote is."""
    rules = form_rules()
    header, update = rules["header"], rules["update"]
    assert header["date"]["required"] and header["source.title"]["required"] and header["source.date"]["required"]
    assert not header["title"]["required"] and not header["source.number"]["required"]
    assert update["quote"]["required"] and update["status"]["required"] and not update["note"]["required"]
    assert update["forecast.date"]["required"] and update["forecast.text"]["required"]  # within forecast
    assert rules["dependent"] == {"done": ["total"], "total": ["done"], "count_unit": ["done"]}


def test_patterns_formats_and_bounds_come_through_references() -> None:
    """$ref'd definitions are resolved: a date has its pattern and format, text its control-character pattern."""
    update = form_rules()["update"]
    date_rule = form_rules()["header"]["date"]
    assert date_rule["format"] == "date" and re.fullmatch(date_rule["pattern"][1:-1], "2025-12-22")
    assert update["quote"]["minLength"] == 1 and update["quote"]["maxLength"] == 4000
    assert not re.search(update["quote"]["pattern"], "a\u202eb")
    assert update["total"]["exclusiveMinimum"] == 0 and update["done"]["minimum"] == 0
    completed = update["completed_on"]
    assert completed["type"] == ["string", "integer"] and completed["formatFrom"] == {"minLength": 10, "format": "date"}
    assert all(re.fullmatch(completed["pattern"], text) for text in ("2023", "2023-11", "2023-11-15"))
    assert not re.fullmatch(completed["pattern"], "2023-13")
    assert form_rules()["header"]["source.url"]["pattern"] == "^https?://"


def test_observation_rules_require_a_value_of_the_schema_alternatives() -> None:
    """The form offers `value` of value/rank/assessment, so it is required; year and month are integers."""
    observation = form_rules()["observation"]
    assert observation["value"] == {"type": ["number"], "required": True}
    assert observation["period.year"]["type"] == ["integer"] and observation["period.year"]["required"]
    assert observation["period.through_month"]["maximum"] == 11 and not observation["period.through_month"]["required"]
    assert observation["quote"]["required"] and not observation["note"]["required"]
