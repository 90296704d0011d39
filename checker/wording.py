"""Chinese wordings more than one stage writes the same way, kept in one place.

A leaf module: records are imported for their types only, so any stage may use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checker.model.records import Observation


def period(observation: Observation) -> str:
    """The period an observation covers: as the source words it, else 2024年 or 2024年1—9月."""
    if observation.period_text:
        return observation.period_text
    if observation.is_partial:
        return f"{observation.year}年1—{observation.through_month}月"
    return f"{observation.year}年"


def time_left(days: int) -> str:
    """Days until a deadline not yet passed: 今天截止 on the day, else 还剩3天."""
    return "今天截止" if days == 0 else f"还剩{days}天"
