"""Exact output of `plancheck check` in every format, on one small tree (tests/unit/report/check_scenario.py)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import jsonschema
import pytest

from checker.cli import main
from tests.support import REPOSITORY
from tests.unit.report.check_scenario import AS_OF, build

EXPECTED = Path(__file__).parent / "expected"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The scenario tree, with the working directory at its root so paths print as policy/..."""
    policy = build(tmp_path)
    monkeypatch.chdir(policy.parent)
    return policy


def _check(*options: str, environ: dict[str, str] | None = None) -> tuple[int, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(["check", "policy", "--as-of", AS_OF, *options], stdout=stdout, stderr=stderr, environ=environ or {})
    assert stderr.getvalue() == ""
    return code, stdout.getvalue()


TEXT = """\
plancheck 检查结果（截至 2023-11-20）
任务 6 项：✖ 逾期未完成 1 · ⊘ 逾期未报送 1 · ▲ 临期 1 · ↻ 持续推进 1 · ✔ 逾期完成 1 · ✓ 已完成（时间不详） 1
指标 1 项：符合序时进度 1

逾期与风险任务 3 项（按牵头单位；未列牵头单位的按责任单位）：

乙县人民政府
  ⊘ 逾期未报送  demo-2023/t5  关停1#高炉|<b>600m³</b>  截止2023-09-30，逾期51天

示例市生态环境局
  ✖ 逾期未完成  demo-2023/t1  任务t1  截止2023-11-15，逾期5天
  ▲ 临期  demo-2023/t2  任务t2  截止2023-12-10，还剩20天
"""


def test_text(tree: Path) -> None:
    """The text report of the scenario, exactly."""
    assert _check("--format", "text") == (1, TEXT)


def test_text_is_coloured_only_when_asked_and_never_with_no_color(tree: Path) -> None:
    """FORCE_COLOR colours the statuses; NO_COLOR wins over it and gives the plain text."""
    _, coloured = _check("--format", "text", environ={"FORCE_COLOR": "1"})
    assert "\033[31m✖ 逾期未完成 1\033[0m · \033[31m⊘ 逾期未报送 1\033[0m" in coloured
    assert "  \033[33m▲ 临期\033[0m  demo-2023/t2" in coloured
    assert _check("--format", "text", environ={"FORCE_COLOR": "1", "NO_COLOR": "1"})[1] == TEXT


MARKDOWN = """\
## plancheck：截至 2023-11-20 的任务状态

| 状态 | 任务数 |
|---|---:|
| ✖ 逾期未完成 | 1 |
| ⊘ 逾期未报送 | 1 |
| ▲ 临期 | 1 |
| ▲ 滞后于序时进度 | 0 |
| ● 未报送 | 0 |
| ▶ 推进中 | 0 |
| ↻ 持续推进 | 1 |
| ✔ 逾期完成 | 1 |
| ✓ 已完成（时间不详） | 1 |
| ✔ 已完成 | 0 |
| ● 已撤销 | 0 |
| 合计 | 6 |

### 逾期与风险任务 3 项（按牵头单位；未列牵头单位的按责任单位）

#### 乙县人民政府

| 任务 | 状态 | 截止 | 说明 |
|---|---|---|---|
| `demo-2023/t5` 关停1\\#高炉\\|\\<b\\>600m³\\</b\\> | ⊘ 逾期未报送 | 2023-09-30 | 截止2023-09-30，已逾期51天，未报送任何进展 |

#### 示例市生态环境局

| 任务 | 状态 | 截止 | 说明 |
|---|---|---|---|
| `demo-2023/t1` 任务t1 | ✖ 逾期未完成 | 2023-11-15 | 截止2023-11-15，已逾期5天，最近报送：2023-11-10 示例市生态环境局工作动态（推进中） |
| `demo-2023/t2` 任务t2 | ▲ 临期 | 2023-12-10 | 截止2023-12-10，还剩20天，最近报送：2023-11-10 示例市生态环境局工作动态（已完成2/5台） |
"""


def test_markdown_escapes_titles_so_a_table_cell_cannot_break_or_carry_html(tree: Path) -> None:
    """The Markdown report exactly, with | and HTML in a title escaped."""
    assert _check("--format", "markdown") == (1, MARKDOWN)


GITHUB = """\
::error file=policy/plans/demo-2023.yaml,line=9,col=1,title=逾期未完成 demo-2023/t1::任务t1：\
截止2023-11-15，已逾期5天，最近报送：2023-11-10 示例市生态环境局工作动态（推进中）（牵头单位：示例市生态环境局；截至 2023-11-20）
::error file=policy/plans/demo-2023.yaml,line=35,col=1,title=逾期未报送 demo-2023/t5::关停1#高炉|<b>600m³</b>：\
截止2023-09-30，已逾期51天，未报送任何进展（责任单位：乙县人民政府；截至 2023-11-20）
::warning file=policy/plans/demo-2023.yaml,line=15,col=1,title=临期 demo-2023/t2::任务t2：\
截止2023-12-10，还剩20天，最近报送：2023-11-10 示例市生态环境局工作动态（已完成2/5台）（牵头单位：示例市生态环境局；截至 2023-11-20）
截至 2023-11-20：逾期未完成1项、逾期未报送1项、临期1项、持续推进1项、逾期完成1项、已完成（时间不详）1项。
"""


def test_github_annotates_each_overdue_or_at_risk_task_at_its_line(tree: Path) -> None:
    """The github format annotates each overdue or at-risk task at its line in the plan."""
    assert _check("--format", "github") == (1, GITHUB)
    plan_lines = (tree / "plans" / "demo-2023.yaml").read_text(encoding="utf-8").splitlines()
    assert [plan_lines[n - 1].strip() for n in (9, 35, 15)] == ["- id: t1", "- id: t5", "- id: t2"]


def test_json_is_exactly_the_reviewed_document(tree: Path) -> None:
    """The JSON report equals the reviewed golden file (PLANCHECK_UPDATE_GOLDEN=1 rewrites it for review)."""
    code, output = _check("--format", "json")
    golden = EXPECTED / "check.json"
    if os.environ.get("PLANCHECK_UPDATE_GOLDEN"):  # regenerate, then review the diff before committing
        golden.write_text(output, encoding="utf-8")
    assert code == 1
    assert output == golden.read_text(encoding="utf-8")


def test_json_validates_against_its_schema(tree: Path) -> None:
    """The JSON report is valid against schemas/report.schema.json, and a task's fields are what the tree says."""
    schema = json.loads((REPOSITORY / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    document = json.loads(_check("--format", "json")[1])
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(document)
    t2 = next(task for task in document["tasks"] if task["id"] == "demo-2023/t2")
    assert (t2["due"], t2["status"], t2["status_label"], t2["lead"]) == ("2023-12-10", "due_soon", "临期", ["示例市生态环境局"])
    assert t2["latest_update"]["source"] == "示例市生态环境局工作动态"
    assert t2["source"] == {"file": "policy/plans/demo-2023.yaml", "line": 15, "location": "三（一）1"}
    (indicator,) = document["indicators"]
    assert (indicator["status"], indicator["latest"]["value"], indicator["path_value"]) == ("on_track", 50, 51)
