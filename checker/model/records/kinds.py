"""The kinds a record's field can take, as enums: converted from the YAML text when the model is built.

Each is a StrEnum whose value is the spelling in the schemas, so a record serialises as written.
Compare members with `is`: members of two StrEnums with the same spelling are equal to each other
and to the bare string. Their Chinese labels are in checker/evaluate/labels.py.
"""

from __future__ import annotations

import enum


class Comparison(enum.StrEnum):
    """Which way a quantity's value binds (plan.schema.json `comparison`)."""

    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    EQUAL = "equal"


class TargetKind(enum.StrEnum):
    """How an indicator's target is stated (plan.schema.json `indicator_target.kind`)."""

    ABSOLUTE = "absolute"
    RELATIVE = "relative"
    DELTA = "delta"
    RANK = "rank"
    ELIMINATE = "eliminate"
    IMPROVE = "improve"
    QUALITATIVE = "qualitative"


class Direction(enum.StrEnum):
    """Which way is better for an indicator (plan.schema.json `direction`)."""

    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    ELIMINATE = "eliminate"
    RANK = "rank"
    QUALITATIVE = "qualitative"


class ScheduleKind(enum.StrEnum):
    DEADLINE = "deadline"
    ONGOING = "ongoing"
    ALL_YEAR = "all_year"
    PLAN_PERIOD = "plan_period"


class TaskKind(enum.StrEnum):
    TASK = "task"
    BREAKDOWN = "breakdown"
    PROJECT = "project"


class ChangeField(enum.StrEnum):
    """What an amendment changes (plan.schema.json `amendments[].changes[].field`).

    The first seven are applied by the evaluator from the amendment's date on (checker/evaluate/
    amendments.py); the others record an edit made in place (checker/changes/guarded.py).
    """

    DEADLINE = "deadline"
    TARGET = "target"
    LEAD = "lead"
    COOPERATING = "cooperating"
    RESPONSIBLE = "responsible"
    CANCEL = "cancel"
    INDICATOR_TARGET = "indicator_target"
    PERIOD = "period"
    SCHEDULE = "schedule"
    MILESTONES = "milestones"
    QUANTITIES = "quantities"
    INDICATOR_BASELINE = "indicator_baseline"
    INDICATOR_DIRECTION = "indicator_direction"
    INDICATOR_UNIT = "indicator_unit"
    PARENT = "parent"
    DEFAULT_RESPONSIBLE = "default_responsible"
    ISSUER = "issuer"


class Binding(enum.StrEnum):
    """Whether an indicator is binding or expected (plan.schema.json `binding`)."""

    BINDING = "binding"
    EXPECTED = "expected"


class Assessment(enum.StrEnum):
    """A report's verdict on an indicator, backed by its quote (progress.schema.json `assessment`)."""

    MET = "met"
    NOT_MET = "not_met"
