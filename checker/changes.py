"""What a change to the policy tree does: status changes, progress entries and plan edits.

Pure: two validated models and their evaluations as of the same date in, a `ChangeSet` out.
`plancheck diff` builds both sides (the working tree and a git revision) and reports the result.

Plans do not change silently. An edit to an existing task's deadline, target or lead unit, or
to an indicator's target, must come with an amendment record that is new in this change and
names that item and field (the document number and date are required by the schema). A task,
indicator, plan or amendment record may not be removed at all: a cancelled task stays in the
plan with a `cancel` amendment, and a wrong amendment is replaced by a new one that `supersedes`
it. Both rules compare the original fields and the effective ones (after every recorded
amendment), so neither editing the original text nor editing an old amendment slips through.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from checker.codes import finding
from checker.evaluate.amendments import changes_by_item, effective_indicator_target, effective_task, in_force
from checker.evaluate.progress import number, update_detail
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import IndicatorStatus, TaskStatus
from checker.findings import Finding, Problem, sorted_findings
from checker.load.locate import Positions, place
from checker.model.records import (
    Amendment,
    Indicator,
    Model,
    Observation,
    Origin,
    Plan,
    SelectionKind,
    Task,
    Update,
)


class Entry(enum.StrEnum):
    ADDED = "added"
    EDITED = "edited"
    REMOVED = "removed"

    @property
    def label(self) -> str:
        return {"added": "新增", "edited": "修改", "removed": "删除"}[self.value]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A task, milestone or indicator whose status as of the date differs after the change."""

    kind: str  # "task", "milestone" or "indicator"
    key: str
    title: str
    before: TaskStatus | IndicatorStatus | None  # None: the item is new
    after: TaskStatus | IndicatorStatus
    explanation: str

    @property
    def completes(self) -> bool:
        """The change marks a task done or a milestone met."""
        before_done = isinstance(self.before, TaskStatus) and self.before.is_done
        return isinstance(self.after, TaskStatus) and self.after.is_done and not before_done


@dataclass(frozen=True, slots=True)
class EntryChange:
    """One progress update or indicator observation added, edited or removed."""

    change: Entry
    file: str
    line: int
    subject: str
    status: str
    quote: str
    expanded: tuple[str, ...] = ()  # the tasks an entry naming several (`tasks`, `rows_of`) resolved to


@dataclass(frozen=True, slots=True)
class PlanEdit:
    """One edited field of a plan item, with the amendment that records it, if any."""

    plan: str
    item: str
    field: str
    before: str
    after: str
    file: str
    line: int
    recorded_by: str | None


@dataclass(frozen=True)
class ChangeSet:
    as_of: date
    statuses: tuple[StatusChange, ...]
    entries: tuple[EntryChange, ...]
    edits: tuple[PlanEdit, ...]
    findings: tuple[Finding, ...]

    @property
    def tasks_completed(self) -> int:
        return sum(1 for c in self.statuses if c.kind == "task" and c.completes)

    @property
    def milestones_met(self) -> int:
        return sum(1 for c in self.statuses if c.kind == "milestone" and c.completes)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: a model, its policy root, its evaluation (None if invalid), and
    where its files' fields are (`Validation.positions`)."""

    model: Model
    root: Path
    evaluation: Evaluation | None
    positions: Positions


def compare(base: Side, head: Side, as_of: date) -> ChangeSet:
    statuses = _status_changes(base.evaluation, head.evaluation) if base.evaluation and head.evaluation else []
    entries = _entry_changes(base, head)
    edits: list[PlanEdit] = []
    findings: list[Finding] = []
    for plan_id in sorted(base.model.plans):
        base_plan = base.model.plans[plan_id]
        head_plan = head.model.plans.get(plan_id)
        if head_plan is None:
            findings.append(_removed_plan(base_plan, base.root))
            continue
        plan_edits, plan_problems = _plan_changes(base_plan, head_plan, base.root)
        edits += plan_edits
        findings += place(plan_problems, head.positions)
    return ChangeSet(as_of, tuple(statuses), tuple(entries), tuple(edits), tuple(sorted_findings(findings)))


# ---- statuses ----

def _status_changes(base: Evaluation, head: Evaluation) -> list[StatusChange]:
    changes: list[StatusChange] = []
    before_tasks = {result.key: result for result in base.tasks}
    for result in head.tasks:
        old = before_tasks.get(result.key)
        if old is None or old.status is not result.status:
            changes.append(StatusChange("task", result.key, result.title, old.status if old else None, result.status,
                                        result.explanation))
        old_milestones = {m.id: m for m in old.milestones} if old else {}
        for milestone in result.milestones:
            previous = old_milestones.get(milestone.id)
            if previous is None or previous.status is not milestone.status:
                changes.append(StatusChange(
                    "milestone", f"{result.key}#{milestone.id}", milestone.text,
                    previous.status if previous else None, milestone.status, milestone.explanation,
                ))
    before_indicators = {result.key: result for result in base.indicators}
    for indicator in head.indicators:
        earlier = before_indicators.get(indicator.key)
        if earlier is None or earlier.status is not indicator.status:
            changes.append(StatusChange("indicator", indicator.key, indicator.indicator.name,
                                        earlier.status if earlier else None, indicator.status, indicator.explanation))
    return changes


# ---- progress entries ----

_EntryKey = tuple[str, str, str, int]  # file below the root, subject, milestone, ordinal among equals


def _entries(side: Side) -> dict[_EntryKey, Update | Observation]:
    found: dict[_EntryKey, Update | Observation] = {}
    for report in side.model.reports:
        file = _relative(report.origin, side.root)
        # An entry naming several tasks is one entry, keyed by its selector as written.
        items: list[tuple[str, str, Update | Observation]] = [
            (_named(u), u.milestone or "", u) for u in report.updates if u.index_in_entry == 0
        ] + [(o.indicator_key, str(o.year), o) for o in report.observations]
        seen: dict[tuple[str, str], int] = {}
        for subject, detail, item in items:
            ordinal = seen.get((subject, detail), 0)
            seen[(subject, detail)] = ordinal + 1
            found[(file, subject, detail, ordinal)] = item
    return found


def _entry_changes(base: Side, head: Side) -> list[EntryChange]:
    before = _entries(base)
    after = _entries(head)
    changes = []
    for key, item in after.items():
        old = before.get(key)
        if old is None:
            changes.append(_entry(Entry.ADDED, item, head.root))
        elif content(old) != content(item):
            changes.append(_entry(Entry.EDITED, item, head.root))
    changes += [_entry(Entry.REMOVED, item, base.root) for key, item in before.items() if key not in after]
    return sorted(changes, key=lambda c: (c.file, c.change is Entry.REMOVED, c.line))


def _named(update: Update) -> str:
    return update.task_key if update.selection.kind is SelectionKind.TASK else update.selection.describe()


def _entry(change: Entry, item: Update | Observation, root: Path) -> EntryChange:
    expanded: tuple[str, ...] = ()
    if isinstance(item, Update):
        subject = _named(item) + (f"#{item.milestone}" if item.milestone else "")
        status = update_detail(item)
        if item.selection.kind is not SelectionKind.TASK:
            expanded = item.selection.expanded
    else:
        subject = f"{item.indicator_key}（{item.period_text or _period(item)}）"
        status = _observation_value(item)
    return EntryChange(change, _relative(item.origin, root), item.origin.line, subject, status, item.quote, expanded)


def _period(observation: Observation) -> str:
    if observation.through_month is None:
        return f"{observation.year}年"
    return f"{observation.year}年1—{observation.through_month}月"


def _observation_value(observation: Observation) -> str:
    if observation.value is not None:
        return number(observation.value)
    if observation.rank_from_bottom is not None:
        return f"倒数第{observation.rank_from_bottom}"
    return observation.assessment or "已报送"


# ---- plan edits ----

def _plan_changes(base: Plan, head: Plan, base_root: Path) -> tuple[list[PlanEdit], list[Problem]]:
    base_amendments = {a.id: a for a in base.amendments}
    head_amendments = {a.id: a for a in head.amendments}
    findings = [
        _removed_amendment(amendment, head, base_root, removed=amendment.id not in head_amendments)
        for amendment in base.amendments
        if amendment.id not in head_amendments or content(amendment) != content(head_amendments[amendment.id])
    ]
    new = [a for a in head.amendments if a.id not in base_amendments]
    recorded = {(c.item, c.field): a for a in new for c in a.changes}
    edits: list[PlanEdit] = []
    base_effective = _effective_tasks(base)
    head_effective = _effective_tasks(head)
    head_tasks = {task.id: task for task in head.tasks}
    for task in base.tasks:
        after = head_tasks.get(task.id)
        if after is None:
            findings.append(_removed_item(base, head, task, base_root))
            continue
        for field, code in _GUARDED_TASK_FIELDS:
            was = (_TASK_VIEWS[field](task), base_effective[task.id][field])
            now = (_TASK_VIEWS[field](after), head_effective[task.id][field])
            if was != now:
                edits.append(_edit(head, task.id, field, was=was, now=now, origin=after.origin, recorded=recorded))
                if (task.id, field) not in recorded:
                    findings.append(_unrecorded(code, head, task.id, field, was=was, now=now, origin=after.origin))
        edits += [
            _edit(head, task.id, field, was=(getattr(task, field),), now=(getattr(after, field),),
                  origin=after.origin, recorded=recorded)
            for field in _OTHER_TASK_FIELDS
            if content(getattr(task, field)) != content(getattr(after, field))
        ]
    edits += [_added(head, task.id, task.title, task.origin) for task in head.tasks
              if task.id not in {t.id for t in base.tasks}]
    indicator_edits, indicator_findings = _indicator_changes(base, head, base_root, recorded)
    return edits + indicator_edits, findings + indicator_findings


_GUARDED_TASK_FIELDS = (("deadline", "PC501"), ("target", "PC502"), ("lead", "PC503"))
_FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "deadline": ("schedule", "deadline"), "target": ("target",), "lead": ("lead",), "indicator_target": ("target",),
}
_OTHER_TASK_FIELDS = ("title", "cooperating", "responsible", "milestones", "quantities", "parent", "project")
_TASK_VIEWS: dict[str, Callable[[Task], object]] = {
    "deadline": lambda task: (task.schedule.deadline, task.schedule.text),
    "target": lambda task: task.target,
    "lead": lambda task: task.lead,
}
FIELD_LABELS = {
    "deadline": "截止日期", "target": "任务目标", "lead": "牵头单位", "title": "任务名称", "cooperating": "配合单位",
    "responsible": "责任单位", "milestones": "阶段节点", "quantities": "量化目标", "parent": "上级任务",
    "project": "项目信息", "indicator_target": "指标目标", "indicator": "指标其他内容", "added": "新增",
}


def _effective_tasks(plan: Plan) -> dict[str, dict[str, object]]:
    changes = changes_by_item(in_force(plan, date.max))
    effective: dict[str, dict[str, object]] = {}
    for task in plan.tasks:
        state = effective_task(task, changes.get(task.id, []))
        effective[task.id] = {
            "deadline": (state.schedule.deadline, state.schedule.text),
            "target": state.target,
            "lead": state.lead,
        }
    return effective


def _indicator_changes(
    base: Plan, head: Plan, base_root: Path, recorded: dict[tuple[str, str], Amendment],
) -> tuple[list[PlanEdit], list[Problem]]:
    edits: list[PlanEdit] = []
    findings: list[Problem] = []
    base_changes = changes_by_item(in_force(base, date.max))
    head_changes = changes_by_item(in_force(head, date.max))
    head_indicators = {indicator.id: indicator for indicator in head.indicators}
    for indicator in base.indicators:
        after = head_indicators.get(indicator.id)
        if after is None:
            findings.append(_removed_item(base, head, indicator, base_root))
            continue
        was = (content(indicator.target), effective_indicator_target(indicator, base_changes.get(indicator.id, [])))
        now = (content(after.target), effective_indicator_target(after, head_changes.get(after.id, [])))
        if was != now:
            shown_was = (indicator.target.text, was[1])
            shown_now = (after.target.text, now[1])
            field = "indicator_target"
            edits.append(_edit(head, after.id, field, was=shown_was, now=shown_now, origin=after.origin,
                               recorded=recorded))
            if (after.id, field) not in recorded:
                findings.append(_unrecorded("PC505", head, after.id, field, was=shown_was, now=shown_now,
                                            origin=after.origin))
        elif content(indicator) != content(after):
            edits.append(_edit(head, after.id, "indicator", was=("",), now=("",), origin=after.origin,
                               recorded=recorded))
    edits += [_added(head, i.id, i.name, i.origin) for i in head.indicators
              if i.id not in {b.id for b in base.indicators}]
    return edits, findings


def _edit(plan: Plan, item: str, field: str, *, was: Iterable[object], now: Iterable[object], origin: Origin,
          recorded: dict[tuple[str, str], Amendment]) -> PlanEdit:
    amendment = recorded.get((item, field))
    by = f"{amendment.number}（{amendment.date}）" if amendment else None
    return PlanEdit(plan.id, item, field, _shown(was), _shown(now), origin.file, origin.line, by)


def _added(plan: Plan, item: str, title: str, origin: Origin) -> PlanEdit:
    return PlanEdit(plan.id, item, "added", "", title, origin.file, origin.line, None)


def _shown(values: Iterable[object]) -> str:
    """A field's value as one line: the original, then the effective value if an amendment changed it."""
    parts = []
    for value in values:
        text = _plain(value)
        if text and text not in parts:
            parts.append(text)
    return " → 修订后 ".join(parts) if len(parts) > 1 else (parts[0] if parts else "（无）")


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple) and all(isinstance(v, str) for v in value):
        return "、".join(value)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], date | None):
        deadline, text = value
        return f"{deadline or '未注明'}（{text}）" if text else str(deadline or "")
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        return value
    return "已修改"


def _unrecorded(code: str, plan: Plan, item: str, field: str, *, was: Iterable[object], now: Iterable[object],
                origin: Origin) -> Problem:
    label = FIELD_LABELS[field]
    message = (f"规划 {plan.id} 中 {item} 的{label}由“{_shown(was)}”改为“{_shown(now)}”，"
               f"但本次变更没有新增记录这项修改的修订记录（amendments 中 item: {item}、field: {field}）。")
    return origin.at(code, message, *_FIELD_PATHS[field])


def _removed_item(base: Plan, head: Plan, item: Task | Indicator, base_root: Path) -> Problem:
    kind = "任务" if isinstance(item, Task) else "指标"
    where = _relative(item.origin, base_root)
    message = (f"{kind} {base.id}/{item.id} 被删除（原在 {where} 第 {item.origin.line} 行）。"
               f"规划中的{kind}不能删除。")
    return head.origin.at("PC504", message, "tasks" if isinstance(item, Task) else "indicators", key=True)


def _removed_amendment(amendment: Amendment, head: Plan, base_root: Path, *, removed: bool) -> Problem:
    where = f"{_relative(amendment.origin, base_root)} 第 {amendment.origin.line} 行"
    verb = "被删除" if removed else "被改动"
    message = f"修订记录 {head.id}/{amendment.id}（{amendment.number}）{verb}（原在 {where}）。"
    if removed:
        return head.origin.at("PC506", message, "amendments", key=True)
    index = [a.id for a in head.amendments].index(amendment.id)
    return head.origin.at("PC506", message, "amendments", index)


def _removed_plan(plan: Plan, base_root: Path) -> Finding:
    file = _relative(plan.origin, base_root)
    return finding("PC507", f"规划 {plan.id}（{plan.title}）被删除（原文件 {file}）。", file, 1, 1)


# ---- helpers ----

def _relative(origin: Origin, root: Path) -> str:
    """The file's path below the policy root's parent (policy/…), the same on both sides."""
    path = Path(origin.file).absolute()  # as findings show it: relative to the working folder when below it
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return origin.file


def content(value: Any) -> Any:
    """A record's content without positions, so moving a block or adding a line is not an edit."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple(
            content(getattr(value, f.name)) for f in dataclasses.fields(value) if f.name != "origin"
        )
    if isinstance(value, tuple | list):
        return tuple(content(item) for item in value)
    return value
