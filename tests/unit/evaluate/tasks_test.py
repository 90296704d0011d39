"""Task and milestone statuses, hand-computed on small plans, with the boundaries that matter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.report.views import ReportContext
from tests.unit.evaluate.scenario import Scenario, deadline_task

VOC_TASK = """\
- id: voc
  kind: task
  title: 大力实施VOCs治理
  target: 全市开展30项涉VOCs治理项目，4月底完成率不低于75%，5月底全部完成。
  lead: [city-ecology]
  schedule: {kind: deadline, text: 2023年5月底, deadline: 2023-05-31}
  quantities:
    - {id: projects, text: 全市开展30项涉VOCs治理项目, unit: 项, comparison: at_least, value: 30}
  milestones:
    - {id: april, text: 4月底完成率不低于75%, date: 2023-04-30, share: 0.75}
    - {id: may, text: 5月底全部完成, date: 2023-05-31, share: 1}
  source: {attachment: 5, row: 1}
"""


def _done_report(task: str, completed_on: str) -> str:
    return f"""\
updates:
  - {{task: demo-2023/{task}, status: done, completed_on: {completed_on}, quote: 已完成。}}
"""


def test_no_report_after_the_deadline_is_overdue_unreported_with_the_days_counted(tmp_path: Path) -> None:
    """No report, 8 days after the deadline: 逾期未报送, red, with the days counted."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    result = scenario.task("t1", "2023-11-23")
    assert (result.status, result.light, result.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, Light.RED, 8)
    assert result.explanation == "截止2023-11-15，已逾期8天，未报送任何进展"
    assert result.status.label == "逾期未报送"


def test_reported_unfinished_after_the_deadline_is_overdue(tmp_path: Path) -> None:
    """Any report on the task makes it 逾期未完成: the latest word is that it is not done."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    scenario.report("2023-10-01", "updates:\n  - {task: demo-2023/t1, status: in_progress, quote: 推进中。}\n")
    result = scenario.task("t1", "2023-11-23")
    assert (result.status, result.light, result.days_overdue) == (TaskStatus.OVERDUE, Light.RED, 8)
    assert result.explanation == "截止2023-11-15，已逾期8天，最近报送：2023-10-01 示例市生态环境局工作动态（推进中）"
    assert result.status.label == "逾期未完成"


def test_the_deadline_day_itself_is_not_overdue_but_due_today(tmp_path: Path) -> None:
    """On the deadline day the task is 临期 with 0 days left (今天截止); overdue starts the day after."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    today = scenario.task("t1", "2023-11-15")
    assert (today.status, today.days_remaining, today.days_overdue) == (TaskStatus.DUE_SOON, 0, None)
    assert today.explanation == "截止2023-11-15，今天截止，最近报送：无"
    tomorrow = scenario.task("t1", "2023-11-14")
    assert (tomorrow.status, tomorrow.days_remaining) == (TaskStatus.DUE_SOON, 1)
    day_after = scenario.task("t1", "2023-11-16")
    assert (day_after.status, day_after.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, 1)


def test_due_soon_window_is_thirty_days_inclusive(tmp_path: Path) -> None:
    """30 days before the deadline is 临期; 31 days before is 未报送, grey."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-12-31"))
    assert scenario.task("t1", "2023-12-01").status is TaskStatus.DUE_SOON  # 30 days left
    outside = scenario.task("t1", "2023-11-30")  # 31 days left
    assert (outside.status, outside.light) == (TaskStatus.NOT_REPORTED, Light.GREY)
    assert outside.explanation == "截止2023-12-31，还剩31天，尚未报送进展"


def test_due_soon_window_comes_from_settings(tmp_path: Path) -> None:
    """due_soon_days in settings.yaml moves the 临期 window."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-12-31")).with_settings("due_soon_days: 7\n")
    assert scenario.task("t1", "2023-12-23").status is TaskStatus.NOT_REPORTED  # 8 days left
    assert scenario.task("t1", "2023-12-24").status is TaskStatus.DUE_SOON  # 7 days left


def test_leap_day_is_counted(tmp_path: Path) -> None:
    """Days remaining and overdue count 29 February."""
    scenario = Scenario(tmp_path, period=("2024-01-01", "2024-12-31")).plan(
        tasks=deadline_task("t1", "2024-03-01") + deadline_task("t2", "2024-02-29")
    )
    assert scenario.task("t1", "2024-02-28").days_remaining == 2
    overdue = scenario.task("t2", "2024-03-01")
    assert (overdue.status, overdue.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, 1)
    assert overdue.explanation.startswith("截止2024-02-29，已逾期1天")


def test_done_on_or_before_the_deadline_is_done(tmp_path: Path) -> None:
    """Done on the deadline is 已完成, green, with no days left or overdue."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    scenario.report("2023-11-16", _done_report("t1", "2023-11-15"))
    result = scenario.task("t1", "2023-12-01")
    assert result.completion is not None
    assert (result.status, result.light, str(result.completion.exact)) == (TaskStatus.DONE, Light.GREEN, "2023-11-15")
    assert result.explanation == "已于2023-11-15完成（截止2023-11-15）"
    assert result.days_remaining is None and result.days_overdue is None


def test_done_after_the_deadline_is_done_late_and_says_how_late(tmp_path: Path) -> None:
    """Done 5 days after the deadline is 逾期完成 and says 晚5天."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    scenario.report("2023-11-25", _done_report("t1", "2023-11-20"))
    result = scenario.task("t1", "2023-12-01")
    assert (result.status, result.light) == (TaskStatus.DONE_LATE, Light.GREEN)
    assert result.explanation == "已于2023-11-20完成，比截止日期2023-11-15晚5天"


def test_a_report_dated_after_as_of_is_not_yet_known(tmp_path: Path) -> None:
    """A report dated after the as-of date is ignored: the task is overdue the day before it, done late on its
    date."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    scenario.report("2023-11-25", _done_report("t1", "2023-11-20"))
    assert scenario.task("t1", "2023-11-24").status is TaskStatus.OVERDUE_UNREPORTED
    assert scenario.task("t1", "2023-11-25").status is TaskStatus.DONE_LATE


def test_a_missed_milestone_makes_the_task_overdue_before_its_deadline(tmp_path: Path) -> None:
    """A milestone passed unmet makes the task overdue before its own deadline, counted from the milestone."""
    result = Scenario(tmp_path).plan(tasks=VOC_TASK).task("voc", "2023-05-05")
    assert (result.status, result.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, 5)
    assert result.explanation == (
        "阶段节点“4月底完成率不低于75%”（2023-04-30）未按期完成，已逾期5天；任务截止2023-05-31，未报送任何进展"
    )
    april, may = result.milestones
    assert (april.status, april.explanation) == (
        TaskStatus.OVERDUE_UNREPORTED, "节点日期2023-04-30已过5天，未报送任何进展"
    )
    assert (may.status, may.explanation) == (TaskStatus.DUE_SOON, "节点日期2023-05-31，还剩26天")


def test_milestone_missed_but_task_later_done_keeps_the_late_milestone(tmp_path: Path) -> None:
    """A task done after a missed milestone is done, and the milestone stays met late."""
    scenario = Scenario(tmp_path).plan(tasks=VOC_TASK)
    scenario.report("2023-05-20", _done_report("voc", "2023-05-20"))
    result = scenario.task("voc", "2023-06-01")
    assert result.status is TaskStatus.DONE
    april, may = result.milestones
    assert (april.status, str(april.met.exact) if april.met else None) == (TaskStatus.DONE_LATE, "2023-05-20")
    assert april.explanation == "已于2023-05-20达到，比节点日期2023-04-30晚20天"
    assert (may.status, may.explanation) == (TaskStatus.DONE, "已于2023-05-20达到（节点2023-05-31）")


def test_a_reported_share_meets_a_milestone_on_the_report_date(tmp_path: Path) -> None:
    """24 of 30 done (80%) meets a 75% milestone on the date of the report."""
    scenario = Scenario(tmp_path).plan(tasks=VOC_TASK)
    scenario.report("2023-04-28", """\
updates:
  - {task: demo-2023/voc, status: in_progress, done: 24, total: 30, count_unit: 项, quote: 已完成24项。}
""")
    result = scenario.task("voc", "2023-05-02")
    assert result.milestones[0].status is TaskStatus.DONE  # 24/30 = 80% ≥ 75% on 04-28
    assert result.status is TaskStatus.DUE_SOON
    assert result.explanation == (
        "截止2023-05-31，还剩29天，最近报送：2023-04-28 示例市生态环境局工作动态（已完成24/30项）"
    )


def test_a_forecast_after_the_deadline_is_behind_pace(tmp_path: Path) -> None:
    """An open task whose forecast falls after its deadline is 滞后于序时进度, yellow."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-30", "2023年11月底"))
    scenario.report("2023-06-01", """\
updates:
  - task: demo-2023/t1
    status: in_progress
    forecast: {date: 2023-12-31, text: 预计年底建成}
    quote: 项目正在建设，预计年底建成。
""")
    result = scenario.task("t1", "2023-06-10")
    assert (result.status, result.light) == (TaskStatus.BEHIND_PACE, Light.YELLOW)
    assert result.explanation == (
        "预计2023-12-31完成，晚于截止日期2023-11-30；最近报送：2023-06-01 示例市生态环境局工作动态（推进中）"
    )
    assert result.status.label == "滞后于序时进度"


def test_a_share_below_the_elapsed_share_is_behind_pace(tmp_path: Path) -> None:
    """40% done when half the time has passed is behind pace, and the explanation gives both shares."""
    quantity = """\
quantities:
  - {id: trucks, text: 确保达到100辆, unit: 辆, comparison: at_least, value: 100}
"""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-12-31", "2023年12月底", extra=quantity))
    scenario.report("2023-07-01", """\
updates:
  - {task: demo-2023/t1, status: in_progress, quantities: [{id: trucks, value: 40}], quote: 已达到40辆。}
""")
    # 2023-01-01 → 2023-07-02 is 182 of the period's 364 days: 序时进度 50%.
    behind = scenario.task("t1", "2023-07-02")
    assert (behind.status, behind.share, behind.expected_share) == (TaskStatus.BEHIND_PACE, 0.4, 0.5)
    assert behind.explanation.startswith("已完成40%，低于序时进度50%（截止2023-12-31）；")


def test_a_share_at_the_elapsed_share_is_in_progress(tmp_path: Path) -> None:
    """50% done when half the time has passed is 推进中, green."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-12-31", "2023年12月底"))
    scenario.report("2023-07-01", """\
updates:
  - {task: demo-2023/t1, status: in_progress, percent: 50, quote: 完成50%。}
""")
    result = scenario.task("t1", "2023-07-02")
    assert (result.status, result.light) == (TaskStatus.IN_PROGRESS, Light.GREEN)
    assert result.explanation == "截止2023-12-31，还剩182天，最近报送：2023-07-01 示例市生态环境局工作动态（完成50%）"


def test_an_ongoing_duty_is_green_while_reports_are_recent_and_grey_after_the_interval(tmp_path: Path) -> None:
    """An ongoing duty is not started before its start date, green while reported recently, grey after the
    reporting interval."""
    ongoing = """\
- id: t1
  kind: task
  title: 实施国6b排放标准
  lead: [city-ecology]
  schedule: {kind: ongoing, text: 2023年7月1日起, start: 2023-07-01}
  source: {section: 三（一）1}
"""
    scenario = Scenario(tmp_path).plan(tasks=ongoing)
    before = scenario.task("t1", "2023-06-30")
    assert (before.status, before.explanation) == (TaskStatus.NOT_REPORTED, "自2023-07-01起长期执行，尚未到起始日期")
    scenario.report("2023-08-01", "updates:\n  - {task: demo-2023/t1, status: in_progress, quote: 持续执行。}\n")
    recent = scenario.task("t1", "2023-10-30")  # 90 days after the report
    assert (recent.status, recent.light) == (TaskStatus.ONGOING, Light.GREEN)
    stale = scenario.task("t1", "2023-10-31")  # 91 days
    assert (stale.status, stale.light) == (TaskStatus.ONGOING, Light.GREY)
    assert stale.explanation == (
        "自2023-07-01起长期执行，超过90天未报送（最近报送：2023-08-01 示例市生态环境局工作动态（推进中））"
    )
    assert stale.due is None and stale.days_remaining is None


def test_an_all_year_duty_without_reports_is_grey(tmp_path: Path) -> None:
    """An all-year duty not reported for over 90 days is grey and says so."""
    all_year = """\
- id: t1
  kind: task
  title: 全年开展执法检查
  lead: [city-ecology]
  schedule: {kind: all_year, text: 全年, start: 2023-01-01, deadline: 2023-12-31}
  source: {section: 三（一）1}
"""
    result = Scenario(tmp_path).plan(tasks=all_year).task("t1", "2023-06-01")
    assert (result.status, result.light) == (TaskStatus.ONGOING, Light.GREY)
    assert result.explanation == "全年执行（2023-01-01至2023-12-31），超过90天未报送（最近报送：无）"


def test_no_stated_deadline_counts_to_the_plan_period_end_and_says_so(tmp_path: Path) -> None:
    """A task without a stated time limit is due at the plan period's end, and the explanation says so."""
    task = """\
- id: t1
  kind: task
  title: 加强监管
  lead: [city-ecology]
  schedule: {kind: plan_period}
  source: {section: 三（一）1}
"""
    result = Scenario(tmp_path).plan(tasks=task).task("t1", "2024-01-02")
    assert (result.status, result.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, 2)
    assert result.explanation == "截止2023-12-31，已逾期2天，未报送任何进展（原文未注明时限，按规划期末计）"


AMENDMENTS = """\
- id: delay
  document: {number: 示气领办〔2023〕9号, date: 2023-06-15, title: 关于调整任务时限的通知}
  changes:
    - {item: t1, field: deadline, deadline: 2023-09-30, text: 2023年9月底}
- id: withdraw
  document: {number: 示气领办〔2023〕12号, date: 2023-08-01}
  changes:
    - {item: t2, field: cancel}
"""


def test_an_amendment_moves_the_deadline_from_its_date_and_keeps_the_original(tmp_path: Path) -> None:
    """An amendment moves the deadline from its own date on; the original stays in the plan and in the history."""
    scenario = Scenario(tmp_path).plan(
        tasks=deadline_task("t1", "2023-06-30", "2023年6月底") + deadline_task("t2", "2023-12-31", "2023年12月底"),
        amendments=AMENDMENTS,
    )
    before = scenario.task("t1", "2023-06-14")  # the amendment is not yet issued
    assert (before.status, str(before.due), before.history) == (TaskStatus.DUE_SOON, "2023-06-30", ())
    after = scenario.task("t1", "2023-07-01")
    assert (after.status, str(after.due), after.schedule_text) == (TaskStatus.NOT_REPORTED, "2023-09-30", "2023年9月底")
    (entry,) = after.history
    assert (entry.number, entry.field, entry.before, entry.after) == (
        "示气领办〔2023〕9号", "deadline", "2023-06-30（2023年6月底）", "2023-09-30（2023年9月底）"
    )
    assert after.task.schedule.deadline is not None and str(after.task.schedule.deadline) == "2023-06-30"
    assert scenario.task("t1", "2023-10-01").days_overdue == 1


def test_an_amendment_cancels_a_task_from_its_date(tmp_path: Path) -> None:
    """A cancelling amendment makes the task 已撤销, grey, from its date; before it the task is due as usual."""
    scenario = Scenario(tmp_path).plan(
        tasks=deadline_task("t1", "2023-06-30", "2023年6月底") + deadline_task("t2", "2023-07-31", "2023年7月底"),
        amendments=AMENDMENTS,
    )
    assert scenario.task("t2", "2023-07-31").status is TaskStatus.DUE_SOON  # the amendment is dated 08-01
    result = scenario.task("t2", "2023-08-01")
    assert (result.status, result.light) == (TaskStatus.CANCELLED, Light.GREY)
    assert result.explanation == "已由示气领办〔2023〕12号（2023-08-01）撤销"


def test_settings_may_give_a_status_its_own_light_and_icon(tmp_path: Path) -> None:
    """Both overdue statuses are red by default with different icons; policy/settings.yaml may recolour one."""
    scenario = Scenario(tmp_path).plan(tasks=deadline_task("t1", "2023-11-15"))
    default = scenario.task("t1", "2023-11-23")
    assert (default.status, default.light, default.status.icon, TaskStatus.OVERDUE.icon) == (
        TaskStatus.OVERDUE_UNREPORTED, Light.RED, "⊘", None,
    )
    scenario.with_settings("statuses:\n  overdue_unreported: {light: yellow, icon: \"?\"}\n")
    model = scenario.model()
    recoloured = next(r for r in evaluate(model, date(2023, 11, 23)).tasks if r.key == "demo-2023/t1")
    assert recoloured.light is Light.YELLOW
    assert ReportContext(model).badge(recoloured) == "? 逾期未报送"


def _share_report(done: int) -> str:
    counts = f"done: {done}, total: 30, count_unit: 项"
    update = f"{{task: demo-2023/voc, status: in_progress, {counts}, quote: 已完成{done}项。}}"
    return f"updates:\n  - {update}\n"


def test_a_share_reported_after_a_milestone_date_reached_it_at_an_unknown_date(tmp_path: Path) -> None:
    """80% on 05-02 says the 75% milestone (04-30) was reached by 05-02, not when: timeliness unknown."""
    scenario = Scenario(tmp_path).plan(tasks=VOC_TASK).report("2023-05-02", _share_report(24))
    april = scenario.task("voc", "2023-05-03").milestones[0]
    assert april.status is TaskStatus.DONE_UNDATED
    assert april.explanation == "原文未载明达到时间，最迟于2023-05-02前达到（节点2023-04-30），无法判断是否按期"


def test_a_smaller_share_reported_on_the_milestone_date_makes_a_later_reach_late(tmp_path: Path) -> None:
    """Short of the milestone's share on its date and reached two days later: the milestone is met late."""
    scenario = Scenario(tmp_path).plan(tasks=VOC_TASK)
    scenario.report("2023-04-30", _share_report(15)).report("2023-05-02", _share_report(24))
    april = scenario.task("voc", "2023-05-03").milestones[0]
    assert april.status is TaskStatus.DONE_LATE
    assert april.explanation == (
        "原文未载明达到时间，2023-04-30报送时尚未达到，最迟于2023-05-02前达到，晚于节点日期2023-04-30"
    )
