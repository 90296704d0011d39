"""The rows of the task ledger (任务台账), computed once for every sheet, file and format.

One row per task, most urgent first. Cells keep their types (dates as `date`, the share done as a
fraction): the workbook stores real dates and percentages, and the CSV writes them as text.
Columns a reader needs come first; the ones a maintainer needs (任务ID, 文件, 行号) come last.

A unit's rows are the tasks that name it (点名任务): as lead, cooperating or responsible unit,
directly or through a group, but not the tasks it answers for only through a plan-wide default
such as 各县（市、区）人民政府. With the default, each county's sheet held every task of a plan
(5,197 unit rows instead of 1,037 on the bundled data, and building the workbooks took 24 s
instead of about 5 s). The import still accepts a report on any task the unit may report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from checker.evaluate.labels import Role, label, units_heading
from checker.evaluate.results import Evaluation, TaskResult
from checker.evaluate.vocabulary import Light
from checker.model.records import Model
from checker.report.views import ReportContext, risk_order

Cell = str | int | float | date | None

LEDGER_COLUMNS = (
    "序号", "规划", "原文编号", "任务", "类型", "目标",
    *(units_heading(role) for role in (Role.LEAD, Role.COOPERATING, Role.RESPONSIBLE)), "时限（原文）",
    "截止日期", "状态", "灯", "说明", "逾期天数", "剩余天数", "完成进度", "最近报送日期", "最近报送来源",
    "来源位置", "任务ID", "文件", "行号",
)
DATE_COLUMNS = frozenset({"截止日期", "最近报送日期"})
PERCENT_COLUMNS = frozenset({"完成进度"})
STATUS_COLUMNS = frozenset({"状态", "灯"})
TASK_ID = "任务ID"


@dataclass(frozen=True, slots=True)
class Row:
    """The cells of one task in LEDGER_COLUMNS order (序号 left blank: it depends on the sheet) and its light."""

    cells: tuple[Cell, ...]
    light: Light
    units: frozenset[str]

    def numbered(self, number: int) -> list[Cell]:
        return [number, *self.cells[1:]]


@dataclass(frozen=True, slots=True)
class UnitRows:
    unit: str
    name: str
    rows: tuple[Row, ...]


def ledger_rows(evaluation: Evaluation, context: ReportContext) -> list[Row]:
    """One row per task, most urgent first (overdue, then due soon, ...)."""
    plans = {plan.id: plan for plan in evaluation.plans}
    rows = []
    for result in sorted(evaluation.tasks, key=risk_order):
        plan = plans.get(result.task.plan)
        plan_name = (plan.short_title or plan.title) if plan is not None else result.task.plan
        rows.append(Row(_cells(result, plan_name, context), result.light, _named(result, context.model)))
    return rows


def _named(result: TaskResult, model: Model) -> frozenset[str]:
    """The units a task names (点名): lead, cooperating, and responsible unless only by the plan-wide default."""
    named = (*result.lead, *result.cooperating, *(() if result.task.responsible_is_default else result.responsible))
    return frozenset(unit for referenced in named for unit in (referenced, *model.members(referenced)))


def unit_rows(rows: Sequence[Row], context: ReportContext) -> list[UnitRows]:
    """The rows of each organization named on at least one task, in registry order."""
    units = []
    for unit in context.model.organizations.values():
        own = tuple(row for row in rows if unit.id in row.units)
        if own:
            units.append(UnitRows(unit.id, unit.name, own))
    return units


def _cells(result: TaskResult, plan_name: str, context: ReportContext) -> tuple[Cell, ...]:
    task, latest = result.task, result.latest
    return (
        None, plan_name, task.number, result.title, label(task.kind),
        result.target, _names(result.lead, context), _names(result.cooperating, context),
        _names(result.responsible, context), result.schedule_text, result.due, context.label(result),
        context.style(result.light).label, result.explanation, result.days_overdue, result.days_remaining,
        result.share, latest.reported_on if latest else None, latest.report_title if latest else None,
        task.source.describe(), result.key, task.origin.file, task.origin.line,
    )


def _names(unit_ids: Sequence[str], context: ReportContext) -> str | None:
    return "、".join(context.names(unit_ids)) or None
