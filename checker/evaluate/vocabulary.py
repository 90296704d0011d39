"""The status vocabulary, defined once: codes, Chinese labels, lights and risk order.

The checker, every report format and the site use these definitions. Colours and light names
are not here: they come from policy/settings.yaml (some cities use blue/orange/red).
"""

from __future__ import annotations

import enum


class Light(enum.StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    GREY = "grey"


class TaskStatus(enum.StrEnum):
    """Status of a task or milestone, in order of risk (most urgent first)."""

    OVERDUE = "overdue"
    DUE_SOON = "due_soon"
    BEHIND_PACE = "behind_pace"
    NOT_REPORTED = "not_reported"
    IN_PROGRESS = "in_progress"
    ONGOING = "ongoing"
    DONE_LATE = "done_late"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _TASK_LABELS[self]

    @property
    def light(self) -> Light:
        """The usual light; an ongoing duty without a recent report is grey instead."""
        return _TASK_LIGHTS[self]

    @property
    def risk(self) -> int:
        """0 is the most urgent; used to sort and to roll children up into a parent."""
        return list(TaskStatus).index(self)

    @property
    def is_done(self) -> bool:
        return self in (TaskStatus.DONE, TaskStatus.DONE_LATE)


_TASK_LABELS = {
    TaskStatus.OVERDUE: "逾期未完成",
    TaskStatus.DUE_SOON: "临期",
    TaskStatus.BEHIND_PACE: "滞后于序时进度",
    TaskStatus.NOT_REPORTED: "未报送",
    TaskStatus.IN_PROGRESS: "推进中",
    TaskStatus.ONGOING: "持续推进",
    TaskStatus.DONE_LATE: "逾期完成",
    TaskStatus.DONE: "已完成",
    TaskStatus.CANCELLED: "已撤销",
}
_TASK_LIGHTS = {
    TaskStatus.OVERDUE: Light.RED,
    TaskStatus.DUE_SOON: Light.YELLOW,
    TaskStatus.BEHIND_PACE: Light.YELLOW,
    TaskStatus.NOT_REPORTED: Light.GREY,
    TaskStatus.IN_PROGRESS: Light.GREEN,
    TaskStatus.ONGOING: Light.GREEN,
    TaskStatus.DONE_LATE: Light.GREEN,
    TaskStatus.DONE: Light.GREEN,
    TaskStatus.CANCELLED: Light.GREY,
}


class IndicatorStatus(enum.StrEnum):
    """Status of an indicator, in order of risk."""

    MISSED = "missed"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    ASSESSED = "assessed"
    ON_TRACK = "on_track"
    MET = "met"

    @property
    def label(self) -> str:
        return _INDICATOR_LABELS[self]

    @property
    def risk(self) -> int:
        return list(IndicatorStatus).index(self)


_INDICATOR_LABELS = {
    IndicatorStatus.MISSED: "未达标",
    IndicatorStatus.OFF_TRACK: "滞后",
    IndicatorStatus.NO_DATA: "无数据",
    IndicatorStatus.ASSESSED: "已评定",
    IndicatorStatus.ON_TRACK: "符合序时进度",
    IndicatorStatus.MET: "已达标",
}


class FailOn(enum.StrEnum):
    """--fail-on thresholds: which statuses make `check` exit 1."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    NEVER = "never"

    def trips(self, status: TaskStatus) -> bool:
        if self is FailOn.OVERDUE:
            return status is TaskStatus.OVERDUE
        if self is FailOn.DUE_SOON:
            return status.light in (Light.RED, Light.YELLOW)
        return False


class ReportedStatus(enum.StrEnum):
    """What a unit may report about a task (progress.schema.json `status`), with the label it reads.

    The spreadsheet path offers these labels in a drop-down list and reads them back.
    """

    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"

    @property
    def label(self) -> str:
        return _REPORTED_LABELS[self]


_REPORTED_LABELS = {
    ReportedStatus.DONE: "已完成",
    ReportedStatus.IN_PROGRESS: "推进中",
    ReportedStatus.NOT_STARTED: "未开工",
}
