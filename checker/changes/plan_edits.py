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
from checker.evaluate.amendments import changes_by_item, in_force
from checker.evaluate.labels import label
from checker.evaluate.vocabulary import Entry
from checker.findings import Finding, Problem
from checker.model.records import Amendment, Indicator, Origin, Plan, Task

Item = TypeVar("Item", Plan, Task, Indicator)
Recorded = dict[tuple[str, str], Amendment]

_OTHER_TASK_FIELDS = ("title", "project")
FIELD_LABELS: dict[str, str] = {
    **{guard.field: guard.label for table in (PLAN_FIELDS, TASK_FIELDS, INDICATOR_FIELDS) for guard in table},
    "title": "任务名称", "project": "项目信息", "indicator": "指标其他内容", "added": label(Entry.ADDED),
}


def plan_changes(base: Plan, head: Plan, base_root: Path) -> tuple[list[PlanEdit], list[Problem]]:
    """The edits of one plan present on both sides, and the findings they call for."""
    head_amendments = {a.id: a for a in head.amendments}
    findings = [
        _removed_amendment(amendment, head, base_root, removed=amendment.id not in head_amendments)
        for amendment in base.amendments
        if amendment.id not in head_amendments or content(amendment) != content(head_amendments[amendment.id])
    ]
    comparison = _Comparison(base, head, base_root)
    edits, found = comparison.guarded(PLAN_FIELDS, base, head, head.id)
    task_edits, task_findings = comparison.tasks()
    indicator_edits, indicator_findings = comparison.indicators()
    return edits + task_edits + indicator_edits, findings + found + task_findings + indicator_findings


class _Comparison:
    """One plan on both sides: the amendments new in the head, and those in force on each side."""

    def __init__(self, base: Plan, head: Plan, base_root: Path) -> None:
        self.base, self.head, self.base_root = base, head, base_root
        known = {a.id for a in base.amendments}
        self.recorded: Recorded = {(c.item, c.field): a for a in head.amendments if a.id not in known
                                   for c in a.changes}
        self.base_changes = changes_by_item(in_force(base, date.max))
        self.head_changes = changes_by_item(in_force(head, date.max))

    def tasks(self) -> tuple[list[PlanEdit], list[Problem]]:
        edits: list[PlanEdit] = []
        findings: list[Problem] = []
        head_tasks = {task.id: task for task in self.head.tasks}
        for task in self.base.tasks:
            after = head_tasks.get(task.id)
            if after is None:
                findings.append(_removed_item(self.base, self.head, task, self.base_root))
                continue
            task_edits, found = self.guarded(TASK_FIELDS, task, after, task.id)
            edits += task_edits + [
                self.edit(task.id, (field,), (_plain(getattr(task, field)),), (_plain(getattr(after, field)),),
                          after.origin)
                for field in _OTHER_TASK_FIELDS if content(getattr(task, field)) != content(getattr(after, field))
            ]
            findings += found
        known = {t.id for t in self.base.tasks}
        edits += [_added(self.head, t.id, t.title, t.origin) for t in self.head.tasks if t.id not in known]
        return edits, findings

    def indicators(self) -> tuple[list[PlanEdit], list[Problem]]:
        edits: list[PlanEdit] = []
        findings: list[Problem] = []
        head_indicators = {indicator.id: indicator for indicator in self.head.indicators}
        for indicator in self.base.indicators:
            now = head_indicators.get(indicator.id)
            if now is None:
                findings.append(_removed_item(self.base, self.head, indicator, self.base_root))
                continue
            indicator_edits, found = self.guarded(INDICATOR_FIELDS, indicator, now, indicator.id)
            if not indicator_edits and content(indicator) != content(now):
                indicator_edits.append(self.edit(now.id, ("indicator",), ("",), ("",), now.origin))
            edits += indicator_edits
            findings += found
        known = {i.id for i in self.base.indicators}
        edits += [_added(self.head, i.id, i.name, i.origin) for i in self.head.indicators if i.id not in known]
        return edits, findings

    def guarded(self, table: tuple[Guarded[Item], ...], before: Item, after: Item,
                item: str) -> tuple[list[PlanEdit], list[Problem]]:
        """An edit for each guarded field whose value differs, and a finding when no new amendment records it."""
        edits: list[PlanEdit] = []
        findings: list[Problem] = []
        was_changes, now_changes = self.base_changes.get(item, []), self.head_changes.get(item, [])
        for guard in table:
            if guard.value(before, was_changes) == guard.value(after, now_changes):
                continue
            was, now = guard.shown(before, was_changes), guard.shown(after, now_changes)
            edit = self.edit(item, guard.recorded_by, was, now, after.origin)
            edits.append(edit)
            if edit.recorded_by is None:
                findings.append(self._unrecorded(guard, item, (was, now), after, before))
        return edits, findings

    def edit(self, item: str, fields: tuple[str, ...], was: tuple[str, ...], now: tuple[str, ...],
             origin: Origin) -> PlanEdit:
        """The edit of fields[0], with the first new amendment that records any of `fields`."""
        amendment = next((self.recorded[(item, f)] for f in fields if (item, f) in self.recorded), None)
        by = f"{amendment.number}（{amendment.date}）" if amendment else None
        return PlanEdit(self.head.id, item, fields[0], joined(was), joined(now), origin.file, origin.line, by)

    def _unrecorded(self, guard: Guarded[Item], item: str, shown: tuple[tuple[str, ...], tuple[str, ...]],
                    after: Item, before: Item) -> Problem:
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


def _removed_item(base: Plan, head: Plan, item: Task | Indicator, base_root: Path) -> Problem:
    kind = "任务" if isinstance(item, Task) else "指标"
    where = relative(item.origin, base_root)
    message = (f"{kind} {base.id}/{item.id} 被删除（原在 {where} 第 {item.origin.line} 行）。"
               f"规划中的{kind}不能删除。")
    return head.origin.at("PC504", message, "tasks" if isinstance(item, Task) else "indicators", key=True)


def _removed_amendment(amendment: Amendment, head: Plan, base_root: Path, *, removed: bool) -> Problem:
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
