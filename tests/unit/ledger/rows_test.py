"""The ledger rows: one per task, most urgent first, typed cells, names instead of IDs."""

from __future__ import annotations

from datetime import date

import pytest

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.ledger.rows import LEDGER_COLUMNS, Row, ledger_rows
from checker.report.views import ReportContext, risk_order
from checker.workspace import open_workspace
from tests.support import BASE

AS_OF = date(2023, 6, 1)


@pytest.fixture(scope="module")
def evaluation_and_context() -> tuple[Evaluation, ReportContext]:
    model = open_workspace([BASE / "policy"], AS_OF).validation.model
    return evaluate(model, AS_OF), ReportContext(model)


@pytest.fixture(scope="module")
def rows(evaluation_and_context: tuple[Evaluation, ReportContext]) -> list[Row]:
    return ledger_rows(*evaluation_and_context)


def _cell(row: Row, name: str) -> object:
    return row.cells[LEDGER_COLUMNS.index(name)]


def test_one_row_per_task_most_urgent_first(
    rows: list[Row], evaluation_and_context: tuple[Evaluation, ReportContext]
) -> None:
    """Rows follow risk_order (overdue first); every row has every column; 序号 is left to the sheet."""
    evaluation, _ = evaluation_and_context
    assert [_cell(row, "任务ID") for row in rows] == [r.key for r in sorted(evaluation.tasks, key=risk_order)]
    assert all(len(row.cells) == len(LEDGER_COLUMNS) and row.cells[0] is None for row in rows)
    first = rows[0]
    assert _cell(first, "状态") == "逾期未完成" and _cell(first, "灯") == "红灯"
    overdue = _cell(first, "逾期天数")
    assert isinstance(overdue, int) and overdue > 0
    assert rows[0].numbered(1)[0] == 1


def test_row_holds_names_real_dates_and_where_the_task_is_written(rows: list[Row]) -> None:
    """Unit IDs become names; dates are dates and the share a fraction; the source file and line come last."""
    row = next(r for r in rows if _cell(r, "任务ID") == "demo-2023/a5-01")
    assert _cell(row, "规划") == "示例市2023年大气污染综合治理工作方案"
    assert _cell(row, "类型") == "分解任务"
    assert _cell(row, "截止日期") == date(2023, 5, 31) and _cell(row, "时限（原文）") == "2023年5月底"
    assert _cell(row, "最近报送日期") == date(2023, 5, 10) and _cell(row, "完成进度") == pytest.approx(0.8)
    assert isinstance(_cell(row, "行号"), int)
    assert str(_cell(row, "文件")).endswith("plans/demo-2023.yaml")
    assert _cell(row, "牵头单位") == "示例市生态环境局"
    assert "city-ecology" in row.units and "county-a" not in row.units
