"""The parse cache: a warm run says exactly what a cold run says, and a changed input is never answered from it."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from checker.load import cache as cache_module
from checker.load.cache import DEFAULT_FOLDER, LoadCache
from checker.load.documents import display_path as display
from checker.load.documents import list_tree, load_documents
from checker.load.limits import DEFAULT_LIMITS
from checker.schema_files import CHECKOUT_SCHEMAS, schema_files
from tests.support import REPOSITORY, copy_base, run_cli

PROGRESS = "progress/city-ecology/2023-05-10-report.yaml"


def validate_json(policy: Path, *options: str) -> tuple[int, dict[str, Any]]:
    code, stdout, stderr = run_cli("validate", str(policy), "--format", "json", "--as-of", "2024-01-01", *options)
    assert stderr == ""
    return code, json.loads(stdout)


def entries(policy: Path) -> list[Path]:
    return sorted((policy.parent / DEFAULT_FOLDER).glob("*/*.pickle"))


def broken_tree(tmp_path: Path) -> Path:
    """The base tree with a syntax error, a schema error, a misplaced file and a cross-file error."""
    policy = copy_base(tmp_path)
    progress = next((policy / "progress").glob("*/*.yaml"))
    progress.write_text(progress.read_text(encoding="utf-8").replace("date:", "date: [", 1), encoding="utf-8")
    plan = next((policy / "plans").glob("*.yaml"))
    plan.write_text(plan.read_text(encoding="utf-8") + "unknown_field: 1\n", encoding="utf-8")
    (policy / "progress" / "stray.yaml").write_text("a: 1\n", encoding="utf-8")
    return policy


@pytest.mark.parametrize("make_tree", [copy_base, broken_tree], ids=["valid", "broken"])
def test_a_warm_run_reports_exactly_what_a_cold_run_reports(tmp_path: Path, make_tree: Any) -> None:
    policy = make_tree(tmp_path)
    uncached = validate_json(policy, "--no-cache")
    assert not (policy.parent / DEFAULT_FOLDER).exists()
    cold = validate_json(policy)
    assert entries(policy)
    warm = validate_json(policy)
    assert uncached == cold == warm
    assert uncached[0] == (2 if make_tree is broken_tree else 0)


def test_cached_values_keep_their_positions(tmp_path: Path) -> None:
    policy = copy_base(tmp_path)
    tree = list_tree(policy)
    cold_cache = LoadCache(tmp_path / "cache", DEFAULT_LIMITS)
    cold = load_documents(tree, DEFAULT_LIMITS, cold_cache)
    for document in cold:
        document.schema_findings = []
    cold_cache.save()
    warm_cache = LoadCache(tmp_path / "cache", DEFAULT_LIMITS)
    warm = load_documents(tree, DEFAULT_LIMITS, warm_cache)
    assert warm_cache.hits == len(tree.files)
    for before, after in zip(cold, warm, strict=True):
        assert (after.text, after.data, after.findings) == (before.text, before.data, before.findings)
        assert (after.data.line, after.data.column) == (before.data.line, before.data.column)


def test_an_edit_that_keeps_size_and_time_is_seen(tmp_path: Path) -> None:
    policy = copy_base(tmp_path)
    assert validate_json(policy)[0] == 0
    report = policy / PROGRESS
    before = report.stat()
    text = report.read_text(encoding="utf-8")
    edited = text.replace("date: 2023-05-10", "date: 2023-13-10", 1)
    assert edited != text and len(edited) == len(text)
    report.write_text(edited, encoding="utf-8")
    os.utime(report, ns=(before.st_atime_ns, before.st_mtime_ns))
    code, result = validate_json(policy)
    assert code == 2
    assert [item["code"] for item in result["findings"]] == ["PC106"]


def test_a_moved_file_is_read_again_under_its_new_name(tmp_path: Path) -> None:
    policy = copy_base(tmp_path)
    validate_json(policy)
    report = policy / PROGRESS
    moved = report.with_name("2023-05-11-report.yaml")
    report.rename(moved)
    code, result = validate_json(policy)
    assert code == 0, result
    assert all(not entry.name.startswith(".") for entry in entries(policy))
    assert len(entries(policy)) == len(list_tree(policy).files)  # the old name's entry was pruned


def test_what_depends_on_other_files_is_checked_every_time(tmp_path: Path) -> None:
    """The first-line schema pointer names a file outside the cached one; removing it must show."""
    policy = copy_base(tmp_path)
    assert validate_json(policy)[0] == 0
    (policy.parent / "schemas" / "progress.schema.json").unlink()
    code, result = validate_json(policy)
    assert code == 0  # a warning
    assert [(item["code"], item["file"]) for item in result["findings"]] == [("PC020", display(policy / PROGRESS))]


def test_a_new_checker_version_does_not_read_old_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    policy = copy_base(tmp_path)
    validate_json(policy)
    old_folder = entries(policy)[0].parent
    cache_module.fingerprint.cache_clear()
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "another-version")
    assert validate_json(policy)[0] == 0
    assert {entry.parent.name for entry in entries(policy)} == {"another-version"}
    assert not old_folder.exists()


def test_the_fingerprint_covers_the_code_and_the_schemas_the_checker_uses() -> None:
    """In a checkout the schemas read are schemas/ itself (an installed wheel reads its package data)."""
    assert [Path(str(item)) for item in schema_files()] == sorted(CHECKOUT_SCHEMAS.glob("*.json"))
    assert cache_module._PACKAGE == REPOSITORY / "checker"


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05N."], ids=["empty", "garbage", "wrong-type"])
def test_a_damaged_entry_is_a_miss_and_is_replaced(tmp_path: Path, damage: bytes) -> None:
    policy = broken_tree(tmp_path)
    expected = validate_json(policy)
    for entry in entries(policy):
        entry.write_bytes(damage)
    assert validate_json(policy) == expected
    assert all(entry.stat().st_size > len(damage) for entry in entries(policy))


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    policy = copy_base(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert validate_json(policy, "--cache-dir", str(blocked)) == validate_json(policy, "--no-cache")


def test_the_cache_stays_out_of_git_and_out_of_the_tree(tmp_path: Path) -> None:
    policy = copy_base(tmp_path)
    validate_json(policy)
    folder = policy.parent / DEFAULT_FOLDER
    assert folder.joinpath(".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert not list(policy.rglob("*.pickle"))


def test_the_cache_folder_can_be_chosen(tmp_path: Path) -> None:
    policy = copy_base(tmp_path)
    code, stdout, _ = run_cli("check", str(policy), "--as-of", "2024-01-01", "--cache-dir", str(tmp_path / "elsewhere"))
    assert code in (0, 1), stdout
    assert list((tmp_path / "elsewhere").glob("*/*.pickle"))
    assert not (policy.parent / DEFAULT_FOLDER).exists()
    shutil.rmtree(tmp_path / "elsewhere")
