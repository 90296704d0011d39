"""Helpers shared by the tests: the valid base tree and an in-process validate run."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

from checker.cli import main

TESTS = Path(__file__).resolve().parent
REPOSITORY = TESTS.parent
BASE = TESTS / "fixtures" / "base"


def copy_base(tmp_path: Path) -> Path:
    """A private copy of the base tree (schemas copied, not linked); returns its policy/ folder."""
    root = tmp_path / "tree"
    shutil.copytree(BASE, root, symlinks=False, ignore=shutil.ignore_patterns(".plancheck-cache"))
    return root / "policy"


def run_cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=stdout, stderr=stderr, environ={})
    return code, stdout.getvalue(), stderr.getvalue()


def run_validate(policy: Path, as_of: str = "2024-01-01") -> tuple[int, dict[str, Any], str]:
    code, stdout, stderr = run_cli("validate", str(policy), "--format", "json", "--as-of", as_of)
    return code, json.loads(stdout), stderr


def findings_in(report: dict[str, Any], name: str) -> list[str]:
    """'CODE line:column' of the findings in files whose path ends with name, sorted."""
    return sorted(f"{i['code']} {i['line']}:{i['column']}" for i in report["findings"] if i["file"].endswith(name))
