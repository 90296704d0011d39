"""Every test says what behaviour it pins: a test function without a docstring fails here."""

from __future__ import annotations

import ast

from tests.support import TESTS


def test_every_test_has_a_docstring() -> None:
    """Lists each test function (file:line name) that has no docstring; the corpus holds data, not tests."""
    missing = []
    for path in sorted(TESTS.rglob("*_test.py")):
        if "corpus" in path.relative_to(TESTS).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test") and not ast.get_docstring(node):
                missing.append(f"{path.relative_to(TESTS.parent)}:{node.lineno} {node.name}")
    assert missing == []
