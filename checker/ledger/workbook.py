"""The ledger workbooks: the whole (every task, then one sheet per unit) and each unit's fill-in file.

Both are pure functions of the rows, the palette and the as-of date, and give the same bytes for
the same input. Deterministic bytes: openpyxl stamps the workbook's created/modified properties and
every zip entry with the current time. The properties are set to midnight of the as-of date, the
workbook is written through openpyxl's ExcelWriter (its `save` would overwrite `modified` with
now), and the zip is re-packed with every entry dated the as-of date.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from checker.evaluate.vocabulary import ReportedStatus, reported_label
from checker.ledger import layout
from checker.ledger.rows import Row, UnitRows
from checker.ledger.sheet import StyleCache, write_sheet
from checker.ledger.sheet_data import SheetData
from checker.model.records import LightStyle

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_LENGTH = 31  # Excel's limit


def ledger_xlsx(rows: Sequence[Row], units: Sequence[UnitRows], as_of: date,
                palette: dict[str, LightStyle]) -> bytes:
    """Every task on the first sheet, then one sheet per unit, then notes; for reading and printing."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = layout.SHEET
    styled: StyleCache = {}
    data = SheetData()
    write_sheet(sheet, f"规划任务台账（截至{as_of.isoformat()}）", _ORDER_NOTE, rows, palette, fill_in=False,
                styled=styled, data=data)
    taken = {layout.SHEET, layout.NOTES_SHEET}
    for unit in units:
        name = _sheet_name(unit.name, taken)
        write_sheet(workbook.create_sheet(name), f"{unit.name}任务台账（截至{as_of.isoformat()}）", _ORDER_NOTE,
                    unit.rows, palette, fill_in=False, styled=styled, data=data)
    _add_notes(workbook, as_of, len(rows), [_ORDER_TEXT, _UNITS_TEXT])
    return _save(workbook, as_of, f"规划任务台账（截至{as_of.isoformat()}）", data)


def unit_xlsx(unit: UnitRows, as_of: date, palette: dict[str, LightStyle]) -> bytes:
    """One unit's tasks with the columns it fills in; `plancheck import-xlsx` reads it back."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = layout.SHEET
    title = f"{unit.name}任务台账（截至{as_of.isoformat()}）"
    data = SheetData()
    write_sheet(sheet, title, "", unit.rows, palette, fill_in=True, styled={}, data=data)
    labels = "、".join(reported_label(status) for status in ReportedStatus)
    how = (f"在黄色的列中填写有进展的任务：{layout.STATUS}从下拉列表选择（{labels}），有数量的填{layout.DONE}和"
           f"{layout.TOTAL}，已完成的填完成日期、未完成的填预计完成日期，{layout.QUOTE}逐字照录依据材料原文。"
           f"第{layout.NOTE_ROW}行填写依据材料的标题和日期。没有进展的任务留空即可。")
    submit = (f"填好后保存，由维护者运行 plancheck import-xlsx 文件.xlsx --unit {unit.unit} --date 报送日期，"
              "生成进展报送文件；其他列为只读，改动不会被读取。")
    _add_notes(workbook, as_of, len(unit.rows), [_ORDER_TEXT, _SCOPE_TEXT, ("填写", how), ("报送", submit)], unit.unit)
    return _save(workbook, as_of, title, data)


_ORDER_NOTE = "按紧急程度排序：逾期未完成、临期、滞后于序时进度在前；状态一栏的底色即红黄绿灯。"
_ORDER_TEXT = ("排序", "按紧急程度：逾期未完成、临期、滞后于序时进度在前，同一状态中逾期天数多的在前。")
_UNITS_TEXT = ("分表", "第一张表为全部任务；其后每个单位一张表，列出点名该单位牵头、配合或负责的任务。")
_SCOPE_TEXT = ("范围", "只列出点名本单位（牵头、配合或负责）的任务；仅因规划统一规定（如“各县（市、区）人民政府”）"
               "而负责的任务不在表中，需要报送时请用 YAML 文件报送（见网站“报送指南”）。")


def _sheet_name(name: str, taken: set[str]) -> str:
    """The unit's name as a sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique."""
    base = _SHEET_NAME_FORBIDDEN.sub("", name)[:_SHEET_NAME_LENGTH] or "单位"
    candidate, number = base, 2
    while candidate.casefold() in {t.casefold() for t in taken}:
        suffix = f"（{number}）"
        candidate, number = base[: _SHEET_NAME_LENGTH - len(suffix)] + suffix, number + 1
    taken.add(candidate)
    return candidate


def _add_notes(workbook: Workbook, as_of: date, count: int, lines: list[tuple[str, str]], unit: str = "") -> None:
    notes = workbook.create_sheet(layout.NOTES_SHEET)
    for line in (
        ("规划任务台账",),
        ("数据截至", as_of),
        ("任务数", count),
        *([("单位ID", unit)] if unit else []),
        *lines,
        ("说明", "以 = + - @ 开头的文字前加了英文单引号（'），以免被表格软件当作公式执行。"),
        ("来源", "由 plancheck 根据 policy/ 中的规划与进展数据生成。"),
    ):
        notes.append(list(line))
    notes["A1"].font = Font(bold=True)
    notes["B2"].number_format = "yyyy-mm-dd"
    notes.column_dimensions["A"].width = 12
    notes.column_dimensions["B"].width = 100


def _save(workbook: Workbook, as_of: date, title: str, data: SheetData) -> bytes:
    stamp = datetime(as_of.year, as_of.month, as_of.day)
    workbook.properties.creator = "plancheck"
    workbook.properties.title = title
    workbook.properties.created = workbook.properties.modified = stamp
    buffer = io.BytesIO()
    # Written uncompressed: _repack reads every entry back and compresses it once.
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED)).save()
    sheets = {f"xl/worksheets/sheet{number}.xml": sheet.title
              for number, sheet in enumerate(workbook.worksheets, start=1)}
    return _repack(buffer.getvalue(), stamp, sheets, data)


def _repack(zipped: bytes, stamp: datetime, sheets: dict[str, str], data: SheetData) -> bytes:
    """The same zip with the task rows spliced into their sheets and every entry dated `stamp`.

    Entries keep their order, so equal input gives equal bytes.
    """
    date_time = max((stamp.year, stamp.month, stamp.day, 0, 0, 0), _ZIP_EPOCH)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(zipped)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            content = source.read(info)
            if info.filename in sheets:
                content = data.splice(content.decode("utf-8"), sheets[info.filename]).encode("utf-8")
            target.writestr(entry, content)
    return output.getvalue()
