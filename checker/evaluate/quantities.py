"""When a reported value meets a task's quantitative target: approximate targets and either-or groups.

- Approximate (`approximate: true`, “20%左右”): the figure is a round number, not a floor. A value
  within `approximate_tolerance_percent` of it (relative to the figure, policy/settings.yaml)
  counts: at_least → value ≥ figure × (1 − t); at_most → value ≤ figure × (1 + t); equal →
  |value − figure| ≤ figure × t. An exact target has t = 0, so nothing changes for it.
- Either-or (`either_or: <group>`, “达到70%以上或在2020年基础上提高5个百分点以上”): the
  quantities of one task sharing a group are alternatives; the group is met when any one is, and
  its share of completion is the best alternative's.

Pure: quantities and numbers in, thresholds, shares and Chinese wording out.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.evaluate.labels import limit_word
from checker.evaluate.numbers import number
from checker.evaluate.vocabulary import Comparison
from checker.model.records import Quantity, Task

_EPSILON = 1e-9


def threshold(quantity: Quantity, tolerance_percent: float) -> float:
    """The value a report must reach (at_least) or stay within (at_most) for the target to count as met."""
    slack = abs(quantity.value) * tolerance_percent / 100 if quantity.approximate else 0.0
    if quantity.comparison is Comparison.AT_LEAST:
        return quantity.value - slack
    if quantity.comparison is Comparison.AT_MOST:
        return quantity.value + slack
    return quantity.value


def is_met(quantity: Quantity, value: float, tolerance_percent: float) -> bool:
    limit = threshold(quantity, tolerance_percent)
    if quantity.comparison is Comparison.AT_LEAST:
        return value >= limit - _EPSILON
    if quantity.comparison is Comparison.AT_MOST:
        return value <= limit + _EPSILON
    slack = abs(quantity.value) * tolerance_percent / 100 if quantity.approximate else 0.0
    return abs(value - quantity.value) <= slack + _EPSILON


def share(quantity: Quantity, value: float, tolerance_percent: float) -> float | None:
    """Completed share of an at_least target: value ÷ threshold. A ceiling has no share of completion."""
    limit = threshold(quantity, tolerance_percent)
    return value / limit if quantity.comparison is Comparison.AT_LEAST and limit > 0 else None


def alternatives(task: Task, quantity: Quantity) -> tuple[Quantity, ...]:
    """The quantity and the others of its either-or group (just itself when it has none)."""
    if quantity.either_or is None:
        return (quantity,)
    return tuple(other for other in task.quantities if other.either_or == quantity.either_or)


def reported_share(task: Task, values: Mapping[str, float], tolerance_percent: float) -> float | None:
    """The share a report's quantities state: the first reported target, or its group's best alternative."""
    targets = {quantity.id: quantity for quantity in task.quantities}
    for quantity_id in values:
        quantity = targets.get(quantity_id)
        if quantity is None:
            continue
        shares = [
            share(other, values[other.id], tolerance_percent)
            for other in alternatives(task, quantity) if other.id in values
        ]
        known = [found for found in shares if found is not None]
        if known:
            return max(known)
    return None


def describe(task: Task, quantity: Quantity, tolerance_percent: float) -> str:
    """How the site states the target: figure, stretch, the tolerance of an approximate one, its alternatives."""
    parts = [f"{number(quantity.value)}{quantity.unit}"]
    if quantity.stretch is not None:
        parts.append(f"力争{number(quantity.stretch)}{quantity.unit}")
    if quantity.approximate:
        one_sided = quantity.comparison is not Comparison.EQUAL
        bound = limit_word(quantity.comparison is Comparison.AT_LEAST) if one_sided else None
        limit = f"，即{bound}{number(threshold(quantity, tolerance_percent))}{quantity.unit}" if bound else ""
        parts.append(f"约数，按±{number(tolerance_percent)}%容差判定{limit}")
    others = [other for other in alternatives(task, quantity) if other.id != quantity.id]
    if others:
        listed = "、".join(f"{number(other.value)}{other.unit}" for other in others)
        parts.append(f"与{listed}达到其一即可")
    return f"{quantity.text}（{'，'.join(parts)}）"
