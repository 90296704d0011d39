"""Typed records of the domain: what a plan, a task, a progress report is.

Records are frozen. Each keeps its `Origin` (file, JSON path and line) so a later stage can point a
finding at the exact line without knowing anything about YAML. One module per kind of input file
(plan, progress, registry, settings), the origin they share, and the model that indexes them all;
every record is importable from here.
"""

from __future__ import annotations

from checker.model.records.kinds import (
    Assessment,
    Binding,
    ChangeField,
    Comparison,
    Direction,
    ScheduleKind,
    TargetKind,
    TaskKind,
)
from checker.model.records.model import Model
from checker.model.records.origin import Origin
from checker.model.records.plan import (
    Amendment,
    Change,
    Discrepancy,
    Indicator,
    IndicatorTarget,
    IndicatorValue,
    Milestone,
    MilestoneQuantity,
    Plan,
    Project,
    Quantity,
    Reading,
    Schedule,
    SourceRef,
    SubQuota,
    Table,
    TableRow,
    Task,
)
from checker.model.records.progress import (
    Observation,
    PartialDate,
    Precision,
    Report,
    ReportedStatus,
    RowField,
    Selection,
    SelectionKind,
    Update,
    Where,
)
from checker.model.records.registry import Group, Organization, RightField, UnitKind
from checker.model.records.settings import LightStyle, Settings, SiteInfo, StatusStyle

__all__ = [
    "Amendment",
    "Assessment",
    "Binding",
    "Change",
    "ChangeField",
    "Comparison",
    "Direction",
    "Discrepancy",
    "Group",
    "Indicator",
    "IndicatorTarget",
    "IndicatorValue",
    "LightStyle",
    "Milestone",
    "MilestoneQuantity",
    "Model",
    "Observation",
    "Organization",
    "Origin",
    "PartialDate",
    "Plan",
    "Precision",
    "Project",
    "Quantity",
    "Reading",
    "Report",
    "ReportedStatus",
    "RightField",
    "RowField",
    "Schedule",
    "ScheduleKind",
    "Selection",
    "SelectionKind",
    "Settings",
    "SiteInfo",
    "SourceRef",
    "StatusStyle",
    "SubQuota",
    "Table",
    "TableRow",
    "TargetKind",
    "Task",
    "TaskKind",
    "UnitKind",
    "Update",
    "Where",
]
