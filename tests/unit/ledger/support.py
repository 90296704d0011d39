"""A unit's fill-in ledger built from the base tree, and a way to fill its cells as a unit would."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import Workbook, load_workbook

from checker.evaluate import evaluate
from checker.ledger import layout
from checker.ledger.rows import ledger_rows, unit_rows
from checker.ledger.workbook import unit_xlsx
from checker.report.views import ReportContext
from checker.workspace import open_workspace
from tests.support import BASE

AS_OF = date(2023, 6, 1)


def unit_file(unit: str = "city-ecology") -> bytes:
    """The fill-in ledger of a unit of the base tree, as the site offers it."""
    model = open_workspace([BASE / "policy"], AS_OF).validation.model
    context = ReportContext(model)
    chosen = next(u for u in unit_rows(ledger_rows(evaluate(model, AS_OF), context), context) if u.unit == unit)
    return unit_xlsx(chosen, AS_OF, model.settings.lights)


def column(workbook: Workbook, name: str) -> int:
    return [cell.value for cell in workbook[layout.SHEET][layout.HEADER_ROW]].index(name) + 1


def task_row(workbook: Workbook, task: str) -> int:
    sheet = workbook[layout.SHEET]
    at = column(workbook, "任务ID")
    return next(row for row in range(layout.FIRST_ROW, sheet.max_row + 1) if sheet.cell(row, at).value == task)


def filled(data: bytes, source: tuple[Any, Any] | None, rows: dict[str, dict[str, Any]]) -> bytes:
    """The ledger with the source fields and, per task ID, the named fill-in cells set."""
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook[layout.SHEET]
    if source is not None:
        sheet.cell(layout.NOTE_ROW, column(workbook, layout.SOURCE_TITLE_AT[1])).value = source[0]
        sheet.cell(layout.NOTE_ROW, column(workbook, layout.SOURCE_DATE_AT[1])).value = source[1]
    for task, cells in rows.items():
        row = task_row(workbook, task)
        for name, value in cells.items():
            sheet.cell(row, column(workbook, name)).value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
