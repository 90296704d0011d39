"""Plan edits: what a change does to a plan's fields, and which edits need an amendment record.

An edit to a guarded field (checker/changes/guarded.py) must come with an amendment record that
is new in this change and names that item and field (the document number and date are required
by the schema). A task, indicator, plan or amendment record may not be removed at all: a cancelled
task stays in the plan with a `cancel` amendment, and a wrong amendment is replaced by a new one
that `supersedes` it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeVar

from checker.changes.guarded import INDICATOR_FIELDS, PLAN_FIELDS, TASK_FIELDS, Guarded
from checker.changes.records import PlanEdit, content, relative
from checker.codes import finding
from checker.evaluate.amendments import Changes, changes_by_item, in_force
from checker.findings import Finding
from checker.model.records import Amendment, Indicator, Origin, Plan, Task

Item = TypeVar("Item", Plan, Task, Indicator)
Recorded = dict[tuple[str, str], Amendment]

_OTHER_TASK_FIELDS = ("title", "project")
FIELD_LABELS = {
    **{guard.field: guard.label for table in (PLAN_FIELDS, TASK_FIELDS, INDICATOR_FIELDS) for guard in table},
    "title": "任务名称", "project": "项目信息", "indicator": "指标其他内容", "added": "新增",
}


def plan_changes(base: Plan, head: Plan, base_root: Path) -> tuple[list[PlanEdit], list[Finding]]:
    """The edits of one plan present on both sides, and the findings they call for."""
    base_amendments = {a.id: a for a in base.amendments}
    head_amendments = {a.id: a for a in head.amendments}
    findings = [
        _removed_amendment(amendment, head, base_root, removed=amendment.id not in head_amendments)
        for amendment in base.amendments
        if amendment.id not in head_amendments or content(amendment) != content(head_amendments[amendment.id])
    ]
    recorded = {(c.item, c.field): a for a in head.amendments if a.id not in base_amendments for c in a.changes}
    base_changes = changes_by_item(in_force(base, date.max))
    head_changes = changes_by_item(in_force(head, date.max))
    pair = _Pair(head, recorded, base_changes, head_changes)
    edits, found = pair.guarded(PLAN_FIELDS, base, head, head.id)
    findings += found
    head_tasks = {task.id: task for task in head.tasks}
    for task in base.tasks:
        after = head_tasks.get(task.id)
        if after is None:
            findings.append(_removed_item(base, head, task, base_root))
            continue
        task_edits, found = pair.guarded(TASK_FIELDS, task, after, task.id)
        edits += task_edits + [
            pair.edit(task.id, field, (_plain(getattr(task, field)),), (_plain(getattr(after, field)),), after.origin)
            for field in _OTHER_TASK_FIELDS if content(getattr(task, field)) != content(getattr(after, field))
        ]
        findings += found
    edits += [_added(head, task.id, task.title, task.origin) for task in head.tasks
              if task.id not in {t.id for t in base.tasks}]
    head_indicators = {indicator.id: indicator for indicator in head.indicators}
    for indicator in base.indicators:
        now = head_indicators.get(indicator.id)
        if now is None:
            findings.append(_removed_item(base, head, indicator, base_root))
            continue
        indicator_edits, found = pair.guarded(INDICATOR_FIELDS, indicator, now, indicator.id)
        if not indicator_edits and content(indicator) != content(now):
            indicator_edits.append(pair.edit(now.id, "indicator", ("",), ("",), now.origin))
        edits += indicator_edits
        findings += found
    edits += [_added(head, i.id, i.name, i.origin) for i in head.indicators
              if i.id not in {b.id for b in base.indicators}]
    return edits, findings


class _Pair:
    """The head plan with its new amendments, and the amendments in force on each side."""

    def __init__(self, head: Plan, recorded: Recorded, base_changes: dict[str, Changes],
                 head_changes: dict[str, Changes]) -> None:
        self.head, self.recorded = head, recorded
        self.base_changes, self.head_changes = base_changes, head_changes

    def guarded(self, table: tuple[Guarded[Item], ...], before: Item, after: Item,
                item: str) -> tuple[list[PlanEdit], list[Finding]]:
        edits: list[PlanEdit] = []
        findings: list[Finding] = []
        was_changes, now_changes = self.base_changes.get(item, []), self.head_changes.get(item, [])
        for guard in table:
            if guard.value(before, was_changes) == guard.value(after, now_changes):
                continue
            was, now = guard.shown(before, was_changes), guard.shown(after, now_changes)
            edits.append(self.edit(item, guard.field, was, now, after.origin))
            if not any((item, field) in self.recorded for field in guard.recorded_by):
                findings.append(self._unrecorded(guard, item, (was, now), after, before))
        return edits, findings

    def edit(self, item: str, field: str, was: tuple[str, ...], now: tuple[str, ...], origin: Origin) -> PlanEdit:
        amendment = self.recorded.get((item, field))
        by = f"{amendment.number}（{amendment.date}）" if amendment else None
        return PlanEdit(self.head.id, item, field, joined(was), joined(now), origin.file, origin.line, by)

    def _unrecorded(self, guard: Guarded[Item], item: str, shown: tuple[tuple[str, ...], tuple[str, ...]],
                    after: Item, before: Item) -> Finding:
        was, now = shown
        subject = f"规划 {self.head.id} 的" if isinstance(after, Plan) else f"规划 {self.head.id} 中 {item} 的"
        message = (f"{subject}{guard.label}由“{joined(was)}”改为“{joined(now)}”，"
                   f"但本次变更没有新增记录这项修改的修订记录（amendments 中 item: {item}、field: {guard.field}）。")
        return after.origin.at(guard.code, message, *guard.where(before, after))


def joined(parts: tuple[str, ...]) -> str:
    """A field's value as one line: the original, then the effective value if an amendment changed it."""
    unique: list[str] = []
    for part in parts:
        if part and part not in unique:
            unique.append(part)
    return " → 修订后 ".join(unique) if unique else "（无）"


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return "、".join(value)
    if isinstance(value, str):
        return value
    return "已修改"


def _added(plan: Plan, item: str, title: str, origin: Origin) -> PlanEdit:
    return PlanEdit(plan.id, item, "added", "", title, origin.file, origin.line, None)


def _removed_item(base: Plan, head: Plan, item: Task | Indicator, base_root: Path) -> Finding:
    kind = "任务" if isinstance(item, Task) else "指标"
    where = relative(item.origin, base_root)
    message = (f"{kind} {base.id}/{item.id} 被删除（原在 {where} 第 {item.origin.line} 行）。"
               f"规划中的{kind}不能删除。")
    return head.origin.at("PC504", message, "tasks" if isinstance(item, Task) else "indicators", key=True)


def _removed_amendment(amendment: Amendment, head: Plan, base_root: Path, *, removed: bool) -> Finding:
    where = f"{relative(amendment.origin, base_root)} 第 {amendment.origin.line} 行"
    verb = "被删除" if removed else "被改动"
    message = f"修订记录 {head.id}/{amendment.id}（{amendment.number}）{verb}（原在 {where}）。"
    if removed:
        return head.origin.at("PC506", message, "amendments", key=True)
    index = [a.id for a in head.amendments].index(amendment.id)
    return head.origin.at("PC506", message, "amendments", index)


def removed_plan(plan: Plan, base_root: Path) -> Finding:
    file = relative(plan.origin, base_root)
    return finding("PC507", f"规划 {plan.id}（{plan.title}）被删除（原文件 {file}）。", file, 1, 1)
