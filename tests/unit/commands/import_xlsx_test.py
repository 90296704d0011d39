"""plancheck import-xlsx end to end: export → fill with openpyxl → import → validate → check shows the new status."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from checker.ledger import layout
from tests.support import copy_base, run_cli, run_validate
from tests.unit.ledger.support import filled, unit_file

ON = "2023-06-01"
TASK = "demo-2023/a5-01"
SOURCE = ("示例市生态环境局工作动态（第9期）", datetime(2023, 5, 31))
DONE = {layout.STATUS: "已完成", layout.DONE: 30, layout.TOTAL: 30, layout.WHEN: datetime(2023, 5, 31),
        layout.QUOTE: "30项涉VOCs治理项目已全部完成。"}


def _import(policy: Path, workbook: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("import-xlsx", str(workbook), "--unit", "city-ecology", "--date", ON, "--policy", str(policy),
                   "--no-cache", *extra)


def _status(policy: Path, task: str) -> str:
    _, stdout, _ = run_cli("check", str(policy), "--as-of", ON, "--format", "json", "--no-cache")
    return str(next(t["status"] for t in json.loads(stdout)["tasks"] if t["id"] == task))


def test_round_trip_turns_an_overdue_task_done(tmp_path: Path) -> None:
    """The unit's ledger, filled in, becomes a report that validates and moves the task from overdue to done."""
    policy = copy_base(tmp_path)
    assert _status(policy, TASK) == "overdue"
    workbook = tmp_path / "台账.xlsx"
    workbook.write_bytes(filled(unit_file(), SOURCE, {TASK: DONE}))
    code, stdout, stderr = _import(policy, workbook)
    report = policy / "progress" / "city-ecology" / f"{ON}-report.yaml"
    assert (code, stderr) == (0, ""), stdout
    shown = report.as_posix()
    assert stdout == f"已写入 {shown}。请运行 plancheck validate {shown} 检查，然后提交拉取请求。\n"
    assert report.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json\n")
    code, result, _ = run_validate(policy, ON)
    assert code == 0 and result["errors"] == 0
    assert _status(policy, TASK) == "done"


def test_an_existing_report_is_never_overwritten(tmp_path: Path) -> None:
    """import-xlsx refuses to write over an existing file and leaves it as it was (exit 2)."""
    policy = copy_base(tmp_path)
    workbook = tmp_path / "台账.xlsx"
    workbook.write_bytes(filled(unit_file(), SOURCE, {TASK: DONE}))
    target = tmp_path / "out.yaml"
    target.write_text("keep\n", encoding="utf-8")
    code, stdout, stderr = _import(policy, workbook, "--output", str(target))
    assert code == 2 and stdout == ""
    assert "不会覆盖" in stderr and target.read_text(encoding="utf-8") == "keep\n"


def test_validation_findings_point_at_the_cells_with_the_same_codes(tmp_path: Path) -> None:
    """A blank source date and total (PC110) and an impossible date (PC106) come back as cells; nothing is written."""
    policy = copy_base(tmp_path)
    workbook = tmp_path / "台账.xlsx"
    rows: dict[str, dict[str, Any]] = {TASK: {layout.STATUS: "推进中", layout.DONE: 3, layout.QUOTE: "已完成3项。"},
            "demo-2023/s3-1-1": {layout.STATUS: "推进中", layout.QUOTE: "在推进。", layout.WHEN: "2023-02-30"}}
    workbook.write_bytes(filled(unit_file(), (SOURCE[0], None), rows))
    code, stdout, stderr = _import(policy, workbook)
    assert code == 2 and stderr == ""
    lines = [line for line in stdout.splitlines() if not line.startswith("    ")]
    shown = workbook.as_posix()
    assert lines == [
        f"{shown} 任务台账!G2: PC110 错误 材料日期：“date”尚未填写（应为文字）。",
        f"{shown} 任务台账!W4: PC110 错误 总数：“total”尚未填写（应为数字）。",
        f"{shown} 任务台账!X5: PC106 错误 完成或预计完成日期：updates[1].forecast.date：“2023-02-30” 不是有效日期："
        "须写作 YYYY-MM-DD，且是真实存在的日期。",
        f"未通过：{shown} 有 3 个错误，未生成报送文件。",
    ]
    assert not (policy / "progress" / "city-ecology" / f"{ON}-report.yaml").exists()


def test_references_are_checked_at_the_task_id_cell(tmp_path: Path) -> None:
    """An unknown task (PC203) points at the 任务ID cell; the other row is valid and gives nothing."""
    policy = copy_base(tmp_path)
    workbook = tmp_path / "台账.xlsx"
    rows = {TASK: {"任务ID": "demo-2023/nope", layout.STATUS: "推进中", layout.QUOTE: "在推进。"},
            "demo-2023/s3-1-1": {layout.STATUS: "推进中", layout.QUOTE: "在推进。"}}
    workbook.write_bytes(filled(unit_file(), SOURCE, rows))
    code, stdout, _ = _import(policy, workbook)
    pins = [line.split(": ")[0].split(" ")[-1] + " " + line.split(": ")[1].split(" ")[0]
            for line in stdout.splitlines() if "任务台账!" in line]
    assert code == 2 and pins == ["任务台账!AA4 PC203"]


def test_a_hostile_file_exits_2_with_a_finding(tmp_path: Path) -> None:
    """Not a workbook: one finding about the whole file, exit 2, no traceback."""
    policy = copy_base(tmp_path)
    workbook = tmp_path / "evil.xlsx"
    workbook.write_bytes(b"=cmd|' /C calc'!A0\n")
    code, stdout, stderr = _import(policy, workbook)
    assert (code, stderr) == (2, "")
    assert stdout.startswith(f"{workbook.as_posix()}: PC602 错误 文件不是 .xlsx 格式的 Excel 工作簿。\n")


def test_a_report_date_in_the_future_points_at_the_command_line(tmp_path: Path) -> None:
    """PC302 comes from --date, not from a cell: the finding says so instead of naming a cell."""
    policy = copy_base(tmp_path)
    workbook = tmp_path / "台账.xlsx"
    workbook.write_bytes(filled(unit_file(), SOURCE, {TASK: DONE}))
    code, stdout, stderr = run_cli("import-xlsx", str(workbook), "--unit", "city-ecology", "--date", "2999-01-01",
                                   "--policy", str(policy), "--no-cache")
    assert (code, stderr) == (2, "")
    assert stdout.startswith(f"{workbook.as_posix()}: PC302 错误 --date：")


def test_an_unknown_unit_is_a_usage_error(tmp_path: Path) -> None:
    """A misspelt --unit is a usage error that suggests the unit meant."""
    policy = copy_base(tmp_path)
    code, stdout, stderr = run_cli("import-xlsx", str(tmp_path / "x.xlsx"), "--unit", "city-ecolgy", "--date", ON,
                                   "--policy", str(policy), "--no-cache")
    assert (code, stdout) == (2, "")
    assert "单位“city-ecolgy”不在单位名录中。是否应为：city-ecology" in stderr
