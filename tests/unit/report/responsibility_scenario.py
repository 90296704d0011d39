"""A plan with a plan-wide default (各县（市、区）人民政府) and tasks that name counties, for the per-unit views."""

from __future__ import annotations

from pathlib import Path

from tests.unit.evaluate.scenario import Scenario, deadline_task

AS_OF = "2023-12-05"
DEFAULT = "units: [city-counties]\ntext: 各县（市、区）人民政府\n"
TASKS = (
    deadline_task("named", "2023-11-15", extra="responsible: [county-a]\n")  # names county-a
    + deadline_task("by-default", "2023-11-15")  # county-a answers only through the default
    + deadline_task("parent", "2023-12-31")
    + deadline_task("child", "2023-11-30", extra="parent: parent\nresponsible: [county-b]\n")
)


def build(tmp_path: Path) -> Path:
    """Writes the tree under tmp_path and returns its policy/ folder."""
    scenario = Scenario(tmp_path).plan(default_responsible=DEFAULT, tasks=TASKS)
    scenario.model()
    return scenario.policy
