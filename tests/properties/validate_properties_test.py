"""The CLI end to end on a damaged tree: findings and exit status 0 or 2, never an internal error.

A damaged copy of one real file replaces the original in a private copy of its tree; `validate`
and `check` then run in-process, and their JSON must parse strictly (RFC 8259: no NaN or
Infinity, which jq and JavaScript refuse). Hypothesis' function-scoped fixtures would be shared
between examples, so each example makes its own temporary directory.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hypothesis import event, example, given

from checker.codes import CODES
from tests.properties.strategies import (
    BASE_FILES,
    BASE_POLICY,
    REPOSITORY_FILES,
    REPOSITORY_POLICY,
    mutated_file,
    property_settings,
    restructured_file,
    source_text,
)
from tests.support import copy_base, copy_tree, run_cli

AS_OF = "2025-12-31"  # after every report in both trees, so only the mutation can make a report "future"


def copy_repository(root: Path) -> Path:
    """A private copy of the repository's policy/ and schemas/; returns its policy/ folder."""
    return copy_tree(root, REPOSITORY_POLICY)


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def assert_validate_reports(policy: Path) -> None:
    """validate: exit 0 or 2 (2 exactly when there are errors), JSON on stdout, nothing on stderr."""
    code, stdout, stderr = run_cli("validate", str(policy), "--format", "json", "--as-of", AS_OF)
    assert stderr == "", stderr
    assert code in (0, 2)
    report = strict_json(stdout)
    assert code == (2 if report["errors"] else 0)
    for finding_code in sorted({item["code"] for item in report["findings"]}) or ["no finding"]:
        event(finding_code)  # which stages the damage reached, in --hypothesis-show-statistics
    for item in report["findings"]:
        assert item["code"] in CODES, item
        assert item["line"] >= 1 and item["column"] >= 1, item
        assert Path(item["file"]).resolve().is_relative_to(policy.resolve()), item


def assert_check_reports(policy: Path) -> None:
    """check: exit 0, 1 (overdue tasks) or 2 (invalid data), JSON on stdout, nothing on stderr."""
    code, stdout, stderr = run_cli("check", str(policy), "--format", "json", "--as-of", AS_OF, "--fail-on", "overdue")
    assert stderr == "", stderr
    assert code in (0, 1, 2)
    event(f"check exit {code}")
    strict_json(stdout)


def damage_and_run(copy_tree: Callable[[Path], Path], original: Path, case: tuple[Path, bytes]) -> None:
    """Copy a tree, replace one file with the damaged bytes, then validate and check it."""
    source, raw = case
    with tempfile.TemporaryDirectory() as directory:
        policy = copy_tree(Path(directory))
        (policy / source.relative_to(original)).write_bytes(raw)
        assert_validate_reports(policy)
        assert_check_reports(policy)


@property_settings(max_examples=150)
@given(mutated_file(BASE_FILES))
def test_a_mutated_base_file_gives_findings_not_a_crash(case: tuple[Path, bytes]) -> None:
    """The small base tree (one plan, one report, one registry) with one of its files damaged."""
    damage_and_run(copy_base, BASE_POLICY, case)


@property_settings(max_examples=25)
@given(mutated_file(REPOSITORY_FILES))
def test_a_mutated_repository_file_gives_findings_not_a_crash(case: tuple[Path, bytes]) -> None:
    """The real Handan and Anyang data (three plans, about 7,300 lines) with one file damaged."""
    damage_and_run(copy_repository, REPOSITORY_POLICY, case)


REPORT = BASE_POLICY / "progress" / "city-ecology" / "2023-05-10-report.yaml"
# `1e400` is a YAML 1.2 float that overflows to infinity. The schema accepts it (inf is a number
# >= 0), so check's JSON says "done": Infinity and "share": NaN, and the task page "已完成inf/inf项".
OVERFLOWING_COUNTS = source_text(REPORT).replace("done: 24", "done: 1e400").replace("total: 30", "total: 1e400")


@property_settings(max_examples=150)
@given(restructured_file(BASE_FILES))
@example((REPORT, OVERFLOWING_COUNTS.encode()))
def test_a_base_file_with_one_value_changed_gives_findings_not_a_crash(case: tuple[Path, bytes]) -> None:
    """Well-formed YAML with a wrong type, an impossible date, a dangling ID or a missing field."""
    damage_and_run(copy_base, BASE_POLICY, case)
