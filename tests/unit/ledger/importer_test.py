"""A filled-in sheet → report text and cell map; spreadsheet-only mistakes pinned at their cell."""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook

from checker.findings import Finding
from checker.ledger import layout
from checker.ledger.importer import Draft, draft_report
from checker.ledger.read import read_sheet
from checker.load.yaml_loader import parse_yaml
from tests.unit.ledger.support import column, filled, task_row, unit_file

FILE = "ledger.xlsx"
ON = date(2023, 6, 1)
SOURCE = ("示例市生态环境局工作动态（第9期）", datetime(2023, 5, 31))
TASK = "demo-2023/a5-01"
OTHER = "demo-2023/s3-1-1"


def _draft(data: bytes) -> Draft:
    sheet, findings = read_sheet(data, FILE, layout.SHEET)
    assert findings == [] and sheet is not None
    return draft_report(sheet, FILE, "city-ecology", ON)


def _pins(findings: list[Finding]) -> list[str]:
    return [f"{item.code} {item.line}:{item.column}" for item in findings]


def _at(task: str, name: str) -> str:
    workbook = load_workbook(io.BytesIO(unit_file()))
    return f"{task_row(workbook, task)}:{column(workbook, name)}"


def test_a_filled_row_becomes_an_update_with_typed_values() -> None:
    """Status label → code, a real date → completed_on, counts as numbers, text double-quoted; blank rows skipped."""
    cells: dict[str, Any] = {layout.STATUS: "已完成", layout.DONE: "30", layout.TOTAL: 30,
                             layout.WHEN: datetime(2023, 5, 31), layout.QUOTE: "30项已全部完成。", layout.NOTE: "no"}
    draft = _draft(filled(unit_file(), SOURCE, {TASK: cells}))
    assert draft.findings == [] and draft.text is not None
    data, problems = parse_yaml(draft.text, "report.yaml")
    assert problems == []
    assert data["reporter"] == "city-ecology" and data["date"] == "2023-06-01"
    assert data["source"] == {"title": SOURCE[0], "date": "2023-05-31"}
    assert data["updates"] == [{"task": TASK, "status": "done", "done": 30, "total": 30, "completed_on": "2023-05-31",
                                "quote": "30项已全部完成。", "note": "no"}]
    assert draft.cells[("updates", 0, "status")] == tuple(int(n) for n in _at(TASK, layout.STATUS).split(":"))


def test_an_open_task_with_a_date_gets_a_forecast() -> None:
    """An open task with a date in the ledger becomes a forecast with its date and a note that the ledger said so."""
    draft = _draft(filled(unit_file(), SOURCE, {TASK: {layout.STATUS: "推进中", layout.WHEN: datetime(2023, 7, 31),
                                                       layout.QUOTE: "预计7月底完成。"}}))
    assert draft.text is not None
    update = parse_yaml(draft.text, "r.yaml")[0]["updates"][0]
    assert update["forecast"] == {"date": "2023-07-31", "text": "台账填报：预计 2023-07-31 完成"}


def test_a_status_outside_the_list_is_pc609_at_its_cell() -> None:
    """A status not in the drop-down list is PC609 at its cell (row 4, column 21), and nothing is drafted."""
    draft = _draft(filled(unit_file(), SOURCE, {TASK: {layout.STATUS: "完成了", layout.QUOTE: "已完成。"}}))
    assert _at(TASK, layout.STATUS) == "4:21"
    assert _pins(draft.findings) == ["PC609 4:21"]
    assert draft.text is None  # the only filled row had a mistake: nothing to validate


def test_a_formula_in_a_fill_in_cell_is_pc607_at_its_cell() -> None:
    """A formula in the quote cell is PC607 at that cell: the importer never evaluates a formula."""
    draft = _draft(filled(unit_file(), SOURCE, {TASK: {layout.STATUS: "推进中", layout.QUOTE: "=A1&\"已完成\""}}))
    assert _at(TASK, layout.QUOTE) == "4:25"
    assert _pins(draft.findings) == ["PC607 4:25"]


def test_nothing_filled_is_pc611_below_the_status_header() -> None:
    """A ledger returned with no row filled is PC611 at the first status cell."""
    draft = _draft(filled(unit_file(), SOURCE, {}))
    assert _pins(draft.findings) == ["PC611 4:21"]


def test_a_row_without_its_task_id_is_pc612() -> None:
    """A filled row whose task ID was deleted is PC612 at the ID cell."""
    cells = {"任务ID": None, layout.STATUS: "推进中", layout.QUOTE: "在推进。"}
    draft = _draft(filled(unit_file(), SOURCE, {TASK: cells}))
    assert _at(TASK, "任务ID") == "4:27"
    assert _pins(draft.findings) == ["PC612 4:27"]


def test_the_same_task_on_two_rows_is_pc613_at_the_second() -> None:
    """The same task ID on two filled rows is PC613 at the second, naming the first row."""
    cells = {layout.STATUS: "推进中", layout.QUOTE: "在推进。"}
    draft = _draft(filled(unit_file(), SOURCE, {TASK: cells, OTHER: {**cells, "任务ID": TASK}}))
    assert _at(OTHER, "任务ID") == "5:27"
    assert _pins(draft.findings) == ["PC613 5:27"]
    assert str(task_row(load_workbook(io.BytesIO(unit_file())), TASK)) in draft.findings[0].message


def test_a_sheet_without_the_header_is_pc606() -> None:
    """A renamed header column is PC606 at 1:1: the sheet is not the ledger we sent."""
    workbook = load_workbook(io.BytesIO(unit_file()))
    workbook[layout.SHEET].cell(layout.HEADER_ROW, column(workbook, layout.QUOTE)).value = "摘录"
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _pins(_draft(buffer.getvalue()).findings) == ["PC606 1:1"]
