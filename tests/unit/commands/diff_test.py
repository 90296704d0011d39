"""plancheck diff against a temporary git repository holding the base tree.

Each test commits the base tree, edits the working tree the way a pull request would, and runs
`plancheck diff HEAD` in-process (the git edge is real: `git archive` of the committed tree).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support import copy_base, run_cli
from tests.unit.commands.diff_support import AS_OF, committed_base
from tests.unit.commands.diff_support import diff as _diff
from tests.unit.commands.diff_support import edit as _edit
from tests.unit.commands.diff_support import git as _git


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The base tree committed in a fresh repository; the working directory is its top."""
    policy = committed_base(tmp_path)
    monkeypatch.chdir(policy.parent)
    return policy


_SUBMISSION = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: city-ecology
date: 2023-06-10
source:
  title: 示例市生态环境局工作动态（第12期）
  date: 2023-06-10
updates:
  - task: demo-2023/a5-01
    status: done
    done: 30
    total: 30
    count_unit: 项
    completed_on: 2023-05-30
    quote: 30项涉VOCs治理项目已于5月30日全部完成。
  - task: demo-2023/a1-01
    status: in_progress
    quote: 1#高炉关停方案已报批。
observations:
  - indicator: demo-2023/pm25
    period: {year: 2023, through_month: 5}
    value: 47
    quote: 1—5月PM2.5平均浓度47微克/立方米。
"""

_DEADLINE_EDIT = ("      text: 2023年11月15日\n      deadline: 2023-11-15",
                  "      text: 2023年12月31日\n      deadline: 2023-12-31")
_AMENDMENT = """\
amendments:
  - id: furnace-later
    document: {number: 示气领办〔2023〕5号, date: 2023-06-01, title: 关于调整部分任务时限的通知}
    reason: 企业产能置换方案调整。
    changes:
      - {item: a1-01, field: deadline, deadline: 2023-12-31, text: 2023年12月31日}
"""


def test_unchanged_tree_reports_nothing(policy: Path) -> None:
    """A working tree equal to HEAD changes no status and no plan, exit 0."""
    code, stdout, stderr = _diff()
    assert (code, stderr) == (0, "")
    assert stdout == "与 HEAD 相比（截至 2023-06-15）：\n本次变更：不改变任何任务、节点或指标的状态；无规划修改。\n"


def test_typical_submission_as_a_pull_request_comment(policy: Path) -> None:
    """A new progress file: one task done, one milestone met, an observation; pinned exactly."""
    (policy / "progress" / "city-ecology" / "2023-06-10-report.yaml").write_text(_SUBMISSION, encoding="utf-8")
    code, stdout, stderr = _diff("--format", "markdown")
    assert (code, stderr) == (0, "")
    assert stdout == EXPECTED_SUBMISSION


EXPECTED_SUBMISSION = """\
## plancheck diff：与 `HEAD` 相比（截至 2023-06-15）

本次变更：标记 1 项任务完成；另有 2 项任务状态变化；首次报送 1 项任务；1 个节点达成；新增 3 条进展；无规划修改。

### 状态变化（4）

| 对象 | 之前 | 之后 | 说明 |
|---|---|---|---|
| 任务 `demo-2023/s3-1-1` 加强污染精准治理 | ✖ 逾期未完成 | ● 未报送 | 下属2项：推进中1项、已完成1项；本任务：截止2023-12-31，还剩199天，尚未报送进展（原文未注明时限，按规划期末计） |
| 任务 `demo-2023/a1-01` 关停1\\#高炉 | ● 未报送 | ▶ 推进中 | 截止2023-11-15，还剩153天，最近报送：2023-06-10 示例市生态环境局工作动态（第12期）（推进中） |
| 任务 `demo-2023/a5-01` 大力实施VOCs治理 | ✖ 逾期未完成 | ✔ 已完成 | 已于2023-05-30完成（截止2023-05-31） |
| 节点 `demo-2023/a5-01#may` 5月底全部完成 | ✖ 逾期未完成 | ✔ 已完成 | 已于2023-05-30达到（节点2023-05-31） |

### 进展条目（3）

| 改动 | 位置 | 对象 | 报送内容 |
|---|---|---|---|
| 新增 | `policy/progress/city-ecology/2023-06-10-report.yaml:8` | `demo-2023/a5-01` | 已完成，已完成30/30项，完成日期2023-05-30 |
| 新增 | `policy/progress/city-ecology/2023-06-10-report.yaml:15` | `demo-2023/a1-01` | 推进中 |
| 新增 | `policy/progress/city-ecology/2023-06-10-report.yaml:19` | `demo-2023/pm25（2023年1—5月）` | 47 |

### 规划修改

无。
"""


def test_deadline_edit_without_amendment_is_rejected(policy: Path) -> None:
    """A deadline edited without a new amendment is PC501 at the deadline's line and column, exit 2."""
    plan = policy / "plans" / "demo-2023.yaml"
    _edit(plan, *_DEADLINE_EDIT)
    code, stdout, _ = _diff()
    assert code == 2
    assert "policy/plans/demo-2023.yaml:46:17: PC501 错误 规划 demo-2023 中 a1-01 的截止日期由“2023-11-15（2023年11月15日）”" \
        "改为“2023-12-31（2023年12月31日）”" in stdout
    assert "本次变更：不改变任何任务、节点或指标的状态；规划修改 1 处；1 个问题须先修改。" in stdout


def test_deadline_edit_with_amendment_is_accepted(policy: Path) -> None:
    """Keeping the original and recording the amendment is the usual way; editing both is accepted too."""
    plan = policy / "plans" / "demo-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + _AMENDMENT, encoding="utf-8")
    code, stdout, _ = _diff()
    assert code == 0, stdout
    assert ("policy/plans/demo-2023.yaml:37 demo-2023/a1-01 截止日期：2023-11-15（2023年11月15日） → "
            "2023-11-15（2023年11月15日） → 修订后 2023-12-31（2023年12月31日）（修订记录：示气领办〔2023〕5号（2023-06-01））") in stdout
    _edit(plan, *_DEADLINE_EDIT)
    code, stdout, _ = _diff()
    assert code == 0, stdout


def test_amendment_already_in_the_base_does_not_cover_a_new_edit(policy: Path) -> None:
    """Editing an amendment already committed is PC506 at that amendment: it cannot cover a new edit."""
    plan = policy / "plans" / "demo-2023.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + _AMENDMENT, encoding="utf-8")
    _git(policy.parent, "commit", "-q", "-am", "amendment")
    _edit(plan, "{item: a1-01, field: deadline, deadline: 2023-12-31, text: 2023年12月31日}",
          "{item: a1-01, field: deadline, deadline: 2024-03-31, text: 2024年3月31日}")
    code, stdout, _ = _diff()
    assert code == 2
    assert "policy/plans/demo-2023.yaml:89:5: PC506 错误 修订记录 demo-2023/furnace-later（示气领办〔2023〕5号）被改动" in stdout
    assert "policy/plans/demo-2023.yaml:46:17: PC501" in stdout


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    target: 完成示例热电退城搬迁。", "    target: 完成示例热电关停。",
     "policy/plans/demo-2023.yaml:31:13: PC502 错误 规划 demo-2023 中 s3-1-1 的任务目标由“完成示例热电退城搬迁。”改为“完成示例热电关停。”"),
    ("    lead: [city-ecology]\n", "    lead: [city-industry]\n",
     "policy/plans/demo-2023.yaml:53:11: PC503 错误 规划 demo-2023 中 a5-01 的牵头单位由“city-ecology”改为“city-industry”"),
    ('    target: {year: 2025, kind: absolute, value: 42, text: "42"}',
     '    target: {year: 2025, kind: absolute, value: 40, text: "40"}',
     "policy/plans/demo-2023.yaml:24:13: PC505 错误 规划 demo-2023 中 pm25 的指标目标由“42（2025年，绝对值42）”改为“40（2025年，绝对值40）”"),
])
def test_guarded_fields_need_an_amendment(policy: Path, old: str, new: str, expected: str) -> None:
    """Each of these guarded edits without an amendment is refused with its code at the edited line and column."""
    _edit(policy / "plans" / "demo-2023.yaml", old, new)
    code, stdout, _ = _diff()
    assert code == 2
    assert expected in stdout


def test_other_plan_edits_are_listed_without_error(policy: Path) -> None:
    """A task title edit is listed with its line, before and after, and needs no amendment (exit 0)."""
    _edit(policy / "plans" / "demo-2023.yaml", "    title: 关停1#高炉", "    title: 关停1号高炉")
    code, stdout, _ = _diff()
    assert code == 0
    assert "policy/plans/demo-2023.yaml:37 demo-2023/a1-01 任务名称：关停1#高炉 → 关停1号高炉" in stdout


def test_removing_a_task_is_rejected(policy: Path) -> None:
    """A removed task is PC504 at the tasks key, naming where it was in the base."""
    plan = policy / "plans" / "demo-2023.yaml"
    text = plan.read_text(encoding="utf-8")
    start = text.index("  - id: a1-01")
    plan.write_text(text[:start] + text[text.index("  - id: a5-01"):], encoding="utf-8")
    code, stdout, _ = _diff()
    assert code == 2
    assert ("policy/plans/demo-2023.yaml:26:1: PC504 错误 任务 demo-2023/a1-01 被删除"
            "（原在 policy/plans/demo-2023.yaml 第 37 行）。规划中的任务不能删除。") in stdout


def test_removing_an_amendment_or_a_plan_is_rejected(policy: Path) -> None:
    """A removed amendment is PC506 at the amendments key; a removed plan is PC507."""
    plan = policy / "plans" / "demo-2023.yaml"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original + _AMENDMENT, encoding="utf-8")
    _git(policy.parent, "commit", "-q", "-am", "amendment")
    plan.write_text(original, encoding="utf-8")
    code, stdout, _ = _diff()
    assert code == 2
    assert "policy/plans/demo-2023.yaml:2:1: PC506 错误 修订记录 demo-2023/furnace-later（示气领办〔2023〕5号）被删除" in stdout
    plan.unlink()
    (policy / "progress" / "city-ecology" / "2023-05-10-report.yaml").unlink()
    _edit(policy / "organizations" / "city.yaml", "    oversees: [demo-2023]\n", "")
    code, stdout, _ = _diff()
    assert code == 2
    assert "policy/plans/demo-2023.yaml:1:1: PC507 错误 规划 demo-2023（示例市2023年大气污染综合治理工作方案）被删除" in stdout


def test_edited_and_removed_progress_entries(policy: Path) -> None:
    """An edited update and a removed observation are listed as 修改 and 删除 with their lines."""
    report = policy / "progress" / "city-ecology" / "2023-05-10-report.yaml"
    _edit(report, "    done: 24\n", "    done: 25\n")
    _edit(report, "observations:\n  - indicator: demo-2023/pm25\n    period: {year: 2022}\n    value: 50\n"
          "    quote: 2022年PM2.5浓度50微克/立方米。\n", "")
    code, stdout, _ = _diff()
    assert code == 0, stdout
    assert "  修改 policy/progress/city-ecology/2023-05-10-report.yaml:8 demo-2023/a5-01 推进中，已完成25/30项\n" in stdout
    assert "  删除 policy/progress/city-ecology/2023-05-10-report.yaml:15 demo-2023/pm25（2022年） 50\n" in stdout


def test_report_outside_the_units_responsibility_is_rejected(policy: Path) -> None:
    """county-b is not named on a1-01 (a project row for county-a): the pull request fails."""
    folder = policy / "progress" / "county-b"
    folder.mkdir()
    (folder / "2023-06-10-report.yaml").write_text(
        _SUBMISSION.replace("reporter: city-ecology", "reporter: county-b").split("observations:")[0]
        .replace("  - task: demo-2023/a5-01\n    status: done\n    done: 30\n    total: 30\n    count_unit: 项\n"
                 "    completed_on: 2023-05-30\n    quote: 30项涉VOCs治理项目已于5月30日全部完成。\n", ""),
        encoding="utf-8",
    )
    code, stdout, _ = _diff()
    assert code == 2
    assert "policy/progress/county-b/2023-06-10-report.yaml:8:11: PC402 错误" in stdout


def test_github_format_annotates_the_offending_line(policy: Path) -> None:
    """--format github gives an ::error annotation at the edited deadline's line and column."""
    _edit(policy / "plans" / "demo-2023.yaml", *_DEADLINE_EDIT)
    code, stdout, _ = _diff("--format", "github")
    assert code == 2
    assert stdout.startswith("::error file=policy/plans/demo-2023.yaml,line=46,col=17,title=PC501 截止日期修改缺少修订记录::")


def test_unknown_revision_and_no_repository_are_usage_errors(policy: Path, tmp_path: Path) -> None:
    """An unknown revision, an option passed as the revision, and a tree outside git are usage errors (exit 2)."""
    code, stdout, stderr = run_cli("diff", "no-such-branch", "policy", "--as-of", AS_OF)
    assert (code, stdout) == (2, "")
    assert stderr == "plancheck: 找不到 git 版本“no-such-branch”。在拉取请求中请先 git fetch 目标分支，如 origin/main。\n"
    code, _, stderr = run_cli("diff", "--upload-pack=x", "policy", "--as-of", AS_OF)
    assert code == 2
    _git(policy.parent, "rev-parse")  # still a repository
    elsewhere = copy_base(tmp_path / "plain")
    code, _, stderr = run_cli("diff", "HEAD", str(elsewhere), "--as-of", AS_OF)
    assert code == 2
    assert "不在 git 仓库中" in stderr


def test_first_commit_of_a_policy_tree(policy: Path) -> None:
    """A base revision without policy/ (a new repository) compares against an empty tree."""
    _git(policy.parent, "rm", "-rq", "--cached", "policy")
    _git(policy.parent, "commit", "-qm", "empty")
    code, stdout, _ = _diff()
    assert code == 0, stdout
    assert "新增" in stdout


def test_json_of_check_is_unaffected(policy: Path) -> None:
    """`check --format json` still runs in the diff tests' repository, as of the same date."""
    code, stdout, _ = run_cli("check", "policy", "--as-of", AS_OF, "--format", "json")
    assert code in (0, 1)
    assert json.loads(stdout)["as_of"] == AS_OF


def test_a_new_plan_is_listed_among_plan_edits(policy: Path) -> None:
    """A plan added by the change names units and tasks that may then be reported: reviewers see it."""
    text = (policy / "plans" / "demo-2023.yaml").read_text(encoding="utf-8")
    (policy / "plans" / "demo-2024.yaml").write_text(text.replace("id: demo-2023", "id: demo-2024"), encoding="utf-8")
    code, stdout, _ = _diff()
    assert code == 0, stdout
    assert "  policy/plans/demo-2024.yaml:2 demo-2024/demo-2024 新增： → 示例市2023年大气污染综合治理工作方案\n" in stdout


_GROUP_SUBMISSION = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: city-ecology
date: 2023-06-10
source: {title: 示例市生态环境局工作动态（第12期）, date: 2023-06-10}
updates:
  - rows_of: demo-2023/s3-1-1
    where: {industry: 钢铁}
    status: in_progress
    quote: 钢铁企业关停方案已报批。
  - tasks: [demo-2023/a1-01, demo-2023/a5-01]
    status: in_progress
    quote: 各项工作正在推进。
"""


def test_diff_lists_what_a_group_entry_expanded_to(policy: Path) -> None:
    """One line per entry, with the tasks it named: the filtered rows of s3-1-1, and the listed pair."""
    (policy / "progress" / "city-ecology" / "2023-06-10-group.yaml").write_text(_GROUP_SUBMISSION, encoding="utf-8")
    code, stdout, stderr = _diff()
    assert (code, stderr) == (0, "")
    file = "policy/progress/city-ecology/2023-06-10-group.yaml"
    assert (f"  新增 {file}:6 demo-2023/s3-1-1的行（industry=钢铁）（展开为1项：demo-2023/a1-01） 推进中\n"
            in stdout)
    assert (f"  新增 {file}:10 demo-2023/a1-01、demo-2023/a5-01（展开为2项：demo-2023/a1-01、demo-2023/a5-01） 推进中\n"
            in stdout)
    assert "新增 2 条进展" in stdout


def test_markdown_diff_lists_the_expansion_beside_the_selector(policy: Path) -> None:
    """The pull-request comment shows the selector as written, then the tasks it named."""
    (policy / "progress" / "city-ecology" / "2023-06-10-group.yaml").write_text(_GROUP_SUBMISSION, encoding="utf-8")
    code, stdout, _ = _diff("--format", "markdown")
    assert code == 0
    assert ("| 新增 | `policy/progress/city-ecology/2023-06-10-group.yaml:6` | `demo-2023/s3-1-1的行（industry=钢铁）`"
            "（展开为1项：demo-2023/a1-01） | 推进中 |\n") in stdout


def test_a_first_report_is_a_change_even_when_the_status_stays(policy: Path) -> None:
    """Issue 16: 临期 outranks 推进中, so a1-01's first report changes no status; the summary still says so."""
    first = _SUBMISSION.replace("2023-06-10", "2023-10-30")
    first = first[:first.index("updates:")] + "updates:\n" + first[first.index("  - task: demo-2023/a1-01"):first.index("observations:")]
    (policy / "progress" / "city-ecology" / "2023-10-30-report.yaml").write_text(first, encoding="utf-8")
    code, stdout, _ = run_cli("diff", "HEAD", "policy", "--as-of", "2023-11-01")
    assert code == 0
    assert stdout.splitlines()[1] == "本次变更：首次报送 1 项任务（任务、节点和指标的状态不变）；新增 1 条进展；无规划修改。"
