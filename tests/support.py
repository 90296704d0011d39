"""Helpers shared by the tests: the one builder of policy trees on disk, and an in-process CLI run.

Every test that needs a tree on disk builds it with `copy_tree` (or `copy_base`, the base fixture
tree), then writes what it needs with `write`; records without files come from tests/memory.py.
"""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from checker.cli import main

TESTS = Path(__file__).resolve().parent
REPOSITORY = TESTS.parent
BASE = TESTS / "acceptance" / "fixtures" / "base"
POLICY = REPOSITORY / "policy"  # the bundled data
_CACHE = shutil.ignore_patterns(".plancheck-cache")


def copy_tree(root: Path, source: Path = BASE / "policy", *, only: Sequence[str] = (), schemas: bool = True) -> Path:
    """A private policy tree at root/policy; returns that folder.

    `source` is a policy/ folder (default: the base fixture's; `POLICY` for the bundled data),
    copied whole or, with `only`, just the named subfolders. The repository's schemas/ is copied
    beside it (not linked) unless `schemas` is False, as for a tree outside any checkout.
    """
    policy = root / "policy"
    if only:
        for name in only:
            shutil.copytree(source / name, policy / name, ignore=_CACHE)
    else:
        shutil.copytree(source, policy, ignore=_CACHE)
    if schemas:
        shutil.copytree(REPOSITORY / "schemas", root / "schemas")
    return policy


def copy_base(tmp_path: Path) -> Path:
    """A private copy of the base tree in tmp_path/tree (schemas copied, not linked); returns its policy/ folder."""
    return copy_tree(tmp_path / "tree")


def write(policy: Path, relative: str, text: str) -> Path:
    """Write text to policy/relative, creating its folders; returns the file's path."""
    path = policy / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=stdout, stderr=stderr, environ={})
    return code, stdout.getvalue(), stderr.getvalue()


def run_validate(policy: Path, as_of: str = "2024-01-01") -> tuple[int, dict[str, Any], str]:
    code, stdout, stderr = run_cli("validate", str(policy), "--format", "json", "--as-of", as_of)
    return code, json.loads(stdout), stderr


def messages_in(report: dict[str, Any]) -> list[str]:
    """The message of every finding of a JSON report, in its order."""
    return [item["message"] for item in report["findings"]]


def findings_in(report: dict[str, Any], name: str) -> list[str]:
    """'CODE line:column' of the findings in files whose path ends with name, sorted."""
    return sorted(f"{i['code']} {i['line']}:{i['column']}" for i in report["findings"] if i["file"].endswith(name))
