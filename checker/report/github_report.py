"""Workflow annotations: one per overdue (error: reported unfinished or unreported) or at-risk (warning) task."""

from __future__ import annotations

from typing import TextIO

from checker.codes import one_line
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import TaskStatus
from checker.report.findings import annotation
from checker.report.views import ReportContext, accountable, accountable_role, at_risk


def report_github(evaluation: Evaluation, context: ReportContext, stream: TextIO) -> None:
    for result in at_risk(evaluation):
        level = "error" if result.status.is_overdue else "warning"
        units = "、".join(context.names(accountable(result))) or "未指定"
        role = accountable_role(result)
        message = f"{result.title}：{result.explanation}（{role}：{units}；截至 {evaluation.as_of}）"
        line = annotation(
            level, file=result.task.origin.file, line=result.task.origin.line, column=1,
            title=f"{one_line(context.label(result))} {one_line(result.key)}", message=one_line(message),
        )
        stream.write(line + "\n")
    summary = evaluation.summary()
    counts = "、".join(f"{status.label}{summary[status]}项" for status in TaskStatus if summary[status])
    stream.write(f"截至 {evaluation.as_of}：{counts}。\n")
