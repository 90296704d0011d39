"""The JSON Schemas: valid against their metaschema, documented for editors, consistent."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from checker.load.documents import Kind
from tests.support import REPOSITORY

SCHEMAS = sorted((REPOSITORY / "schemas").glob("*.schema.json"))
CJK = re.compile("[\u4e00-\u9fff]")


def load(path: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(path: Path) -> None:
    """Each schema declares draft 2020-12 and passes that metaschema."""
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def properties(node: Any, trail: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every (path, subschema) declared under a `properties` keyword, recursively."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            found.append((f"{trail}.{name}", sub))
        for key, value in node.items():
            if key not in ("if", "not"):  # conditions restate properties; they declare none
                found += properties(value, f"{trail}/{key}")
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += properties(item, f"{trail}[{index}]")
    return found


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_property_has_a_chinese_description_with_english(path: Path) -> None:
    """Editors show descriptions while typing: Chinese first, English in parentheses."""
    schema = load(path)
    definitions = schema.get("$defs", {})
    for where, sub in properties(schema):
        description = sub.get("description")
        if description is None and "$ref" in sub:
            description = definitions[sub["$ref"].rsplit("/", 1)[-1]].get("description")
        assert description, f"{path.name}{where} has no description"
        assert CJK.search(description), f"{path.name}{where}: description is not Chinese"
        english = re.search(r"（[A-Za-z]|\(([A-Za-z])|[a-z_]+ [\u4e00-\u9fff]", description)
        assert english, f"{path.name}{where}: no English gloss"


SHARED = ("slug", "date", "text")


def test_shared_definitions_are_identical() -> None:
    """Schemas are self-contained, so shared definitions are repeated; they must not drift."""
    for name in SHARED:
        copies = {p.name: load(p)["$defs"][name] for p in SCHEMAS if name in load(p).get("$defs", {})}
        assert len(copies) >= 2, name
        first = next(iter(copies.values()))
        for schema_name, definition in copies.items():
            without_description = {k: v for k, v in definition.items() if k != "description"}
            assert without_description == {k: v for k, v in first.items() if k != "description"}, (name, schema_name)


def test_every_kind_has_a_schema() -> None:
    """Each kind of data file has its schema in schemas/."""
    for kind in Kind:
        assert (REPOSITORY / "schemas" / kind.schema_name).is_file()


def test_data_files_start_with_the_editor_modeline() -> None:
    """VS Code's YAML extension autocompletes a file from its first-line $schema comment."""
    for path in sorted((REPOSITORY / "policy").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), f"{path}: {target} does not exist"
