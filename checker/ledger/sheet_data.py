"""The task rows of a ledger sheet as SpreadsheetML text, written without openpyxl's cell objects.

openpyxl builds a Cell object per cell and serialises each through ElementTree: 25 µs a cell,
three quarters of a site build's ledger time (about 170,000 cells at 1,000 tasks, written into the
whole workbook and again into every unit's file). The task rows are plain values in a few styles,
so they are formatted here as the same XML openpyxl writes for them (inline strings, numbers, dates
as serial numbers, `s` the cell's style index in the workbook) and spliced into the sheet after
openpyxl has written the rest: title, header, widths, print setup, validation and protection.
tests/unit/ledger/sheet_data_test.py holds the output to openpyxl's own, byte for byte.

Every value is XML-escaped; control characters XML cannot carry were removed by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from math import isinf, isnan

from openpyxl.cell.cell import ERROR_CODES
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from checker.ledger.rows import Cell

_MAX_TEXT = 32767  # Excel's longest cell text; openpyxl truncates to it too
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_DIMENSION = re.compile(r'<dimension ref="[^"]*" */>')


@dataclass
class SheetData:
    """The row XML of the sheets of one workbook, by sheet title, and each sheet's last cell."""

    rows: dict[str, str] = field(default_factory=dict)
    corners: dict[str, str] = field(default_factory=dict)

    def add(self, title: str, rows: Sequence[str], first_row: int, columns: int) -> None:
        self.rows[title] = "".join(rows)
        if rows:
            self.corners[title] = f"{get_column_letter(columns)}{first_row + len(rows) - 1}"

    def splice(self, xml: str, title: str) -> str:
        """The sheet's XML with its task rows appended to <sheetData> and its dimension widened to them."""
        rows = self.rows.get(title)
        if not rows:
            return xml
        if "<sheetData />" in xml:
            xml = xml.replace("<sheetData />", f"<sheetData>{rows}</sheetData>", 1)
        else:
            xml = xml.replace("</sheetData>", f"{rows}</sheetData>", 1)
        corner = self.corners[title]
        return _DIMENSION.sub(f'<dimension ref="A1:{corner}" />', xml, count=1)


def row_xml(number: int, values: Sequence[Cell], styles: Sequence[int | None]) -> str:
    """One <row>: each cell with a style index is written, the others only when they hold a value."""
    cells = []
    for column, (value, style) in enumerate(zip(values, styles, strict=True), start=1):
        if value is None and style is None:
            continue
        cells.append(_cell_xml(f"{get_column_letter(column)}{number}", value, style))
    return f'<row r="{number}">{"".join(cells)}</row>'


def _cell_xml(reference: str, value: Cell, style: int | None) -> str:
    attributes = f'r="{reference}"' if style is None else f'r="{reference}" s="{style}"'
    if isinstance(value, str):
        return _text_xml(attributes, value[:_MAX_TEXT])
    if value is None:
        return f'<c {attributes} t="n" />'
    if isinstance(value, date):
        moment = value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())
        return f'<c {attributes} t="n"><v>{_number(to_excel(moment))}</v></c>'
    if isinstance(value, bool):
        return f'<c {attributes} t="b"><v>{_number(value)}</v></c>'
    return f'<c {attributes} t="n"><v>{_number(value)}</v></c>'


def _text_xml(attributes: str, text: str) -> str:
    if text in ERROR_CODES:
        return f'<c {attributes} t="e"><v>{text.translate(_ESCAPES)}</v></c>'
    if text == "":
        return f'<c {attributes} t="inlineStr" />'
    stripped = text.strip()
    space = ' xml:space="preserve"' if stripped and stripped != text else ""
    return f'<c {attributes} t="inlineStr"><is><t{space}>{text.translate(_ESCAPES)}</t></is></c>'


def _number(value: float) -> str:
    """openpyxl's number text: 16 significant digits, NaN and infinity as nothing."""
    if isnan(value) or isinf(value):
        return ""
    return f"{value:.16g}"
