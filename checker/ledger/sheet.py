"""One ledger sheet as an office prints it: title, 序号, status fills, wrapped text, real dates, print setup.

Status cells are filled with the light's colour from policy/settings.yaml, with black or white text
chosen for contrast, and keep their words (红灯, 逾期未完成) so a black-and-white print still reads.
A fill-in sheet (a unit's own file) adds FILL_COLUMNS: pale yellow and unlocked, with a drop-down
list of the reportable statuses and checks on numbers and dates; every other cell is locked by
sheet protection without a password (it guards against slips, not against the unit).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from copy import copy
from datetime import date
from functools import partial

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.cell.cell import Cell as Cell_
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

from checker.evaluate.vocabulary import Light, ReportedStatus, reported_label
from checker.ledger import layout
from checker.ledger.rows import DATE_COLUMNS, PERCENT_COLUMNS, STATUS_COLUMNS, Cell, Row
from checker.ledger.sheet_data import SheetData, row_xml
from checker.ledger.text import neutralize
from checker.model.records import LightStyle

_THIN = Side(style="thin", color="A6A6A6")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_INPUT_HEADER_FILL = PatternFill("solid", fgColor="FFE699")
_INPUT_FILL = PatternFill("solid", fgColor="FFF9E0")
_UNLOCKED = Protection(locked=False)
_BOLD = Font(bold=True)
_WIDEST, _NARROWEST, _INPUT_WIDTH = 40, 6, 24
_INPUT_WIDTHS = {layout.QUOTE: 40, layout.NOTE: 30, layout.DONE: 10, layout.TOTAL: 10}


StyleCache = dict[tuple[str, Light | None], StyleArray]


def write_sheet(sheet: Worksheet, title: str, note: str, rows: Sequence[Row], palette: dict[str, LightStyle], *,
                fill_in: bool, styled: StyleCache, data: SheetData) -> None:
    """Title row, note row, header row, then one row per task numbered from 1.

    The title, note and header rows are openpyxl cells; the task rows go into `data` as XML
    (checker.ledger.sheet_data), spliced in when the workbook is saved.
    styled: the finished style of each kind of cell, shared by the sheets of one workbook (a style
    belongs to its workbook). Setting a style attribute hashes the style objects, about 40 µs per
    cell; copying a finished style takes almost nothing.
    The title is not merged across the columns: it overflows into the empty cells beside it, and
    merging cost 3 ms a sheet.
    """
    header = layout.columns(fill_in)
    last = get_column_letter(len(header))
    sheet.append([title])
    sheet.append([None if fill_in else note])
    sheet.append(list(header))
    sheet.cell(layout.TITLE_ROW, 1).font = Font(bold=True, size=14)
    sheet.row_dimensions[layout.TITLE_ROW].height = 24
    for cell in sheet[layout.HEADER_ROW]:
        kind = "header:fill-in" if cell.value in layout.FILL_COLUMNS else "header"
        _styled_once(cell, (kind, None), styled, _style_header)
    cells = _task_cells(sheet, header, rows, palette, styled, fill_in=fill_in)
    if fill_in:
        _source_fields(sheet, header)
    _number_styles_in_writing_order(sheet, len(header))
    data.add(sheet.title, _task_rows(sheet, cells, styled), layout.FIRST_ROW, len(header))
    sheet.freeze_panes = f"E{layout.FIRST_ROW}" if fill_in else f"A{layout.FIRST_ROW}"
    sheet.auto_filter.ref = f"A{layout.HEADER_ROW}:{last}{layout.HEADER_ROW + len(rows)}"
    for index, width in enumerate(_widths(header, rows), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    _print_setup(sheet, title)
    if fill_in:
        _checks_and_protection(sheet, header, len(rows))


def _number_styles_in_writing_order(sheet: Worksheet, columns: int) -> None:
    """Give the styles of the rows above the tasks their workbook index first, as openpyxl would.

    openpyxl numbers a style when it writes the first cell that has it, row by row; the task rows'
    styles are numbered while their XML is made, so the heading rows must be numbered before them
    for the workbook to come out exactly as openpyxl alone would write it.
    """
    for row in sheet.iter_rows(min_row=1, max_row=layout.HEADER_ROW, max_col=columns):
        for cell in row:
            if cell.has_style:
                _ = cell.style_id


_Kind = tuple[str, Light | None]  # a kind of cell: its column, and its light if it shows the status


def _task_cells(sheet: Worksheet, header: tuple[str, ...], rows: Sequence[Row], palette: dict[str, LightStyle],
                styled: StyleCache, *, fill_in: bool) -> list[tuple[list[Cell], list[_Kind | None]]]:
    """Each task row's values and the kind of each cell, every kind styled once into `styled`.

    An empty cell outside the fill-in columns has no kind: it is not written at all (a third of
    the cells). Kinds are styled in the order openpyxl met them when it styled every cell, so its
    fonts and fills are numbered as before.
    """
    styles = _status_styles(palette)
    split = header.index(layout.FILL_COLUMNS[0]) if fill_in else len(header)
    blanks = [None] * len(layout.FILL_COLUMNS) if fill_in else []
    scratch = Cell_(sheet)  # styles each kind of cell once; never part of the sheet
    result = []
    for index, row in enumerate(rows):
        cells = [_cell(value) for value in row.numbered(index + 1)]
        values = [*cells[:split], *blanks, *cells[split:]]
        kinds: list[_Kind | None] = []
        for name, value in zip(header, values, strict=True):
            if value is None and name not in layout.FILL_COLUMNS:
                kinds.append(None)
                continue
            kind = (name, row.light if name in STATUS_COLUMNS else None)
            if kind not in styled:
                scratch._style = StyleArray()
                _styled_once(scratch, kind, styled, partial(_style_cell, name=name, status=styles[row.light]))
            kinds.append(kind)
        result.append((values, kinds))
    return result


def _task_rows(sheet: Worksheet, cells: list[tuple[list[Cell], list[_Kind | None]]], styled: StyleCache) -> list[str]:
    """The XML of every task row, each kind of cell numbered in the workbook's styles when first met."""
    numbers: dict[_Kind, int] = {}
    scratch = Cell_(sheet)

    def number(kind: _Kind) -> int:
        if kind not in numbers:
            scratch._style = copy(styled[kind])
            numbers[kind] = scratch.style_id
        return numbers[kind]

    return [row_xml(layout.FIRST_ROW + index, values, [None if kind is None else number(kind) for kind in kinds])
            for index, (values, kinds) in enumerate(cells)]


def _cell(value: Cell) -> Cell:
    """Neutralized like the CSV; control characters XML cannot carry are dropped instead of failing the build."""
    value = neutralize(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _status_styles(palette: dict[str, LightStyle]) -> dict[Light, tuple[PatternFill, Font]]:
    styles = {}
    for light in Light:
        color = palette[light.value].color.lstrip("#").upper()
        styles[light] = (PatternFill("solid", fgColor=color), Font(color=_text_color(color)))
    return styles


def _text_color(background: str) -> str:
    """Black or white, whichever contrasts more with the fill (WCAG relative luminance)."""
    channels = [int(background[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "000000" if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else "FFFFFF"


def _styled_once(cell: Cell_, key: tuple[str, Light | None], styled: StyleCache,
                 style: Callable[[Cell_], None]) -> None:
    """Copy the finished style of this kind of cell, or style it and remember the result."""
    if key in styled:
        cell._style = copy(styled[key])  # openpyxl's own idiom for copying a style
        return
    style(cell)
    styled[key] = copy(cell._style)


def _style_header(cell: Cell_) -> None:
    cell.font, cell.border = _BOLD, _BORDER
    cell.fill = _INPUT_HEADER_FILL if cell.value in layout.FILL_COLUMNS else _HEADER_FILL
    cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")


def _style_cell(cell: Cell_, name: str, status: tuple[PatternFill, Font]) -> None:
    """Wrapped text; dates and shares formatted; status colours; fill-in cells yellow and unlocked.

    No borders: the grid is printed (print_options.gridLines), so empty cells need no style and
    openpyxl does not write them.
    """
    cell.alignment = _WRAP
    if name in DATE_COLUMNS or name == layout.WHEN:
        cell.number_format = "yyyy-mm-dd"
    elif name in PERCENT_COLUMNS:
        cell.number_format = "0%"
    if name in STATUS_COLUMNS:
        cell.fill, cell.font = status
    elif name in layout.FILL_COLUMNS:
        cell.fill, cell.protection = _INPUT_FILL, _UNLOCKED


def _widths(header: tuple[str, ...], rows: Sequence[Row]) -> list[float]:
    """Each column as wide as its widest cell (a Chinese character counts two), within bounds; text wraps beyond."""
    widths = [float(_display_width(name)) for name in header]
    fill_start = header.index(layout.FILL_COLUMNS[0]) if layout.FILL_COLUMNS[0] in header else len(header)
    for row in rows:
        for index, value in enumerate(row.cells):
            # Only the first _WIDEST characters can matter: no column is wider than that.
            shown = 10 if isinstance(value, date) else _display_width(str(value)[:_WIDEST] if value is not None else "")
            at = index if index < fill_start else index + len(layout.FILL_COLUMNS)
            widths[at] = max(widths[at], shown)
    bounded = [min(max(width + 2, _NARROWEST), _WIDEST) for width in widths]
    return [_INPUT_WIDTHS.get(name, _INPUT_WIDTH) if name in layout.FILL_COLUMNS else width
            for name, width in zip(header, bounded, strict=True)]


def _display_width(text: str) -> int:
    """Columns a text takes, a Chinese character counting two.

    Estimated from its UTF-8 length, which C computes: a CJK character (U+0800 and above, three
    bytes) counts two, ASCII one, a two-byte letter one. Measuring each character's East Asian
    width was a tenth of the workbook build.
    """
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def _print_setup(sheet: Worksheet, title: str) -> None:
    """A4 landscape, every column on one page width, the header row repeated, page numbers in the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{layout.HEADER_ROW}:{layout.HEADER_ROW}"
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.print_options.gridLines = True
    sheet.oddHeader.center.text = title.replace("&", "&&")
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def _source_fields(sheet: Worksheet, header: tuple[str, ...]) -> None:
    """The source title and date fields on the note row of a fill-in file: labelled, yellow, unlocked."""
    row = layout.NOTE_ROW
    for label, (label_at, value_at) in ((layout.SOURCE_TITLE_LABEL, layout.SOURCE_TITLE_AT),
                                       (layout.SOURCE_DATE_LABEL, layout.SOURCE_DATE_AT)):
        label_cell = sheet.cell(row, layout.column_number(header, label_at), f"{label}（必填）：")
        label_cell.font, label_cell.alignment = _BOLD, Alignment(horizontal="right", vertical="center")
        value_cell = sheet.cell(row, layout.column_number(header, value_at))
        value_cell.fill, value_cell.protection, value_cell.border = _INPUT_FILL, _UNLOCKED, _BORDER
    date_value = sheet.cell(row, layout.column_number(header, layout.SOURCE_DATE_AT[1]))
    date_value.number_format = "yyyy-mm-dd"


def _checks_and_protection(sheet: Worksheet, header: tuple[str, ...], count: int) -> None:
    """Drop-down and value checks on the fill-in columns, protection elsewhere."""
    last_row = layout.FIRST_ROW + max(count, 1) - 1
    labels = ",".join(reported_label(status) for status in ReportedStatus)
    checks = (
        (layout.STATUS, DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True),
         f"请从下拉列表中选择：{labels.replace(',', '、')}。"),
        (layout.DONE, DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True),
         "请填写不小于 0 的数字。"),
        (layout.TOTAL, DataValidation(type="decimal", operator="greaterThan", formula1="0", allow_blank=True),
         "请填写大于 0 的数字。"),
        (layout.WHEN, DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True),
         "请填写日期，如 2025-11-30。"),
    )
    for name, validation, message in checks:
        letter = get_column_letter(layout.column_number(header, name))
        validation.error, validation.errorTitle, validation.showErrorMessage = message, "填写有误", True
        validation.add(f"{letter}{layout.FIRST_ROW}:{letter}{last_row}")
        sheet.add_data_validation(validation)
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.autoFilter = protection.sort = False
