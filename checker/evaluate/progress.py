"""Reading progress: how much of a task a report says is done, and how much time has passed."""

from __future__ import annotations

from datetime import date

from checker.evaluate.numbers import number, percent
from checker.evaluate.quantities import reported_share as quantity_share
from checker.evaluate.vocabulary import ReportedStatus, reported_label
from checker.model.records import Task, Update

# number and percent are re-exported for the callers that read them from here.
__all__ = ["describe_update", "elapsed_share", "number", "percent", "reported_share", "update_detail"]


def reported_share(update: Update | None, task: Task, tolerance_percent: float = 0.0) -> float | None:
    """The completed share (1.0 = all) a report states, or None when it states no quantity.

    Quantities are read as checker/evaluate/quantities.py says: an approximate target within the
    tolerance counts as reached, and an either-or group takes its best alternative.
    """
    if update is None:
        return None
    if update.status is ReportedStatus.DONE:
        return 1.0
    if update.done is not None and update.total:
        return update.done / update.total
    if update.percent is not None:
        return update.percent / 100
    return quantity_share(task, dict(update.quantities), tolerance_percent)


def elapsed_share(as_of: date, start: date, due: date | None) -> float | None:
    """序时进度: the share of the period from start to due that has passed on as_of (0 to 1)."""
    if due is None or due <= start:
        return None
    share = (as_of - start).days / (due - start).days
    return min(max(share, 0.0), 1.0)


def describe_update(update: Update | None) -> str:
    """最近报送：2025-10-23 邯郸生态环境简报（已完成3/6台）: date, source and what it said."""
    if update is None:
        return "最近报送：无"
    if update.status is ReportedStatus.DONE:
        detail = reported_label(ReportedStatus.DONE)
    elif update.done is not None and update.total is not None:
        detail = f"已完成{number(update.done)}/{number(update.total)}{update.count_unit or ''}"
    elif update.percent is not None:
        detail = f"完成{number(update.percent)}%"
    elif update.quantities:
        detail = "、".join(f"{quantity_id}={number(value)}" for quantity_id, value in update.quantities)
    else:
        detail = reported_label(ReportedStatus.NOT_STARTED if update.status is ReportedStatus.NOT_STARTED
                                else ReportedStatus.IN_PROGRESS)
    return f"最近报送：{update.reported_on} {update.report_title}（{detail}）"


def update_detail(update: Update) -> str:
    """推进中，已完成3/6台，预计2025-11-30完成（预计11月底建成）"""
    parts = [reported_label(update.status)]
    if update.done is not None and update.total is not None:
        parts.append(f"已完成{number(update.done)}/{number(update.total)}{update.count_unit or ''}")
    if update.percent is not None:
        parts.append(f"完成{number(update.percent)}%")
    parts += [f"{quantity_id}：{number(value)}" for quantity_id, value in update.quantities]
    if update.forecast is not None:
        parts.append(f"预计{update.forecast}完成（{update.forecast_text or ''}）")
    if update.completed_on is not None:
        parts.append(f"完成日期{update.completed_on}")
    if update.milestone:
        parts.append(f"节点：{update.milestone}")
    return "，".join(parts)

