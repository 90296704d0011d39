"""Open a filled-in ledger as untrusted input: bounded in size and time, never executed.

An XLSX is a zip of XML. Before openpyxl sees it, the archive is checked here: the file's size,
the number of entries and, by actually decompressing every entry (the sizes a zip header
declares can lie), the total uncompressed size; a zip bomb stops at the cap. Every XML entry is
scanned for a DOCTYPE, which no spreadsheet program writes and which entity-expansion attacks
need. An encrypted or old-format (.xls) file, a workbook linking to other files, and a missing
sheet are findings too. openpyxl then reads the sheet in read-only mode with formulas kept as
formulas (data_only=False): a formula's cached value is whatever the file's author wrote there,
so formulas are reported, never evaluated or trusted, and external links are not kept. Rows
are read up to a limit, so a sheet claiming a million rows cannot make openpyxl pad them all.

Findings here carry the workbook as their file and the sheet cell as line (row) and column.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

from checker.codes import finding
from checker.findings import Finding

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024
MAX_ENTRIES = 1000
MAX_ROWS = 20_000
MAX_COLUMNS = 60
_CHUNK = 1 << 16
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and .xlsx files encrypted with a password


@dataclass
class SheetValues:
    """The cells of one sheet: values[row - 1][column - 1], and where formulas are."""

    name: str
    values: list[tuple[Any, ...]] = field(default_factory=list)
    formulas: set[tuple[int, int]] = field(default_factory=set)

    def value(self, row: int, column: int) -> Any:
        if 1 <= row <= len(self.values) and 1 <= column <= len(self.values[row - 1]):
            return self.values[row - 1][column - 1]
        return None


def read_sheet(data: bytes, display: str, sheet: str) -> tuple[SheetValues | None, list[Finding]]:
    """The named sheet's values, or None with the findings that say why not."""
    problems = _archive_findings(data, display)
    if problems:
        return None, problems
    from openpyxl import load_workbook  # noqa: PLC0415 (loaded only for an import)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about parts it drops (extensions, styles)
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as error:
        return None, [finding("PC602", f"无法作为 Excel 工作簿读取（{type(error).__name__}）。", display, 1, 1)]
    try:
        if sheet not in workbook.sheetnames:
            names = "、".join(workbook.sheetnames)
            return None, [finding("PC605", f"工作簿中没有名为“{sheet}”的工作表（现有：{names}）。", display, 1, 1)]
        return _values(workbook[sheet], sheet, display)
    except Exception as error:
        return None, [finding("PC602", f"工作表“{sheet}”无法读取（{type(error).__name__}）。", display, 1, 1)]
    finally:
        workbook.close()


def _archive_findings(data: bytes, display: str) -> list[Finding]:
    if len(data) > MAX_FILE_BYTES:
        message = f"文件有 {len(data) // 1024 // 1024} MB，超过上限 {MAX_FILE_BYTES // 1024 // 1024} MB。"
        return [finding("PC601", message, display, 1, 1)]
    if data.startswith(_OLE_MAGIC):
        return [finding("PC602", "这是旧版 .xls 文件或设置了打开密码的文件。", display, 1, 1)]
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return [finding("PC602", "文件不是 .xlsx 格式的 Excel 工作簿。", display, 1, 1)]
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _entries_findings(archive, display)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, RuntimeError, OSError) as error:
        return [finding("PC602", f"文件已损坏，无法解压（{type(error).__name__}）。", display, 1, 1)]


def _entries_findings(archive: zipfile.ZipFile, display: str) -> list[Finding]:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        return [finding("PC603", f"压缩包中有 {len(entries)} 个部件，超过上限 {MAX_ENTRIES}。", display, 1, 1)]
    total = 0
    for entry in entries:
        if entry.flag_bits & 0x1:
            return [finding("PC602", "文件中的部件设置了密码，无法读取。", display, 1, 1)]
        if entry.filename.startswith("xl/externalLinks/"):
            return [finding("PC608", "工作簿含有指向其他文件的外部链接。", display, 1, 1)]
        tail = b""
        with archive.open(entry) as member:
            while chunk := member.read(_CHUNK):
                total += len(chunk)
                if total > MAX_UNCOMPRESSED_BYTES:
                    limit = MAX_UNCOMPRESSED_BYTES // 1024 // 1024
                    return [finding("PC603", f"解压后超过 {limit} MB（疑似压缩炸弹）。", display, 1, 1)]
                if _DOCTYPE.search(tail + chunk):
                    return [finding("PC604", f"部件“{entry.filename}”含有 DOCTYPE 或实体声明。", display, 1, 1)]
                tail = chunk[-16:]
    return []


def _values(worksheet: Any, name: str, display: str) -> tuple[SheetValues, list[Finding]]:
    sheet = SheetValues(name)
    findings = []
    for row_number, row in enumerate(
        worksheet.iter_rows(min_row=1, max_row=MAX_ROWS + 1, max_col=MAX_COLUMNS), start=1
    ):
        if row_number > MAX_ROWS:
            if any(getattr(cell, "value", None) is not None for cell in row):
                message = f"工作表超过 {MAX_ROWS} 行，其后的行未读取。"
                findings.append(finding("PC610", message, display, row_number, 1))
            break
        sheet.values.append(tuple(getattr(cell, "value", None) for cell in row))
        sheet.formulas.update(
            (row_number, column) for column, cell in enumerate(row, start=1) if getattr(cell, "data_type", "") == "f"
        )
    return sheet, findings
