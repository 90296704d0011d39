"""plancheck diff: registry edits that change who may report what are seen, and come in a change of their own.

A change to `oversees`, a group's `members` or a unit's `team` is a PC513 warning at the edited
line (exit 0: the registry's owners clear it by approving through CODEOWNERS). The same change
adding or editing progress that relies on it is refused with PC514 at the entry (exit 2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.commands.diff_support import committed_base, diff, edit

_REGISTRY = Path("organizations") / "city.yaml"
_REPORT = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: {unit}
date: 2023-06-10
source:
  title: 乙县工作动态
  date: 2023-06-10
updates:
  - task: demo-2023/{task}
    status: in_progress
    quote: 方案已报批。
"""


@pytest.fixture
def policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    policy = committed_base(tmp_path)
    monkeypatch.chdir(policy.parent)
    return policy


def _report(policy: Path, unit: str, task: str) -> None:
    folder = policy / "progress" / unit
    folder.mkdir(exist_ok=True)
    (folder / "2023-06-10-report.yaml").write_text(_REPORT.format(unit=unit, task=task), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  - {id: county-b, name: 乙县人民政府, kind: county, aliases: [乙县]}",
     "  - {id: county-b, name: 乙县人民政府, kind: county, aliases: [乙县], oversees: [demo-2023]}",
     "policy/organizations/city.yaml:25:73: PC513 警告 单位名录中 county-b 的督办规划（oversees）由“（无）”"
     "改为“demo-2023”，改变了谁可以报送什么，须由单位名录的负责人审核。"),
    ("    members: [county-a, county-b]", "    members: [county-a, county-b, city-industry]",
     "policy/organizations/city.yaml:33:14: PC513 警告 单位名录中 city-counties 的单位组成员（members）"
     "由“county-a、county-b”改为“city-industry、county-a、county-b”"),
    ("    aliases: [市生态环境局]\n", "    aliases: [市生态环境局]\n    team: \"@city-gov/other\"\n",
     "policy/organizations/city.yaml:20:11: PC513 警告 单位名录中 city-ecology 的审核团队（team）由“（无）”"
     "改为“@city-gov/other”"),
    ("    oversees: [demo-2023]\n", "",
     "policy/organizations/city.yaml:11:5: PC513 警告 单位名录中 city-air-office 的督办规划（oversees）"
     "由“demo-2023”改为“（无）”"),
])
def test_a_right_change_alone_is_a_warning_for_review(policy: Path, old: str, new: str, expected: str) -> None:
    """Granting or withdrawing: listed under 权限变更 and 须经审核, but the change is not refused."""
    edit(policy / _REGISTRY, old, new)
    code, stdout, _ = diff()
    assert code == 0, stdout
    assert expected in stdout
    assert "权限变更 1 处；1 处须经单位名录负责人审核" in stdout


def test_progress_relying_on_a_new_oversight_is_refused(policy: Path) -> None:
    """county-b may not report a1-01 (county-a's project) unless the same change makes it an overseer."""
    edit(policy / _REGISTRY, "aliases: [乙县]}", "aliases: [乙县], oversees: [demo-2023]}")
    _report(policy, "county-b", "a1-01")
    code, stdout, _ = diff()
    assert code == 2
    assert ("policy/progress/county-b/2023-06-10-report.yaml:8:11: PC514 错误 demo-2023/a1-01 的这条进展依赖"
            "本次变更在单位名录中修改的“county-b”的报送权限。") in stdout
    assert "policy/organizations/city.yaml:25:73: PC513 警告" in stdout


def test_progress_relying_on_a_new_group_member_is_refused(policy: Path) -> None:
    """Joining the plan's default responsible group lets a unit report every task without named units."""
    edit(policy / _REGISTRY, "    members: [county-a, county-b]", "    members: [county-a, county-b, city-gov]")
    _report(policy, "city-gov", "a5-01")
    code, stdout, _ = diff()
    assert code == 2
    assert "policy/progress/city-gov/2023-06-10-report.yaml:8:11: PC514 错误" in stdout


def test_progress_in_a_folder_whose_team_changes_is_refused(policy: Path) -> None:
    """A new team would approve its own unit's progress in the same pull request."""
    edit(policy / _REGISTRY, "    aliases: [市生态环境局]\n",
         '    aliases: [市生态环境局]\n    team: "@city-gov/other"\n')
    _report(policy, "city-ecology", "a5-01")
    code, stdout, _ = diff()
    assert code == 2
    assert ("policy/progress/city-ecology/2023-06-10-report.yaml:8:11: PC514 错误 demo-2023/a5-01 的这条进展依赖"
            "本次变更在单位名录中修改的所在文件夹 progress/city-ecology/ 的审核团队（team）。") in stdout


def test_progress_allowed_without_the_right_change_passes(policy: Path) -> None:
    """An entry the base registry already allowed does not rely on the edit: only the warning remains."""
    edit(policy / _REGISTRY, "aliases: [乙县]}", "aliases: [乙县], oversees: [demo-2023]}")
    _report(policy, "county-a", "a1-01")
    code, stdout, _ = diff("--format", "markdown")
    assert code == 0, stdout
    assert "PC514" not in stdout
    assert ("\n### 须经审核（1）\n\n- **PC513 单位名录中的权限变更须经审核**："
            "policy/organizations/city.yaml:25:73: PC513 警告") in stdout
    assert ("\n### 权限变更（1）\n\n| 单位 | 权限 | 之前 | 之后 |\n|---|---|---|---|\n"
            "| `county-b` | 督办规划（oversees） | （无） | demo-2023 |\n") in stdout
    assert "### 须先修改" not in stdout


def test_unchanged_rights_say_nothing(policy: Path) -> None:
    """Reordering a group's members or renaming a unit changes no right."""
    edit(policy / _REGISTRY, "    members: [county-a, county-b]", "    members: [county-b, county-a]")
    edit(policy / _REGISTRY, "    name: 示例市工业和信息化局", "    name: 示例市工业和信息化局（更名）")
    code, stdout, _ = diff()
    assert code == 0
    assert "权限变更" not in stdout


def test_an_observation_relying_on_a_new_oversight_is_refused(policy: Path) -> None:
    """Indicators are observed by units answerable for the whole plan: a new overseer may not use it at once."""
    edit(policy / _REGISTRY, "aliases: [乙县]}", "aliases: [乙县], oversees: [demo-2023]}")
    folder = policy / "progress" / "county-b"
    folder.mkdir()
    (folder / "2023-06-10-report.yaml").write_text(
        _REPORT.format(unit="county-b", task="a1-01").split("updates:")[0]
        + "observations:\n  - indicator: demo-2023/pm25\n    period: {year: 2022}\n    value: 50\n"
        "    quote: 2022年PM2.5浓度50微克/立方米。\n", encoding="utf-8")
    code, stdout, _ = diff()
    assert code == 2
    assert "policy/progress/county-b/2023-06-10-report.yaml:8:16: PC514 错误 demo-2023/pm25 的这条进展依赖" in stdout


def test_an_entry_naming_several_tasks_is_refused_at_the_task_that_relies(policy: Path) -> None:
    """county-b may report a5-01 (plan-wide responsible group) already; a1-01 only through the new oversight."""
    edit(policy / _REGISTRY, "aliases: [乙县]}", "aliases: [乙县], oversees: [demo-2023]}")
    _report(policy, "county-b", "a5-01")
    edit(policy / "progress" / "county-b" / "2023-06-10-report.yaml", "  - task: demo-2023/a5-01\n",
         "  - tasks: [demo-2023/a5-01, demo-2023/a1-01]\n")
    code, stdout, _ = diff()
    assert code == 2
    assert "policy/progress/county-b/2023-06-10-report.yaml:8:30: PC514 错误 demo-2023/a1-01 的这条进展依赖" in stdout
    assert stdout.count("PC514") == 1
