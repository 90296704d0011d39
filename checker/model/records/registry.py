"""The records of a unit registry (organizations/<city>.yaml): organizations and groups."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from checker.model.records.origin import Origin


class UnitKind(enum.StrEnum):
    """What kind of body a unit is (organizations.schema.json `kind`)."""

    GOVERNMENT = "government"
    DEPARTMENT = "department"
    COUNTY = "county"
    MANAGEMENT_COMMITTEE = "management_committee"
    BUREAU_BRANCH = "bureau_branch"
    LEADING_GROUP_OFFICE = "leading_group_office"
    COMMITTEE = "committee"
    ENTERPRISE = "enterprise"
    OTHER = "other"


class RightField(enum.StrEnum):
    """The registry fields that grant a right to report (checker/changes/rights.py)."""

    OVERSEES = "oversees"
    MEMBERS = "members"
    TEAM = "team"


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str
    kind: UnitKind
    aliases: tuple[str, ...]
    parent: str | None
    county: str | None
    oversees: tuple[str, ...]
    team: str | None
    note: str | None
    jurisdiction: str
    origin: Origin


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    note: str | None
    jurisdiction: str
    origin: Origin
