"""The status vocabulary, defined once: codes, Chinese labels, lights and risk order.

The checker, every report format and the site use these definitions. Colours and light names
are not here: they come from policy/settings.yaml (some cities use blue/orange/red).
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from checker.model.records.kinds import Comparison, Direction, TargetKind
from checker.model.records.progress import ReportedStatus

if TYPE_CHECKING:
    from checker.model.records import Settings

# Written in plans and reports, so defined with the records that carry them; named here with the rest.
__all__ = [
    "ChangeKind", "Comparison", "Direction", "Entry", "FailOn", "IndicatorStatus", "Light", "ReportedStatus",
    "TargetKind", "TaskStatus", "icon_of", "light_of", "reported_label",
]


class Light(enum.StrEnum):
    RED = "red"
    YELLOW = "yellow"
    GREEN = "green"
    GREY = "grey"


class TaskStatus(enum.StrEnum):
    """Status of a task or milestone, in order of risk (most urgent first).

    The two red statuses say different things: `overdue` 逾期未完成 means a report says the work is
    not finished (escalate); `overdue_unreported` 逾期未报送 means nobody has reported at all (chase the
    report). The three done statuses differ only in what is known about timeliness.
    """

    OVERDUE = "overdue"
    OVERDUE_UNREPORTED = "overdue_unreported"
    DUE_SOON = "due_soon"
    BEHIND_PACE = "behind_pace"
    NOT_REPORTED = "not_reported"
    IN_PROGRESS = "in_progress"
    ONGOING = "ongoing"
    DONE_LATE = "done_late"
    DONE_UNDATED = "done_undated"
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
    def icon(self) -> str | None:
        """A symbol of the status's own, where it shares its light with another (None: the light's icon)."""
        return _TASK_ICONS.get(self)

    @property
    def is_done(self) -> bool:
        """Done, whatever is known about when: counts in completion figures."""
        return self in (TaskStatus.DONE, TaskStatus.DONE_LATE, TaskStatus.DONE_UNDATED)

    @property
    def is_overdue(self) -> bool:
        """Past the deadline and not done, reported or not: what `--fail-on overdue` fails on."""
        return self in (TaskStatus.OVERDUE, TaskStatus.OVERDUE_UNREPORTED)

    @property
    def on_time(self) -> bool | None:
        """For a done status: completed on time (True), late (False) or not knowable (None)."""
        return {TaskStatus.DONE: True, TaskStatus.DONE_LATE: False}.get(self)


_TASK_LABELS = {
    TaskStatus.OVERDUE: "逾期未完成",
    TaskStatus.OVERDUE_UNREPORTED: "逾期未报送",
    TaskStatus.DUE_SOON: "临期",
    TaskStatus.BEHIND_PACE: "滞后于序时进度",
    TaskStatus.NOT_REPORTED: "未报送",
    TaskStatus.IN_PROGRESS: "推进中",
    TaskStatus.ONGOING: "持续推进",
    TaskStatus.DONE_LATE: "逾期完成",
    TaskStatus.DONE_UNDATED: "已完成（时间不详）",
    TaskStatus.DONE: "已完成",
    TaskStatus.CANCELLED: "已撤销",
}
_TASK_LIGHTS = {
    TaskStatus.OVERDUE: Light.RED,
    TaskStatus.OVERDUE_UNREPORTED: Light.RED,
    TaskStatus.DUE_SOON: Light.YELLOW,
    TaskStatus.BEHIND_PACE: Light.YELLOW,
    TaskStatus.NOT_REPORTED: Light.GREY,
    TaskStatus.IN_PROGRESS: Light.GREEN,
    TaskStatus.ONGOING: Light.GREEN,
    TaskStatus.DONE_LATE: Light.GREEN,
    TaskStatus.DONE_UNDATED: Light.GREEN,
    TaskStatus.DONE: Light.GREEN,
    TaskStatus.CANCELLED: Light.GREY,
}
# Same light, different fact: the icon keeps them apart when colour cannot (print, colour blindness).
# Green but not done: a tick would read as done, so 推进中 and 持续推进 carry their own symbols.
_TASK_ICONS = {
    TaskStatus.OVERDUE_UNREPORTED: "⊘",
    TaskStatus.DONE_UNDATED: "✓",
    TaskStatus.IN_PROGRESS: "▶",
    TaskStatus.ONGOING: "↻",
}


def light_of(status: TaskStatus, settings: Settings) -> Light:
    """The status's light, unless policy/settings.yaml gives it another (`statuses: {done_undated: {light: grey}}`)."""
    style = settings.statuses.get(status.value)
    return Light(style.light) if style is not None and style.light else status.light


def icon_of(status: TaskStatus, light: Light, settings: Settings) -> str:
    """The status's icon from settings, else its own, else its light's: ✖ 逾期未完成 but ⊘ 逾期未报送."""
    style = settings.statuses.get(status.value)
    if style is not None and style.icon:
        return style.icon
    return status.icon or settings.lights[light.value].icon


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


class ChangeKind(enum.StrEnum):
    """What kind of item a status change is about (`plancheck diff`)."""

    TASK = "task"
    MILESTONE = "milestone"
    INDICATOR = "indicator"


class Entry(enum.StrEnum):
    """What a change does to a progress entry (`plancheck diff`)."""

    ADDED = "added"
    EDITED = "edited"
    REMOVED = "removed"


class FailOn(enum.StrEnum):
    """--fail-on thresholds: which statuses make `check` exit 1.

    `overdue` fails on both red statuses, reported unfinished and unreported: a deadline passed
    without a report is no less a failure to meet it as far as the exit status is concerned.
    """

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    NEVER = "never"

    def trips(self, status: TaskStatus) -> bool:
        if self is FailOn.OVERDUE:
            return status.is_overdue
        if self is FailOn.DUE_SOON:
            return status.is_overdue or status.light in (Light.RED, Light.YELLOW)
        return False


_REPORTED_LABELS = {
    ReportedStatus.DONE: "已完成",
    ReportedStatus.IN_PROGRESS: "推进中",
    ReportedStatus.NOT_STARTED: "未开工",
}


def reported_label(status: ReportedStatus) -> str:
    """What a reported status reads as; the spreadsheet path offers these in a drop-down and reads them back."""
    return _REPORTED_LABELS[status]
