"""Reporters for validator findings: text for people, JSON for tools, annotations for GitHub."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from checker.codes import CODES, visible
from checker.findings import Finding, Severity, count_errors
from checker.report.json_layout import write_record_per_line

FindingsReporter = Callable[[Sequence[Finding], int, TextIO], None]


def _summary(findings: Sequence[Finding], file_count: int) -> str:
    errors, warnings = count_errors(findings)
    if not findings:
        return f"全部通过：检查了 {file_count} 个文件，未发现问题。"
    verdict = "未通过" if errors else "通过"
    return f"{verdict}：检查了 {file_count} 个文件，发现 {errors} 个错误、{warnings} 个警告。"


def finding_line(item: Finding, position: str | None = None) -> str:
    """path:line:column: CODE 错误 message, on one line whatever the file name and message hold.

    position: what follows the path instead of `:line:column` (import-xlsx names a cell, ` 任务台账!H12`).
    A file name is chosen by whoever made the pull request: a newline in it followed by
    `::error ...` would otherwise start a workflow command of its own in a CI log.
    """
    where = f":{item.line}:{item.column}" if position is None else position
    return f"{visible(item.file)}{where}: {item.code} {item.severity.label} {visible(item.message)}"


def finding_text(item: Finding, position: str | None = None) -> str:
    """The finding's line and, on the next, its fix (修改建议) when it has one; ends with a newline."""
    fix = f"    修改建议：{visible(item.hint)}\n" if item.hint else ""
    return f"{finding_line(item, position)}\n{fix}"


def report_text(findings: Sequence[Finding], file_count: int, stream: TextIO) -> None:
    for item in findings:
        stream.write(finding_text(item))
    stream.write(_summary(findings, file_count) + "\n")


def _record(item: Finding) -> dict[str, object]:
    record: dict[str, object] = {
        "code": item.code, "severity": item.severity.value, "message": item.message,
        "file": item.file, "line": item.line, "column": item.column, "hint": item.hint,
    }
    if item.omitted:  # a summary line: how many findings of its code in its file it stands for
        record["omitted"] = item.omitted
    return record


def report_json(findings: Sequence[Finding], file_count: int, stream: TextIO) -> None:
    errors, warnings = count_errors(findings)
    document = {
        "files": file_count,
        "errors": errors,
        "warnings": warnings,
        "findings": [_record(item) for item in findings],
    }
    write_record_per_line(document, stream)


def escape_data(text: str) -> str:
    """GitHub workflow-command escaping of a message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """GitHub workflow-command escaping of a property value (file, title)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, *, file: str, line: int, column: int, title: str, message: str) -> str:
    return (
        f"::{level} file={escape_property(file)},line={line},col={column},"
        f"title={escape_property(title)}::{escape_data(message)}"
    )


def finding_annotation(item: Finding) -> str:
    """One finding as a workflow command: an error or warning shown at its line in the pull request."""
    level = "error" if item.severity is Severity.ERROR else "warning"
    title = f"{item.code} {CODES[item.code].title}" if item.code in CODES else item.code
    message = f"{item.message}\n修改建议：{item.hint}" if item.hint else item.message
    return annotation(level, file=item.file, line=item.line, column=item.column, title=title, message=message)


def report_github(findings: Sequence[Finding], file_count: int, stream: TextIO) -> None:
    for item in findings:
        stream.write(finding_annotation(item) + "\n")
    stream.write(_summary(findings, file_count) + "\n")


FINDINGS_REPORTERS: dict[str, FindingsReporter] = {
    "text": report_text,
    "json": report_json,
    "github": report_github,
}
