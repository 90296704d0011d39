"""Indicator charts: well-formed, accessible, escaped SVG; hollow partial periods; no chart without numbers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date

import pytest

from checker.evaluate import evaluate
from checker.evaluate.indicators import evaluate_indicator
from checker.evaluate.results import IndicatorResult
from checker.evaluate.vocabulary import Direction, TargetKind
from checker.model.records import Assessment, Indicator, LightStyle, Model, Observation
from checker.site.charts import indicator_chart
from checker.workspace import open_workspace
from tests.support import BASE, REPOSITORY

SVG = "{http://www.w3.org/2000/svg}"
PALETTE = {
    "red": LightStyle("红灯", "#c62828", "✖"),
    "yellow": LightStyle("黄灯", "#f9a825", "▲"),
    "green": LightStyle("绿灯", "#2e7d32", "✔"),
    "grey": LightStyle("灰灯", "#757575", "●"),
}


@pytest.fixture(scope="module")
def model() -> Model:
    return open_workspace([BASE / "policy"], date(2024, 1, 1)).validation.model


@pytest.fixture(scope="module")
def pm25(model: Model) -> Indicator:
    """细颗粒物（PM2.5）浓度: baseline 57 in 2020, target 42 in 2025 (the base fixture)."""
    return model.indicators["demo-2023/pm25"]


@pytest.fixture(scope="module")
def reported(model: Model) -> Observation:
    """The base fixture's observation: 2022, full year, 50."""
    return model.reports[0].observations[0]


def _observation(template: Observation, year: int, value: float, through_month: int | None = None) -> Observation:
    return replace(template, year=year, value=value, through_month=through_month, period_text=None)


def _chart(indicator: Indicator, *observations: Observation) -> tuple[str, ET.Element]:
    svg = indicator_chart(evaluate_indicator(indicator, observations), PALETTE)
    return svg, ET.fromstring(svg)


def test_chart_is_an_svg_image_with_a_chinese_text_alternative(pm25: Indicator, reported: Observation) -> None:
    """role=img, a <title> with the name and a <desc> stating baseline, target and observations."""
    _, root = _chart(pm25, reported)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("width") == "100%" and root.get("viewBox") == "0 0 480 240"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert title.text == "细颗粒物（PM2.5）浓度"
    assert desc.text == "细颗粒物（PM2.5）浓度（微克/立方米）：基期2020年57，目标2025年42，2022年50；状态：符合序时进度"
    assert (root.get("aria-labelledby") or "").split() == [title.get("id"), desc.get("id")]


def test_chart_draws_the_path_the_points_and_year_ticks(pm25: Indicator, reported: Observation) -> None:
    """A dashed baseline-to-target path, a line from the baseline through full-year values, years 2020–2025."""
    _, root = _chart(pm25, reported, _observation(reported, 2023, 48))
    path = root.find(f".//{SVG}path[@class='plan-path']")
    assert path is not None and path.get("stroke-dasharray")
    actual = root.find(f".//{SVG}polyline[@class='actual']")
    assert actual is not None and len((actual.get("points") or "").split()) == 3
    assert root.find(f".//{SVG}circle[@class='baseline']") is not None
    assert root.find(f".//{SVG}path[@class='target']") is not None
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert [str(year) for year in range(2020, 2026)] == [t for t in texts if t and t.isdigit() and len(t) == 4]
    assert {"基期57", "目标42", "50", "48"} <= set(texts)


def test_partial_period_is_hollow_labelled_and_not_joined(pm25: Indicator, reported: Observation) -> None:
    """前三季度 (through September) is an unfilled circle labelled 1—9月, outside the line of annual values."""
    _, root = _chart(pm25, reported, _observation(reported, 2025, 31, through_month=9))
    partial = root.findall(f".//{SVG}circle[@class='observation partial']")
    assert len(partial) == 1 and partial[0].get("fill") == "none"
    solid = root.find(f".//{SVG}circle[@class='observation']")
    assert solid is not None and solid.get("fill") == PALETTE["green"].color  # on track: 50 is below the path (51)
    assert "31（1—9月）" in [element.text for element in root.iter(f"{SVG}text")]
    actual = root.find(f".//{SVG}polyline[@class='actual']")
    assert actual is not None
    assert f"{partial[0].get('cx')},{partial[0].get('cy')}" not in (actual.get("points") or "")
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "2025年1—9月31（阶段数据）" in (desc.text or "")


def test_a_full_year_value_replaces_the_partial_one_for_its_year(pm25: Indicator, reported: Observation) -> None:
    """Once the whole of 2024 is reported, its January–September figure is no longer drawn."""
    _, root = _chart(pm25, _observation(reported, 2024, 40, through_month=9), _observation(reported, 2024, 45))
    assert root.findall(f".//{SVG}circle[@class='observation partial']") == []
    assert len(root.findall(f".//{SVG}circle[@class='observation']")) == 1


def test_text_from_data_is_escaped(pm25: Indicator, reported: Observation) -> None:
    """A hostile name or unit stays text: no <script> element, the exact string in <title>."""
    hostile = replace(pm25, name="<script>alert(1)</script>", unit='"><img src=x onerror=alert(1)>&')
    svg, root = _chart(hostile, reported)
    assert "<script" not in svg and "<img" not in svg
    assert [element.tag for element in root.iter() if not element.tag.startswith(SVG)] == []
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "<script>alert(1)</script>"
    texts = [element.text for element in root.iter(f"{SVG}text")]
    assert '"><img src=x onerror=alert(1)>&' in texts


def test_hostile_palette_colour_stays_inside_its_attribute(pm25: Indicator, reported: Observation) -> None:
    """Colours come from settings.yaml; a quote in one cannot add an attribute."""
    palette = {light: LightStyle(style.label, '#f00" onload="alert(1)', style.icon) for light, style in PALETTE.items()}
    root = ET.fromstring(indicator_chart(evaluate_indicator(pm25, (reported,)), palette))
    assert all("onload" not in element.attrib for element in root.iter())
    assert '#f00" onload="alert(1)' in [element.get("fill") for element in root.iter(f"{SVG}circle")]


def test_chart_uses_no_external_resources_or_scripts(pm25: Indicator, reported: Observation) -> None:
    """A chart is plain SVG: no link, script, style, URL, image or foreign object, and no blank line."""
    svg, root = _chart(pm25, reported, _observation(reported, 2025, 31, through_month=9))
    assert root.get("font-family") == "sans-serif"
    for forbidden in ("href", "<script", "<style", "url(", "http://", "https://", "<image", "<foreignObject"):
        assert forbidden not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "\n\n" not in svg  # a blank line would end the HTML block in Markdown


def test_numbers_carry_no_float_noise(pm25: Indicator, reported: Observation) -> None:
    """0.1 + 0.2 is shown as 0.3; small targets keep their digits (0.1255); tick labels are short."""
    assert pm25.baseline is not None and pm25.target is not None
    small = replace(pm25, baseline=replace(pm25.baseline, value=0.1 + 0.2), direction=Direction.AT_LEAST,
                    target=replace(pm25.target, value=0.1255))
    svg, root = _chart(small, _observation(reported, 2022, 0.2))
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "基期2020年0.3，目标2025年0.1255，2022年0.2" in (desc.text or "")
    assert "0000" not in svg


def test_same_input_gives_the_same_bytes(pm25: Indicator, reported: Observation) -> None:
    """The same indicator result draws the same bytes."""
    first = indicator_chart(evaluate_indicator(pm25, (reported,)), PALETTE)
    assert first == indicator_chart(evaluate_indicator(pm25, (reported,)), PALETTE)


def test_no_chart_without_measured_numbers(pm25: Indicator, reported: Observation) -> None:
    """Only a target, a rank, or a qualitative assessment: "" (the indicator table says it all)."""
    no_baseline = replace(pm25, baseline=None)
    assert indicator_chart(evaluate_indicator(no_baseline, ()), PALETTE) == ""
    rank_only = replace(reported, value=None, rank_from_bottom=24, ranked_cities=168)
    assert indicator_chart(evaluate_indicator(no_baseline, (rank_only,)), PALETTE) == ""
    qualitative = replace(pm25, baseline=None, direction=Direction.QUALITATIVE,
                          target=replace(pm25.target, kind=TargetKind.QUALITATIVE, value=None))
    assessed = replace(reported, value=None, assessment=Assessment.MET)
    assert indicator_chart(evaluate_indicator(qualitative, (assessed,)), PALETTE) == ""


def test_baseline_and_target_alone_still_show_the_planned_path(pm25: Indicator) -> None:
    """Without observations the chart still draws the planned path, and its description says there is no data."""
    _, root = _chart(pm25)
    assert root.find(f".//{SVG}path[@class='plan-path']") is not None
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "尚无观测数据" in (desc.text or "")


def test_every_indicator_of_the_bundled_data_gives_nothing_or_well_formed_svg() -> None:
    """Every indicator of the bundled data gives no chart or a well-formed SVG, and at least one gives a chart."""
    validation = open_workspace([REPOSITORY / "policy"], date(2025, 10, 23)).validation
    results: tuple[IndicatorResult, ...] = evaluate(validation.model, date(2025, 10, 23)).indicators
    charts = [indicator_chart(result, validation.model.settings.lights) for result in results]
    for chart in charts:
        if chart:
            assert ET.fromstring(chart).tag == f"{SVG}svg"
    assert any(charts)
