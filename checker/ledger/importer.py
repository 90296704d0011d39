"""A filled-in ledger sheet → the text of a progress report, and which cell each YAML line came from.

Pure: the sheet's values, the unit and the report date in; YAML text, a map from JSON paths to
cells, and the findings only a spreadsheet can have (PC606, PC607, PC609, PC611–PC613) out.
Everything else (required fields, dates, numbers, unknown tasks, permissions) is left to the
same validation as any report, whose findings the command moves back onto the cells.

A row is read when any fill-in cell holds something; a row with a spreadsheet finding is left
out of the YAML so one mistake gives one message. Text is written double-quoted, so a note such
as “no” or “1:30” stays text. The completion-or-forecast date becomes `completed_on` for a task
reported done and `forecast` otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from checker import yamledit
from checker.codes import finding
from checker.evaluate.vocabulary import ReportedStatus, reported_label
from checker.findings import Finding
from checker.ledger import layout
from checker.ledger.read import SheetValues
from checker.ledger.rows import TASK_ID
from checker.skeleton import SCHEMA_LINE

Path = tuple[str | int, ...]
Position = tuple[int, int]  # (row, column) on the sheet
_HEADER_SEARCH_ROWS = 10
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
_STATUSES = {**{reported_label(s): s.value for s in ReportedStatus}, **{s.value: s.value for s in ReportedStatus}}


@dataclass
class Draft:
    """The report's text (None when nothing could be read), where its fields came from, and findings."""

    text: str | None = None
    cells: dict[Path, Position] = field(default_factory=dict)
    columns: dict[Position, str] = field(default_factory=dict)  # cell → its column's header, for messages
    findings: list[Finding] = field(default_factory=list)


def draft_report(sheet: SheetValues, display: str, unit: str, on: date) -> Draft:
    draft = Draft()
    located = _header(sheet)
    if located is None:
        missing = "、".join((TASK_ID, *layout.FILL_COLUMNS))
        draft.findings.append(finding("PC606", f"前 {_HEADER_SEARCH_ROWS} 行中找不到含有{missing}的表头行。",
                                      display, 1, 1))
        return draft
    header_row, columns = located
    source = _source(sheet, header_row, columns, draft, display)
    updates = _updates(sheet, header_row, columns, draft, display)
    if not updates and not draft.findings:
        draft.findings.append(finding("PC611", "没有任何一行填写了本次进展。", display, header_row + 1,
                                      columns[layout.STATUS]))
    if updates:
        draft.text = _yaml(unit, on, source, updates)
    return draft


def _header(sheet: SheetValues) -> tuple[int, dict[str, int]] | None:
    """The header row and each needed column's number, from the first rows holding all of them."""
    needed = (TASK_ID, *layout.FILL_COLUMNS)
    for row in range(1, min(_HEADER_SEARCH_ROWS, len(sheet.values)) + 1):
        names = {str(value).strip(): column for column, value in enumerate(sheet.values[row - 1], start=1)
                 if value is not None}
        if all(name in names for name in needed):
            return row, names
    return None


def _source(sheet: SheetValues, header_row: int, columns: dict[str, int], draft: Draft,
            display: str) -> dict[str, Any]:
    """source.title and source.date from the row above the header (the cells the fill-in file marks)."""
    row = header_row - 1
    fields: dict[str, Any] = {}
    for key, (_, value_at) in (("title", layout.SOURCE_TITLE_AT), ("date", layout.SOURCE_DATE_AT)):
        column = columns.get(value_at)
        if row < 1 or column is None:
            fields[key] = None
            continue
        position = (row, column)
        draft.cells[("source", key)] = position
        draft.columns[position] = layout.SOURCE_TITLE_LABEL if key == "title" else layout.SOURCE_DATE_LABEL
        fields[key] = _formula_checked(sheet, position, draft, display, _date if key == "date" else _text)
    return fields


def _updates(sheet: SheetValues, header_row: int, columns: dict[str, int], draft: Draft,
             display: str) -> list[dict[str, Any]]:
    updates: list[dict[str, Any]] = []
    seen: dict[str, int] = {}
    for row in range(header_row + 1, len(sheet.values) + 1):
        filled = [name for name in layout.FILL_COLUMNS if _blank(sheet.value(row, columns[name])) is not None]
        if not filled:
            continue
        before = len(draft.findings)
        entry = _entry(sheet, row, columns, draft, display)
        task = entry.get("task")
        if isinstance(task, str) and task in seen:
            message = f"任务“{task}”已在第 {seen[task]} 行填写。"
            draft.findings.append(finding("PC613", message, display, row, columns[TASK_ID]))
        elif isinstance(task, str):
            seen[task] = row
        if len(draft.findings) == before:
            _remember(draft, len(updates), row, columns)
            updates.append(entry)
    return updates


def _entry(sheet: SheetValues, row: int, columns: dict[str, int], draft: Draft, display: str) -> dict[str, Any]:
    def read(name: str, convert: Any) -> Any:
        return _formula_checked(sheet, (row, columns[name]), draft, display, convert)

    task = read(TASK_ID, _text)
    if task is None:
        message = "这一行填写了进展，但任务ID为空。"
        draft.findings.append(finding("PC612", message, display, row, columns[TASK_ID]))
    status = read(layout.STATUS, _text)
    if status is not None and str(status) not in _STATUSES:
        labels = "、".join(reported_label(s) for s in ReportedStatus)
        message = f"“{status}”不是可选的进展状态（{labels}）。"
        draft.findings.append(finding("PC609", message, display, row, columns[layout.STATUS]))
    entry: dict[str, Any] = {"task": task, "status": _STATUSES.get(str(status)) if status is not None else None}
    done, total, when = read(layout.DONE, _number), read(layout.TOTAL, _number), read(layout.WHEN, _date)
    if done is not None or total is not None:
        entry |= {"done": done, "total": total}
    if when is not None and entry["status"] == ReportedStatus.DONE.value:
        entry["completed_on"] = when
    elif when is not None:
        entry["forecast"] = {"date": when, "text": DoubleQuotedScalarString(f"台账填报：预计 {when} 完成")}
    entry["quote"] = read(layout.QUOTE, _text)
    note = read(layout.NOTE, _text)
    if note is not None:
        entry["note"] = note
    return entry


def _remember(draft: Draft, index: int, row: int, columns: dict[str, int]) -> None:
    """Where each field of update `index` came from: its cell, and its column's name for messages."""
    for name, key in ((TASK_ID, "task"), (layout.STATUS, "status"), (layout.DONE, "done"),
                      (layout.TOTAL, "total"), (layout.WHEN, "completed_on"), (layout.WHEN, "forecast"),
                      (layout.QUOTE, "quote"), (layout.NOTE, "note")):
        position = (row, columns[name])
        draft.cells[("updates", index, key)] = position
        draft.columns[position] = name
    draft.cells[("updates", index)] = (row, columns[TASK_ID])
    for key in ("date", "text"):
        draft.cells[("updates", index, "forecast", key)] = (row, columns[layout.WHEN])


def _formula_checked(sheet: SheetValues, position: Position, draft: Draft, display: str, convert: Any) -> Any:
    if position in sheet.formulas:
        draft.findings.append(finding("PC607", "这个单元格是公式，只能填写数值或文字。", display, *position))
        return None
    return convert(sheet.value(*position))


def _blank(value: Any) -> Any:
    return None if value is None or (isinstance(value, str) and not value.strip()) else value


def _text(value: Any) -> Any:
    value = _blank(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return DoubleQuotedScalarString(str(value).strip())


def _number(value: Any) -> Any:
    """A number cell as it is; typed digits as their number; anything else as text, for the schema to refuse."""
    value = _blank(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = float(value.strip())
        return int(number) if number.is_integer() else number
    if isinstance(value, bool | datetime | date):
        return _text(value)
    return _text(value) if isinstance(value, str) else value


def _date(value: Any) -> Any:
    """A date cell as a date; text as typed (the schema checks its format); other values as text."""
    value = _blank(value)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return _text(value)


def _yaml(unit: str, on: date, source: dict[str, Any], updates: list[dict[str, Any]]) -> str:
    header = (f"{SCHEMA_LINE}\n#\n# 由 plancheck import-xlsx 根据 Excel 台账生成（{on}）。\n"
              f"reporter: {unit}\ndate: {on}\n")
    document = yamledit.load(header)
    document["source"] = yamledit.mapping(("title", source.get("title")), ("date", source.get("date")))
    sequence = yamledit.block_list(document, "updates")
    for entry in updates:
        sequence.append(yamledit.mapping(*entry.items()))
    return yamledit.dump(document)
