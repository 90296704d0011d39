"""Numbers are consistent: tables add up, counts stay within totals, targets point the right way."""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Problem
from checker.model.records import Comparison, Model, Quantity, Report, ReportedStatus, Table, Task

_TOLERANCE = 1e-9


def check_values(model: Model) -> Iterator[Problem]:
    for plan in model.plans.values():
        for table in plan.tables:
            yield from _table(table)
        for task in plan.tasks:
            for index, quantity in enumerate(task.quantities):
                yield from _quantity(task, index, quantity)
    for report in model.reports:
        yield from _report(report)


def _number(value: float) -> str:
    return f"{value:g}"


def _table(table: Table) -> Iterator[Problem]:
    width = len(table.columns)
    complete_rows = []
    for row in table.rows:
        if len(row.values) != width:
            message = f"本行有 {len(row.values)} 个数值，而表有 {width} 栏。"
            yield row.origin.at("PC303", message, "values")
            continue
        complete_rows.append(row)
        if abs(sum(row.values) - row.total) > _TOLERANCE:
            message = f"第 {row.row} 行各栏之和为 {_number(sum(row.values))}，合计却为 {_number(row.total)}。"
            yield row.origin.at("PC303", message, "total")
    totals = table.origin.child("totals")
    if len(table.totals) != width:
        yield totals.at("PC304", f"合计行有 {len(table.totals)} 个数值，而表有 {width} 栏。", "values")
        return
    if len(complete_rows) == len(table.rows):
        for column, (name, stated) in enumerate(zip((c[1] for c in table.columns), table.totals, strict=True)):
            summed = sum(row.values[column] for row in table.rows)
            if abs(summed - stated) > _TOLERANCE:
                message = f"“{name}”栏各行之和为 {_number(summed)}，合计行却为 {_number(stated)}。"
                yield totals.at("PC304", message, "values", column)
    if abs(sum(table.totals) - table.total) > _TOLERANCE:
        message = f"各栏合计之和为 {_number(sum(table.totals))}，总计却为 {_number(table.total)}。"
        yield totals.at("PC304", message, "total")


def _quantity(task: Task, index: int, quantity: Quantity) -> Iterator[Problem]:
    path = ("quantities", index)
    if quantity.stretch is not None:
        easier = (
            quantity.stretch < quantity.value if quantity.comparison is Comparison.AT_LEAST
            else quantity.stretch > quantity.value if quantity.comparison is Comparison.AT_MOST
            else False
        )
        if easier:
            message = f"力争值 {_number(quantity.stretch)} 比确保值 {_number(quantity.value)} 更容易达到。"
            yield task.origin.at("PC307", message, *path, "stretch")
    for sub_index, sub in enumerate(quantity.sub_quotas):
        if quantity.comparison is Comparison.AT_LEAST and sub.value > quantity.value + _TOLERANCE:
            message = f"分项“{sub.id}”的配额 {_number(sub.value)} 大于总量 {_number(quantity.value)}。"
            yield task.origin.at("PC308", message, *path, "sub_quotas", sub_index, "value")


def _report(report: Report) -> Iterator[Problem]:
    for update in report.updates:
        if update.index_in_entry:  # the entry's own fields, checked once for all the tasks it names
            continue
        if update.done is not None and update.total is not None and update.done > update.total:
            message = f"已完成 {_number(update.done)} 大于总数 {_number(update.total)}。"
            yield update.origin.at("PC305", message, "done")
        elif update.status is ReportedStatus.DONE and (
            (update.done is not None and update.total is not None and update.done < update.total)
            or (update.percent is not None and update.percent < 100)
        ):
            yield update.origin.at("PC314", "状态为已完成（done），但报送的数量尚未全部完成。", "status")
