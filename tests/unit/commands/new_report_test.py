"""plancheck new-report: a skeleton of the unit's open work that fails until filled and passes once filled."""

from __future__ import annotations

from pathlib import Path

import yaml

from checker.load.yaml_loader import parse_yaml
from tests.support import copy_base, findings_in, messages_in, run_cli, run_validate
from tests.unit.report import responsibility_scenario as responsibility

ON = "2023-06-01"
NAME = f"{ON}-report.yaml"


def _new(policy: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli("new-report", "--unit", "city-ecology", "--date", ON, str(policy), *extra)


def test_skeleton_lists_open_work_with_status_comments(tmp_path: Path) -> None:
    """--all: every open item the unit may report, most urgent first, each under its status."""
    policy = copy_base(tmp_path)
    code, stdout, stderr = _new(policy, "--all")
    assert (code, stderr) == (0, "")
    report = policy / "progress" / "city-ecology" / NAME
    assert stdout == (f"已写入 {report.as_posix()}：列出 4 条待填写的任务和指标。\n"
                      f"请按文件开头的说明填写，然后运行 plancheck validate {report.as_posix()} 检查。\n")
    text = report.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schemas/progress.schema.json\n#\n"
                           "# 示例市生态环境局进展报送（2023-06-01），由 plancheck new-report 生成。\n")
    body = text.split("reporter:", 1)[1]
    assert body == """ city-ecology
date: 2023-06-01
source:
  title:
  date: 2023-06-01
# 以下任务按紧急程度排列：逾期的在前。
updates:
  # 【逾期未完成】大力实施VOCs治理
  # 目标：全市开展30项涉VOCs治理项目，4月底完成率不低于75%，5月底全部完成。
  # 状态：截止2023-05-31，已逾期1天，最近报送：2023-05-10 示例市生态环境局工作动态（已完成24/30项）（牵头：示例市生态环境局）
  # 数量：全市开展30项涉VOCs治理项目，可填 done、total、count_unit: 项
  - task: demo-2023/a5-01
    status:
    quote:
  # 【逾期未完成】加强污染精准治理
  # 目标：完成示例热电退城搬迁。
  # 状态：下属任务逾期未完成1项（下属2项：逾期未完成1项、未报送1项）；本任务：截止2023-12-31，还剩213天，尚未报送进展（原文未注明时限，按规划期末计）（牵头：示例市生态环境局、示例市工业和信息化局）
  - task: demo-2023/s3-1-1
    status:
    quote:
  # 【未报送】关停1#高炉
  # 状态：截止2023-11-15，还剩167天，尚未报送进展（责任：甲县人民政府）
  - task: demo-2023/a1-01
    status:
    quote:
# 指标观测值：period.year 已预填为规划目标年份或上一个完整年份，请按数据所属年份改正；当年只有部分月份的，加 through_month（截至几月）。
observations:
  # 【符合序时进度】细颗粒物（PM2.5）浓度（微克/立方米）：2022年50微克/立方米；按基期57（2020年）至目标42（2025年）的直线路径，2022年应不高于51，符合序时进度
  - indicator: demo-2023/pm25
    period: {year: 2022}
    value:
    quote:
"""


def test_unfilled_skeleton_fails_with_one_summary(tmp_path: Path) -> None:
    """Nine blank fields are one PC110 at the first, naming the lines, not nine findings."""
    policy = copy_base(tmp_path)
    _new(policy, "--all")
    code, report, _ = run_validate(policy, ON)
    assert code == 2
    assert findings_in(report, NAME) == ["PC110 16:9"]
    assert messages_in(report) == [
        "9 处尚未填写：第 16、25、26、31、32、36、37、43 行等。首处“title”尚未填写（应为文字）。"]


def test_one_blank_field_keeps_its_own_message(tmp_path: Path) -> None:
    """Only `status:` left blank: PC110 keeps the field's own message with the values it accepts."""
    policy = copy_base(tmp_path)
    _new(policy, "--task", "demo-2023/a5-01")
    report = policy / "progress" / "city-ecology" / NAME
    text = report.read_text(encoding="utf-8").replace("  title:\n", "  title: 工作动态\n").replace(
        "    quote:\n", "    quote: 已全部完成。\n")
    report.write_text(text, encoding="utf-8")
    code, result, _ = run_validate(policy, ON)
    assert code == 2
    assert findings_in(result, NAME) == ["PC110 25:12"]
    assert [item["message"] for item in result["findings"]] == ["“status”尚未填写，可选：done、in_progress、not_started。"]


def _fill(text: str) -> str:
    """What a submitter does in an editor: fill the title, one task and the indicator; delete two tasks."""
    text = text.replace("  title:\n", "  title: 示例市生态环境局工作动态（第13期）\n")
    first, rest = text.split("  # 【逾期未完成】加强污染精准治理\n", 1)
    first = first.replace("    status:\n    quote:\n", "    status: done\n    done: 30\n    total: 30\n"
                          "    count_unit: 项\n    completed_on: 2023-05-30\n    quote: 30个项目已全部完成。\n", 1)
    observations = rest[rest.index("# 指标观测值"):]
    observations = observations.replace("    value:\n    quote:\n", "    value: 50\n    quote: 2022年PM2.5浓度50微克/立方米。\n")
    return first + observations


def test_filled_skeleton_validates_and_marks_the_task_done(tmp_path: Path) -> None:
    """The skeleton, once filled, validates without findings and `check` shows its task done."""
    policy = copy_base(tmp_path)
    _new(policy)
    report = policy / "progress" / "city-ecology" / NAME
    report.write_text(_fill(report.read_text(encoding="utf-8")), encoding="utf-8")
    code, result, _ = run_validate(policy, ON)
    assert (code, result["findings"]) == (0, [])
    code, stdout, _ = run_cli("check", str(policy), "--as-of", ON, "--format", "json")
    statuses = {task["id"]: task["status"] for task in yaml.safe_load(stdout)["tasks"]}
    assert statuses["demo-2023/a5-01"] == "done"


def test_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    """A second new-report for the same file refuses (exit 2) and points at --update."""
    policy = copy_base(tmp_path)
    _new(policy)
    report = policy / "progress" / "city-ecology" / NAME
    filled = _fill(report.read_text(encoding="utf-8"))
    report.write_text(filled, encoding="utf-8")
    code, stdout, stderr = _new(policy)
    assert (code, stdout) == (2, "")
    assert "文件已存在" in stderr and "--update" in stderr
    assert report.read_text(encoding="utf-8") == filled


def test_update_appends_only_what_is_missing_and_keeps_everything_else(tmp_path: Path) -> None:
    """--update adds only the missing entries and keeps every line, comment and entry already there."""
    policy = copy_base(tmp_path)
    _new(policy)
    report = policy / "progress" / "city-ecology" / NAME
    filled = _fill(report.read_text(encoding="utf-8")).replace(
        "    quote: 30个项目已全部完成。\n", "    quote: 30个项目已全部完成。  # 见第13期第2页\n")
    report.write_text(filled, encoding="utf-8")
    code, stdout, _ = _new(policy, "--update")
    assert code == 0
    assert "补充 1 条" in stdout
    updated = report.read_text(encoding="utf-8")
    # Every line of the filled file is still there, in order; the deleted task comes back at the end of updates.
    lines = iter(updated.splitlines())
    assert all(any(line == other for other in lines) for line in filled.splitlines())
    before, _ = parse_yaml(filled, "before")
    after, _ = parse_yaml(updated, "after")
    assert list(after) == list(before)
    assert after["updates"][:1] == before["updates"]
    assert after["observations"] == before["observations"]
    assert [u["task"] for u in after["updates"][1:]] == ["demo-2023/s3-1-1"]
    assert "没有尚未列出的未完成任务或指标，未写入文件。\n另有 1 条" in _new(policy, "--update")[1]


def test_broken_existing_file_is_refused_unchanged(tmp_path: Path) -> None:
    """--update on a file with a duplicate key refuses with the position, no traceback, and leaves the file
    untouched."""
    policy = copy_base(tmp_path)
    report = policy / "progress" / "city-ecology" / NAME
    broken = "reporter: city-ecology\nreporter: city-ecology\n"
    report.write_text(broken, encoding="utf-8")
    code, _, stderr = _new(policy, "--update")
    assert code == 2
    assert "第 2 行第 1 列" in stderr and "Traceback" not in stderr
    assert report.read_text(encoding="utf-8") == broken


def test_unknown_unit_plan_and_invalid_tree(tmp_path: Path) -> None:
    """An unknown unit (with a suggestion), an unknown plan and an invalid tree are refused and no file is
    written."""
    policy = copy_base(tmp_path)
    code, _, stderr = run_cli("new-report", "--unit", "city-ecolgy", "--date", ON, str(policy))
    assert code == 2
    assert stderr == "plancheck: 单位“city-ecolgy”不在单位名录中。是否应为：city-ecology、city-gov？\n"
    code, _, stderr = _new(policy, "--plan", "nope")
    assert code == 2 and "规划“nope”不存在" in stderr
    (policy / "plans" / "demo-2023.yaml").write_text("id: [\n", encoding="utf-8")
    code, stdout, _ = _new(policy)
    assert code == 2
    assert stdout.startswith("现有数据有错误，请先改正再生成报送文件：\n")
    assert not (policy / "progress" / "city-ecology" / NAME).exists()


def test_a_county_skeleton_lists_tasks_that_name_it_before_those_it_answers_for_by_default(tmp_path: Path) -> None:
    """county-a is named on one task; the others reach it only through 各县（市、区）人民政府.

    With --all (the default offers default-only tasks just when they are overdue), the named task
    comes first and each default-only task says why it is listed.
    """
    policy = responsibility.build(tmp_path)
    code, _, stderr = run_cli("new-report", "--unit", "county-a", "--date", responsibility.AS_OF, "--all", str(policy))
    assert (code, stderr) == (0, "")
    text = (policy / "progress" / "county-a" / f"{responsibility.AS_OF}-report.yaml").read_text(encoding="utf-8")
    order = [text.index(f"task: demo-2023/{task_id}") for task_id in ("named", "by-default", "parent")]
    assert order == sorted(order)
    assert text.count("未点名本单位，只因规划统一规定“各县（市、区）人民政府”负责而列出") == 2


def test_update_counts_tasks_named_by_a_group_entry_as_present(tmp_path: Path) -> None:
    """A report whose rows_of entry names a1-01 (the 钢铁 row of s3-1-1): --update does not offer a1-01 again."""
    policy = copy_base(tmp_path)
    report = policy / "progress" / "city-ecology" / NAME
    report.write_text(
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json\n"
        f"reporter: city-ecology\ndate: {ON}\nsource: {{title: 工作动态, date: {ON}}}\nupdates:\n"
        "  - rows_of: demo-2023/s3-1-1\n    where: {industry: 钢铁}\n    status: in_progress\n    quote: 正在推进。\n",
        encoding="utf-8",
    )
    code, _, _ = _new(policy, "--update")
    assert code == 0
    after, _ = parse_yaml(report.read_text(encoding="utf-8"), "after")
    assert [u.get("task") for u in after["updates"]] == [None, "demo-2023/a5-01", "demo-2023/s3-1-1"]


def test_update_keeps_a_windows_file_byte_for_byte(tmp_path: Path) -> None:
    """A CRLF report with an escape stays CRLF, and its bytes are all still there in order."""
    policy = copy_base(tmp_path)
    _new(policy)
    report = policy / "progress" / "city-ecology" / NAME
    filled = _fill(report.read_text(encoding="utf-8")).replace("30个项目已全部完成。", '"30个项目\\u00a0已全部完成。"')
    report.write_bytes(filled.replace("\n", "\r\n").encode("utf-8"))
    code, stdout, _ = _new(policy, "--update")
    assert (code, "补充 1 条" in stdout) == (0, True)
    updated = report.read_bytes().decode("utf-8")
    assert updated.count("\n") == updated.count("\r\n")
    assert '"30个项目\\u00a0已全部完成。"' in updated
    lines = iter(updated.split("\r\n"))
    assert all(any(line == other for other in lines) for line in filled.split("\n"))


def test_update_refuses_a_file_whose_lines_editors_count_differently(tmp_path: Path) -> None:
    """A U+2028 in a comment (PC027) would move where entries are spliced in: refused, file unchanged."""
    policy = copy_base(tmp_path)
    _new(policy)
    report = policy / "progress" / "city-ecology" / NAME
    text = report.read_text(encoding="utf-8").replace("#\n", "# \u2028\n", 1)
    report.write_text(text, encoding="utf-8")
    code, _, stderr = _new(policy, "--update")
    assert code == 2 and "U+2028" in stderr
    assert report.read_text(encoding="utf-8") == text


def test_default_lists_what_the_unit_is_expected_to_report_and_says_what_it_left_out(tmp_path: Path) -> None:
    """The project row a1-01 names a county, not the unit, and is not overdue: left out, and counted."""
    policy = copy_base(tmp_path)
    code, stdout, _ = _new(policy)
    assert code == 0
    assert stdout.splitlines()[1] == (
        "另有 1 条本单位可报送的未完成任务和指标未列出（未点名本单位、未逾期，或所属规划已结束）。"
        "要列出全部，加 --all；只列出材料讲到的，用 --task 规划ID/任务ID 或 --match 关键词。")
    skeleton = yaml.safe_load((policy / "progress" / "city-ecology" / NAME).read_text(encoding="utf-8"))
    assert [entry["task"] for entry in skeleton["updates"]] == ["demo-2023/a5-01", "demo-2023/s3-1-1"]
    assert [entry["indicator"] for entry in skeleton["observations"]] == ["demo-2023/pm25"]


def test_task_and_match_list_exactly_the_named_items(tmp_path: Path) -> None:
    """--task lists the named task and indicator only (and counts the rest); --match finds VOCs治理 despite a space."""
    policy = copy_base(tmp_path)
    code, stdout, _ = _new(policy, "--task", "demo-2023/a1-01", "demo-2023/pm25")
    assert code == 0
    assert "列出 2 条" in stdout
    assert "另有 2 条本单位可报送的未完成任务和指标未列出（不在 --task、--match 指定的范围内）。要列出全部，加 --all。\n" in stdout
    report = policy / "progress" / "city-ecology" / NAME
    skeleton = yaml.safe_load(report.read_text(encoding="utf-8"))
    assert [entry["task"] for entry in skeleton["updates"]] == ["demo-2023/a1-01"]
    assert [entry["indicator"] for entry in skeleton["observations"]] == ["demo-2023/pm25"]
    report.unlink()
    code, stdout, _ = _new(policy, "--match", "VOCs 治理")  # spaces are ignored, as PDF text scatters them
    skeleton = yaml.safe_load(report.read_text(encoding="utf-8"))
    assert [entry["task"] for entry in skeleton["updates"]] == ["demo-2023/a5-01"]
    assert "observations" not in skeleton


def test_task_refuses_unknown_and_foreign_items(tmp_path: Path) -> None:
    """An unknown ID gets close matches; another unit's task is refused as PC402 would; --all excludes --match; nothing is written."""
    policy = copy_base(tmp_path)
    code, _, stderr = _new(policy, "--task", "demo-2023/a5-1")
    assert (code, stderr) == (2, "plancheck: 任务或指标“demo-2023/a5-1”不存在。是否应为：demo-2023/a5-01、demo-2023/a1-01、demo-2023/s3-1-1？\n")
    code, _, stderr = run_cli("new-report", "--unit", "county-b", "--date", ON, str(policy), "--task", "demo-2023/a1-01")
    assert code == 2 and "无权报送“demo-2023/a1-01”" in stderr
    for path in (str(policy), "policy"):  # PATH after --task is read as one more ID
        code, _, stderr = run_cli("new-report", "--unit", "city-ecology", str(policy), "--task", "demo-2023/a5-01", path)
        assert code == 2 and f"“{path}”不是“规划ID/任务ID”的写法。policy 目录请写在 --task 之前。" in stderr
    code, _, stderr = _new(policy, "--all", "--match", "VOCs")
    assert code == 2 and "--all" in stderr
    assert not (policy / "progress" / "city-ecology" / NAME).exists()
