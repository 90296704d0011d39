"""`plancheck check` end to end: exit statuses, filters, invalid input, determinism, closed pipes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker.cli import main
from tests.support import copy_base, run_cli
from tests.unit.report import responsibility_scenario as responsibility
from tests.unit.report.check_scenario import AS_OF, build

PLANCHECK = Path(sys.executable).parent / "plancheck"


@pytest.fixture
def policy(tmp_path: Path) -> Path:
    return build(tmp_path)


def _statuses(policy: Path, *options: str) -> dict[str, str]:
    code, stdout, _ = run_cli("check", str(policy), "--as-of", AS_OF, "--format", "json", *options)
    assert code in (0, 1)
    return {task["id"]: task["status"] for task in json.loads(stdout)["tasks"]}


@pytest.mark.parametrize(
    ("as_of", "fail_on", "expected"),
    [
        (AS_OF, "overdue", 1),  # two overdue tasks
        (AS_OF, "never", 0),
        ("2023-09-01", "overdue", 0),  # nothing overdue yet; t5 is due soon (2023-09-30)
        ("2023-09-01", "due-soon", 1),
        ("2023-06-01", "due-soon", 0),  # nothing within 30 days
    ],
)
def test_exit_status_follows_fail_on(policy: Path, as_of: str, fail_on: str, expected: int) -> None:
    """The exit status is 1 exactly when a task is at or above --fail-on as of the date, else 0."""
    code, stdout, stderr = run_cli("check", str(policy), "--as-of", as_of, "--fail-on", fail_on)
    assert (code, stderr) == (expected, "")
    assert f"截至 {as_of}" in stdout


def test_default_fail_on_is_overdue(policy: Path) -> None:
    """Without --fail-on, only an overdue task makes the exit status 1."""
    assert run_cli("check", str(policy), "--as-of", "2023-09-01")[0] == 0
    assert run_cli("check", str(policy), "--as-of", AS_OF)[0] == 1


def test_invalid_input_prints_the_findings_evaluates_nothing_and_exits_2(tmp_path: Path) -> None:
    """An impossible date in a plan prints its finding with file and line, evaluates nothing, and exits 2."""
    policy = copy_base(tmp_path)
    plan = policy / "plans" / "demo-2023.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("deadline: 2023-11-15", "deadline: 2023-11-31"), encoding="utf-8"
    )
    code, stdout, stderr = run_cli("check", str(policy), "--as-of", AS_OF)
    assert code == 2
    assert "demo-2023.yaml:" in stdout and "PC" in stdout
    assert "检查结果" not in stdout and "Traceback" not in stdout + stderr


def test_unit_filter_keeps_tasks_the_unit_leads_cooperates_on_or_answers_for(policy: Path) -> None:
    """--unit keeps the tasks the unit leads, cooperates on or is responsible for, and no others."""
    assert sorted(_statuses(policy, "--unit", "city-ecology")) == [
        "demo-2023/t1", "demo-2023/t2", "demo-2023/t3", "demo-2023/t4", "demo-2023/t6",  # t3: cooperating
    ]
    assert sorted(_statuses(policy, "--unit", "county-b")) == ["demo-2023/t5"]
    # This plan states no default responsible units, so county-a answers only where it is named.
    assert sorted(_statuses(policy, "--unit", "county-a")) == ["demo-2023/t3"]


def test_unknown_plan_or_unit_is_a_usage_error(policy: Path) -> None:
    """An unknown --plan or --unit is a usage error (exit 2) with a Chinese message."""
    code, _, stderr = run_cli("check", str(policy), "--as-of", AS_OF, "--plan", "nope")
    assert code == 2 and "规划“nope”不存在" in stderr
    code, _, stderr = run_cli("check", str(policy), "--as-of", AS_OF, "--unit", "nope")
    assert code == 2 and "单位“nope”不在单位名录中" in stderr


def _subprocess(policy: Path, *options: str, seed: str = "0") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONIOENCODING": "utf-8"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [str(PLANCHECK), "check", str(policy), "--as-of", AS_OF, *options], capture_output=True, env=env, check=False
    )


@pytest.mark.parametrize("output_format", ["text", "json", "markdown", "github"])
def test_same_input_and_date_give_byte_identical_output(policy: Path, output_format: str) -> None:
    """Two runs with different hash seeds print the same bytes in every format."""
    first = _subprocess(policy, "--format", output_format, seed="1")
    second = _subprocess(policy, "--format", output_format, seed="2")
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stdout


def test_a_reader_that_closes_the_pipe_early_is_not_an_error(policy: Path) -> None:
    """`check | head -c 10` gives the first bytes and nothing on stderr: a closed pipe is not an error."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    command = f"'{PLANCHECK}' check '{policy}' --as-of {AS_OF} --format json | head -c 10"
    result = subprocess.run(["sh", "-c", command], capture_output=True, text=True, env=env, check=False)
    assert result.stdout == '{\n  "schem'
    assert result.stderr == ""


def _report_dated(policy: Path, on: str) -> None:
    folder = policy / "progress" / "city-ecology"
    text = (folder / "2023-05-10-report.yaml").read_text(encoding="utf-8")
    (folder / f"{on}-report.yaml").write_text(text.replace("2023-05-10", on), encoding="utf-8")


def test_reports_after_a_past_as_of_date_are_ignored_in_every_command_and_only_future_ones_are_errors(
    tmp_path: Path,
) -> None:
    """as of 2023-06-01 a report dated 2024-03-01 is not known yet; with today 2024-02-01 it is PC302 everywhere."""
    policy = copy_base(tmp_path)
    _report_dated(policy, "2024-03-01")
    for argv in (["validate", str(policy), "--as-of", "2023-06-01"],
                 ["check", str(policy), "--as-of", "2023-06-01", "--fail-on", "never"]):
        stdout, stderr = io.StringIO(), io.StringIO()
        assert main(argv, stdout=stdout, stderr=stderr, environ={}, today=date(2024, 3, 1)) == 0, stdout.getvalue()
        stdout = io.StringIO()
        assert main([*argv, "--format", "json"], stdout=stdout, stderr=stderr, environ={}, today=date(2024, 2, 1)) == 2
        assert "PC302" in stdout.getvalue() and "晚于今天（2024-02-01）" in stdout.getvalue()


def test_unit_filter_leads_with_named_tasks_and_counts_default_ones_apart(tmp_path: Path) -> None:
    """county-a is named on one task and answers for the others only through 各县（市、区）人民政府."""
    policy = responsibility.build(tmp_path)
    common = ("check", str(policy), "--as-of", responsibility.AS_OF, "--unit", "county-a")
    code, stdout, _ = run_cli(*common, "--format", "json")
    assert (code, [t["id"] for t in json.loads(stdout)["tasks"]]) == (1, ["demo-2023/named"])
    code, stdout, _ = run_cli(*common, "--format", "json", "--with-default")
    assert [t["id"] for t in json.loads(stdout)["tasks"]] == [
        "demo-2023/named", "demo-2023/by-default", "demo-2023/parent",  # child names county-b only
    ]
    by_default = json.loads(stdout)["tasks"][1]
    assert (by_default["responsible_is_default"], by_default["responsible_ids"]) == (True, ["city-counties"])
    _, text, _ = run_cli(*common, "--format", "text")
    assert text.endswith(
        "\n另有 2 项任务没有点名本单位，只因规划统一规定（如“各县（市、区）人民政府”）而相关，"
        "其中逾期 2 项；未列入以上统计。加 --with-default 一并列出。\n"
    )
