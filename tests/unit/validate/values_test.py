"""checker/validate/values.py on records built in memory: tables add up, counts stay within totals,
targets point the right way; each rule passes consistent numbers and gives its code at the number
that does not fit."""

from __future__ import annotations

from typing import Any

from checker.validate.values import check_values
from tests.memory import PLAN_FILE, REPORT_FILE, model_of, plan_data, positions, report_data, task_data

Position = tuple[str, str, tuple[str | int, ...]]


def _table(rows: list[tuple[list[float], float]], totals: list[float], total: float) -> list[Position]:
    columns = [{"id": "a", "name": "源头替代"}, {"id": "b", "name": "末端提升"}]
    table = {"id": "voc", "title": "VOCs项目", "columns": columns,
             "rows": [{"row": n + 1, "values": values, "total": sum_} for n, (values, sum_) in enumerate(rows)],
             "totals": {"values": totals, "total": total}}
    return positions(check_values(model_of([plan_data(tables=[table])])))


def _quantity(**fields: Any) -> list[Position]:
    quantity = {"id": "q1", "text": "不少于10项", "unit": "项", "comparison": "at_least", "value": 10, **fields}
    return positions(check_values(model_of([plan_data(tasks=[task_data(quantities=[quantity])])])))


def _update(**fields: Any) -> list[Position]:
    update = {"task": "demo-2023/t1", "status": "in_progress", "quote": "推进中。", **fields}
    return positions(check_values(model_of([plan_data()], [report_data(updates=[update])])))


def test_a_table_that_adds_up_passes() -> None:
    """Rows 3+12=15 and 5+10=15, columns 8 and 22, total 30."""
    assert _table([([3, 12], 15), ([5, 10], 15)], [8, 22], 30) == []


def test_a_row_that_does_not_add_up_is_pc303_at_its_total() -> None:
    """Row 2 sums to 15 but says 16; the columns still add up, so that is the only problem."""
    assert _table([([3, 12], 15), ([5, 10], 16)], [8, 22], 30) == [
        ("PC303", PLAN_FILE, ("tables", 0, "rows", 1, "total"))]


def test_a_row_of_the_wrong_width_is_pc303_at_its_values_and_skips_the_column_sums() -> None:
    """A row of three values in a two-column table: PC303 at its values; columns are not summed then."""
    assert _table([([3, 12, 1], 16), ([5, 10], 15)], [99, 99], 198) == [
        ("PC303", PLAN_FILE, ("tables", 0, "rows", 0, "values"))]


def test_a_column_whose_rows_do_not_add_up_is_pc304_at_its_total() -> None:
    """Column 源头替代 sums to 8 but the totals row says 9 (and 9+22 is not the total 30)."""
    assert _table([([3, 12], 15), ([5, 10], 15)], [9, 22], 30) == [
        ("PC304", PLAN_FILE, ("tables", 0, "totals", "values", 0)),
        ("PC304", PLAN_FILE, ("tables", 0, "totals", "total")),
    ]


def test_a_totals_row_of_the_wrong_width_is_pc304_at_its_values() -> None:
    """One total for two columns: PC304 at totals.values, and nothing else is summed."""
    assert _table([([3, 12], 15)], [15], 15) == [("PC304", PLAN_FILE, ("tables", 0, "totals", "values"))]


def test_a_stretch_goal_easier_than_the_target_is_pc307_at_the_stretch() -> None:
    """At least 10, stretch 12: fine; stretch 8: PC307. At most 10, stretch 12: PC307. Equal: never."""
    assert _quantity(stretch=12) == []
    assert _quantity(stretch=8) == [("PC307", PLAN_FILE, ("tasks", 0, "quantities", 0, "stretch"))]
    assert _quantity(comparison="at_most", stretch=8) == []
    assert _quantity(comparison="at_most", stretch=12) == [
        ("PC307", PLAN_FILE, ("tasks", 0, "quantities", 0, "stretch"))]
    assert _quantity(comparison="equal", stretch=8) == []


def test_a_sub_quota_larger_than_its_total_is_pc308_at_its_value() -> None:
    """At least 10 with a sub-quota of 10: fine; of 11: PC308 at sub_quotas[0].value."""
    assert _quantity(sub_quotas=[{"id": "east", "text": "东区10项", "value": 10}]) == []
    assert _quantity(sub_quotas=[{"id": "east", "text": "东区11项", "value": 11}]) == [
        ("PC308", PLAN_FILE, ("tasks", 0, "quantities", 0, "sub_quotas", 0, "value"))]


def test_more_done_than_the_total_is_pc305_at_done() -> None:
    """8 of 10: fine; 11 of 10: PC305 at updates[0].done."""
    assert _update(done=8, total=10) == []
    assert _update(done=11, total=10) == [("PC305", REPORT_FILE, ("updates", 0, "done"))]


def test_done_with_counts_or_a_percentage_short_of_all_is_pc314_at_status() -> None:
    """done with 10 of 10 or 100%: fine; with 9 of 10 or 90%: PC314 at updates[0].status."""
    assert _update(status="done", done=10, total=10) == []
    assert _update(status="done", percent=100) == []
    assert _update(status="done", done=9, total=10) == [("PC314", REPORT_FILE, ("updates", 0, "status"))]
    assert _update(status="done", percent=90) == [("PC314", REPORT_FILE, ("updates", 0, "status"))]
