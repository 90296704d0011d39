"""Progress over time as inline SVG: stacked bands for a plan, two lines for a unit. Pure.

The SVG has a viewBox and no fixed size, so CSS sizes it (.pc-progress svg); the font size in the
viewBox is chosen to stay readable at a phone's width (13 units in 400: about 11 px at 340 px).
Everything from data is XML-escaped; text and axes use currentColor, band colours come from the
palette in policy/settings.yaml. A <title> and a <desc> give the chart's figures to screen readers,
and the figure caption states the latest counts in words.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from datetime import date

from checker.model.records import LightStyle
from checker.site.progress import Band

WIDTH, HEIGHT = 400, 226
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 10, 66
PLOT_WIDTH, PLOT_HEIGHT = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
FONT = 13
STACK_ORDER = (Band.DONE, Band.OTHER, Band.AT_RISK, Band.OVERDUE)  # bottom to top
UNIT_LINES = (Band.OVERDUE, Band.DONE)

Series = Sequence[tuple[date, Counter[Band]]]


def _x(index: int, count: int) -> float:
    return LEFT + (index / (count - 1) if count > 1 else 0.5) * PLOT_WIDTH


def _y(value: float, top: float) -> float:
    return TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT if top else TOP + PLOT_HEIGHT


def _color(band: Band, palette: dict[str, LightStyle]) -> str:
    style = palette.get(band.light.value)
    return html.escape(style.color if style else "currentColor", quote=True)


def describe(series: Series, bands: Sequence[Band]) -> str:
    if not series:
        return ""
    first, last = series[0], series[-1]
    now = "、".join(f"{b.label}{last[1][b]}项" for b in bands)
    return f"{first[0]}至{last[0]}每月末的任务状态；{last[0]}：{now}。"


def progress_chart(series: Series, palette: dict[str, LightStyle], title: str, chart_id: str,
                   *, stacked: bool = True) -> str:
    """One <svg>: stacked bands (a plan) or lines for 逾期 and 已完成 (a unit); "" with fewer than two dates."""
    if len(series) < 2:
        return ""
    bands = STACK_ORDER if stacked else UNIT_LINES
    totals = [sum(counts[b] for b in bands) if stacked else max(counts[b] for b in bands) for _, counts in series]
    top = max(*totals, 1)
    ident = html.escape(chart_id, quote=True)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" class="pc-progress-chart" font-family="sans-serif" '
        f'font-size="{FONT}">',
        f'<title id="{ident}-title">{html.escape(title)}</title>',
        f'<desc id="{ident}-desc">{html.escape(describe(series, bands))}</desc>',
        *_axes(series, top),
        *(_stack(series, top, palette) if stacked else _lines(series, top, palette)),
        *_legend(series[-1][1], tuple(reversed(bands)) if stacked else bands, palette),
        "</svg>",
    ]
    return "".join(parts)


def _axes(series: Series, top: int) -> list[str]:
    base = TOP + PLOT_HEIGHT
    parts = [f'<line x1="{LEFT}" y1="{base}" x2="{LEFT + PLOT_WIDTH}" y2="{base}" stroke="currentColor"/>',
             f'<text x="{LEFT - 4}" y="{TOP + FONT - 2}" text-anchor="end" fill="currentColor">{top}</text>',
             f'<text x="{LEFT - 4}" y="{base}" text-anchor="end" fill="currentColor">0</text>']
    first, last = series[0][0], series[-1][0]
    parts.append(f'<text x="{LEFT}" y="{base + FONT + 2}" fill="currentColor">{first:%Y-%m}</text>')
    parts.append(f'<text x="{LEFT + PLOT_WIDTH}" y="{base + FONT + 2}" text-anchor="end" '
                 f'fill="currentColor">{last}</text>')
    return parts


def _stack(series: Series, top: int, palette: dict[str, LightStyle]) -> list[str]:
    count = len(series)
    below = [0] * count
    parts = []
    for band in STACK_ORDER:
        above = [below[i] + series[i][1][band] for i in range(count)]
        upper = [f"{_x(i, count):.1f},{_y(above[i], top):.1f}" for i in range(count)]
        lower = [f"{_x(i, count):.1f},{_y(below[i], top):.1f}" for i in reversed(range(count))]
        parts.append(f'<polygon points="{" ".join(upper + lower)}" fill="{_color(band, palette)}" '
                     f'fill-opacity="0.85" stroke="none"/>')
        below = above
    return parts


def _lines(series: Series, top: int, palette: dict[str, LightStyle]) -> list[str]:
    count = len(series)
    parts = []
    for band in UNIT_LINES:
        points = " ".join(f"{_x(i, count):.1f},{_y(counts[band], top):.1f}" for i, (_, counts) in enumerate(series))
        dash = ' stroke-dasharray="6 3"' if band is Band.DONE else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{_color(band, palette)}" '
                     f'stroke-width="2.5"{dash}/>')
    return parts


def _legend(latest: Counter[Band], bands: Sequence[Band], palette: dict[str, LightStyle]) -> list[str]:
    """Two entries a row, in the order given (worst first), each with its latest count."""
    parts = []
    step = (WIDTH - LEFT) / 2
    for index, band in enumerate(bands):
        x = LEFT + index % 2 * step
        y = HEIGHT - 26 + index // 2 * (FONT + 5) if len(bands) > 2 else HEIGHT - 17
        parts.append(f'<rect x="{x:.1f}" y="{y - FONT + 3}" width="10" height="10" fill="{_color(band, palette)}"/>')
        parts.append(f'<text x="{x + 14:.1f}" y="{y}" fill="currentColor">{band.label} {latest[band]}</text>')
    return parts
