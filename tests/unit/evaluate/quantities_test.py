"""Either-or and approximate targets, hand-computed: through a milestone that needs the whole target, and directly.

Each scenario task has a milestone `share: 1` on 2024-12-31 and reports quantities on 2024-06-30:
the milestone is reached on the report date exactly when the reported quantities reach the target.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from checker.evaluate.quantities import describe, is_met, threshold
from checker.evaluate.vocabulary import Comparison, TaskStatus
from checker.model.records import Quantity
from tests.unit.evaluate.scenario import Scenario

_PERIOD = ("2023-01-01", "2025-12-31")
_TASK = """\
- id: t21
  kind: task
  title: 提升城乡污水处理成效
  lead: [city-ecology]
  schedule: {{kind: deadline, text: 2025年12月31日, deadline: 2025-12-31}}
  quantities:
{quantities}
  milestones:
    - {{id: whole, text: 全部达到, date: 2024-12-31, share: 1}}
  source: {{section: 三（七）}}
"""
_EITHER_OR = """\
    - {{id: rate, text: 达到70%以上或提高5个百分点以上, unit: "%", comparison: at_least, value: 70{group}}}
    - {{id: rise, text: 达到70%以上或提高5个百分点以上, unit: 个百分点, comparison: at_least, value: 5{group}}}
"""
_APPROXIMATE = """\
    - {id: share, text: 新能源汽车占新车销量比重达到20%左右, unit: "%", comparison: at_least, value: 20,
       approximate: true}
"""


def _milestone(tmp_path: Path, quantities: str, reported: str, settings: str | None = None) -> tuple[TaskStatus, str]:
    body = f"updates:\n  - {{task: demo-2023/t21, status: in_progress, quantities: [{reported}], quote: 据报。}}\n"
    scenario = Scenario(tmp_path, period=_PERIOD).plan(tasks=_TASK.format(quantities=quantities))
    if settings is not None:
        scenario = scenario.with_settings(settings)
    milestone = scenario.report("2024-06-30", body).task("t21", "2024-07-01").milestones[0]
    return milestone.status, milestone.explanation


def test_either_or_is_met_by_one_alternative(tmp_path: Path) -> None:
    """Rate 60 (< 70) but rise 5 (= 5): the group is met, so the milestone is reached by the report date."""
    quantities = _EITHER_OR.format(group=", either_or: collection")
    status, explanation = _milestone(tmp_path, quantities, "{id: rate, value: 60}, {id: rise, value: 5}")
    assert (status, explanation) == (TaskStatus.DONE, "原文未载明达到时间，最迟于2024-06-30前达到（节点2024-12-31）")


def test_without_the_group_the_first_target_alone_decides(tmp_path: Path) -> None:
    """The same figures with no either_or: rate 60 of 70 is 85.7%, the milestone is not reached."""
    quantities = _EITHER_OR.format(group="")
    status, _explanation = _milestone(tmp_path, quantities, "{id: rate, value: 60}, {id: rise, value: 5}")
    assert status is TaskStatus.IN_PROGRESS


def test_approximate_within_the_default_tolerance_is_met(tmp_path: Path) -> None:
    """20%左右 with the default 5% tolerance: 20 × 0.95 = 19, and 19 is reported."""
    status, _explanation = _milestone(tmp_path, _APPROXIMATE, "{id: share, value: 19}")
    assert status is TaskStatus.DONE


def test_approximate_outside_the_tolerance_is_not_met(tmp_path: Path) -> None:
    """18.9 is below 19: 18.9 ÷ 19 = 99.5%, not reached."""
    status, _explanation = _milestone(tmp_path, _APPROXIMATE, "{id: share, value: 18.9}")
    assert status is TaskStatus.IN_PROGRESS


def test_the_tolerance_comes_from_settings(tmp_path: Path) -> None:
    """With approximate_tolerance_percent 10 the bar is 20 × 0.9 = 18, so 18.9 now counts."""
    status, _explanation = _milestone(tmp_path, _APPROXIMATE, "{id: share, value: 18.9}",
                                      settings="approximate_tolerance_percent: 10\n")
    assert status is TaskStatus.DONE


_CAP = Quantity("cap", "控制在50左右", "天", Comparison.AT_MOST, 50, None, None, (), approximate=True)


def test_ceilings_and_exact_figures() -> None:
    """at_most 50左右 at 5%: up to 52.5 is met; an exact figure has no slack; equal 左右 is a band of ±2.5."""
    assert threshold(_CAP, 5) == 52.5
    assert (is_met(_CAP, 52.5, 5), is_met(_CAP, 52.6, 5)) == (True, False)
    exact = replace(_CAP, approximate=False)
    assert (is_met(exact, 50, 5), is_met(exact, 50.1, 5)) == (True, False)
    band = replace(_CAP, comparison=Comparison.EQUAL)
    assert (is_met(band, 47.5, 5), is_met(band, 52.5, 5), is_met(band, 47.4, 5)) == (True, True, False)


def test_the_site_wording_states_tolerance_and_alternatives(tmp_path: Path) -> None:
    """The task page shows the bar an approximate target is judged by, and each alternative's partner."""
    scenario = Scenario(tmp_path, period=_PERIOD).plan(
        tasks=_TASK.format(quantities=_EITHER_OR.format(group=", either_or: collection") + _APPROXIMATE)
    )
    task = scenario.model().plans["demo-2023"].tasks[0]
    rate, rise, share = task.quantities
    assert describe(task, rate, 5) == "达到70%以上或提高5个百分点以上（70%，与5个百分点达到其一即可）"
    assert describe(task, rise, 5) == "达到70%以上或提高5个百分点以上（5个百分点，与70%达到其一即可）"
    assert describe(task, share, 5) == "新能源汽车占新车销量比重达到20%左右（20%，约数，按±5%容差判定，即不低于19%）"
