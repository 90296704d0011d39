"""checker/changes/rights.py on two sides built in memory: registry edits that change who may report
what are PC513 warnings at the edited field, and PC514 at progress of the same change relying on them."""

from __future__ import annotations

from typing import Any

from checker.changes.records import RightChange
from checker.changes.rights import relying_entries, right_changes
from checker.model.records import RightField
from tests.memory import (
    REGISTRY_FILE,
    REPORT_FILE,
    plan_data,
    positions,
    registry_data,
    report_data,
    side_of,
    task_data,
)

_PLAN = plan_data(tasks=[task_data(), task_data(id="t2", lead=["city-housing"])])
_ON_T2 = report_data(updates=[{"task": "demo-2023/t2", "status": "in_progress", "quote": "推进中。"}])


def _registry(unit: int, **fields: Any) -> dict[str, Any]:
    registry = registry_data()
    registry["organizations"][unit].update(fields)
    return registry


def test_the_same_registry_changes_no_right() -> None:
    """The baseline: no change, no finding."""
    assert right_changes(side_of([_PLAN]), side_of([_PLAN])) == ([], [])


def test_a_new_oversees_is_pc513_at_the_edited_field() -> None:
    """city-housing (organizations[3]) is granted demo-2023: at the list, line 20 column 3 of the dumped registry."""
    head = side_of([_PLAN], registry=_registry(3, oversees=["demo-2023"]))
    changes, findings = right_changes(side_of([_PLAN]), head)
    assert changes == [RightChange("city-housing", RightField.OVERSEES, "督办规划（oversees）", "（无）", "demo-2023")]
    assert [(f.code, f.file, f.line, f.column) for f in findings] == [("PC513", REGISTRY_FILE, 20, 3)]


def test_a_group_edit_and_a_removed_team_are_right_changes() -> None:
    """A member fewer is a change of `members`; a unit removed with its team is PC513 in the base's file."""
    base_registry = _registry(3, team="housing-team")
    head_registry = registry_data()
    del head_registry["organizations"][3]
    head_registry["groups"][0]["members"] = ["city-ecology"]
    base, head = side_of([_PLAN], registry=base_registry), side_of([_PLAN], registry=head_registry)
    changes, findings = right_changes(base, head)
    assert [(c.unit, c.field, c.before, c.after) for c in changes] == [
        ("city-departments", "members", "city-ecology、city-housing", "city-ecology"),
        ("city-housing", "team", "housing-team", "（无）"),
    ]
    assert [(f.code, f.file, f.line, f.column) for f in findings] == [
        ("PC513", REGISTRY_FILE, 20, 3), ("PC513", REGISTRY_FILE, 1, 1)]


def test_progress_relying_on_a_right_the_change_grants_is_pc514_at_its_task() -> None:
    """city-ecology granted oversees in the change that adds its report on city-housing's t2: PC514 at `task`."""
    base = side_of([_PLAN])
    granted = side_of([_PLAN], [_ON_T2], registry=_registry(2, oversees=["demo-2023"]))
    changes, _findings = right_changes(base, granted)
    assert positions(relying_entries(base, granted, changes)) == [("PC514", REPORT_FILE, ("updates", 0, "task"))]


def test_progress_allowed_without_the_edit_is_not_relying() -> None:
    """A report on city-ecology's own t1 needs no new right: no PC514 even though the change grants one."""
    base = side_of([_PLAN])
    own = report_data()
    granted = side_of([_PLAN], [own], registry=_registry(2, oversees=["demo-2023"]))
    changes, _findings = right_changes(base, granted)
    assert list(relying_entries(base, granted, changes)) == []


def test_progress_in_the_folder_of_a_unit_whose_team_changes_is_pc514() -> None:
    """A new team for city-ecology, whose folder holds the added report: PC514 even on its own task."""
    base = side_of([_PLAN])
    head = side_of([_PLAN], [report_data()], registry=_registry(2, team="ecology-team"))
    changes, _findings = right_changes(base, head)
    problems = list(relying_entries(base, head, changes))
    assert positions(problems) == [("PC514", REPORT_FILE, ("updates", 0, "task"))]
    assert "所在文件夹 progress/city-ecology/ 的审核团队（team）" in problems[0].message
