"""When a reported completion happened, as far as the evidence says; hand-computed on both sides of each boundary.

Every task here is due 2023-11-15 unless a test says otherwise; reports say done with or without
`completed_on`, at day, month or year precision.
"""

from __future__ import annotations

from pathlib import Path

from checker.evaluate.results import TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus
from tests.unit.evaluate.scenario import Scenario, deadline_task


def _done(completed_on: str | None = None) -> str:
    stated = f", completed_on: {completed_on}" if completed_on is not None else ""
    return f"updates:\n  - {{task: demo-2023/t1, status: done{stated}, quote: 已完成。}}\n"


_UNFINISHED = "updates:\n  - {task: demo-2023/t1, status: in_progress, quote: 正在推进。}\n"


def _task(tmp_path: Path, reports: list[tuple[str, str]], as_of: str, deadline: str = "2023-11-15") -> TaskResult:
    scenario = Scenario(tmp_path, period=("2023-01-01", "2024-12-31")).plan(tasks=deadline_task("t1", deadline))
    for on, body in reports:
        scenario.report(on, body)
    return scenario.task("t1", as_of)


def test_done_without_a_date_reported_before_the_deadline_is_done_on_time(tmp_path: Path) -> None:
    """Done without a date, reported before the deadline: done on time, at the latest by the report date."""
    result = _task(tmp_path, [("2023-11-10", _done())], "2023-12-01")
    assert (result.status, result.light) == (TaskStatus.DONE, Light.GREEN)
    assert result.explanation == "原文未载明完成时间，最迟于2023-11-10前完成（截止2023-11-15）"
    assert result.completion is not None and result.completion.exact is None


def test_done_without_a_date_reported_on_the_deadline_day_is_still_on_time(tmp_path: Path) -> None:
    """Done without a date, reported on the deadline day itself: still done on time."""
    assert _task(tmp_path, [("2023-11-15", _done())], "2023-12-01").status is TaskStatus.DONE


def test_done_without_a_date_reported_the_day_after_the_deadline_is_done_of_unknown_timeliness(tmp_path: Path) -> None:
    """Not late: it may have been done long before the report. Done in completion figures, on time unknown."""
    result = _task(tmp_path, [("2023-11-16", _done())], "2023-12-01")
    assert (result.status, result.light, result.days_overdue) == (TaskStatus.DONE_UNDATED, Light.GREEN, None)
    assert result.status.label == "已完成（时间不详）"
    assert result.explanation == "原文未载明完成时间，最迟于2023-11-16前完成（截止2023-11-15），无法判断是否按期"
    assert result.status.is_done and result.status.on_time is None
    assert result.completion is not None and str(result.completion.latest) == "2023-11-16"


def test_done_undated_two_years_after_the_deadline_says_the_report_date(tmp_path: Path) -> None:
    """The bulletin case: 2023 closures confirmed done in a 2025-10-23 bulletin, date not stated."""
    result = _task(tmp_path, [("2025-10-23", _done())], "2025-12-31", deadline="2023-12-31")
    assert result.status is TaskStatus.DONE_UNDATED
    assert result.explanation.startswith("原文未载明完成时间，最迟于2025-10-23前完成")


def test_an_unfinished_report_after_the_deadline_makes_a_later_undated_completion_late(tmp_path: Path) -> None:
    """Reported unfinished on the deadline day, done later: the completion falls after the deadline."""
    result = _task(tmp_path, [("2023-11-15", _UNFINISHED), ("2024-01-10", _done())], "2024-02-01")
    assert (result.status, result.days_overdue) == (TaskStatus.DONE_LATE, None)
    assert result.explanation == (
        "原文未载明完成时间，2023-11-15报送时尚未完成，最迟于2024-01-10前完成，晚于截止日期2023-11-15"
    )


def test_an_unfinished_report_the_day_before_the_deadline_leaves_timeliness_unknown(tmp_path: Path) -> None:
    """Unfinished the day before the deadline, later done without a date: whether on time is unknowable."""
    result = _task(tmp_path, [("2023-11-14", _UNFINISHED), ("2024-01-10", _done())], "2024-02-01")
    assert result.status is TaskStatus.DONE_UNDATED


def test_saying_done_again_does_not_make_the_completion_later(tmp_path: Path) -> None:
    """A second undated 'done' does not move the completion after the first one."""
    result = _task(tmp_path, [("2023-11-10", _done()), ("2024-01-10", _done())], "2024-02-01")
    assert result.status is TaskStatus.DONE
    assert result.latest is not None and str(result.latest.reported_on) == "2024-01-10"


def test_a_month_completion_in_the_deadline_month_is_on_time_when_the_deadline_is_the_month_end(
    tmp_path: Path,
) -> None:
    """Done in November against a deadline of 30 November is on time."""
    result = _task(tmp_path, [("2023-12-05", _done("2023-11"))], "2023-12-10", deadline="2023-11-30")
    assert result.status is TaskStatus.DONE
    assert result.explanation == "已于2023年11月完成，原文未载明具体日期（截止2023-11-30）"


def test_a_month_completion_in_the_deadline_month_is_unknown_when_the_deadline_is_mid_month(tmp_path: Path) -> None:
    """Done in November against a deadline of 15 November: whether on time is unknowable."""
    result = _task(tmp_path, [("2023-12-05", _done("2023-11"))], "2023-12-10")
    assert result.status is TaskStatus.DONE_UNDATED
    assert result.explanation == "已于2023年11月完成，原文未载明具体日期（截止2023-11-15），无法判断是否按期"


def test_a_month_completion_after_the_deadline_month_is_late_and_before_it_on_time(tmp_path: Path) -> None:
    """Done in November is late for a deadline in October and on time for one in December."""
    late = _task(tmp_path / "late", [("2023-12-05", _done("2023-11"))], "2023-12-10", deadline="2023-10-31")
    assert (late.status, late.explanation) == (
        TaskStatus.DONE_LATE, "已于2023年11月完成，原文未载明具体日期，晚于截止日期2023-10-31",
    )
    early = _task(tmp_path / "early", [("2023-12-05", _done("2023-11"))], "2023-12-10", deadline="2023-12-01")
    assert early.status is TaskStatus.DONE


def test_a_month_completion_reported_within_that_month_ends_no_later_than_the_report(tmp_path: Path) -> None:
    """'2023-11' reported on 2023-11-10 means 11-01 to 11-10: on time for a deadline of 11-12."""
    result = _task(tmp_path, [("2023-11-10", _done("2023-11"))], "2023-11-20", deadline="2023-11-12")
    assert result.status is TaskStatus.DONE
    assert result.completion is not None and str(result.completion.latest) == "2023-11-10"


def test_a_year_completion_written_bare_or_quoted(tmp_path: Path) -> None:
    """completed_on: 2023 (a YAML integer) or "2023": on time for a year-end deadline, unknown for mid-year."""
    year_end = _task(tmp_path / "a", [("2024-01-05", _done("2023"))], "2024-01-10", deadline="2023-12-31")
    assert (year_end.status, year_end.explanation) == (
        TaskStatus.DONE, "已于2023年完成，原文未载明具体日期（截止2023-12-31）",
    )
    mid_year = _task(tmp_path / "b", [("2024-01-05", _done('"2023"'))], "2024-01-10", deadline="2023-06-30")
    assert mid_year.status is TaskStatus.DONE_UNDATED


def test_as_of_before_the_report_date_the_completion_is_not_known(tmp_path: Path) -> None:
    """The day before the report the task is still overdue, and never reported; from the report day on, done."""
    before = _task(tmp_path / "a", [("2023-11-20", _done())], "2023-11-19")
    assert (before.status, before.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, 4)
    on = _task(tmp_path / "b", [("2023-11-20", _done())], "2023-11-20")
    assert on.status is TaskStatus.DONE_UNDATED
