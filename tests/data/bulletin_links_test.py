"""The checker's own reading of the bulletin's links: what each entry expands to on the bundled tree.

The fidelity test resolves `rows_of` by hand from the plan data; this one runs the real load and
validate stages, so the two readings must agree.
"""

from __future__ import annotations

from datetime import date

from checker.model.records import SelectionKind
from checker.workspace import CachePolicy, open_workspace
from tests.support import REPOSITORY

_REPORT = "2025-10-23-bulletin.yaml"


def test_the_bulletin_expands_to_the_16_attachment_1_rows_done_without_a_date() -> None:
    """rows_of attachment-1 + industry 钢铁 is a1-01…a1-15; with a1-16 every Attachment 1 row is done, undated."""
    validation = open_workspace([REPOSITORY / "policy"], date(2025, 12, 31), CachePolicy(enabled=False)).validation
    assert [f for f in validation.findings if f.is_error] == []
    report = next(r for r in validation.model.reports if r.origin.file.endswith(_REPORT))
    rows = [s for s in report.selections if s.kind is SelectionKind.ROWS]
    assert [s.expanded for s in rows] == [tuple(f"hd-air-2023/a1-{n:02d}" for n in range(1, 16))]
    attachment_1 = {u.task_key: u for u in report.updates if u.plan == "hd-air-2023" and u.task.startswith("a1-")}
    assert sorted(attachment_1) == [f"hd-air-2023/a1-{n:02d}" for n in range(1, 17)]
    assert {(u.status, u.completed_on) for u in attachment_1.values()} == {("done", None)}
    linked_2023 = sorted({u.task for u in report.updates if u.plan == "hd-air-2023"})
    assert linked_2023 == [*(f"a1-{n:02d}" for n in range(1, 17)), "a5-05", "a5-10"]
