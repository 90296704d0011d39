"""Who may report what (PC401, PC402), on the base tree, through the CLI.

Base tree roles in plan demo-2023 (issued by city-air-office, which also oversees it):
s3-1-1 is led by city-ecology and city-industry; a5-01 is led by city-ecology with city-industry
cooperating; both fall to the group city-counties (county-a, county-b) through
default_responsible; the project row a1-01 under s3-1-1 names county-a alone.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from checker.model.records import Model
from checker.validate.permissions import _covers, _indicator_reporters, _overseers, _task_reporters, reportable_index
from checker.workspace import open_workspace
from tests.support import BASE, POLICY, copy_base, findings_in, messages_in, run_validate, write

_HEADER = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: {reporter}
date: 2023-06-01
source: {{title: 工作动态, date: 2023-06-01}}
"""
_UPDATE = """\
updates:
  - task: demo-2023/{task}
    status: in_progress
    quote: 正在推进。
"""
_OBSERVATION = """\
observations:
  - indicator: demo-2023/pm25
    period: {year: 2022}
    value: 50
    quote: 2022年PM2.5浓度50微克/立方米。
"""
# A bureau branch of city-ecology sitting in county-a, and a plan naming seven units on one task
# and none on another (it has no overseer and no default_responsible).
_BRANCH = """\
# yaml-language-server: $schema=../../schemas/organizations.schema.json
jurisdiction: {id: city, name: 示例市, province: 示例省}
organizations:
  - id: city-ecology-a
    name: 示例市生态环境局甲县分局
    kind: bureau_branch
    parent: city-ecology
    county: county-a
"""
_WIDE_PLAN = """\
# yaml-language-server: $schema=../../schemas/plan.schema.json
id: wide-2023
title: 示例市联合执法工作方案
kind: annual_work_plan
jurisdiction: city
document: {number: 示政〔2023〕2号, issuer: city-gov, issued: 2023-03-01}
period: {start: 2023-01-01, end: 2023-12-31}
tasks:
  - id: t1
    kind: task
    title: 联合执法
    lead: [city-gov, city-ecology, city-industry]
    cooperating: [county-a, county-b, ent-steel, city-air-office]
    schedule: {kind: plan_period}
    source: {section: 一}
  - id: t2
    kind: task
    title: 加强宣传
    schedule: {kind: plan_period}
    source: {section: 二}
"""


def _validate(tmp_path: Path, folder: str, reporter: str, body: str) -> tuple[int, dict[str, Any]]:
    """The base tree plus the branch, the wide plan and one report in progress/<folder>/."""
    policy = copy_base(tmp_path)
    write(policy, "organizations/zz-branch.yaml", _BRANCH)
    write(policy, "plans/wide-2023.yaml", _WIDE_PLAN)
    write(policy, f"progress/{folder}/2023-06-01-check.yaml", _HEADER.format(reporter=reporter) + body)
    code, report, stderr = run_validate(policy)
    assert stderr == ""
    return code, report


def test_reporter_differing_from_its_folder_is_pc401_at_the_reporter(tmp_path: Path) -> None:
    """The file in progress/county-a/ says city-ecology: PC401 names both, at the reporter value."""
    code, report = _validate(tmp_path, "county-a", "city-ecology", _UPDATE.format(task="a5-01"))
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC401 2:11"]
    assert messages_in(report) == ["报送单位“city-ecology”与所在文件夹“county-a”不一致。"]
    assert report["findings"][0]["hint"].startswith("进展文件须放在 progress/<报送单位ID>/ 中")
    assert code == 2


def test_a_county_reporting_another_countys_project_is_pc402_at_the_task(tmp_path: Path) -> None:
    """a1-01 is county-a's; county-b, responsible for the body task s3-1-1 above it, may still not report it."""
    code, report = _validate(tmp_path, "county-b", "county-b", _UPDATE.format(task="a1-01"))
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC402 6:11"]
    assert messages_in(report) == [
        "“乙县人民政府”无权报送任务“demo-2023/a1-01”的进展，可报送的单位是："
        "甲县人民政府、示例市生态环境局、示例市工业和信息化局、示例市大气污染防治工作领导小组办公室。"
    ]
    assert code == 2


def test_a_county_may_report_a_task_of_its_group(tmp_path: Path) -> None:
    """a5-01 falls to city-counties through default_responsible, so county-b, a member, may report it."""
    code, report = _validate(tmp_path, "county-b", "county-b", _UPDATE.format(task="a5-01"))
    assert report["findings"] == []
    assert code == 0


def test_the_overseeing_office_may_report_any_task_of_its_plan(tmp_path: Path) -> None:
    """city-air-office oversees demo-2023 and is named on none of its tasks, yet may report a1-01."""
    code, report = _validate(tmp_path, "city-air-office", "city-air-office", _UPDATE.format(task="a1-01"))
    assert report["findings"] == []
    assert code == 0


def test_a_cooperating_unit_may_report_the_task(tmp_path: Path) -> None:
    """city-industry only cooperates on a5-01; that is enough."""
    code, report = _validate(tmp_path, "city-industry", "city-industry", _UPDATE.format(task="a5-01"))
    assert report["findings"] == []
    assert code == 0


def test_the_lead_of_a_body_task_may_report_its_project_rows(tmp_path: Path) -> None:
    """city-industry leads s3-1-1 and is not named on its row a1-01; the row rolls up into its task."""
    _code, report = _validate(tmp_path, "city-industry", "city-industry", _UPDATE.format(task="a1-01"))
    assert report["findings"] == []


def test_a_bureau_branch_may_not_report_for_its_parent_or_its_county(tmp_path: Path) -> None:
    """The branch is under city-ecology (lead of a5-01) and in county-a (responsible): still refused."""
    _code, report = _validate(tmp_path, "city-ecology-a", "city-ecology-a", _UPDATE.format(task="a5-01"))
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC402 6:11"]


def test_more_than_five_allowed_units_are_summed_up(tmp_path: Path) -> None:
    """Seven units may report wide-2023/t1; the message shows five names and the count."""
    body = "updates:\n  - task: wide-2023/t1\n    status: in_progress\n    quote: 正在推进。\n"
    _code, report = _validate(tmp_path, "city-ecology-a", "city-ecology-a", body)
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC402 6:11"]
    assert messages_in(report) == [
        "“示例市生态环境局甲县分局”无权报送任务“wide-2023/t1”的进展，可报送的单位是："
        "示例市人民政府、示例市生态环境局、示例市工业和信息化局、甲县人民政府、乙县人民政府等7个单位。"
    ]


def test_a_task_naming_no_unit_can_be_reported_by_no_one(tmp_path: Path) -> None:
    """wide-2023/t2 names nobody and wide-2023 has no overseer: the message says so instead of listing."""
    body = "updates:\n  - task: wide-2023/t2\n    status: in_progress\n    quote: 正在推进。\n"
    _code, report = _validate(tmp_path, "city-gov", "city-gov", body)
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC402 6:11"]
    assert messages_in(report) == ["“示例市人民政府”无权报送任务“wide-2023/t2”的进展：规划中没有为其登记任何单位。"]


def test_an_observation_by_an_unrelated_unit_is_pc402_at_the_indicator(tmp_path: Path) -> None:
    """The steel company has no role in demo-2023: PC402 at the indicator value, naming who may."""
    code, report = _validate(tmp_path, "ent-steel", "ent-steel", _OBSERVATION)
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC402 6:16"]
    assert messages_in(report) == [
        "“示例钢铁有限公司”无权报送指标“demo-2023/pm25”的观测值，可报送的单位是："
        "示例市大气污染防治工作领导小组办公室、示例市生态环境局、示例市工业和信息化局。"
    ]
    assert code == 2


def test_a_responsible_county_may_not_observe_a_plan_wide_indicator(tmp_path: Path) -> None:
    """county-a answers for tasks through city-counties, but its figure is not the plan's value."""
    _code, report = _validate(tmp_path, "county-a", "county-a", _OBSERVATION)
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC402 6:16"]


def test_any_lead_unit_of_the_plan_may_observe_its_indicators(tmp_path: Path) -> None:
    """city-industry leads s3-1-1, so it may record PM2.5; so may the issuing, overseeing office."""
    _code, report = _validate(tmp_path / "lead", "city-industry", "city-industry", _OBSERVATION)
    assert report["findings"] == []
    _code, report = _validate(tmp_path / "office", "city-air-office", "city-air-office", _OBSERVATION)
    assert report["findings"] == []


def test_unknown_reporters_and_tasks_are_left_to_the_reference_check(tmp_path: Path) -> None:
    """An unregistered reporter or an unknown task gets PC202 or PC203, not a PC402 on top."""
    _code, report = _validate(tmp_path / "unit", "nobody", "nobody", _UPDATE.format(task="a1-01"))
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC202 2:11"]
    _code, report = _validate(tmp_path / "task", "county-b", "county-b", _UPDATE.format(task="a9-99"))
    assert findings_in(report, "2023-06-01-check.yaml") == ["PC203 6:11"]


def _reportable_unit_by_unit(model: Model, unit: str) -> tuple[list[str], list[str]]:
    """The rule as it read before the index: each task's allowed units worked out for this unit."""
    overseers = _overseers(model)
    tasks = [task.key for plan in model.plans.values() for task in plan.tasks
             if _covers(model, _task_reporters(task, model, overseers), unit)]
    indicators = [indicator.key for plan in model.plans.values()
                  if _covers(model, _indicator_reporters(plan, overseers), unit) for indicator in plan.indicators]
    return tasks, indicators


@pytest.mark.parametrize("policy", [BASE / "policy", POLICY], ids=["base", "bundled"])
def test_the_index_gives_every_unit_what_the_rule_gives_it(policy: Path) -> None:
    """reportable_index answers for every unit, group and unknown ID as PC402's rule does, in the same order."""
    model = open_workspace([policy], date(2026, 1, 1)).validation.model
    index = reportable_index(model)
    units = [*model.organizations, *model.groups, "no-such-unit"]
    assert len(units) > 5
    for unit in units:
        tasks, indicators = index.of(unit)
        assert ([task.key for task in tasks], [i.key for i in indicators]) == _reportable_unit_by_unit(model, unit)
    assert any(index.of(unit)[0] for unit in model.groups)  # members of a group are covered through it
