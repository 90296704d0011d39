"""The home page answers first: headline line, unit scorecard, binding indicators, upcoming deadlines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.pages.home import home_page
from checker.site.progress import history
from checker.workspace import open_workspace
from tests.unit.report.check_scenario import AS_OF, build


def _home(tmp_path: Path) -> str:
    as_of = date.fromisoformat(AS_OF)
    model = open_workspace([build(tmp_path)], as_of).validation.model
    return home_page(evaluate(model, as_of), ReportContext(model))


def test_the_first_thing_is_one_headline_line(tmp_path: Path) -> None:
    """逾期 N 项，其中未报送 M 项；未来30天临期 K 项, before any table."""
    page = _home(tmp_path)
    line = "<strong>逾期 2 项</strong>，其中未报送 1 项；未来30天临期 1 项"
    assert line in page
    assert page.index(line) < page.index("<table")


def test_the_scorecard_links_each_unit_worst_first(tmp_path: Path) -> None:
    """The home page's scorecard links each unit's page, the worst on-time rate first."""
    page = _home(tmp_path)
    scorecard = page[page.index("## 各单位完成情况"):page.index("## 约束性指标")]
    order = [scorecard.index(f'href="units/{unit}.html"') for unit in ("county-b", "city-ecology", "city-industry")]
    assert order == sorted(order)
    assert "按期完成率" in scorecard and "0%" in scorecard


def test_binding_indicators_and_upcoming_deadlines_are_on_the_home_page(tmp_path: Path) -> None:
    """PM2.5 is binding: its status is shown; t2 (due 2023-12-10) is in the 30-day list with 20 days left."""
    page = _home(tmp_path)
    indicators = page[page.index("## 约束性指标"):page.index("## 即将到期")]
    assert "细颗粒物（PM2.5）浓度" in indicators and "pc-badge" in indicators
    upcoming = page[page.index("### 30天内"):page.index("### 31–60天")]
    assert "demo-2023/t2" in upcoming and "还剩20天" in upcoming
    assert "### 30天内（1项）" in page


def test_with_a_history_each_plan_has_its_progress_chart(tmp_path: Path) -> None:
    """The same data evaluated at each month end, drawn under 各规划进度 with the latest counts in words."""
    as_of = date.fromisoformat(AS_OF)
    model = open_workspace([build(tmp_path)], as_of).validation.model
    now = evaluate(model, as_of)
    page = home_page(now, ReportContext(model), history(model, now))
    plans = page[page.index("## 各规划进度"):page.index("## 逾期最久的任务")]
    assert plans.count('<figure class="pc-progress"><svg') == 1
    assert "2023-01-31至2023-11-20每月末的任务状态" in plans
