"""The summary as Markdown, for a pull-request comment or a workflow job summary."""

from __future__ import annotations

import re
from typing import TextIO

from checker.codes import one_line
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import TaskStatus
from checker.report.views import ReportContext, at_risk, by_accountable_unit

MAX_ROWS = 100  # a pull-request comment holds at most 65,536 characters
# Markdown and HTML punctuation, plus "&" (an entity would show another character) and "@" (on
# GitHub, @name notifies a person or a team).
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~&@])")


def escape(text: str) -> str:
    """Plain text safe inside a Markdown table cell: no markup, no HTML, no line breaks, no invisible characters."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def code_span(text: str) -> str:
    """An identifier or path as a code span: one line, no backtick to close it early, no table pipe."""
    return "`" + one_line(text).replace("`", "'").replace("|", "\\|") + "`"


def report_markdown(evaluation: Evaluation, context: ReportContext, stream: TextIO) -> None:
    summary = evaluation.summary()
    stream.write(f"## plancheck：截至 {evaluation.as_of} 的任务状态\n\n")
    stream.write("| 状态 | 任务数 |\n|---|---:|\n")
    for status in TaskStatus:
        stream.write(f"| {context.status_badge(status)} | {summary[status]} |\n")
    stream.write(f"| 合计 | {len(evaluation.tasks)} |\n")
    risky = at_risk(evaluation)
    if not risky:
        stream.write("\n没有逾期或临期的任务。\n")
        return
    stream.write(f"\n### 逾期与风险任务 {len(risky)} 项（按牵头单位；未列牵头单位的按责任单位）\n")
    if len(risky) > MAX_ROWS:
        stream.write(f"\n只列出最紧急的 {MAX_ROWS} 项；完整清单见 `plancheck check --format text` 或网站。\n")
        risky = risky[:MAX_ROWS]
    for unit, results in by_accountable_unit(risky, context):
        stream.write(f"\n#### {escape(unit)}\n\n| 任务 | 状态 | 截止 | 说明 |\n|---|---|---|---|\n")
        for result in results:
            due = str(result.due) if result.due else "长期"
            task = f"{code_span(result.key)} {escape(result.title)}"
            stream.write(f"| {task} | {escape(context.badge(result))} | {due} | {escape(result.explanation)} |\n")
