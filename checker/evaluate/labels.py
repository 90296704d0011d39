"""The Chinese label of every kind the model names, written once: roles, amendment fields, targets.

checker/evaluate/vocabulary.py holds the statuses, which carry more than a label (a light, a risk
order); the kinds here carry only what a person reads. Every enum in `LABELS` labels each of its
members with a distinct Chinese word (tests/unit/evaluate/labels_test.py), so a new member without a
label fails a test rather than a page. A leaf: it imports the enums of the model and of the vocabulary,
nothing else.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

from checker.evaluate.vocabulary import ChangeKind, Entry
from checker.model.records import (
    Assessment,
    Binding,
    ChangeField,
    Comparison,
    Direction,
    RightField,
    ScheduleKind,
    TargetKind,
    TaskKind,
    UnitKind,
)


class Role(enum.Enum):
    """How a unit is answerable for a task: named in one of its unit fields, as its enterprise, or by default."""

    LEAD = "lead"
    COOPERATING = "cooperating"
    RESPONSIBLE = "responsible"
    ENTERPRISE = "enterprise"
    DEFAULT = "default"  # only through the plan's 默认责任单位: the task does not name the unit


_ROLES = {
    Role.LEAD: "牵头",
    Role.COOPERATING: "配合",
    Role.RESPONSIBLE: "责任",
    Role.ENTERPRISE: "企业",
    Role.DEFAULT: "统一规定",
}
_CHANGE_FIELDS = {
    ChangeField.DEADLINE: "截止日期",
    ChangeField.TARGET: "任务目标",
    ChangeField.LEAD: "牵头单位",
    ChangeField.COOPERATING: "配合单位",
    ChangeField.RESPONSIBLE: "责任单位",
    ChangeField.CANCEL: "撤销",
    ChangeField.INDICATOR_TARGET: "指标目标",
    ChangeField.PERIOD: "规划期",
    ChangeField.SCHEDULE: "时限类型或起始日期",
    ChangeField.MILESTONES: "阶段节点",
    ChangeField.QUANTITIES: "量化目标",
    ChangeField.INDICATOR_BASELINE: "指标基期",
    ChangeField.INDICATOR_DIRECTION: "指标达标方向",
    ChangeField.INDICATOR_UNIT: "指标计量单位",
    ChangeField.PARENT: "上级任务",
    ChangeField.DEFAULT_RESPONSIBLE: "全文统一责任主体",
    ChangeField.ISSUER: "发文单位",
}
_SCHEDULE_KINDS = {
    ScheduleKind.DEADLINE: "有截止日期",
    ScheduleKind.ONGOING: "长期执行",
    ScheduleKind.ALL_YEAR: "全年执行",
    ScheduleKind.PLAN_PERIOD: "按规划期末计",
}
_COMPARISONS = {Comparison.AT_LEAST: "不少于", Comparison.AT_MOST: "不高于", Comparison.EQUAL: "等于"}
_DIRECTIONS = {
    Direction.AT_MOST: "越低越好",
    Direction.AT_LEAST: "越高越好",
    Direction.ELIMINATE: "全部消除",
    Direction.RANK: "排名",
    Direction.QUALITATIVE: "定性",
}
_TARGET_KINDS = {
    TargetKind.ABSOLUTE: "绝对值",
    TargetKind.RELATIVE: "较基期变化",
    TargetKind.DELTA: "较基期增减",
    TargetKind.RANK: "排名",
    TargetKind.ELIMINATE: "全部消除",
    TargetKind.IMPROVE: "持续改善",
    TargetKind.QUALITATIVE: "定性",
}
_TASK_KINDS = {TaskKind.TASK: "正文任务", TaskKind.BREAKDOWN: "分解任务", TaskKind.PROJECT: "项目"}
_UNIT_KINDS = {
    UnitKind.GOVERNMENT: "人民政府",
    UnitKind.DEPARTMENT: "市直部门",
    UnitKind.COUNTY: "县（市、区）",
    UnitKind.MANAGEMENT_COMMITTEE: "管委会",
    UnitKind.BUREAU_BRANCH: "生态环境分局",
    UnitKind.LEADING_GROUP_OFFICE: "领导小组办公室",
    UnitKind.COMMITTEE: "委员会",
    UnitKind.ENTERPRISE: "企业",
    UnitKind.OTHER: "其他单位",
}
_BINDINGS = {Binding.BINDING: "约束性", Binding.EXPECTED: "预期性"}
_ASSESSMENTS = {Assessment.MET: "已达到", Assessment.NOT_MET: "未达到"}
_CHANGE_KINDS = {ChangeKind.TASK: "任务", ChangeKind.MILESTONE: "节点", ChangeKind.INDICATOR: "指标"}
_ENTRIES = {Entry.ADDED: "新增", Entry.EDITED: "修改", Entry.REMOVED: "删除"}
_RIGHT_FIELDS = {
    RightField.OVERSEES: "督办规划（oversees）",
    RightField.MEMBERS: "单位组成员（members）",
    RightField.TEAM: "审核团队（team）",
}

# Keyed by the enum class; Any because a mapping is invariant in its key type.
LABELS: Mapping[type[enum.Enum], Mapping[Any, str]] = {
    Role: _ROLES,
    ChangeField: _CHANGE_FIELDS,
    ScheduleKind: _SCHEDULE_KINDS,
    Comparison: _COMPARISONS,
    Direction: _DIRECTIONS,
    TargetKind: _TARGET_KINDS,
    TaskKind: _TASK_KINDS,
    UnitKind: _UNIT_KINDS,
    Binding: _BINDINGS,
    Assessment: _ASSESSMENTS,
    RightField: _RIGHT_FIELDS,
    ChangeKind: _CHANGE_KINDS,
    Entry: _ENTRIES,
}


def label(member: enum.Enum) -> str:
    """What a person reads for a kind: 牵头 for Role.LEAD, 截止日期 for ChangeField.DEADLINE."""
    return LABELS[type(member)][member]


def limit_word(at_least: bool) -> str:
    """不低于 / 不高于: how an explanation states a one-sided limit (a diff lists the comparison as 不少于)."""
    return "不低于" if at_least else _COMPARISONS[Comparison.AT_MOST]


def units_heading(role: Role) -> str:
    """牵头单位, 配合单位, 责任单位: the heading over a task's units in one role, as amendments name them too."""
    return _CHANGE_FIELDS[ChangeField(role.value)]
