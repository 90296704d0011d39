"""The ledger as CSV, and the guard both formats share against formula injection.

Formula injection: a spreadsheet runs a cell that starts with = + - @ (and, after a tab or carriage
return, whatever follows) as a formula, so text such as “=cmd|' /C calc'!A0” in a quote could
execute on an official's machine. Every text cell starting with one of = + - @ tab CR gets a leading
apostrophe (OWASP's advice), in the CSV and in the XLSX alike; numbers are left alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from checker.evaluate.progress import percent
from checker.ledger.rows import LEDGER_COLUMNS, PERCENT_COLUMNS, Cell, Row

_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PERCENT_INDEXES = frozenset(LEDGER_COLUMNS.index(name) for name in PERCENT_COLUMNS)


def neutralize(cell: Cell) -> Cell:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; other cells pass unchanged."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_TRIGGERS):
        return "'" + cell
    return cell


def ledger_csv(rows: Sequence[Row]) -> bytes:
    """RFC 4180 CSV (CRLF) in UTF-8 with a byte-order mark, which Excel needs to read UTF-8 as such.

    The same columns and order as the workbook's sheet; dates as ISO text, shares as percentages.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEDGER_COLUMNS)
    for number, row in enumerate(rows, start=1):
        writer.writerow([_text(index, cell) for index, cell in enumerate(row.numbered(number))])
    return buffer.getvalue().encode("utf-8-sig")


def _text(index: int, cell: Cell) -> Cell:
    if isinstance(cell, date):
        return cell.isoformat()
    if index in _PERCENT_INDEXES and isinstance(cell, float | int):
        return percent(cell)
    return neutralize(cell)
