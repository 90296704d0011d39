"""plancheck import-xlsx: a unit's filled-in ledger → a progress report, checked like any other.

The workbook is untrusted (checker.ledger.read). The report it yields is validated with the
whole policy tree, as if it already sat at `progress/<unit>/<date>-report.yaml`, and every finding
is moved back onto the cell it came from (任务台账!U12), with the same code and message that
`plancheck validate` gives for the YAML. Only a report without errors is written, and never over
an existing file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TextIO

from openpyxl.utils import get_column_letter

from checker.commands.common import require_unit
from checker.errors import ExitCode, PlancheckError
from checker.findings import Finding, has_errors, sorted_findings
from checker.ledger.importer import Draft, draft_report
from checker.ledger.read import MAX_FILE_BYTES, read_sheet
from checker.load.documents import Document, Kind, display_path
from checker.load.locate import Locator
from checker.load.parsing import schema_findings
from checker.load.yaml_loader import parse_yaml
from checker.output_file import write_whole
from checker.report.findings import finding_text
from checker.validate import validate
from checker.workspace import DEFAULT_CACHE, CachePolicy, open_workspace

_WHOLE_FILE = frozenset({"PC601", "PC602", "PC603", "PC604", "PC605", "PC608"})
_COMMAND_LINE = {("reporter",): "--unit", ("date",): "--date"}


@dataclass(frozen=True)
class ImportOptions:
    file: Path
    unit: str
    report_date: date  # the date of the report made from the workbook
    output: Path | None
    sheet: str
    paths: tuple[Path, ...]
    checked_on: date  # the report and the tree are validated against it: a report dated later is an error
    cache: CachePolicy = DEFAULT_CACHE


def run(options: ImportOptions, stdout: TextIO) -> int:
    workspace = open_workspace(options.paths, options.checked_on, options.cache)
    require_unit(workspace.validation.model, options.unit)
    in_tree = workspace.root / "progress" / options.unit / f"{options.report_date.isoformat()}-report.yaml"
    target = options.output or in_tree
    if target.exists():
        raise PlancheckError(f"文件已存在：{display_path(target)}。不会覆盖；请用 --output 指定新文件，或改 --date。")
    display = display_path(options.file)
    sheet, findings = read_sheet(_read_bytes(options.file), display, options.sheet)
    text = None
    if sheet is not None:
        draft = draft_report(sheet, display, options.unit, options.report_date)
        findings += draft.findings
        text = draft.text
        if text is not None:
            replaced = {in_tree.resolve(), options.file.resolve()}
            others = [d for d in workspace.documents if d.path.resolve() not in replaced]
            data, parsed = parse_yaml(text, display)
            schema = schema_findings(Kind.PROGRESS, text, data, display)
            document = Document(in_tree, display, Kind.PROGRESS, text, data, tuple(parsed), schema)
            findings += _validated(draft, document, others, options.checked_on)
    findings = sorted_findings(findings)
    report_cells(findings, options.sheet, stdout)
    if text is None or has_errors(findings):
        stdout.write(f"未通过：{display} 有 {sum(f.is_error for f in findings)} 个错误，未生成报送文件。\n")
        return ExitCode.INVALID
    write_whole(target, text)
    shown = display_path(target)
    stdout.write(f"已写入 {shown}。请运行 plancheck validate {shown} 检查，然后提交拉取请求。\n")
    return ExitCode.OK


def _read_bytes(path: Path) -> bytes:
    """At most one byte over the limit: enough for PC601 without reading a huge file into memory."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise PlancheckError(f"无法读取“{display_path(path)}”：{error.strerror or error}。") from None


def _validated(draft: Draft, document: Document, others: list[Document], checked_on: date) -> list[Finding]:
    """The report validated with the tree; its findings moved onto the cells they came from."""
    found = [f for f in validate([*others, document], checked_on, gather_blanks=False).findings
             if f.file == document.display]
    locator = Locator(document.text)
    by_line: dict[int, tuple[int, int]] = {}
    for json_path, cell in draft.cells.items():
        by_line.setdefault(locator.position(json_path, key=isinstance(json_path[-1], str))[0], cell)
    options = {locator.position(json_path, key=True)[0]: flag for json_path, flag in _COMMAND_LINE.items()}
    moved = []
    for item in found:
        if (at := by_line.get(item.line)) is not None:
            moved.append(replace(item, line=at[0], column=at[1], message=f"{draft.columns[at]}：{item.message}"))
        else:
            where = options.get(item.line, "报送文件")
            moved.append(replace(item, line=0, column=0, message=f"{where}：{item.message}"))
    return moved


def cell_reference(sheet: str, item: Finding) -> str:
    """任务台账!H12 for a cell finding; empty for one about the whole file or the command line."""
    if item.code in _WHOLE_FILE or item.line < 1:
        return ""
    return f"{sheet}!{get_column_letter(item.column)}{item.line}"


def report_cells(findings: list[Finding], sheet: str, stream: TextIO) -> None:
    """`validate`'s text format, with the sheet's cell as the position."""
    for item in findings:
        where = cell_reference(sheet, item)
        stream.write(finding_text(item, f" {where}" if where else ""))

