"""The status of an indicator as of a date.

- Targets resolve to a number where the data allow: absolute as given, relative and delta from the
  baseline (较2020年下降18% → baseline × 0.82), 全部消除 → 0. Rank targets compare the rank counted
  from the bottom; "improve" targets compare with the previous year; qualitative targets are
  judged by the assessment a report cites.
- The observation that decides is the one for the target year when it exists, else the latest
  full-year one: met / missed once the target year is reached, otherwise on_track / off_track
  against the straight path from baseline to target for the observation's year (against the
  target itself when there is no baseline).
- A partial-period observation (前三季度) is shown, but is not comparable with annual figures
  (Q1–Q3 PM2.5 misses the heating season), so it decides only when no full-year observation
  exists, and then never as met.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.evaluate.labels import label, limit_word
from checker.evaluate.progress import number
from checker.evaluate.results import IndicatorResult
from checker.evaluate.vocabulary import Direction, IndicatorStatus, Light, TargetKind
from checker.model.records import Assessment, Indicator, Observation
from checker.wording import period

_LIGHTS = {
    IndicatorStatus.MET: Light.GREEN,
    IndicatorStatus.ON_TRACK: Light.GREEN,
    IndicatorStatus.ASSESSED: Light.GREEN,
    IndicatorStatus.OFF_TRACK: Light.YELLOW,
    IndicatorStatus.MISSED: Light.RED,
    IndicatorStatus.NO_DATA: Light.GREY,
}


@dataclass(frozen=True)
class _Verdict:
    status: IndicatorStatus
    explanation: str
    path: float | None = None
    light: Light | None = None


def resolve_target(indicator: Indicator, override: float | None = None) -> float | None:
    """The target as a number, or None for rank, improve and qualitative targets."""
    target, baseline = indicator.target, indicator.baseline
    if override is not None:
        return override
    base = baseline.value if baseline is not None else None
    if target.kind is TargetKind.ABSOLUTE:
        return target.value
    if target.kind is TargetKind.ELIMINATE:
        return 0.0
    if target.kind is TargetKind.RELATIVE and base is not None and target.change is not None:
        return base * (1 + target.change / 100)
    if target.kind is TargetKind.DELTA and base is not None and target.change is not None:
        return base + target.change
    return None


def evaluate_indicator(
    indicator: Indicator, observations: tuple[Observation, ...], target_override: float | None = None
) -> IndicatorResult:
    """observations: this indicator's, dated on or before as_of, oldest period first."""
    target_value = resolve_target(indicator, target_override)
    full = [o for o in observations if not o.is_partial]
    partial = [o for o in observations if o.is_partial]
    deciding = _deciding(indicator, full) or (partial[-1] if partial else None)
    if deciding is None:
        verdict = _Verdict(IndicatorStatus.NO_DATA, "尚无观测数据")
    else:
        verdict = _judge(indicator, deciding, full, target_value)
    explanation = verdict.explanation + _partial_note(indicator, partial, deciding)
    assessment = deciding.assessment if deciding is not None else None
    return IndicatorResult(
        indicator=indicator, status=verdict.status, light=verdict.light or _LIGHTS[verdict.status],
        explanation=explanation, target_value=target_value, path_value=verdict.path,
        latest=observations[-1] if observations else None, observations=observations, assessment=assessment,
    )


def _deciding(indicator: Indicator, full: list[Observation]) -> Observation | None:
    for_target_year = [o for o in full if o.year == indicator.target.year]
    if for_target_year:
        return for_target_year[-1]
    return full[-1] if full else None


def _judge(indicator: Indicator, seen: Observation, full: list[Observation], target: float | None) -> _Verdict:
    reached = seen.year >= indicator.target.year and not seen.is_partial  # part of a year only measures pace
    if indicator.direction is Direction.QUALITATIVE or indicator.target.kind is TargetKind.QUALITATIVE:
        return _assessed(seen)
    if seen.value is None and seen.rank_from_bottom is None:
        return _by_assessment(seen, reached)
    if indicator.target.kind is TargetKind.RANK:
        return _rank(indicator, seen, reached)
    if indicator.target.kind is TargetKind.IMPROVE:
        return _improve(indicator, seen, full, reached)
    if seen.value is None or target is None:
        return _Verdict(IndicatorStatus.NO_DATA, _unresolvable(indicator))
    return _numeric(indicator, seen, target, reached)


def _status(good: bool, reached: bool) -> IndicatorStatus:
    """Once the target year is reached: met or missed; before it: on or off track."""
    if reached:
        return IndicatorStatus.MET if good else IndicatorStatus.MISSED
    return IndicatorStatus.ON_TRACK if good else IndicatorStatus.OFF_TRACK


def _value(indicator: Indicator, seen: Observation) -> str:
    note = f"（{seen.note}）" if seen.note else ""
    return f"{period(seen)}{number(seen.value or 0)}{indicator.unit or ''}{note}"


def _better_or_equal(indicator: Indicator, value: float, bound: float) -> bool:
    if indicator.direction is Direction.AT_LEAST:
        return value >= bound - 1e-9
    return value <= bound + 1e-9


def _bound_word(indicator: Indicator) -> str:
    return limit_word(indicator.direction is Direction.AT_LEAST)


def _numeric(indicator: Indicator, seen: Observation, target: float, reached: bool) -> _Verdict:
    shown = _value(indicator, seen)
    goal = f"目标{indicator.target.year}年{_bound_word(indicator)}{number(target)}{indicator.unit or ''}"
    ok = _better_or_equal(indicator, seen.value or 0, target)
    if reached:
        return _Verdict(_status(ok, reached), f"{shown}，{goal}，{'已达标' if ok else '未达标'}")
    baseline = indicator.baseline
    if seen.year >= indicator.target.year:
        verdict = "符合目标值" if ok else "差于目标值"
        return _Verdict(_status(ok, reached), f"{shown}，{goal}，{verdict}（阶段数据，不作达标判定）", target)
    if baseline is None or baseline.value is None or baseline.year >= seen.year:
        return _Verdict(_status(ok, reached), f"{shown}，{goal}（无基期值，按目标值判断）")
    span = indicator.target.year - baseline.year
    path = baseline.value + (target - baseline.value) * (seen.year - baseline.year) / span
    on_path = _better_or_equal(indicator, seen.value or 0, path)
    gap = abs((seen.value or 0) - path)
    gap_unit = "个百分点" if indicator.unit == "%" else indicator.unit or ""  # a gap between rates is in points
    verdict = IndicatorStatus.ON_TRACK.label if on_path else f"滞后{number(gap)}{gap_unit}"
    explanation = (
        f"{shown}；按基期{number(baseline.value)}（{baseline.year}年）至目标{number(target)}"
        f"（{indicator.target.year}年）的直线路径，{seen.year}年应{_bound_word(indicator)}{number(path)}，{verdict}"
    )
    return _Verdict(_status(on_path, reached), explanation, path)


def _rank(indicator: Indicator, seen: Observation, reached: bool) -> _Verdict:
    bottom, cities = indicator.target.outside_bottom or 0, indicator.target.ranked_cities
    rank = seen.rank_from_bottom
    if rank is None:
        return _by_assessment(seen, reached)
    ok = rank > bottom
    shown = f"{period(seen)}全国{seen.ranked_cities or cities}城市中倒数第{rank}"
    goal = f"退出后{bottom}名"
    if reached:
        return _Verdict(_status(ok, reached), f"{shown}，目标{goal}，{'已达标' if ok else '未达标'}")
    return _Verdict(_status(ok, reached), f"{shown}，目标{indicator.target.year}年{goal}")


def _improve(indicator: Indicator, seen: Observation, full: list[Observation], reached: bool) -> _Verdict:
    previous = next((o for o in reversed(full) if o.year == seen.year - 1 and o.value is not None), None)
    baseline = indicator.baseline
    before = previous.value if previous else (baseline.value if baseline and baseline.year == seen.year - 1 else None)
    if before is None or seen.value is None:
        missing = f"{_value(indicator, seen)}，缺少{seen.year - 1}年数据，无法判断是否改善"
        return _Verdict(IndicatorStatus.NO_DATA, missing)
    improved = seen.value < before if indicator.direction is Direction.AT_MOST else seen.value > before
    shown = f"{_value(indicator, seen)}，{seen.year - 1}年{number(before)}{indicator.unit or ''}"
    return _Verdict(_status(improved, reached), f"{shown}，{'已改善' if improved else '未改善'}")


def _assessed(seen: Observation) -> _Verdict:
    if seen.assessment is None:
        return _Verdict(IndicatorStatus.NO_DATA, f"{period(seen)}无评定")
    met = seen.assessment is Assessment.MET
    light = Light.GREEN if met else Light.RED
    explanation = f"{period(seen)}评定为{label(seen.assessment)}：“{seen.quote}”"
    return _Verdict(IndicatorStatus.ASSESSED, explanation, light=light)


def _by_assessment(seen: Observation, reached: bool) -> _Verdict:
    met = seen.assessment is Assessment.MET
    explanation = f"{period(seen)}依据表述评定为{'达到' if met else '未达到'}：“{seen.quote}”"
    return _Verdict(_status(met, reached), explanation)


def _unresolvable(indicator: Indicator) -> str:
    if indicator.target.kind in (TargetKind.RELATIVE, TargetKind.DELTA):
        return f"目标“{indicator.target.text}”须由基期值换算，但缺少基期值"
    return f"目标“{indicator.target.text}”无法与数值比较"


def _partial_note(indicator: Indicator, partial: list[Observation], deciding: Observation | None) -> str:
    latest = partial[-1] if partial else None
    if latest is None or latest is deciding or latest.value is None:
        return ""
    if deciding is not None and latest.year <= deciding.year:
        return ""
    return f"；{_value(indicator, latest)}（阶段数据，仅供参考，不作达标判定）"
