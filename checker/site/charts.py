"""An indicator's course as an inline SVG: baseline, target, the straight path between them, observations.

The chart is a picture of numbers the indicator table already states, so it is drawn only when it
adds something: at least one measured value (the baseline or an observation) and at least two
points in all. Otherwise `indicator_chart` returns "" and the page shows the table alone; rank,
qualitative and improve-only targets, and indicators with no numbers yet, have no chart.

Full-year observations are joined by a line starting at the baseline. A partial-period value
(前三季度) is drawn hollow and labelled with its months, and is not joined: it misses part of the year
(for PM2.5 the heating season), so a line to it would show a trend that is not there. Per year the
latest report wins, and a partial value gives way to a full-year one. Ranks are not plotted.

Everything from data is XML-escaped; axes and labels use currentColor so the chart follows the
site's light or dark scheme; no scripts, styles, fonts or external references.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from checker.evaluate.progress import number
from checker.evaluate.results import IndicatorResult
from checker.model.records import LightStyle, Observation
from checker.site.formula import render_formulas
from checker.wording import period

WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 34, 30
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
_MOST_YEAR_TICKS = 8
_VALUE_TICKS = 4


@dataclass(frozen=True)
class _Point:
    year: int
    value: float
    label: str
    partial: bool = False


@dataclass(frozen=True)
class _Scale:
    first_year: int
    last_year: int
    ticks: tuple[float, ...]
    decimals: int

    def x(self, year: float) -> float:
        return LEFT + (year - self.first_year + 0.5) / (self.last_year - self.first_year + 1) * PLOT_WIDTH

    def y(self, value: float) -> float:
        low, high = self.ticks[0], self.ticks[-1]
        return TOP + (high - value) / (high - low) * PLOT_HEIGHT


def indicator_chart(result: IndicatorResult, palette: dict[str, LightStyle]) -> str:
    """The indicator's chart as one <svg> element, or "" when it has too few numbers to draw."""
    indicator = result.indicator
    baseline = indicator.baseline
    base = _Point(baseline.year, baseline.value, "基期") if baseline and baseline.value is not None else None
    target = _Point(indicator.target.year, result.target_value, "目标") if result.target_value is not None else None
    observed = _observed(result.observations)
    points = [p for p in (base, target, *observed) if p is not None]
    if (base is None and not observed) or len(points) < 2:
        return ""
    scale = _scale(points)
    style = palette.get(result.light.value)
    color = style.color if style is not None else "currentColor"
    chart_id = "chart-" + indicator.key.replace("/", "--")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-labelledby="{_attr(chart_id)}-title {_attr(chart_id)}-desc" class="pc-indicator-chart" '
        'font-family="sans-serif" font-size="12">',
        f'<title id="{_attr(chart_id)}-title">{_text(indicator.name)}</title>',
        f'<desc id="{_attr(chart_id)}-desc">{_text(describe(result))}</desc>',
        *_axes(scale, indicator.unit),
        *_lag(scale, result, color),
        *_lines(scale, base, target, observed, color),
        *_markers(scale, base, target, observed, color),
        *_legend(target is not None and base is not None, any(p.partial for p in observed), color),
        "</svg>",
    ]
    return "\n".join(parts)


def describe(result: IndicatorResult) -> str:
    """细颗粒物（PM2.5）浓度（ug/m3）：基期2020年57，目标2025年42，2024年46；状态：滞后 — the chart as text."""
    indicator = result.indicator
    facts = []
    if indicator.baseline is not None and indicator.baseline.value is not None:
        facts.append(f"基期{indicator.baseline.year}年{_figure(indicator.baseline.value)}")
    if result.target_value is not None:
        facts.append(f"目标{indicator.target.year}年{_figure(result.target_value)}")
    for observation in result.observations:
        if observation.value is not None:
            partial = "（阶段数据）" if observation.is_partial else ""
            facts.append(f"{period(observation)}{_figure(observation.value)}{partial}")
    if not any(o.value is not None for o in result.observations):
        facts.append("尚无观测数据")
    unit = f"（{indicator.unit}）" if indicator.unit else ""
    return f"{indicator.name}{unit}：{'，'.join(facts)}；状态：{result.status.label}"


def _observed(observations: Sequence[Observation]) -> list[_Point]:
    """One point per year: the latest full-year value, else the latest partial one (oldest year first)."""
    full: dict[int, Observation] = {}
    partial: dict[int, Observation] = {}
    for observation in observations:  # the evaluator sorts by period, then report date: the last one wins
        if observation.value is not None:
            (partial if observation.is_partial else full)[observation.year] = observation
    chosen = {**partial, **full}
    return [
        _Point(year, chosen[year].value or 0.0, f"1—{chosen[year].through_month}月" if year not in full else "",
               partial=year not in full)
        for year in sorted(chosen)
    ]


def _scale(points: Sequence[_Point]) -> _Scale:
    values = [p.value for p in points]
    low, high = min(values), max(values)
    spread = high - low or abs(high) or 1.0
    low, high = low - spread * 0.1, high + spread * 0.1
    if min(values) >= 0 > low:
        low = 0.0  # concentrations and shares never go below zero; neither does the axis
    mantissa, exponent = _nice_step((high - low) / _VALUE_TICKS)
    first, last = math.floor(low / (mantissa * 10.0**exponent)), math.ceil(high / (mantissa * 10.0**exponent))
    ticks = tuple(_multiple(k * mantissa, exponent) for k in range(first, last + 1))
    years = [p.year for p in points]
    return _Scale(min(years), max(years), ticks, max(0, -exponent))


def _nice_step(raw: float) -> tuple[int, int]:
    """The step 1, 2 or 5 × 10^exponent just above raw, as (mantissa, exponent) to keep ticks exact."""
    exponent = math.floor(math.log10(raw))
    if 10.0**exponent > raw:  # log10 of an exact power of ten can come out a hair low
        exponent -= 1
    for mantissa in (1, 2, 5):
        if mantissa * 10.0**exponent >= raw:
            return mantissa, exponent
    return 1, exponent + 1


def _multiple(count: int, exponent: int) -> float:
    """count × 10^exponent without float noise: 3 × 10^-1 is 0.3, not 0.30000000000000004."""
    power: int = 10 ** abs(exponent)
    return float(count * power) if exponent >= 0 else count / power


def _axes(scale: _Scale, unit: str | None) -> list[str]:
    bottom, right = TOP + PLOT_HEIGHT, LEFT + PLOT_WIDTH
    parts = ['<g class="grid" stroke="currentColor" stroke-opacity="0.15">']
    parts += [f'<line x1="{LEFT}" y1="{_c(scale.y(t))}" x2="{right}" y2="{_c(scale.y(t))}"/>' for t in scale.ticks]
    parts += ["</g>", '<g class="axes" stroke="currentColor" stroke-opacity="0.6">',
              f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>',
              f'<line x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>', "</g>",
              '<g class="ticks" fill="currentColor">']
    parts += [
        f'<text x="{LEFT - 6}" y="{_c(scale.y(t) + 4)}" text-anchor="end">{t:.{scale.decimals}f}</text>'
        for t in scale.ticks
    ]
    step = math.ceil((scale.last_year - scale.first_year + 1) / _MOST_YEAR_TICKS)
    for year in range(scale.first_year, scale.last_year + 1, step):
        parts.append(f'<text x="{_c(scale.x(year))}" y="{bottom + 18}" text-anchor="middle">{year}</text>')
    if unit:
        parts.append(f'<text x="{LEFT - 6}" y="{TOP - 10}" text-anchor="end">{_text(unit)}</text>')
    return [*parts, "</g>"]


def _lines(
    scale: _Scale, base: _Point | None, target: _Point | None, observed: Sequence[_Point], color: str
) -> list[str]:
    parts = []
    if base is not None and target is not None:
        parts.append(
            f'<path class="plan-path" d="M{_xy(scale, base)} L{_xy(scale, target)}" fill="none" '
            'stroke="currentColor" stroke-opacity="0.6" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
    actual = ([base] if base is not None else []) + [p for p in observed if not p.partial]
    if len(actual) >= 2:
        points = " ".join(_xy(scale, p) for p in actual)
        parts.append(f'<polyline class="actual" points="{points}" fill="none" stroke="{_attr(color)}" '
                     'stroke-width="2"/>')
    return parts


def _lag(scale: _Scale, result: IndicatorResult, color: str) -> list[str]:
    """The gap between the value judged (the latest) and the straight path that year, in the status colour."""
    latest, path = result.latest, result.path_value
    if latest is None or latest.value is None or path is None or latest.value == path:
        return []
    x, y1, y2 = _c(scale.x(latest.year)), _c(scale.y(path)), _c(scale.y(latest.value))
    return [f'<line class="lag" x1="{x}" y1="{y1}" x2="{x}" y2="{y2}" stroke="{_attr(color)}" '
            'stroke-width="8" stroke-opacity="0.35"><title>与序时进度之差</title></line>']


def _markers(
    scale: _Scale, base: _Point | None, target: _Point | None, observed: Sequence[_Point], color: str
) -> list[str]:
    parts = []
    if base is not None:
        parts.append(f'<circle class="baseline" cx="{_c(scale.x(base.year))}" cy="{_c(scale.y(base.value))}" '
                     'r="4" fill="currentColor"/>')
        parts.append(_label(scale, base))
    if target is not None:
        x, y = scale.x(target.year), scale.y(target.value)
        parts.append(f'<path class="target" d="M{_c(x)},{_c(y - 6)} L{_c(x + 6)},{_c(y)} L{_c(x)},{_c(y + 6)} '
                     f'L{_c(x - 6)},{_c(y)} Z" fill="currentColor"/>')
        parts.append(_label(scale, target))
    for point in observed:
        fill = 'fill="none" stroke-width="2"' if point.partial else f'fill="{_attr(color)}"'
        css = "observation partial" if point.partial else "observation"
        parts.append(f'<circle class="{css}" cx="{_c(scale.x(point.year))}" cy="{_c(scale.y(point.value))}" '
                     f'r="4.5" stroke="{_attr(color)}" {fill}/>')
        parts.append(_label(scale, point))
    return parts


def _label(scale: _Scale, point: _Point) -> str:
    """基期57, 目标42, 46, or 31（1—9月） below a hollow point, kept inside the plot at either end."""
    text = f"{_figure(point.value)}（{point.label}）" if point.partial else f"{point.label}{_figure(point.value)}"
    x, y = scale.x(point.year), scale.y(point.value) + (18 if point.partial else -9)
    anchor = "end" if x > LEFT + PLOT_WIDTH * 0.85 else "start" if x < LEFT + PLOT_WIDTH * 0.15 else "middle"
    shift = {"end": 6, "start": -6, "middle": 0}[anchor]
    return f'<text x="{_c(x + shift)}" y="{_c(y)}" text-anchor="{anchor}" fill="currentColor">{_text(text)}</text>'


def _legend(has_path: bool, has_partial: bool, color: str) -> list[str]:
    parts, x, y = ['<g class="legend" fill="currentColor">'], float(LEFT), 12
    entries = [(f'<line x1="0" y1="-4" x2="16" y2="-4" stroke="{_attr(color)}" stroke-width="2"/>', "实际值")]
    if has_path:
        entries.append(('<line x1="0" y1="-4" x2="16" y2="-4" stroke="currentColor" stroke-dasharray="4 3"/>',
                        "基期至目标的序时进度"))
    if has_partial:
        entries.append((f'<circle cx="8" cy="-4" r="4" fill="none" stroke="{_attr(color)}" stroke-width="2"/>',
                        "阶段数据（不作达标判定）"))
    for sample, text in entries:
        parts.append(f'<g transform="translate({_c(x)},{y})">{sample}<text x="20" y="0">{text}</text></g>')
        x += 28 + 12 * len(text)
    return [*parts, "</g>"]


def _figure(value: float) -> str:
    """46, 67.76, 0.1255: two decimals where they suffice, up to four otherwise; never float noise."""
    return number(value) if round(value, 2) == value else f"{value:.4f}".rstrip("0").rstrip(".")


def _xy(scale: _Scale, point: _Point) -> str:
    return f"{_c(scale.x(point.year))},{_c(scale.y(point.value))}"


def _c(coordinate: float) -> str:
    return f"{coordinate:.1f}"


def _text(text: str) -> str:
    return html.escape(render_formulas(text), quote=False)


def _attr(text: str) -> str:
    return html.escape(render_formulas(text), quote=True)
