"""A body task answers for its breakdown rows and projects."""

from __future__ import annotations

from pathlib import Path

from checker.evaluate.vocabulary import TaskStatus
from tests.unit.evaluate.scenario import Scenario

FAMILY = """\
- id: parent
  kind: task
  title: 推进钢铁行业转型升级
  lead: [city-industry]
  schedule: {kind: deadline, text: 2023年12月底, deadline: 2023-12-31}
  source: {section: 三（一）1}
- id: a1-01
  kind: project
  title: 关停1#高炉
  parent: parent
  responsible: [county-a]
  project: {company: 示例钢铁有限公司, content: 关停1#高炉, enterprise: ent-steel}
  schedule: {kind: deadline, text: 2023年11月15日, deadline: 2023-11-15}
  source: {attachment: 1, row: 1}
- id: a1-02
  kind: project
  title: 关停2#高炉
  parent: parent
  responsible: [county-b]
  project: {company: 示例钢铁有限公司, content: 关停2#高炉, enterprise: ent-steel}
  schedule: {kind: deadline, text: 2023年11月30日, deadline: 2023-11-30}
  source: {attachment: 1, row: 2}
"""


# The rows belong to different units; the office overseeing demo-2023 may report them all.
OFFICE = "city-air-office"


def _done(task: str, on: str) -> str:
    return f"updates:\n  - {{task: demo-2023/{task}, status: done, completed_on: {on}, quote: 已关停。}}\n"


def test_a_parent_is_as_urgent_as_its_most_urgent_child_and_says_so(tmp_path: Path) -> None:
    """Red because of a child: the note says so; days overdue/remaining stay those of its own deadline."""
    result = Scenario(tmp_path).plan(tasks=FAMILY).task("parent", "2023-11-20")
    assert (result.status, result.days_overdue, result.days_remaining) == (TaskStatus.OVERDUE_UNREPORTED, None, 41)
    assert result.rollup_note == "下属任务逾期未报送1项"
    assert result.children == ("demo-2023/a1-01", "demo-2023/a1-02")
    assert result.explanation == (
        "下属任务逾期未报送1项（下属2项：逾期未报送1项、临期1项）；本任务：截止2023-12-31，还剩41天，尚未报送进展"
    )


def test_a_parent_with_children_overdue_both_ways_counts_them_together(tmp_path: Path) -> None:
    """One child reported unfinished, one never reported: 下属任务逾期2项, with the split."""
    scenario = Scenario(tmp_path).plan(tasks=FAMILY)
    unfinished = "updates:\n  - {task: demo-2023/a1-02, status: in_progress, quote: 正在拆除。}\n"
    scenario.report("2023-11-01", unfinished, OFFICE)
    result = scenario.task("parent", "2023-12-05")
    assert (result.status, result.days_overdue, result.days_remaining) == (TaskStatus.OVERDUE, None, 26)
    assert result.rollup_note == "下属任务逾期2项（逾期未完成1项、逾期未报送1项）"


def test_a_parent_red_on_its_own_has_no_rollup_note(tmp_path: Path) -> None:
    """Past its own deadline the parent counts its own days overdue; the children add nothing to say."""
    result = Scenario(tmp_path).plan(tasks=FAMILY).task("parent", "2024-01-03")
    assert (result.status, result.days_overdue, result.rollup_note) == (TaskStatus.OVERDUE_UNREPORTED, 3, None)


def test_a_parent_whose_children_are_all_done_is_done_on_the_last_date(tmp_path: Path) -> None:
    """A parent whose children are all done is done on the last child's date, on time."""
    scenario = Scenario(tmp_path).plan(tasks=FAMILY)
    scenario.report("2023-11-10", _done("a1-01", "2023-11-10"), OFFICE)
    scenario.report("2023-11-28", _done("a1-02", "2023-11-28"), OFFICE)
    result = scenario.task("parent", "2023-12-01")
    assert result.completion is not None
    assert (result.status, str(result.completion.exact), result.days_overdue) == (TaskStatus.DONE, "2023-11-28", None)
    assert result.explanation == "下属2项：已完成2项，已全部完成：已于2023-11-28完成（截止2023-12-31）"


def test_a_parent_done_through_children_of_unknown_date_is_done_undated(tmp_path: Path) -> None:
    """One child dated, one done without a date and reported after the parent's deadline."""
    scenario = Scenario(tmp_path).plan(tasks=FAMILY)
    scenario.report("2023-11-10", _done("a1-01", "2023-11-10"), OFFICE)
    undated = "updates:\n  - {task: demo-2023/a1-02, status: done, quote: 已关停。}\n"
    scenario.report("2024-02-01", undated, OFFICE)
    result = scenario.task("parent", "2024-03-01")
    assert result.status is TaskStatus.DONE_UNDATED
    assert result.explanation == (
        "下属2项：已完成（时间不详）1项、已完成1项，已全部完成："
        "原文未载明完成时间，最迟于2024-02-01前完成（截止2023-12-31），无法判断是否按期"
    )


def test_a_parent_that_reports_its_own_completion_keeps_it(tmp_path: Path) -> None:
    """A parent reported done keeps its own status even while a child is overdue."""
    scenario = Scenario(tmp_path).plan(tasks=FAMILY)
    scenario.report("2023-11-10", _done("parent", "2023-11-10"), OFFICE)
    assert scenario.task("parent", "2023-11-20").status is TaskStatus.DONE
    assert scenario.task("a1-01", "2023-11-20").status is TaskStatus.OVERDUE_UNREPORTED


def test_an_unreported_child_does_not_hide_the_parents_own_progress(tmp_path: Path) -> None:
    """Children not yet reported do not hide the parent's own progress; both are in the explanation."""
    scenario = Scenario(tmp_path).plan(tasks=FAMILY)
    body = "updates:\n  - {task: demo-2023/parent, status: in_progress, quote: 正在推进。}\n"
    scenario.report("2023-06-01", body, OFFICE)
    result = scenario.task("parent", "2023-06-02")  # both children: not reported, deadlines months ahead
    assert result.status is TaskStatus.IN_PROGRESS
    assert result.explanation.startswith("下属2项：未报送2项；本任务：截止2023-12-31")


def test_a_parent_past_its_deadline_done_through_its_children_has_no_days_overdue(tmp_path: Path) -> None:
    """Found by tests/properties: the roll-up kept the parent's own 'overdue by N days' when it became done late."""
    early = FAMILY.replace("text: 2023年12月底, deadline: 2023-12-31}", "text: 2023年11月1日, deadline: 2023-11-01}", 1)
    scenario = Scenario(tmp_path).plan(tasks=early)
    scenario.report("2023-11-10", _done("a1-01", "2023-11-10"), OFFICE)
    scenario.report("2023-11-28", _done("a1-02", "2023-11-28"), OFFICE)
    result = scenario.task("parent", "2023-12-01")
    assert (result.status, result.days_overdue, result.days_remaining) == (TaskStatus.DONE_LATE, None, None)
