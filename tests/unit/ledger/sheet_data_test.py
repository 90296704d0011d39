"""Task rows written as XML are byte for byte what openpyxl writes for the same cells and styles."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.writer.excel import ExcelWriter

from checker.ledger.rows import Cell
from checker.ledger.sheet_data import SheetData, row_xml

ROW = 4
VALUES: list[Cell] = [
    1, "邯郸市生态环境局", "  leading and trailing  ", "a & b < c > d", "", None, date(2025, 11, 30), 0.375,
    12345678901234567, "#N/A", "第一行\n第二行", "x" * 40000, None,
]
STYLED = [True, True, False, True, True, True, True, True, False, False, True, False, False]


def _openpyxl_alone(title: str | None = None) -> tuple[str, list[int | None]]:
    """The sheet XML openpyxl writes for VALUES on row 4 (below a title), and the style index of each cell."""
    workbook = Workbook()
    sheet = workbook.active
    if title is not None:
        sheet.cell(1, 1, title)
    for column, (value, styled) in enumerate(zip(VALUES, STYLED, strict=True), start=1):
        cell = sheet.cell(ROW, column, value)
        if styled:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = Font(bold=column % 2 == 0)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if column == 5:
                cell.fill = PatternFill("solid", fgColor="FFF9E0")
    ids = [sheet.cell(ROW, column).style_id if styled else None for column, styled in enumerate(STYLED, start=1)]
    return _sheet_xml(workbook), ids


def _sheet_xml(workbook: Workbook) -> str:
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED)).save()
    with zipfile.ZipFile(buffer) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_a_row_is_what_openpyxl_writes() -> None:
    """Text (escaped, spaces kept, error codes, the 32,767-character cap), numbers, dates, blanks and styles."""
    expected, ids = _openpyxl_alone()
    row = re.search(r'<row r="4">.*?</row>', expected, re.S)
    assert row is not None
    assert row_xml(ROW, VALUES, ids) == row.group()


def test_spliced_sheet_is_what_openpyxl_writes() -> None:
    """Rows spliced into a sheet written without them give openpyxl's sheet, dimension included."""
    expected, ids = _openpyxl_alone(title="标题")
    without = Workbook()
    without.active.cell(1, 1, "标题")
    data = SheetData()
    data.add(without.active.title, [row_xml(ROW, VALUES, ids)], ROW, len(VALUES))
    assert data.splice(_sheet_xml(without), without.active.title) == expected


def test_no_rows_leave_the_sheet_as_written() -> None:
    """A sheet without task rows is not touched."""
    workbook = Workbook()
    xml = _sheet_xml(workbook)
    data = SheetData()
    data.add(workbook.active.title, [], ROW, 3)
    assert data.splice(xml, workbook.active.title) == xml
