"""Registry edits that change who may report what.

A unit's right to report comes from the registry as much as from the plans: `oversees` lets a
unit report every task and indicator of a plan, a group's `members` each report what the group
is named on, and a unit's `team` is who approves the pull requests that touch its progress folder
(CODEOWNERS). These are the registry fields checker/validate/permissions.py and
checker/codeowners.py read; an edit to any of them, granting or withdrawing, is a right change.

The rule (docs/dev/data-model.md): a right change comes in a change of its own. diff reports
each one as PC513, a warning the registry's owners clear by approving the pull request (CODEOWNERS
gives them `organizations/`, see `registry_team` in settings.yaml). A change that also adds or
edits progress relying on a right it changes is refused (PC514): the entry would not be allowed
under the base registry, or it sits in the folder of a unit whose `team` the change edits. Then
the reviewers of the registry edit would approve the use of the right in the same breath.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from checker.changes.entries import entries
from checker.changes.records import RightChange, Side, content, relative
from checker.codes import finding
from checker.evaluate.labels import label
from checker.findings import Finding, Problem
from checker.model.records import Group, Model, Observation, Organization, RightField, Update
from checker.validate.permissions import reportable


def right_changes(base: Side, head: Side) -> tuple[list[RightChange], list[Finding]]:
    """Every changed right, and a PC513 warning at each (the head's line, or the base's when removed)."""
    changes: list[RightChange] = []
    findings: list[Finding] = []
    before, after = _rights(base.model), _rights(head.model)
    for (unit, field) in sorted(before.keys() | after.keys()):
        was, now = before.get((unit, field), ()), after.get((unit, field), ())
        if was == now:
            continue
        change = RightChange(unit, field, label(field), _shown(was), _shown(now))
        changes.append(change)
        findings.append(_warning(change, base, head))
    return changes, findings


def _rights(model: Model) -> dict[tuple[str, RightField], tuple[str, ...]]:
    """(unit, field) → value for every right the registry grants; units without rights are absent."""
    rights: dict[tuple[str, RightField], tuple[str, ...]] = {}
    for organization in model.organizations.values():
        if organization.oversees:
            rights[(organization.id, RightField.OVERSEES)] = tuple(sorted(organization.oversees))
        if organization.team:
            rights[(organization.id, RightField.TEAM)] = (organization.team,)
    for group in model.groups.values():
        if group.members:
            rights[(group.id, RightField.MEMBERS)] = tuple(sorted(group.members))
    return rights


def _shown(values: tuple[str, ...]) -> str:
    return "、".join(values) or "（无）"


def _warning(change: RightChange, base: Side, head: Side) -> Finding:
    message = (f"单位名录中 {change.unit} 的{change.label}由“{change.before}”改为“{change.after}”，"
               f"改变了谁可以报送什么，须由单位名录的负责人审核。")
    unit = _unit(head.model, change.unit)
    if unit is not None:
        return head.placed([unit.origin.at("PC513", message, change.field)])[0]
    gone = _unit(base.model, change.unit)
    assert gone is not None  # a right present on neither side is not a change
    return finding("PC513", message, relative(gone.origin, base.root), gone.origin.line, 1)


def _unit(model: Model, unit_id: str) -> Organization | Group | None:
    return model.organizations.get(unit_id) or model.groups.get(unit_id)


def relying_entries(base: Side, head: Side, changes: list[RightChange]) -> Iterator[Problem]:
    """PC514 at each task or indicator of an added or edited entry that relies on a right the same change edits."""
    if not changes:
        return
    earlier = dataclasses.replace(head.model, organizations=base.model.organizations, groups=base.model.groups)
    new_teams = {change.unit for change in changes if change.field is RightField.TEAM}
    previous = entries(base)
    # An entry naming several tasks is one entry (its first update) in `entries`; all its updates share its origin.
    changed = {(item.origin.file, item.origin.path) for key, item in entries(head).items()
               if key not in previous or content(previous[key]) != content(item)}
    allowed: dict[str, tuple[set[str], set[str]]] = {}
    for report in head.model.reports:
        items: tuple[Update | Observation, ...] = (*report.updates, *report.observations)
        for item in items:
            if (item.origin.file, item.origin.path) not in changed:
                continue
            if item.reporter not in allowed:
                tasks, indicators = reportable(earlier, item.reporter)
                allowed[item.reporter] = ({task.key for task in tasks}, {i.key for i in indicators})
            if report.folder_unit in new_teams:
                yield _relying(item, f"所在文件夹 progress/{report.folder_unit}/ 的审核团队（team）")
            elif not _allowed(item, allowed[item.reporter]):
                yield _relying(item, f"“{item.reporter}”的报送权限")


def _allowed(item: Update | Observation, allowed: tuple[set[str], set[str]]) -> bool:
    if isinstance(item, Update):
        return item.task_key in allowed[0]
    return item.indicator_key in allowed[1]


def _relying(item: Update | Observation, right: str) -> Problem:
    subject = item.task_key if isinstance(item, Update) else item.indicator_key
    message = (f"{subject} 的这条进展依赖本次变更在单位名录中修改的{right}。"
               f"权限变更须单独提交，经单位名录负责人审核合并后，再报送依赖它的进展。")
    return item.origin.at("PC514", message, *(item.reference if isinstance(item, Update) else ("indicator",)))
