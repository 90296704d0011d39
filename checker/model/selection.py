"""Which tasks a progress entry names: one `task`, a `tasks` list, or the `rows_of` a parent.

One statement in a bulletin often covers many rows of a plan (“全市1000立方米以下高炉……全部
退出”). An entry may then name the rows it covers instead of repeating the quote once per row:

- `tasks: [plan/a1-01, plan/a1-02]`: each listed task;
- `rows_of: plan/s3-2-2`: the tasks whose `parent` is that task;
- `rows_of: plan/attachment-1`: the rows of the plan's Attachment 1 (`source.attachment`);
- either `rows_of` form with `where: {industry: 钢铁}`: only the rows whose field holds one of
  the given values. Fields are those of a project row (`industry`, `company`, `content`,
  `adjustment`, `category`, `park`, `enterprise`) and `responsible` (a unit ID) and `kind`.

Pure: plans in, task keys out. Names that do not resolve are reported by the validate stage
(PC203, PC206, PC212, PC213); here they resolve to nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from checker.model.records import Plan, RowField, Task, Where

_ATTACHMENT = re.compile(r"attachment-([1-9][0-9]{0,2})")
_ROW_FIELDS = frozenset(field.value for field in RowField)


def parent_rows(plan: Plan, local_id: str) -> tuple[Task, ...] | None:
    """The rows under a parent task or an attachment of the plan; None when the ID names neither."""
    match = _ATTACHMENT.fullmatch(local_id)
    if match is not None:
        number = int(match.group(1))
        rows = tuple(task for task in plan.tasks if task.source.attachment == number)
        # An attachment with no encoded rows is still an attachment when the plan lists it.
        listed = any(attached == number for attached, _title in plan.attachments)
        return rows if rows or listed else None
    if all(task.id != local_id for task in plan.tasks):
        return None
    return tuple(task for task in plan.tasks if task.parent == local_id)


def row_values(task: Task, field: RowField) -> tuple[str, ...]:
    """What a row holds in a `where` field: the project column, its responsible units, or its kind."""
    if field is RowField.RESPONSIBLE:
        return task.responsible
    if field is RowField.KIND:
        return (task.kind.value,)
    value = getattr(task.project, field.value, None) if task.project is not None else None
    return (value,) if isinstance(value, str) else ()


def matches(task: Task, where: Where) -> bool:
    """Whether the row holds one of the accepted values in every filtered field."""
    return all(set(row_values(task, field)) & set(accepted) for field, accepted in where)


def where_pairs(raw: Any) -> Where | None:
    """A `where` mapping as (field, accepted values) pairs; a single value becomes a one-item tuple.

    None when it names a field rows do not have: the schema refuses that (PC102), and no row matches it.
    """
    if not isinstance(raw, Mapping):
        return ()
    if not all(str(field) in _ROW_FIELDS for field in raw):
        return None
    return tuple(
        (RowField(str(field)), tuple(str(v) for v in value) if isinstance(value, list) else (str(value),))
        for field, value in raw.items()
    )


def named_tasks(entry: Mapping[str, Any], plans: Mapping[str, Plan]) -> tuple[str, ...]:
    """The qualified keys a raw progress entry names (`task`, `tasks` or `rows_of` + `where`)."""
    if isinstance(entry.get("rows_of"), str):
        where = where_pairs(entry.get("where"))
        return () if where is None else expand_rows(plans, entry["rows_of"], where)
    if isinstance(entry.get("tasks"), list):
        return tuple(str(name) for name in entry["tasks"])
    return (str(entry["task"]),) if "task" in entry else ()


def expand_rows(
    plans: Mapping[str, Plan], reference: str, where: Where
) -> tuple[str, ...]:
    """The qualified keys of the rows `rows_of: reference` with `where` names, in plan order."""
    plan_id, _, local_id = reference.partition("/")
    plan = plans.get(plan_id)
    rows = parent_rows(plan, local_id) if plan is not None else None
    return tuple(task.key for task in rows or () if matches(task, where))
