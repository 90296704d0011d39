"""The fill-in form's validation rules, derived from schemas/progress.schema.json at build time.

The browser checks what the JSON Schema states (required fields, patterns, formats, enumerations,
bounds, fields that require each other) without a JSON Schema library: this module walks the
schema to the fields the form offers and writes one compact rule per field. Nothing is copied by
hand, so a change to the schema changes the form's checks with the next build; a test proves that
every rule agrees with the schema on sample values.
"""

from __future__ import annotations

from typing import Any

from checker.load.documents import Kind
from checker.schemas import load_schema

# Form field → the schema path of the property it fills (a tuple of keys below `properties`).
HEADER_FIELDS: dict[str, tuple[str, ...]] = {
    "date": ("date",),
    "title": ("title",),
    "source.title": ("source", "title"),
    "source.date": ("source", "date"),
    "source.number": ("source", "number"),
    "source.url": ("source", "url"),
}
UPDATE_FIELDS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "done": ("done",),
    "total": ("total",),
    "count_unit": ("count_unit",),
    "completed_on": ("completed_on",),
    "forecast.date": ("forecast", "date"),
    "forecast.text": ("forecast", "text"),
    "quote": ("quote",),
    "note": ("note",),
    "section": ("section",),
}

OBSERVATION_FIELDS: dict[str, tuple[str, ...]] = {
    "period.year": ("period", "year"),
    "period.through_month": ("period", "through_month"),
    "value": ("value",),
    "quote": ("quote",),
    "note": ("note",),
}

_KEPT = ("type", "pattern", "format", "enum", "minimum", "maximum", "exclusiveMinimum", "minLength", "maxLength")


def form_rules() -> dict[str, Any]:
    """{"header"|"update"|"observation": {field: rule}, "dependent": {field: [fields]}} for form.js."""
    schema = load_schema(Kind.PROGRESS)
    update = _resolve(schema, schema["$defs"]["update"])
    observation = _resolve(schema, schema["$defs"]["observation"])
    # The form offers `value` only, of the observation's anyOf value/rank/assessment: required there.
    alternatives = [branch["required"][0] for branch in observation.get("anyOf", ())]
    observation_rules = {name: _rule(schema, observation, path) for name, path in OBSERVATION_FIELDS.items()}
    observation_rules["value"]["required"] = "value" in alternatives
    return {
        "header": {name: _rule(schema, schema, path) for name, path in HEADER_FIELDS.items()},
        "update": {name: _rule(schema, update, path) for name, path in UPDATE_FIELDS.items()},
        "observation": observation_rules,
        "dependent": {key: list(value) for key, value in update.get("dependentRequired", {}).items()
                      if key in UPDATE_FIELDS},
    }


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A subschema with its `$ref` (local, `#/$defs/…`) merged under its own keywords."""
    if "$ref" not in node:
        return node
    target = root
    for part in node["$ref"].removeprefix("#/").split("/"):
        target = target[part]
    return {**_resolve(root, target), **{k: v for k, v in node.items() if k != "$ref"}}


def _rule(root: dict[str, Any], parent: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """One field's rule: required (within its object), and the keywords the browser can check."""
    node = parent
    for key in path[:-1]:
        node = _resolve(root, node["properties"][key])
    leaf = _resolve(root, node["properties"][path[-1]])
    rule: dict[str, Any] = {key: leaf[key] for key in _KEPT if key in leaf}
    rule["required"] = path[-1] in node.get("required", ())
    if isinstance(rule.get("type"), str):
        rule["type"] = [rule["type"]]
    conditional = leaf.get("then", {}).get("format")
    if conditional:  # completed_on: a full date (length 10 and more) must also be a real calendar date
        rule["formatFrom"] = {"minLength": leaf["if"]["minLength"], "format": conditional}
    return rule
