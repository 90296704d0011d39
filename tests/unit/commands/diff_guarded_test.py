"""plancheck diff: every field the evaluator reads to decide a deadline, a milestone or a target is guarded.

One case per guarded field (checker/changes/guarded.py): edited without an amendment, the change
is refused at the edited line and column; with a new amendment record naming the item and field,
the same edit is accepted and listed with the amendment that records it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from checker.changes.guarded import INDICATOR_FIELDS, PLAN_FIELDS, TASK_FIELDS, Guarded
from checker.validate.references import PLAN_ITEM_FIELDS
from tests.unit.commands.diff_support import append, committed_base, diff, edit

_PLAN = Path("plans") / "demo-2023.yaml"

# (field, item, old text, new text, expected finding: file:line:column: code and the start of the message)
CASES = [
    ("period", "demo-2023", "  end: 2023-12-31", "  end: 2024-06-30",
     "policy/plans/demo-2023.yaml:12:8: PC508 错误 规划 demo-2023 的规划期由“2023-01-01至2023-12-31”"
     "改为“2023-01-01至2024-06-30”"),
    ("period", "demo-2023", "  start: 2023-01-01", "  start: 2023-03-01",
     "policy/plans/demo-2023.yaml:11:10: PC508 错误 规划 demo-2023 的规划期由“2023-01-01至2023-12-31”"
     "改为“2023-03-01至2023-12-31”"),
    ("schedule", "a5-01", "      deadline: 2023-05-31\n", "      deadline: 2023-05-31\n      start: 2023-03-01\n",
     "policy/plans/demo-2023.yaml:59:14: PC509 错误 规划 demo-2023 中 a5-01 的时限类型或起始日期由“有截止日期”"
     "改为“有截止日期，起始2023-03-01”"),
    ("schedule", "s3-1-1", "    schedule: {kind: plan_period}",
     "    schedule: {kind: plan_period, reporting_interval_days: 30}",
     "policy/plans/demo-2023.yaml:34:60: PC509 错误 规划 demo-2023 中 s3-1-1 的时限类型或起始日期由“按规划期末计”"
     "改为“按规划期末计，报送周期30天”"),
    ("milestones", "a5-01", "date: 2023-04-30", "date: 2023-05-15",
     "policy/plans/demo-2023.yaml:66:9: PC510 错误 规划 demo-2023 中 a5-01 的阶段节点由“april 2023-04-30 "),
    ("milestones", "a5-01", "share: 0.75", "share: 0.5",
     "改为“april 2023-04-30 4月底完成率不低于75%（50%）；may 2023-05-31 5月底全部完成（100%）”"),
    ("milestones", "a5-01", "      - {id: may, text: 5月底全部完成, date: 2023-05-31, share: 1}\n", "",
     "policy/plans/demo-2023.yaml:66:7: PC510 错误"),
    ("quantities", "a5-01", "        value: 30\n", "        value: 28\n",
     "policy/plans/demo-2023.yaml:60:9: PC511 错误 规划 demo-2023 中 a5-01 的量化目标由“projects 不少于30项”"
     "改为“projects 不少于28项”"),
    ("quantities", "a5-01", "        comparison: at_least\n", "        comparison: equal\n",
     "policy/plans/demo-2023.yaml:60:9: PC511 错误 规划 demo-2023 中 a5-01 的量化目标由“projects 不少于30项”"
     "改为“projects 等于30项”"),
    ("quantities", "a5-01", "        unit: 项\n", "        unit: 个\n", "改为“projects 不少于30个”"),
    ("quantities", "a5-01", "        value: 30\n",
     "        value: 30\n        sub_quotas:\n          - {id: east, text: 其中东区不少于10项, value: 10}\n",
     "policy/plans/demo-2023.yaml:60:9: PC511 错误 规划 demo-2023 中 a5-01 的量化目标由“projects 不少于30项”"
     "改为“projects 不少于30项，其中east10项”"),
    ("indicator_baseline", "pm25", "    baseline: {year: 2020, value: 57", "    baseline: {year: 2020, value: 58",
     "policy/plans/demo-2023.yaml:23:15: PC512 错误 规划 demo-2023 中 pm25 的指标基期由“2020年57”"
     "改为“2020年58（原文“57”）”"),
    ("indicator_direction", "pm25", "    direction: at_most", "    direction: at_least",
     "policy/plans/demo-2023.yaml:22:16: PC512 错误 规划 demo-2023 中 pm25 的指标达标方向由“越低越好”改为“越高越好”"),
    ("indicator_unit", "pm25", "    unit: 微克/立方米", "    unit: 毫克/立方米",
     "policy/plans/demo-2023.yaml:20:11: PC512 错误 规划 demo-2023 中 pm25 的指标计量单位由“微克/立方米”"
     "改为“毫克/立方米”"),
    ("cooperating", "a5-01", "    cooperating: [city-industry]\n", "    cooperating: [city-industry, county-b]\n",
     "policy/plans/demo-2023.yaml:54:18: PC515 错误 规划 demo-2023 中 a5-01 的配合单位由“city-industry”"
     "改为“city-industry、county-b”"),
    ("responsible", "a1-01", "    responsible: [county-a]\n", "    responsible: [county-a, county-b]\n",
     "policy/plans/demo-2023.yaml:41:18: PC515 错误 规划 demo-2023 中 a1-01 的责任单位由“county-a”"
     "改为“county-a、county-b”"),
    ("responsible", "a5-01", "    cooperating: [city-industry]\n",
     "    cooperating: [city-industry]\n    responsible: [county-b]\n",
     "的责任单位由“按全文统一责任主体”改为“county-b”"),
    ("parent", "a1-01", "    parent: s3-1-1\n    responsible", "    parent: a5-01\n    responsible",
     "policy/plans/demo-2023.yaml:40:13: PC515 错误 规划 demo-2023 中 a1-01 的上级任务由“s3-1-1”改为“a5-01”"),
    ("default_responsible", "demo-2023", "  units: [city-counties]", "  units: [city-counties, city-industry]",
     "policy/plans/demo-2023.yaml:14:10: PC516 错误 规划 demo-2023 的全文统一责任主体由“city-counties”"
     "改为“city-counties、city-industry”"),
    ("issuer", "demo-2023", "  issuer: city-air-office", "  issuer: city-ecology",
     "policy/plans/demo-2023.yaml:8:11: PC516 错误 规划 demo-2023 的发文单位由“city-air-office”改为“city-ecology”"),
    ("indicator_target", "pm25", "{year: 2025, kind: absolute", "{year: 2024, kind: absolute",
     "policy/plans/demo-2023.yaml:24:13: PC505 错误 规划 demo-2023 中 pm25 的指标目标由“42（2025年，绝对值42）”"
     "改为“42（2024年，绝对值42）”"),
]


_REQUIRED = {  # what the schema asks of these fields: the new value, applied by the evaluator
    "indicator_target": ', value: 42, text: "42"', "cooperating": ", units: [city-industry, county-b]",
    "responsible": ", units: [county-a, county-b]",
}


def _amendment(item: str, field: str) -> str:
    change = f"{{item: {item}, field: {field}{_REQUIRED.get(field, '')}}}"
    return (f"amendments:\n  - id: recorded-edit\n    document: {{number: 示气领办〔2023〕9号, date: 2023-06-01}}\n"
            f"    reason: 核对原文后更正。\n    changes:\n      - {change}\n")


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    policy = committed_base(tmp_path)
    monkeypatch.chdir(policy.parent)
    return policy


@pytest.mark.parametrize("case", CASES, ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)])
def test_guarded_edit_without_amendment_is_refused(policy: Path, case: tuple[str, str, str, str, str]) -> None:
    """The edit alone: exit 2 and a finding at the edited field naming the amendment that is missing."""
    field, item, old, new, expected = case
    edit(policy / _PLAN, old, new)
    code, stdout, _ = diff()
    assert code == 2, stdout
    assert expected in stdout
    assert f"（amendments 中 item: {item}、field: {field}）" in stdout


@pytest.mark.parametrize("case", CASES, ids=[f"{case[0]}-{index}" for index, case in enumerate(CASES)])
def test_guarded_edit_with_new_amendment_is_accepted(policy: Path, case: tuple[str, str, str, str, str]) -> None:
    """The same edit with a new amendment record naming item and field: exit 0, listed with the record."""
    field, item, old, new, _ = case
    edit(policy / _PLAN, old, new)
    append(policy / _PLAN, _amendment(item, field))
    code, stdout, _ = diff()
    assert code == 0, stdout
    assert "（修订记录：示气领办〔2023〕9号（2023-06-01））" in stdout


def test_amendment_for_another_field_does_not_cover_the_edit(policy: Path) -> None:
    """A record for the milestones does not cover an edit of the quantities of the same task."""
    edit(policy / _PLAN, "        value: 30\n", "        value: 28\n")
    append(policy / _PLAN, _amendment("a5-01", "milestones"))
    code, stdout, _ = diff()
    assert code == 2
    assert "policy/plans/demo-2023.yaml:60:9: PC511" in stdout


def test_a_period_amendment_must_name_the_plan(policy: Path) -> None:
    """field: period records an edit of the plan itself, so its item is the plan's ID (PC203 otherwise)."""
    append(policy / _PLAN, _amendment("a5-01", "period"))
    code, stdout, _ = diff()
    assert code == 2
    assert stdout.startswith("policy/plans/demo-2023.yaml:93:16: PC203 错误 period 修订的是规划本身，"
                             "条目应为本规划 ID“demo-2023”，而不是“a5-01”。")


def test_every_guarded_field_is_tested_and_can_be_recorded() -> None:
    """Each guarded field has a case above and a name the plan schema accepts; plan-level ones name the plan."""
    schema = (Path(__file__).parents[3] / "schemas" / "plan.schema.json").read_text(encoding="utf-8")
    fields = {guard.field for table in (PLAN_FIELDS, TASK_FIELDS, INDICATOR_FIELDS) for guard in table}
    tested = {case[0] for case in CASES} | {"deadline", "target", "lead"}  # these three: diff_test.py
    assert fields == tested
    assert all(f'"{field}"' in schema for field in fields)
    assert {guard.field for guard in PLAN_FIELDS} == PLAN_ITEM_FIELDS


def test_every_guarded_field_is_documented_with_its_code() -> None:
    """docs/dev/data-model.md has a table row naming each guarded field and ending with its code."""
    doc = (Path(__file__).parents[3] / "docs" / "dev" / "data-model.md").read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| `")]
    guards: tuple[Guarded[Any], ...] = (*PLAN_FIELDS, *TASK_FIELDS, *INDICATOR_FIELDS)
    for guard in guards:
        assert any(f"`{guard.field}`" in row and row.endswith(f"| {guard.code} |") for row in rows), guard.field


def test_one_schedule_amendment_records_a_switch_of_schedule_kind(policy: Path) -> None:
    """Switching a5-01 to plan_period removes its deadline too: one `schedule` record covers both edits."""
    edit(policy / _PLAN, "      kind: deadline\n      text: 2023年5月底\n      deadline: 2023-05-31\n",
         "      kind: plan_period\n")
    code, stdout, _ = diff()
    assert code == 2
    assert "policy/plans/demo-2023.yaml:56:13: PC509" in stdout
    assert "PC501" in stdout
    append(policy / _PLAN, _amendment("a5-01", "schedule"))
    code, stdout, _ = diff()
    assert code == 0, stdout
    assert stdout.count("（修订记录：示气领办〔2023〕9号（2023-06-01））") == 2
