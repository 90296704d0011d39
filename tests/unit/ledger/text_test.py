"""The ledger as CSV: a BOM and CRLF for Excel, the workbook's columns, ISO dates, no formulas."""

from __future__ import annotations

import csv
import io
from datetime import date

from checker.evaluate import evaluate
from checker.evaluate.vocabulary import Light
from checker.ledger.rows import LEDGER_COLUMNS, Row, ledger_rows
from checker.ledger.text import ledger_csv
from checker.report.views import ReportContext
from checker.workspace import open_workspace
from tests.support import BASE

AS_OF = date(2023, 6, 1)
HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


def _rows() -> list[Row]:
    model = open_workspace([BASE / "policy"], AS_OF).validation.model
    return ledger_rows(evaluate(model, AS_OF), ReportContext(model))


def test_csv_has_a_bom_crlf_and_the_workbook_columns() -> None:
    """UTF-8 with BOM (Excel on Chinese Windows), CRLF line ends, 序号 from 1, ISO dates and percentages."""
    rows = _rows()
    data = ledger_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n")
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read[0] == list(LEDGER_COLUMNS)
    assert [line[0] for line in read[1:]] == [str(n) for n in range(1, len(rows) + 1)]
    row = next(line for line in read if "demo-2023/a5-01" in line)
    assert row[LEDGER_COLUMNS.index("截止日期")] == "2023-05-31"
    assert row[LEDGER_COLUMNS.index("完成进度")] == "80%"


def test_csv_neutralizes_formula_injection() -> None:
    """Text starting with = + - @ tab or CR gets a leading apostrophe; numbers and blanks are untouched."""
    cells = [None, *HOSTILE, "正常文字", 7, None]
    row = Row(tuple(cells + [None] * (len(LEDGER_COLUMNS) - len(cells))), Light.GREY, frozenset())
    read = list(csv.reader(io.StringIO(ledger_csv([row]).decode("utf-8-sig"), newline="")))[1]
    assert read[1: 1 + len(HOSTILE)] == ["'" + value for value in HOSTILE]
    assert read[1 + len(HOSTILE): 4 + len(HOSTILE)] == ["正常文字", "7", ""]


def test_empty_csv_is_the_header_alone() -> None:
    """The CSV of no rows is the header line alone."""
    assert ledger_csv([]).decode("utf-8-sig") == ",".join(LEDGER_COLUMNS) + "\r\n"
