"""The task ledger: urgent rows first, CSV that Excel reads, XLSX with a frozen header, no formulas, same bytes."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.report.views import ReportContext, risk_order
from checker.site.ledger import LEDGER_COLUMNS, Row, ledger_csv, ledger_rows, ledger_xlsx
from checker.workspace import open_workspace
from tests.support import BASE

AS_OF = date(2023, 6, 1)
HOSTILE = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1", "\r=1"]


@pytest.fixture(scope="module")
def evaluation_and_context() -> tuple[Evaluation, ReportContext]:
    model = open_workspace([BASE / "policy"], AS_OF).validation.model
    return evaluate(model, AS_OF), ReportContext(model)


@pytest.fixture(scope="module")
def rows(evaluation_and_context: tuple[Evaluation, ReportContext]) -> list[Row]:
    return ledger_rows(*evaluation_and_context)


def _hostile_row() -> Row:
    """A row whose text cells start with every formula trigger, plus a harmless text, a number and a blank."""
    cells: Row = [*HOSTILE, "—", "正常文字", 7, None]
    return cells + [None] * (len(LEDGER_COLUMNS) - len(cells))


def _column(name: str) -> int:
    return LEDGER_COLUMNS.index(name)


def test_one_row_per_task_most_urgent_first(
    rows: list[Row], evaluation_and_context: tuple[Evaluation, ReportContext]
) -> None:
    """Rows follow risk_order (overdue first); every row has every column."""
    evaluation, _ = evaluation_and_context
    expected = [result.key for result in sorted(evaluation.tasks, key=risk_order)]
    assert [row[_column("任务ID")] for row in rows] == expected
    assert all(len(row) == len(LEDGER_COLUMNS) for row in rows)
    first = rows[0]
    assert first[_column("状态")] == "逾期未完成" and first[_column("灯")] == "红灯"
    assert isinstance(first[_column("逾期天数")], int) and first[_column("逾期天数")] > 0


def test_row_holds_names_dates_and_where_the_task_is_written(rows: list[Row]) -> None:
    """Unit IDs become names; dates are ISO text; the source file and line point at the task."""
    row = next(r for r in rows if r[_column("任务ID")] == "demo-2023/a5-01")
    assert row[_column("规划")] == "示例市2023年大气污染综合治理工作方案"
    assert row[_column("类型")] == "分解任务"
    assert row[_column("截止日期")] == "2023-05-31" and row[_column("时限（原文）")] == "2023年5月底"
    assert row[_column("最近报送日期")] == "2023-05-10" and row[_column("完成进度")] == "80%"
    assert isinstance(row[_column("行号")], int)
    assert str(row[_column("文件")]).endswith("plans/demo-2023.yaml")
    assert "、" not in str(row[_column("牵头单位")]) and row[_column("牵头单位")] != "city-ecology"


def test_csv_has_a_bom_crlf_and_round_trips(rows: list[Row]) -> None:
    """UTF-8 with BOM (Excel on Chinese Windows), CRLF line ends, and the same cells back through csv.reader."""
    data = ledger_csv(rows)
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and text.count("\r\n") >= len(rows) + 1
    read = list(csv.reader(io.StringIO(text, newline="")))
    assert read[0] == list(LEDGER_COLUMNS)
    assert read[1:] == [["" if cell is None else str(cell) for cell in row] for row in rows]


def test_csv_neutralizes_formula_injection() -> None:
    """Text starting with = + - @ tab or CR gets a leading apostrophe; other cells are untouched."""
    read = list(csv.reader(io.StringIO(ledger_csv([_hostile_row()]).decode("utf-8-sig"), newline="")))
    cells = read[1]
    assert cells[: len(HOSTILE)] == ["'" + value for value in HOSTILE]
    assert cells[len(HOSTILE): len(HOSTILE) + 4] == ["—", "正常文字", "7", ""]


def test_xlsx_has_the_same_rows_a_bold_frozen_header_and_a_filter(rows: list[Row]) -> None:
    workbook = load_workbook(io.BytesIO(ledger_xlsx(rows, AS_OF)))
    assert workbook.sheetnames == ["任务台账", "说明"]
    sheet = workbook["任务台账"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == list(LEDGER_COLUMNS)
    assert values[1:] == rows
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.auto_filter.ref == f"A1:V{len(rows) + 1}"
    assert all((sheet.column_dimensions[letter].width or 0) >= 6 for letter in "ABCDEFGHIJKLMNOPQRSTUV")
    notes = [list(row) for row in workbook["说明"].iter_rows(values_only=True)]
    assert ["数据截至", "2023-06-01"] in notes


def test_xlsx_never_holds_a_formula() -> None:
    """openpyxl writes any string starting with = as a formula; the guard keeps every cell plain text."""
    sheet = load_workbook(io.BytesIO(ledger_xlsx([_hostile_row()], AS_OF)))["任务台账"]
    cells = next(sheet.iter_rows(min_row=2, max_row=2))
    # XML reads a carriage return back as a line feed; the apostrophe still comes first.
    assert [cell.value for cell in cells[: len(HOSTILE)]] == ["'" + value.replace("\r", "\n") for value in HOSTILE]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_xlsx_drops_characters_xml_cannot_carry() -> None:
    row = _hostile_row()
    row[0] = "关停\x0b高炉"
    sheet = load_workbook(io.BytesIO(ledger_xlsx([row], AS_OF)))["任务台账"]
    assert sheet["A2"].value == "关停高炉"


def test_builds_are_byte_identical_and_carry_no_clock(rows: list[Row]) -> None:
    """Two builds give the same bytes; every zip entry and the document properties are dated as_of."""
    first = ledger_xlsx(rows, AS_OF)
    assert first == ledger_xlsx(rows, AS_OF)
    assert ledger_csv(rows) == ledger_csv(rows)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2023, 6, 1, 0, 0, 0)}
    properties = load_workbook(io.BytesIO(first)).properties
    assert properties.created == properties.modified == datetime(2023, 6, 1)
    assert ledger_xlsx(rows, date(2023, 6, 2)) != first


def test_empty_ledger_is_still_a_valid_file() -> None:
    assert ledger_csv([]).decode("utf-8-sig") == ",".join(LEDGER_COLUMNS) + "\r\n"
    sheet = load_workbook(io.BytesIO(ledger_xlsx([], AS_OF)))["任务台账"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [list(LEDGER_COLUMNS)]
