"""The ledger workbooks read back: sheets, title row, 序号, fills, real dates, print setup, fill-in columns."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from checker.evaluate import evaluate
from checker.evaluate.vocabulary import Light, ReportedStatus, reported_label
from checker.ledger import layout
from checker.ledger.rows import LEDGER_COLUMNS, Row, UnitRows, ledger_rows, unit_rows
from checker.ledger.workbook import ledger_xlsx, unit_xlsx
from checker.model.records import LightStyle, Model
from checker.report.views import ReportContext
from checker.workspace import open_workspace
from tests.support import BASE

AS_OF = date(2023, 6, 1)
HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.fixture(scope="module")
def model() -> Model:
    return open_workspace([BASE / "policy"], AS_OF).validation.model


@pytest.fixture(scope="module")
def rows(model: Model) -> list[Row]:
    return ledger_rows(evaluate(model, AS_OF), ReportContext(model))


@pytest.fixture(scope="module")
def units(model: Model, rows: list[Row]) -> list[UnitRows]:
    return unit_rows(rows, ReportContext(model))


def _palette(model: Model) -> dict[str, LightStyle]:
    return model.settings.lights


def _whole(model: Model, rows: list[Row], units: list[UnitRows]) -> bytes:
    return ledger_xlsx(rows, units, AS_OF, _palette(model))


def _column(sheet: Worksheet, name: str) -> int:
    return [cell.value for cell in sheet[layout.HEADER_ROW]].index(name) + 1


def test_whole_workbook_has_the_ledger_a_sheet_per_unit_and_notes(
    model: Model, rows: list[Row], units: list[UnitRows]
) -> None:
    """First the whole ledger, then one sheet per named unit in registry order, then the notes."""
    workbook = load_workbook(io.BytesIO(_whole(model, rows, units)))
    assert workbook.sheetnames == [layout.SHEET, *(unit.name for unit in units), layout.NOTES_SHEET]
    assert "示例市生态环境局" in workbook.sheetnames
    sheet = workbook[layout.SHEET]
    assert sheet["A1"].value == "规划任务台账（截至2023-06-01）"
    assert [cell.value for cell in sheet[layout.HEADER_ROW]] == list(LEDGER_COLUMNS)
    numbers = [row[0] for row in sheet.iter_rows(min_row=layout.FIRST_ROW, values_only=True)]
    assert numbers == list(range(1, len(rows) + 1))
    ids = [row[0] for row in sheet.iter_rows(min_row=layout.FIRST_ROW, min_col=_column(sheet, "任务ID"),
                                             max_col=_column(sheet, "任务ID"), values_only=True)]
    assert ids == [row.cells[LEDGER_COLUMNS.index("任务ID")] for row in rows]
    notes = [list(row) for row in workbook[layout.NOTES_SHEET].iter_rows(values_only=True)]
    assert ["数据截至", datetime(2023, 6, 1)] in notes


def test_developer_columns_come_last() -> None:
    """任务ID, 文件 and 行号 are the last three columns, after everything a reader needs."""
    assert LEDGER_COLUMNS[-3:] == ("任务ID", "文件", "行号")
    assert LEDGER_COLUMNS[0] == "序号"


def test_status_cells_are_filled_with_the_palette_and_dates_are_real(
    model: Model, rows: list[Row], units: list[UnitRows]
) -> None:
    """状态 and 灯 carry the light's colour from settings; 截止日期 is a date cell shown as yyyy-mm-dd."""
    sheet = load_workbook(io.BytesIO(_whole(model, rows, units)))[layout.SHEET]
    status, light, due = _column(sheet, "状态"), _column(sheet, "灯"), _column(sheet, "截止日期")
    for offset, row in enumerate(rows):
        at = layout.FIRST_ROW + offset
        color = _palette(model)[row.light.value].color.lstrip("#").upper()
        assert sheet.cell(at, status).fill.fgColor.rgb == "00" + color
        assert sheet.cell(at, light).fill.fgColor.rgb == "00" + color
        assert sheet.cell(at, status).alignment.wrap_text
    overdue = next(o for o, row in enumerate(rows) if row.light is Light.RED) + layout.FIRST_ROW
    assert sheet.cell(overdue, status).value == "逾期未完成"
    assert sheet.cell(overdue, status).font.color.rgb == "00FFFFFF"  # white on the dark red
    due_cell = next(sheet.cell(r, due) for r in range(layout.FIRST_ROW, layout.FIRST_ROW + len(rows))
                    if sheet.cell(r, due).value is not None)
    assert due_cell.is_date and isinstance(due_cell.value, datetime)
    assert due_cell.number_format == "yyyy-mm-dd"


def test_every_sheet_is_set_up_for_printing(model: Model, rows: list[Row], units: list[UnitRows]) -> None:
    """A4 landscape, fit to one page wide, the header row repeated on every page, a frozen header, a filter."""
    workbook = load_workbook(io.BytesIO(_whole(model, rows, units)))
    for name in workbook.sheetnames[:-1]:
        sheet = workbook[name]
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.paperSize == 9
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_options.gridLines
        assert sheet.print_title_rows == "$3:$3"
        assert sheet.freeze_panes == "A4"
        assert sheet.auto_filter.ref.startswith("A3:")


def test_unit_file_has_fill_in_columns_a_drop_down_and_protection(model: Model, units: list[UnitRows]) -> None:
    """Fill-in columns are unlocked and yellow; the status list holds the vocabulary labels; the rest is locked."""
    unit = next(u for u in units if u.unit == "city-ecology")
    workbook = load_workbook(io.BytesIO(unit_xlsx(unit, AS_OF, _palette(model))))
    assert workbook.sheetnames == [layout.SHEET, layout.NOTES_SHEET]
    sheet = workbook[layout.SHEET]
    header = [cell.value for cell in sheet[layout.HEADER_ROW]]
    assert header == list(layout.columns(fill_in=True))
    assert header.index(layout.STATUS) < header.index("任务ID")
    assert sheet.protection.sheet and not sheet.protection.autoFilter
    first = layout.FIRST_ROW
    for name in layout.FILL_COLUMNS:
        assert not sheet.cell(first, _column(sheet, name)).protection.locked
    assert sheet.cell(first, _column(sheet, "任务")).protection.locked
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    assert [v.formula1 for v in lists] == ['"' + ",".join(reported_label(s) for s in ReportedStatus) + '"']
    letter = sheet.cell(first, _column(sheet, layout.STATUS)).column_letter
    assert str(lists[0].sqref) == f"{letter}{first}:{letter}{first + len(unit.rows) - 1}"
    assert sheet.cell(layout.NOTE_ROW, _column(sheet, "规划")).value == "依据材料标题（必填）："
    assert not sheet.cell(layout.NOTE_ROW, _column(sheet, "任务")).protection.locked
    assert sheet.freeze_panes == "E4"


def test_unit_rows_are_the_tasks_that_name_the_unit(units: list[UnitRows]) -> None:
    """A county named only through the plan-wide default gets no rows for it; a named county does."""
    by_unit = {unit.unit: unit for unit in units}
    assert "county-a" in by_unit
    named = {row.cells[LEDGER_COLUMNS.index("任务ID")] for row in by_unit["county-a"].rows}
    assert "demo-2023/a1-01" in named
    assert "demo-2023/a5-01" not in named


def _hostile_row(rows: list[Row]) -> Row:
    cells = list(rows[0].cells)
    cells[1:1 + len(HOSTILE)] = HOSTILE
    return Row(tuple(cells[: len(LEDGER_COLUMNS)]), Light.GREY, frozenset())


def test_xlsx_never_holds_a_formula(model: Model, rows: list[Row]) -> None:
    """openpyxl writes any string starting with = as a formula; the guard keeps every cell plain text."""
    data = ledger_xlsx([_hostile_row(rows)], [], AS_OF, _palette(model))
    sheet = load_workbook(io.BytesIO(data))[layout.SHEET]
    cells = next(sheet.iter_rows(min_row=layout.FIRST_ROW, max_row=layout.FIRST_ROW))
    # XML reads a carriage return back as a line feed; the apostrophe still comes first.
    assert [cell.value for cell in cells[1: 1 + len(HOSTILE)]] == ["'" + v.replace("\r", "\n") for v in HOSTILE]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_drops_characters_xml_cannot_carry(model: Model, rows: list[Row]) -> None:
    """A control character XML cannot carry is dropped from the cell, not written into a broken file."""
    cells = list(rows[0].cells)
    cells[1] = "关停\x0b高炉"
    data = ledger_xlsx([Row(tuple(cells), Light.GREY, frozenset())], [], AS_OF, _palette(model))
    assert load_workbook(io.BytesIO(data))[layout.SHEET]["B4"].value == "关停高炉"


def test_builds_are_byte_identical_and_carry_no_clock(model: Model, rows: list[Row], units: list[UnitRows]) -> None:
    """Two builds give the same bytes; every zip entry and the document properties are dated as_of."""
    first = _whole(model, rows, units)
    assert first == _whole(model, rows, units)
    assert unit_xlsx(units[0], AS_OF, _palette(model)) == unit_xlsx(units[0], AS_OF, _palette(model))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 6, 1, 0, 0, 0)}
    properties = load_workbook(io.BytesIO(first)).properties
    assert properties.created == properties.modified == datetime(2023, 6, 1)
    assert ledger_xlsx(rows, units, date(2023, 6, 2), _palette(model)) != first


def test_empty_ledger_is_still_a_valid_file(model: Model) -> None:
    """A ledger of no rows is still a workbook with the header row."""
    sheet = load_workbook(io.BytesIO(ledger_xlsx([], [], AS_OF, _palette(model))))[layout.SHEET]
    assert [cell.value for cell in sheet[layout.HEADER_ROW]] == list(LEDGER_COLUMNS)
    assert sheet.max_row == layout.HEADER_ROW
