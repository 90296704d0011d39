"""`plancheck diff` output: a summary sentence, then status changes, progress entries and plan edits.

The Markdown form is made for a pull-request comment or job summary; text for a terminal; github
adds one annotation per finding at its line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from checker.codes import CODES, one_line, visible
from checker.evaluate.vocabulary import ChangeKind, TaskStatus
from checker.findings import Finding
from checker.repeats import cap_repeats
from checker.report.findings import finding_annotation, finding_line, finding_text
from checker.report.markdown_report import MAX_ROWS, code_span, escape
from checker.report.views import ReportContext

if TYPE_CHECKING:  # imported where used: checker.changes loads the validator, and --format's choices read this module
    from checker.changes import ChangeSet, EntryChange, StatusChange

DiffReporter = Callable[["ChangeSet", str, bool, ReportContext, TextIO], None]

_KINDS = {"task": "任务", "milestone": "节点", "indicator": "指标"}


def summary(changes: ChangeSet) -> str:
    """本次变更：标记 3 项任务完成；首次报送 2 项任务；1 个节点达成；新增 4 条进展；无规划修改。"""
    return "本次变更：" + "；".join([*_status_parts(changes), *_edit_parts(changes)]) + "。"


def _status_parts(changes: ChangeSet) -> list[str]:
    """What the change does to statuses, first reports included."""
    parts = []
    if changes.tasks_completed:
        parts.append(f"标记 {changes.tasks_completed} 项任务完成")
    others = sum(1 for c in changes.statuses if c.kind is ChangeKind.TASK and not c.completes)
    if others:
        parts.append(f"另有 {others} 项任务状态变化" if changes.tasks_completed else f"{others} 项任务状态变化")
    if changes.first_reports:
        unchanged = "（任务、节点和指标的状态不变）" if not changes.statuses else ""
        parts.append(f"首次报送 {len(changes.first_reports)} 项任务{unchanged}")
    if changes.milestones_met:
        parts.append(f"{changes.milestones_met} 个节点达成")
    indicators = sum(1 for c in changes.statuses if c.kind is ChangeKind.INDICATOR)
    if indicators:
        parts.append(f"{indicators} 项指标状态变化")
    if not changes.statuses and not changes.first_reports:
        parts.append("不改变任何任务、节点或指标的状态")
    return parts


def _edit_parts(changes: ChangeSet) -> list[str]:
    """The entries, plan edits, rights changes and findings of the change."""
    from checker.changes import Entry  # noqa: PLC0415 (see the TYPE_CHECKING import above)

    parts = []
    for kind in Entry:
        count = sum(1 for entry in changes.entries if entry.change is kind)
        if count:
            parts.append(f"{kind.label} {count} 条进展")
    parts.append(f"规划修改 {len(changes.edits)} 处" if changes.edits else "无规划修改")
    if changes.rights:
        parts.append(f"权限变更 {len(changes.rights)} 处")
    warnings = sum(item.weight for item in changes.findings if not item.is_error)
    if warnings:
        parts.append(f"{warnings} 处须经单位名录负责人审核")
    errors = sum(item.weight for item in changes.findings if item.is_error)
    if errors:
        parts.append(f"{errors} 个问题须先修改")
    return parts


def _status(change_status: object, context: ReportContext) -> str:
    if change_status is None:
        return "（新增）"
    if isinstance(change_status, TaskStatus):
        return context.status_badge(change_status)
    return str(getattr(change_status, "label", change_status))


def _subject(change: StatusChange) -> str:
    return f"{_KINDS[change.kind]} {code_span(change.key)} {escape(change.title)}"


def report_markdown(changes: ChangeSet, base: str, compared: bool, context: ReportContext, stream: TextIO) -> None:
    stream.write(f"## plancheck diff：与 {code_span(base)} 相比（截至 {changes.as_of}）\n\n{summary(changes)}\n")
    if not compared:
        stream.write(f"\n{code_span(base)} 中的数据未通过校验，无法对比状态；以下只列出进展和规划的改动。\n")
    for heading, items in _grouped(changes.findings):
        stream.write(f"\n### {heading}（{sum(item.weight for item in items)}）\n\n")
        for item in cap_repeats(items):
            stream.write(f"- **{item.code} {CODES[item.code].title}**：{escape(finding_line(item))}\n")
            stream.write(f"  修改建议：{escape(item.hint)}\n")
    _rights_markdown(changes, stream)
    if changes.statuses:
        rows = changes.statuses[:MAX_ROWS]
        stream.write(f"\n### 状态变化（{len(changes.statuses)}）\n\n| 对象 | 之前 | 之后 | 说明 |\n|---|---|---|---|\n")
        for change in rows:
            stream.write(f"| {_subject(change)} | {_status(change.before, context)} | "
                         f"{_status(change.after, context)} | {escape(change.explanation)} |\n")
        if len(changes.statuses) > len(rows):
            stream.write(f"\n只列出前 {MAX_ROWS} 项。\n")
    if changes.entries:
        rows_e = changes.entries[:MAX_ROWS]
        stream.write(f"\n### 进展条目（{len(changes.entries)}）\n\n")
        stream.write("| 改动 | 位置 | 对象 | 报送内容 |\n|---|---|---|---|\n")
        for entry in rows_e:
            where = code_span(f"{entry.file}:{entry.line}")
            subject = f"{code_span(entry.subject)}{escape(_expansion(entry))}"
            stream.write(f"| {entry.change.label} | {where} | {subject} | {escape(entry.status)} |\n")
        if len(changes.entries) > len(rows_e):
            stream.write(f"\n只列出前 {MAX_ROWS} 条。\n")
    stream.write("\n### 规划修改\n\n")
    if not changes.edits:
        stream.write("无。\n")
        return
    stream.write("| 规划 | 条目 | 修改 | 之前 | 之后 | 修订记录 |\n|---|---|---|---|---|---|\n")
    for edit in changes.edits[:MAX_ROWS]:
        by = escape(edit.recorded_by) if edit.recorded_by else "—"
        stream.write(f"| {code_span(edit.plan)} | {code_span(edit.item)} | {_label(edit.field)} | "
                     f"{escape(edit.before)} | {escape(edit.after)} | {by} |\n")


def _rights_markdown(changes: ChangeSet, stream: TextIO) -> None:
    if changes.rights:
        stream.write(f"\n### 权限变更（{len(changes.rights)}）\n\n| 单位 | 权限 | 之前 | 之后 |\n|---|---|---|---|\n")
        for right in changes.rights:
            stream.write(f"| {code_span(right.unit)} | {escape(right.label)} | {escape(right.before)} | "
                         f"{escape(right.after)} |\n")


def _grouped(findings: tuple[Finding, ...]) -> list[tuple[str, list[Finding]]]:
    """Errors the author must fix first, then warnings a reviewer must clear; empty groups left out."""
    groups = [("须先修改", [item for item in findings if item.is_error]),
              ("须经审核", [item for item in findings if not item.is_error])]
    return [(heading, items) for heading, items in groups if items]


def _expansion(entry: EntryChange) -> str:
    """（展开为2项：plan/a、plan/b）for an entry naming several tasks; nothing for a single task."""
    if not entry.expanded:
        return ""
    return f"（展开为{len(entry.expanded)}项：{'、'.join(entry.expanded)}）"


def _label(field: str) -> str:
    from checker.changes import FIELD_LABELS  # noqa: PLC0415 (see the TYPE_CHECKING import above)

    return FIELD_LABELS.get(field, field)


def report_text(changes: ChangeSet, base: str, compared: bool, context: ReportContext, stream: TextIO) -> None:
    # Everything but the fixed wording comes from the data or the command line: one line each.
    stream.write(f"与 {one_line(base)} 相比（截至 {changes.as_of}）：\n{summary(changes)}\n")
    if not compared:
        stream.write(f"{one_line(base)} 中的数据未通过校验，无法对比状态。\n")
    if changes.statuses:
        stream.write("\n状态变化：\n")
        for change in changes.statuses:
            before = change.before.label if change.before is not None else "（新增）"
            stream.write(f"  {_KINDS[change.kind]} {one_line(change.key)} {one_line(change.title)}：{before} → "
                         f"{change.after.label}（{one_line(change.explanation)}）\n")
    if changes.entries:
        stream.write("\n进展条目：\n")
        for entry in changes.entries:
            subject = one_line(entry.subject + _expansion(entry))
            stream.write(f"  {entry.change.label} {visible(entry.file)}:{entry.line} {subject} "
                         f"{one_line(entry.status)}\n")
    if changes.edits:
        stream.write("\n规划修改：\n")
        for edit in changes.edits:
            by = f"（修订记录：{one_line(edit.recorded_by)}）" if edit.recorded_by else ""
            stream.write(f"  {visible(edit.file)}:{edit.line} {one_line(edit.plan)}/{one_line(edit.item)} "
                         f"{_label(edit.field)}：{one_line(edit.before)} → {one_line(edit.after)}{by}\n")
    if changes.rights:
        stream.write("\n权限变更：\n")
        for right in changes.rights:
            stream.write(f"  {one_line(right.unit)} {right.label}："
                         f"{one_line(right.before)} → {one_line(right.after)}\n")
    for heading, items in _grouped(changes.findings):
        stream.write(f"\n{heading}：\n")
        for item in cap_repeats(items):
            stream.write(finding_text(item))


def report_github(changes: ChangeSet, base: str, compared: bool, context: ReportContext, stream: TextIO) -> None:
    for item in cap_repeats(changes.findings):
        stream.write(finding_annotation(item) + "\n")
    stream.write(summary(changes) + "\n")


DIFF_REPORTERS: dict[str, DiffReporter] = {
    "text": report_text,
    "markdown": report_markdown,
    "github": report_github,
}
