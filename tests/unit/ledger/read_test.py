"""Hostile workbooks give findings with a code and a position, never an exception, a hang or a formula run."""

from __future__ import annotations

import io
import zipfile

from openpyxl import Workbook, load_workbook

from checker.findings import Finding
from checker.ledger import layout
from checker.ledger.read import MAX_FILE_BYTES, MAX_ROWS, MAX_UNCOMPRESSED_BYTES, read_sheet
from tests.unit.ledger.support import unit_file

FILE = "uploads/ledger.xlsx"


def _pins(findings: list[Finding]) -> list[str]:
    return [f"{item.code} {item.line}:{item.column}" for item in findings]


def _rezipped(data: bytes, change: dict[str, bytes]) -> bytes:
    """The same workbook with some entries replaced or added."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change.pop(info.filename, source.read(info)))
        for name, content in change.items():
            target.writestr(name, content)
    return output.getvalue()


def _workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_the_offered_ledger_reads_back() -> None:
    """The site's own file passes every archive check and its sheet is read."""
    sheet, findings = read_sheet(unit_file(), FILE, layout.SHEET)
    assert findings == [] and sheet is not None
    assert sheet.value(layout.HEADER_ROW, 1) == "序号"


def test_a_file_over_the_size_limit_is_refused_unread() -> None:
    """A file over 10 MB is PC601 before any of it is unzipped."""
    sheet, findings = read_sheet(b"\0" * (MAX_FILE_BYTES + 1), FILE, layout.SHEET)
    assert sheet is None and _pins(findings) == ["PC601 1:1"]
    assert "超过上限 10 MB" in findings[0].message and findings[0].file == FILE


def test_not_a_workbook_old_xls_and_broken_zips_are_pc602() -> None:
    """Plain text, an OLE file (.xls or password-protected), a truncated zip, a zip that is not a workbook."""
    good = unit_file()
    not_workbook = io.BytesIO()
    with zipfile.ZipFile(not_workbook, "w") as archive:
        archive.writestr("hello.txt", "hi")
    for data in (b"name,status\n", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, good[: len(good) // 2],
                 not_workbook.getvalue()):
        sheet, findings = read_sheet(data, FILE, layout.SHEET)
        assert sheet is None and _pins(findings) == ["PC602 1:1"]


def test_a_zip_bomb_stops_at_the_uncompressed_cap() -> None:
    """An entry that inflates past the cap is caught while decompressing, whatever its header claims."""
    bomb = _rezipped(unit_file(), {"xl/media/padding.bin": b"\0" * (MAX_UNCOMPRESSED_BYTES + 1)})
    assert len(bomb) < MAX_FILE_BYTES
    sheet, findings = read_sheet(bomb, FILE, layout.SHEET)
    assert sheet is None and _pins(findings) == ["PC603 1:1"]


def test_too_many_entries_is_pc603() -> None:
    """A workbook of over 1000 zip entries is PC603."""
    many = _rezipped(unit_file(), {f"xl/media/{n}.bin": b"" for n in range(1001)})
    assert _pins(read_sheet(many, FILE, layout.SHEET)[1]) == ["PC603 1:1"]


def test_a_doctype_is_refused_before_any_xml_parser_sees_it() -> None:
    """Entity expansion (billion laughs) needs a DOCTYPE; none reaches openpyxl."""
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              b"<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData>"
              b"</worksheet>")
    data = _rezipped(unit_file(), {"xl/worksheets/sheet1.xml": laughs})
    sheet, findings = read_sheet(data, FILE, layout.SHEET)
    assert sheet is None and _pins(findings) == ["PC604 1:1"]
    assert "xl/worksheets/sheet1.xml" in findings[0].message


def test_a_missing_sheet_names_the_sheets_there_are() -> None:
    """Without the ledger's sheet, PC605 names the sheets the file has."""
    workbook = Workbook()
    workbook.active.title = "Sheet1"
    sheet, findings = read_sheet(_workbook_bytes(workbook), FILE, layout.SHEET)
    assert sheet is None and _pins(findings) == ["PC605 1:1"]
    assert "现有：Sheet1" in findings[0].message


def test_external_links_are_refused() -> None:
    """A workbook linking to another workbook is PC608."""
    data = _rezipped(unit_file(), {"xl/externalLinks/externalLink1.xml": b"<externalLink/>"})
    assert _pins(read_sheet(data, FILE, layout.SHEET)[1]) == ["PC608 1:1"]


def test_formulas_are_kept_as_formulas_not_cached_values() -> None:
    """A formula cell is recorded as a formula; its author-chosen cached value is never taken."""
    workbook = load_workbook(io.BytesIO(unit_file()))
    workbook[layout.SHEET]["U4"] = '=HYPERLINK("http://example.invalid","已完成")'
    sheet, findings = read_sheet(_workbook_bytes(workbook), FILE, layout.SHEET)
    assert findings == [] and sheet is not None
    assert (4, 21) in sheet.formulas


def test_rows_past_the_limit_are_a_finding_and_reading_stops() -> None:
    """A value past the row limit is found at its row; a cell at Excel's last row cannot make reading pad 1M rows."""
    workbook = Workbook()
    workbook.active.title = layout.SHEET
    workbook.active.cell(MAX_ROWS + 1, 1).value = "多余"
    sheet, findings = read_sheet(_workbook_bytes(workbook), FILE, layout.SHEET)
    assert MAX_ROWS == 20_000
    assert _pins(findings) == ["PC610 20001:1"]
    assert sheet is not None and len(sheet.values) == MAX_ROWS
    workbook.active.cell(MAX_ROWS + 1, 1).value = None
    workbook.active["XFD1048576"] = "远处"
    sheet, findings = read_sheet(_workbook_bytes(workbook), FILE, layout.SHEET)
    assert findings == [] and sheet is not None and len(sheet.values) == MAX_ROWS
