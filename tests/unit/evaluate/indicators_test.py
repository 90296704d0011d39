"""Indicator statuses: direction, straight-line pace, partial periods, relative, rank and qualitative targets."""

from __future__ import annotations

from pathlib import Path

from checker.evaluate.vocabulary import IndicatorStatus, Light
from tests.unit.evaluate.scenario import Scenario, deadline_task

PERIOD = ("2021-01-01", "2025-12-31")

INDICATORS = """\
- id: pm25
  name: 细颗粒物（PM2.5）浓度
  unit: 微克/立方米
  binding: binding
  direction: at_most
  baseline: {year: 2020, value: 57, text: "57"}
  target: {year: 2025, kind: absolute, value: 42, text: "42"}
  source: {table: 主要指标表, row: 1}
- id: good-days
  name: 空气质量优良天数比率
  unit: "%"
  binding: binding
  direction: at_least
  baseline: {year: 2020, value: 60, text: "60"}
  target: {year: 2025, kind: delta, change: 1.5, text: 净增1.5个百分点以上}
  source: {table: 主要指标表, row: 2}
- id: energy
  name: 单位GDP能耗
  unit: 吨标准煤/万元
  direction: at_most
  baseline: {year: 2020, value: 1.5, text: "1.5"}
  target: {year: 2025, kind: relative, change: -18, text: 较2020年下降18%}
  source: {table: 主要指标表, row: 3}
- id: rank
  name: 全国168城市空气质量排名
  direction: rank
  target: {year: 2025, kind: rank, rank: {outside_bottom: 10, of: 168}, text: 退出全国168城市后十名}
  source: {table: 主要指标表, row: 4}
- id: black-water
  name: 城市黑臭水体
  unit: 个
  direction: eliminate
  target: {year: 2025, kind: eliminate, text: 全部消除}
  source: {table: 主要指标表, row: 5}
- id: soil
  name: 土壤环境质量
  direction: qualitative
  target: {year: 2025, kind: qualitative, text: 稳中向好}
  source: {table: 主要指标表, row: 6}
- id: noise
  name: 功能区声环境质量
  unit: 分贝
  direction: at_most
  target: {year: 2025, kind: improve, text: 持续改善}
  source: {table: 主要指标表, row: 7}
"""


def _scenario(tmp_path: Path) -> Scenario:
    return Scenario(tmp_path, period=PERIOD).plan(indicators=INDICATORS, tasks=deadline_task("t1", "2025-12-31"))


def _observe(indicator: str, year: int, value: float, extra: str = "") -> str:
    return f"  - {{indicator: demo-2023/{indicator}, period: {{year: {year}{extra}}}, value: {value}, quote: 原文。}}\n"


def test_without_observations_there_is_no_data(tmp_path: Path) -> None:
    """An indicator without observations is 尚无观测数据, grey."""
    result = _scenario(tmp_path).indicator("pm25", "2023-01-01")
    assert (result.status, result.light, result.explanation) == (IndicatorStatus.NO_DATA, Light.GREY, "尚无观测数据")


def test_on_the_straight_path_from_baseline_to_target_is_on_track(tmp_path: Path) -> None:
    # 2022 is 2 of the 5 years from 2020 (57) to 2025 (42): the path value is 57 - 15 × 2/5 = 51.
    """A value on the straight path from the baseline to the target is on track, and the explanation shows the
    path."""
    scenario = _scenario(tmp_path).report("2023-02-01", "observations:\n" + _observe("pm25", 2022, 51))
    result = scenario.indicator("pm25", "2023-02-01")
    assert (result.status, result.path_value) == (IndicatorStatus.ON_TRACK, 51)
    assert result.explanation == (
        "2022年51微克/立方米；按基期57（2020年）至目标42（2025年）的直线路径，2022年应不高于51，符合序时进度"
    )


def test_above_the_path_is_off_track_by_the_gap(tmp_path: Path) -> None:
    """A value worse than the path is off track (yellow), and the explanation gives the gap."""
    scenario = _scenario(tmp_path).report("2023-02-01", "observations:\n" + _observe("pm25", 2022, 52.5))
    result = scenario.indicator("pm25", "2023-02-01")
    assert (result.status, result.light) == (IndicatorStatus.OFF_TRACK, Light.YELLOW)
    assert result.explanation.endswith("2022年应不高于51，滞后1.5微克/立方米")


def test_the_target_year_decides_met_or_missed(tmp_path: Path) -> None:
    """In the target year the value is met or missed (red), nothing in between."""
    met = _scenario(tmp_path / "met").report("2026-01-20", "observations:\n" + _observe("pm25", 2025, 42))
    assert met.indicator("pm25", "2026-02-01").status is IndicatorStatus.MET
    missed = _scenario(tmp_path / "missed").report("2026-01-20", "observations:\n" + _observe("pm25", 2025, 42.1))
    result = missed.indicator("pm25", "2026-02-01")
    assert (result.status, result.light) == (IndicatorStatus.MISSED, Light.RED)
    assert result.explanation == "2025年42.1微克/立方米，目标2025年不高于42微克/立方米，未达标"


def test_a_partial_period_never_makes_an_annual_target_met(tmp_path: Path) -> None:
    """January to September of the target year is judged on track at most, never met: the year is not over."""
    body = "observations:\n" + _observe("pm25", 2025, 31, ", through_month: 9")
    result = _scenario(tmp_path).report("2025-10-23", body).indicator("pm25", "2025-10-23")
    assert result.status is IndicatorStatus.ON_TRACK
    assert result.explanation == (
        "2025年1—9月31微克/立方米，目标2025年不高于42微克/立方米，符合目标值（阶段数据，不作达标判定）"
    )


def test_a_full_year_figure_decides_over_a_later_partial_one_which_is_still_shown(tmp_path: Path) -> None:
    """The last full year decides the status; a later partial figure is shown for reference only."""
    body = "observations:\n" + _observe("pm25", 2024, 46) + _observe("pm25", 2025, 31, ", through_month: 9")
    result = _scenario(tmp_path).report("2025-10-23", body).indicator("pm25", "2025-10-23")
    # 2024 path: 57 - 15 × 4/5 = 45; 46 is 1 above it.
    assert (result.status, result.path_value) == (IndicatorStatus.OFF_TRACK, 45)
    assert result.explanation.endswith(
        "2024年应不高于45，滞后1微克/立方米；2025年1—9月31微克/立方米（阶段数据，仅供参考，不作达标判定）"
    )
    assert result.latest is not None and result.latest.through_month == 9


def test_a_delta_target_is_computed_from_the_baseline(tmp_path: Path) -> None:
    """A target of an increase is the baseline plus the increase."""
    scenario = _scenario(tmp_path).report("2026-01-20", "observations:\n" + _observe("good-days", 2025, 61.5))
    result = scenario.indicator("good-days", "2026-02-01")
    assert (result.target_value, result.status) == (61.5, IndicatorStatus.MET)


def test_a_relative_target_is_computed_from_the_baseline(tmp_path: Path) -> None:
    """A target of a percentage drop is the baseline times (1 - the drop)."""
    scenario = _scenario(tmp_path).report("2026-01-20", "observations:\n" + _observe("energy", 2025, 1.24))
    result = scenario.indicator("energy", "2026-02-01")
    assert result.target_value is not None and round(result.target_value, 6) == 1.23  # 1.5 × (1 − 18%)
    assert result.status is IndicatorStatus.MISSED


def test_a_rank_target_compares_the_rank_from_the_bottom(tmp_path: Path) -> None:
    """Out of the bottom 10 (11th from the bottom) is met; 10th from the bottom is missed."""
    def ranked(from_bottom: int) -> str:
        return (
            "observations:\n  - {indicator: demo-2023/rank, period: {year: 2025}, "
            f"rank: {{from_bottom: {from_bottom}, of: 168}}, quote: 全国排倒{from_bottom}。}}\n"
        )

    outside = _scenario(tmp_path / "a").report("2026-01-20", ranked(11)).indicator("rank", "2026-02-01")
    assert (outside.status, outside.explanation) == (
        IndicatorStatus.MET, "2025年全国168城市中倒数第11，目标退出后10名，已达标"
    )
    inside = _scenario(tmp_path / "b").report("2026-01-20", ranked(10)).indicator("rank", "2026-02-01")
    assert inside.status is IndicatorStatus.MISSED


def test_eliminate_means_zero(tmp_path: Path) -> None:
    """An elimination target is 0, and 0 meets it."""
    scenario = _scenario(tmp_path).report("2026-01-20", "observations:\n" + _observe("black-water", 2025, 0))
    result = scenario.indicator("black-water", "2026-02-01")
    assert (result.target_value, result.status) == (0, IndicatorStatus.MET)


def test_a_qualitative_target_is_assessed_from_the_cited_statement(tmp_path: Path) -> None:
    """A qualitative target takes the assessment given with the quoted statement (green, 评定为已达到)."""
    body = (
        "observations:\n  - {indicator: demo-2023/soil, period: {year: 2024}, assessment: met, "
        "quote: 全市土壤环境质量总体稳中向好。}\n"
    )
    result = _scenario(tmp_path).report("2025-01-20", body).indicator("soil", "2025-02-01")
    assert (result.status, result.light, result.assessment) == (IndicatorStatus.ASSESSED, Light.GREEN, "met")
    assert result.explanation == "2024年评定为已达到：“全市土壤环境质量总体稳中向好。”"


def test_an_improve_target_compares_with_the_previous_year(tmp_path: Path) -> None:
    """An improvement target compares the latest year with the year before."""
    body = "observations:\n" + _observe("noise", 2022, 55) + _observe("noise", 2023, 54)
    result = _scenario(tmp_path).report("2024-01-20", body).indicator("noise", "2024-02-01")
    assert (result.status, result.explanation) == (IndicatorStatus.ON_TRACK, "2023年54分贝，2022年55分贝，已改善")


def test_an_amendment_changes_the_target_value(tmp_path: Path) -> None:
    """An amendment of the indicator target replaces the value the final year is judged against."""
    amendment = """\
- id: new-target
  document: {number: 示政字〔2024〕3号, date: 2024-03-01}
  changes:
    - {item: pm25, field: indicator_target, value: 40, text: "40"}
"""
    scenario = _scenario(tmp_path).plan(amendments=amendment)
    scenario.report("2026-01-20", "observations:\n" + _observe("pm25", 2025, 41))
    result = scenario.indicator("pm25", "2026-02-01")
    assert (result.target_value, result.status) == (40, IndicatorStatus.MISSED)
