"""Progress over time: month ends, the same data evaluated at each, counts per band, and the chart."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.model.build import DEFAULT_LIGHTS
from checker.site.progress import Band, history, month_ends
from checker.site.progress_chart import progress_chart
from checker.workspace import open_workspace
from tests.unit.report.check_scenario import AS_OF, build


def test_month_ends_run_from_the_start_to_the_as_of_date() -> None:
    """Month ends run from the start's month to the as-of date, which closes the series."""
    assert month_ends(date(2023, 11, 15), date(2024, 2, 10)) == [
        date(2023, 11, 30), date(2023, 12, 31), date(2024, 1, 31), date(2024, 2, 10)]
    assert month_ends(date(2024, 2, 1), date(2024, 2, 29)) == [date(2024, 2, 29)]


def test_each_date_shows_what_the_evaluator_gave_as_of_that_date(tmp_path: Path) -> None:
    """The 2023 plan from 2023-01 to 2023-11-20: eleven month ends and the as-of date. t1 (due 11-15) is
    not overdue at the end of October and is at the as-of date; t3 is done late only after its report."""
    as_of = date.fromisoformat(AS_OF)
    model = open_workspace([build(tmp_path)], as_of).validation.model
    now = evaluate(model, as_of)
    progress = history(model, now)
    assert progress.dates[0] == date(2023, 1, 31) and progress.dates[-1] == as_of and len(progress.dates) == 11
    october = progress.dates.index(date(2023, 10, 31))
    assert progress.statuses[october] == {r.key: r.status for r in evaluate(model, date(2023, 10, 31)).tasks}
    series = progress.counts(["demo-2023/t1"])
    assert series[october][1][Band.OVERDUE] == 0 and series[-1][1][Band.OVERDUE] == 1


def test_the_chart_is_sized_by_css_and_says_its_figures() -> None:
    """No width or height attributes (CSS sizes it); a title, a description with the latest counts, a legend."""
    series = [(date(2023, 1, 31), Counter({Band.OTHER: 3})),
              (date(2023, 2, 28), Counter({Band.OVERDUE: 1, Band.DONE: 2}))]
    svg = progress_chart(series, dict(DEFAULT_LIGHTS), "示例<规划>", "progress-demo")
    assert svg.startswith("<svg") and ' width="' not in svg.split(">")[0] and ' height="' not in svg.split(">")[0]
    assert "<title id=\"progress-demo-title\">示例&lt;规划&gt;</title>" in svg
    assert "2023-02-28：已完成2项、其他0项、临期或滞后0项、逾期1项" in svg
    assert ">逾期 1</text>" in svg and svg.count("<polygon") == 4


def test_a_unit_chart_has_two_lines_and_one_date_draws_nothing() -> None:
    """A unit's progress chart draws two lines; a single date draws no chart."""
    series = [(date(2023, 1, 31), Counter({Band.OVERDUE: 1})), (date(2023, 2, 28), Counter({Band.DONE: 1}))]
    assert progress_chart(series, dict(DEFAULT_LIGHTS), "单位", "u", stacked=False).count("<polyline") == 2
    assert progress_chart(series[:1], dict(DEFAULT_LIGHTS), "单位", "u") == ""
