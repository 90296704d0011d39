"""A short terminal summary: counts per status, then what is overdue or at risk, by lead unit."""

from __future__ import annotations

from typing import TextIO

from checker.codes import one_line
from checker.evaluate.results import Evaluation, TaskResult
from checker.evaluate.vocabulary import IndicatorStatus, Light, TaskStatus
from checker.report.views import ReportContext, at_risk, by_accountable_unit

_ANSI = {Light.RED: "\033[31m", Light.YELLOW: "\033[33m", Light.GREEN: "\033[32m", Light.GREY: "\033[90m"}
_RESET = "\033[0m"


def _paint(text: str, light: Light, context: ReportContext) -> str:
    return f"{_ANSI[light]}{text}{_RESET}" if context.color else text


def _when(result: TaskResult) -> str:
    """截止2023-12-31，还剩91天: always the task's own deadline, also when its status comes from children."""
    due = f"截止{result.due}" if result.due else "长期"
    if result.days_overdue:
        return f"{due}，逾期{result.days_overdue}天"
    if result.days_remaining is not None:
        return f"{due}，还剩{result.days_remaining}天"
    return due


def report_text(evaluation: Evaluation, context: ReportContext, stream: TextIO) -> None:
    summary = evaluation.summary()
    stream.write(f"plancheck 检查结果（截至 {evaluation.as_of}）\n")
    parts = [
        _paint(f"{context.status_badge(status)} {summary[status]}", context.light(status), context)
        for status in TaskStatus if summary[status]
    ]
    stream.write(f"任务 {len(evaluation.tasks)} 项：" + " · ".join(parts) + "\n")
    indicator_counts = {s: sum(1 for i in evaluation.indicators if i.status is s) for s in IndicatorStatus}
    indicator_parts = [f"{status.label} {count}" for status, count in indicator_counts.items() if count]
    stream.write(f"指标 {len(evaluation.indicators)} 项：" + " · ".join(indicator_parts) + "\n")
    risky = at_risk(evaluation)
    if not risky:
        stream.write("\n没有逾期或临期的任务。\n")
        return
    stream.write(f"\n逾期与风险任务 {len(risky)} 项（按牵头单位；未列牵头单位的按责任单位）：\n")
    for unit, results in by_accountable_unit(risky, context):
        stream.write(f"\n{one_line(unit)}\n")
        for result in results:
            badge = _paint(context.badge(result), result.light, context)
            stream.write(f"  {badge}  {one_line(result.key)}  {one_line(result.title)}  {_when(result)}\n")
