"""The task ledger (任务台账) as officials keep it in spreadsheets: one row per task, most urgent first.

`ledger_rows` computes the rows once; `ledger_csv` and `ledger_xlsx` write the same rows, so the two
downloads never disagree. Dates are ISO text (2025-12-31), which sorts correctly as text.

Formula injection: a spreadsheet runs a cell that starts with = + - @ (and, after a tab or carriage
return, whatever follows) as a formula, so text such as “=cmd|' /C calc'!A0” in a quote could
execute on an official's machine. Every text cell starting with one of = + - @ tab CR gets a leading
apostrophe (OWASP's advice), in the CSV and in the XLSX alike; numbers are left alone.

Deterministic bytes: openpyxl stamps the workbook's created/modified properties and every zip
entry with the current time. The properties are set to midnight of the as-of date, the workbook is
written through openpyxl's ExcelWriter (its `save` would overwrite `modified` with now), and the zip
is re-packed with every entry dated the as-of date.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from checker.evaluate.progress import percent
from checker.evaluate.results import Evaluation, TaskResult
from checker.report.views import ReportContext, risk_order

Cell = str | int | None
Row = list[Cell]

LEDGER_COLUMNS = (
    "规划", "任务ID", "原文编号", "任务", "类型", "目标", "牵头单位", "配合单位", "责任单位", "时限（原文）",
    "截止日期", "状态", "灯", "说明", "逾期天数", "剩余天数", "完成进度", "最近报送日期", "最近报送来源",
    "来源位置", "文件", "行号",
)
_KIND_LABELS = {"task": "正文任务", "breakdown": "分解任务", "project": "项目"}
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_SHEET = "任务台账"
_WIDEST_COLUMN = 50
_NARROWEST_COLUMN = 6
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def ledger_rows(evaluation: Evaluation, context: ReportContext) -> list[Row]:
    """One row per task in LEDGER_COLUMNS order, most urgent first (overdue, then due soon, ...)."""
    plans = {plan.id: plan for plan in evaluation.plans}
    rows = []
    for result in sorted(evaluation.tasks, key=risk_order):
        plan = plans.get(result.task.plan)
        plan_name = (plan.short_title or plan.title) if plan is not None else result.task.plan
        rows.append(_row(result, plan_name, context))
    return rows


def _row(result: TaskResult, plan_name: str, context: ReportContext) -> Row:
    task, latest = result.task, result.latest
    return [
        plan_name, result.key, task.number, result.title, _KIND_LABELS.get(task.kind.value, task.kind.value),
        result.target, _names(result.lead, context), _names(result.cooperating, context),
        _names(result.responsible, context), result.schedule_text, _day(result.due), context.label(result),
        context.style(result.light).label, result.explanation, result.days_overdue, result.days_remaining,
        percent(result.share) if result.share is not None else None,
        _day(latest.reported_on) if latest else None, latest.report_title if latest else None,
        task.source.describe(), task.origin.file, task.origin.line,
    ]


def _names(unit_ids: Sequence[str], context: ReportContext) -> str | None:
    return "、".join(context.names(unit_ids)) or None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def neutralize(cell: Cell) -> Cell:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; other cells pass unchanged."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_TRIGGERS):
        return "'" + cell
    return cell


def ledger_csv(rows: Sequence[Row]) -> bytes:
    """RFC 4180 CSV (CRLF) in UTF-8 with a byte-order mark, which Excel needs to read UTF-8 as such."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(LEDGER_COLUMNS)
    writer.writerows([neutralize(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def ledger_xlsx(rows: Sequence[Row], as_of: date) -> bytes:
    """The ledger as an Excel workbook: bold frozen header with filters, and a sheet saying as of when."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _SHEET
    sheet.append(list(LEDGER_COLUMNS))
    for row in rows:
        sheet.append([_xlsx_cell(cell) for cell in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for index, width in enumerate(_column_widths(rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _add_notes(workbook, as_of, len(rows))
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    workbook.properties.creator = "plancheck"
    workbook.properties.title = f"规划任务台账（截至{as_of.isoformat()}）"
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _repack(buffer.getvalue(), stamp)


def _xlsx_cell(cell: Cell) -> Cell:
    """Neutralized like the CSV; control characters XML cannot carry are dropped instead of failing the build."""
    cell = neutralize(cell)
    return ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell


def _add_notes(workbook: Workbook, as_of: date, count: int) -> None:
    notes = workbook.create_sheet("说明")
    for line in (
        ("规划任务台账",),
        ("数据截至", as_of.isoformat()),
        ("任务数", count),
        ("排序", "按紧急程度：逾期未完成、临期、滞后于序时进度在前，同一状态中逾期天数多的在前。"),
        ("说明", "以 = + - @ 开头的文字前加了英文单引号（'），以免被表格软件当作公式执行。"),
        ("来源", "由 plancheck 根据 policy/ 中的规划与进展数据生成，请勿手工修改后当作原始数据报送。"),
    ):
        notes.append(list(line))
    notes["A1"].font = Font(bold=True)
    notes.column_dimensions["A"].width = 12
    notes.column_dimensions["B"].width = 80


def _column_widths(rows: Sequence[Row]) -> list[int]:
    """Each column as wide as its widest cell (a Chinese character counts two), within bounds."""
    widths = [_display_width(header) for header in LEDGER_COLUMNS]
    for row in rows:
        for index, cell in enumerate(row):
            widths[index] = max(widths[index], _display_width(str(cell) if cell is not None else ""))
    return [min(max(width + 2, _NARROWEST_COLUMN), _WIDEST_COLUMN) for width in widths]


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def _repack(data: bytes, stamp: datetime) -> bytes:
    """The same zip with every entry dated `stamp`, in the same order, so equal input gives equal bytes."""
    date_time = max((stamp.year, stamp.month, stamp.day, 0, 0, 0), _ZIP_EPOCH)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info))
    return output.getvalue()
