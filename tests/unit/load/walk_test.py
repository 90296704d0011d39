"""The tree walk reads regular files inside the tree only: links, special files and odd names are findings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.findings import Finding
from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.walk import list_tree, read_policy_file
from tests.acceptance.special_files import NON_UTF8_NAME
from tests.support import copy_base, findings_in, run_cli, run_validate

REPORT = "progress/city-ecology/2023-05-10-report.yaml"
TASK = "demo-2023/a5-01"


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return copy_base(tmp_path)


def pinned(item: bytes | Finding) -> str:
    assert isinstance(item, Finding), item
    return f"{item.code} {item.line}:{item.column}"


def check(policy: Path) -> tuple[int, str]:
    code, stdout, _ = run_cli("check", str(policy), "--as-of", "2024-01-01", "--format", "json", "--fail-on", "never")
    if code != 0:
        return code, ""
    return code, next(task["status"] for task in json.loads(stdout)["tasks"] if task["id"] == TASK)


def test_a_report_outside_the_tree_is_not_loaded_through_a_link(policy: Path, tmp_path: Path) -> None:
    """A linked report that marks a task done would change the verdict; the link is refused instead."""
    assert check(policy) == (0, "overdue")
    outside = tmp_path / "outside.yaml"
    text = (policy / REPORT).read_text(encoding="utf-8")
    outside.write_text(text.replace("status: in_progress\n    done: 24", "status: done\n    done: 30")
                       .replace("date: 2023-05-10\nsource", "date: 2023-06-10\nsource"), encoding="utf-8")
    (policy / "progress/city-ecology/2023-06-10-report.yaml").symlink_to(outside)
    code, report, _ = run_validate(policy)
    assert (code, findings_in(report, "2023-06-10-report.yaml")) == (2, ["PC024 1:1"])
    assert "policy 目录之外" in report["findings"][0]["message"]
    assert check(policy) == (2, "")  # followed, the task would be done and the run clean


@pytest.mark.parametrize("folder", ["plans", "progress/city-ecology"])
def test_a_linked_folder_is_refused_not_walked(policy: Path, tmp_path: Path, folder: str) -> None:
    """A top folder replaced by a link to a folder outside is PC024 and none of its files are read."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "plans").mkdir(parents=True)
    (elsewhere / "plans" / "secret.yaml").write_text("id: secret\n", encoding="utf-8")
    link = policy / folder
    link.rename(tmp_path / "moved")
    link.symlink_to(elsewhere / "plans", target_is_directory=True)
    tree = list_tree(policy)
    assert [pinned(tree.refused[link])] == ["PC024 1:1"]
    assert not any("secret" in path.name for path in tree.files)


def test_a_fifo_never_blocks_the_run(policy: Path) -> None:
    """Run in a child process with a timeout: a FIFO opened for reading would wait for a writer forever."""
    os.mkfifo(policy / "progress/city-ecology/pipe.yaml")
    (policy / "plans" / "zero.yaml").symlink_to("/dev/zero")
    child = subprocess.run([sys.executable, "-m", "checker", "validate", str(policy), "--as-of", "2024-01-01",
                            "--format", "json", "--no-cache"], capture_output=True, text=True, timeout=120, check=False)
    report = json.loads(child.stdout)
    assert (child.returncode, child.stderr) == (2, "")
    assert findings_in(report, "pipe.yaml") == ["PC025 1:1"]
    assert findings_in(report, "zero.yaml") == ["PC024 1:1"]


def test_a_file_swapped_for_a_fifo_or_link_after_the_walk_is_not_read(tmp_path: Path) -> None:
    """The reader checks what it opened (fstat), not what the walk saw: no wait, no link followed."""
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "link.yaml").symlink_to("/etc/hostname")
    assert pinned(read_policy_file(tmp_path / "pipe.yaml", DEFAULT_LIMITS)) == "PC025 1:1"
    assert pinned(read_policy_file(tmp_path / "link.yaml", DEFAULT_LIMITS)) == "PC024 1:1"
    assert pinned(read_policy_file(tmp_path / "gone.yaml", DEFAULT_LIMITS)) == "PC001 1:1"
    assert pinned(read_policy_file(Path("/dev/zero"), DEFAULT_LIMITS)) == "PC025 1:1"


def test_the_size_limit_holds_while_reading(tmp_path: Path) -> None:
    """A file over the size limit is PC002 at 1:1; a limit above its size reads it whole."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" * 300)
    finding = read_policy_file(big, Limits(max_bytes=1024))
    assert pinned(finding) == "PC002 1:1"
    assert read_policy_file(big, Limits(max_bytes=1500)) == b"a: 1\n" * 300


def test_a_link_loop_and_a_name_that_is_not_utf8_are_findings_not_crashes(policy: Path) -> None:
    """Both ended in exit 3 (internal error) before; naming the loop on the command line too."""
    loop = policy / "plans" / "loop.yaml"
    loop.symlink_to("loop.yaml")
    (policy / "progress" / "city-ecology" / NON_UTF8_NAME).write_bytes((policy / REPORT).read_bytes())
    (policy / "progress" / os.fsdecode(b"\xc0\xaf-unit")).mkdir()
    code, report, stderr = run_validate(policy)
    assert (code, stderr) == (2, "")
    assert findings_in(report, "loop.yaml") == ["PC026 1:1"]
    assert findings_in(report, "non-utf8-\\xff.yaml") == ["PC029 1:1"]
    assert findings_in(report, "\\xc0\\xaf-unit") == ["PC029 1:1"]
    code, stdout, stderr = run_cli("validate", str(loop), "--format", "json")
    assert (code, stderr) == (2, "")
    assert findings_in(json.loads(stdout), "loop.yaml") == ["PC026 1:1"]


def test_links_inside_the_tree_are_refused_too(policy: Path) -> None:
    """A link to another file of the same tree is PC024 too: links are never followed."""
    (policy / "plans" / "again.yaml").symlink_to("demo-2023.yaml")
    code, report, _ = run_validate(policy)
    assert (code, findings_in(report, "again.yaml")) == (2, ["PC024 1:1"])
    assert "链接不会被读取" in next(item["message"] for item in report["findings"] if item["code"] == "PC024")


@pytest.mark.parametrize("make", ["link", "fifo"])
def test_settings_and_the_top_folders_are_held_to_the_same_rules(policy: Path, tmp_path: Path, make: str) -> None:
    """settings.yaml as a link is PC024 and as a FIFO PC025, as any other file would be."""
    settings = policy / "settings.yaml"
    if make == "link":
        (tmp_path / "settings.yaml").write_text("due_soon_days: 1\n", encoding="utf-8")
        settings.symlink_to(tmp_path / "settings.yaml")
    else:
        os.mkfifo(settings)
    tree = list_tree(policy)
    assert [pinned(tree.refused[settings])] == ["PC024 1:1" if make == "link" else "PC025 1:1"]
    assert settings in tree.files
