"""Entries that name several tasks resolve to what they say (see checker/model/selection.py).

PC206: `rows_of` names a plan that does not exist (at `rows_of`).
PC212: `rows_of` names neither a task nor an attachment of the plan (at `rows_of`).
PC213: the rows exist but none passes the filter: at the first `where` field after which no row
       is left, or at `rows_of` when the parent has no rows at all.
PC214: a `tasks` list names the same task twice (at the second mention).

An unknown task inside a `tasks` list is PC203 at that list item (checker/validate/references.py
checks every expanded task the same way as a single `task`).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.findings import Problem
from checker.model.records import Model, Report, Selection, SelectionKind
from checker.model.selection import matches, parent_rows


def check_selections(report: Report, model: Model, broken_plans: frozenset[str]) -> Iterator[Problem]:
    for selection in report.selections:
        if selection.kind is SelectionKind.LIST:
            yield from _repeated(selection)
        elif selection.kind is SelectionKind.ROWS:
            yield from _rows(selection, model, broken_plans)


def _repeated(selection: Selection) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, name in enumerate(selection.names):
        if name in seen:
            yield selection.origin.at("PC214", f"任务“{name}”在本条进展中重复列出。", "tasks", index)
        seen.add(name)


def _rows(selection: Selection, model: Model, broken_plans: frozenset[str]) -> Iterator[Problem]:
    reference = selection.names[0]
    plan_id, _, local_id = reference.partition("/")
    if plan_id in broken_plans:
        return
    plan = model.plans.get(plan_id)
    if plan is None:
        yield selection.origin.at("PC206", f"规划“{plan_id}”不存在。", "rows_of")
        return
    rows = parent_rows(plan, local_id)
    if rows is None:
        message = f"“{reference}”既不是本规划的任务，也不是附件（附件写作 {plan_id}/attachment-序号）。"
        yield selection.origin.at("PC212", message, "rows_of")
        return
    if not rows:
        yield selection.origin.at("PC213", f"“{reference}”下没有任何行。", "rows_of")
        return
    for count in range(1, len(selection.where) + 1):
        if not any(matches(row, selection.where[:count]) for row in rows):
            field, values = selection.where[count - 1]
            message = f"“{reference}”的{len(rows)}行中，没有符合筛选条件的行（{field}：{'、'.join(values)}）。"
            yield selection.origin.at("PC213", message, "where", field)
            return
