"""The model: everything the validator accepted, indexed for the evaluation stage."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from checker.model.records.plan import Indicator, Plan, Task
from checker.model.records.progress import Report
from checker.model.records.registry import Group, Organization
from checker.model.records.settings import Settings


@dataclass(frozen=True)
class Model:
    """Everything the validator accepted, indexed for the evaluation stage."""

    organizations: dict[str, Organization]
    groups: dict[str, Group]
    plans: dict[str, Plan]
    reports: tuple[Report, ...]
    settings: Settings
    jurisdictions: dict[str, str] = field(default_factory=dict)

    def unit_name(self, unit_id: str) -> str:
        if unit_id in self.organizations:
            return self.organizations[unit_id].name
        if unit_id in self.groups:
            return self.groups[unit_id].name
        return unit_id

    def members(self, unit_id: str) -> tuple[str, ...]:
        """A group's members, or the unit itself."""
        group = self.groups.get(unit_id)
        return group.members if group is not None else (unit_id,)

    @cached_property
    def tasks(self) -> dict[str, Task]:
        """Every task by its qualified ID (plan/task)."""
        return {task.key: task for plan in self.plans.values() for task in plan.tasks}

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        """Every indicator by its qualified ID (plan/indicator)."""
        return {i.key: i for plan in self.plans.values() for i in plan.indicators}
