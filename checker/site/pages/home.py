"""The home page, answer first: the headline, who is behind, binding indicators, what is due next. Pure.

Read in ten seconds by a bureau leader: one line with the overdue and due-soon counts, then a
scorecard of units worst first (checker.site.scorecard), the binding (约束性) indicators with their
status, and the deadlines of the next 30 and 60 days. The plan progress, the longest-overdue tasks
and the latest reports follow for those who read on.
"""

from __future__ import annotations

from collections.abc import Sequence

from checker.evaluate.progress import percent
from checker.evaluate.results import Evaluation, IndicatorResult, TaskResult
from checker.evaluate.vocabulary import TaskStatus
from checker.model.records import Binding
from checker.report.views import ReportContext, accountable, risk_order
from checker.site.markup import esc, md, relative_md
from checker.site.pages.kit import (
    _TASK_HEADERS,
    _badge,
    _link,
    _progress_bar,
    _report_row,
    _Site,
    _status_badge,
    _status_counts,
    _table,
    _task_rows,
    _unit_links,
)
from checker.site.pages.paths import HOME, INDICATORS, OVERDUE, UNITS, plan_page, task_page, unit_page
from checker.site.pages.plans import _observed, _period, _progress_figure
from checker.site.progress import History
from checker.site.scorecard import Headline, UnitScore, headline, is_overdue, scorecard
from checker.wording import time_left

MOST_OVERDUE_ON_HOME = 10
LATEST_REPORTS_ON_HOME = 10
UPCOMING_WINDOWS = ((0, 30), (31, 60))  # days remaining, inclusive


def home_page(evaluation: Evaluation, context: ReportContext, history: History | None = None) -> str:
    site = _Site(evaluation, context, history)
    return "\n".join([
        "# 规划任务进展总览",
        "",
        *_headline(site, headline(evaluation.tasks)),
        *_scorecard(site, scorecard(evaluation, context.model)),
        *_binding_indicators(site),
        *_upcoming(site),
        *_plans(site),
        *_most_overdue(site),
        *_latest_reports(site),
    ])


def _headline(site: _Site, figures: Headline) -> list[str]:
    evaluation, days = site.evaluation, site.model.settings.due_soon_days
    line = (f"<strong>逾期 {figures.overdue} 项</strong>，其中未报送 {figures.unreported} 项；"
            f"未来{days}天临期 {figures.due_soon} 项")
    return [
        f'<p class="pc-headline" id="pc-headline">{line}</p>',
        "",
        f"数据截至 **{evaluation.as_of}**。共 {len(evaluation.plans)} 个规划、{len(evaluation.tasks)} 项任务、"
        f"{len(evaluation.indicators)} 项指标。灯色与图标同时表示状态：",
        "",
        f'<p class="pc-counts" id="pc-counts">{_status_counts(site, evaluation.tasks)}</p>',
        "",
        f"逾期与临期的每一项见[逾期与风险清单]({relative_md(HOME, OVERDUE)})。",
        "",
    ]


def _rate(score: UnitScore) -> str:
    rate = score.on_time_rate
    return "—" if rate is None else percent(rate)


def _scorecard(site: _Site, scores: Sequence[UnitScore]) -> list[str]:
    lines = ["## 各单位完成情况", "",
             "只计点名本单位的任务（牵头、配合或责任单位），不计仅因规划统一规定而相关的任务；逾期多的排在前面。"
             "按期完成率 = 按期完成 ÷（按期完成 + 逾期完成 + 逾期未完成 + 逾期未报送），完成时间不详的不计入；"
             "逾期未报送的任务没有完成的报送，按未按期计，补报后随之更新。", ""]
    if not scores:
        return [*lines, "没有点名单位的任务。", ""]
    rows = [[_link(HOME, unit_page(s.unit_id), site.model.unit_name(s.unit_id)), esc(s.tasks),
             _count(s.overdue), _count(s.unreported), _count(s.due_soon), esc(s.done), esc(_rate(s))]
            for s in scores]
    headers = ("单位", "点名任务", "逾期", "其中未报送", TaskStatus.DUE_SOON.label, TaskStatus.DONE.label, "按期完成率")
    return [*lines, _table(headers, rows, css="pc-scorecard pc-cards"),
            f"单位按类别的完整名录见[单位]({relative_md(HOME, UNITS)})。", ""]


def _count(value: int) -> str:
    return f"<strong>{value}</strong>" if value else "0"


def _binding_indicators(site: _Site) -> list[str]:
    binding = [r for r in site.evaluation.indicators if r.indicator.binding is Binding.BINDING]
    if not binding:
        return []
    rows = [[esc(r.indicator.name), _link(HOME, plan_page(r.indicator.plan), _plan_name(site, r)),
             esc(f"{r.indicator.target.text}（{r.indicator.target.year}年）"), esc(_latest(r)),
             _badge(site, r.light, r.status.label)] for r in binding]
    return ["## 约束性指标", "", _table(("指标", "规划", "目标", "最新", "状态"), rows, css="pc-binding pc-cards"),
            f"全部指标及趋势图见[指标]({relative_md(HOME, INDICATORS)})。", ""]


def _plan_name(site: _Site, result: IndicatorResult) -> str:
    plan = site.model.plans[result.indicator.plan]
    return plan.short_title or plan.title


def _latest(result: IndicatorResult) -> str:
    latest = result.latest
    if latest is None:
        return "尚无数据"
    return f"{_observed(latest, result.indicator.unit)}（{_period(latest)}）"


def _upcoming(site: _Site) -> list[str]:
    lines = ["## 即将到期", ""]
    for low, high in UPCOMING_WINDOWS:
        due = sorted((r for r in site.evaluation.tasks if _open(r) and low <= (r.days_remaining or 0) <= high
                      and r.days_remaining is not None), key=lambda r: (r.due, r.key))
        heading = f"{high}天内" if low == 0 else f"{low}–{high}天"
        lines += [f"### {heading}（{len(due)}项）", ""]
        if not due:
            lines += ["没有在此期间截止的未完成任务。", ""]
            continue
        rows = [[f'<span class="pc-nowrap">{esc(r.due)}</span>', _link(HOME, task_page(r.key), r.key), esc(r.title),
                 f'<span class="pc-nowrap">{esc(time_left(r.days_remaining or 0))}</span>',
                 _unit_links(site, HOME, accountable(r)), _status_badge(site, r)] for r in due]
        headers = ("截止", "编号", "任务", "剩余", "牵头/责任单位", "状态")
        lines.append(_table(headers, rows, css="pc-upcoming pc-cards"))
    return lines


def _open(result: TaskResult) -> bool:
    return result.due is not None and not result.status.is_done and result.status is not TaskStatus.CANCELLED


def _plans(site: _Site) -> list[str]:
    rows = []
    for plan in site.evaluation.plans:
        results = [r for r in site.evaluation.tasks if r.task.plan == plan.id]
        rows.append([_link(HOME, plan_page(plan.id), plan.short_title or plan.title), esc(plan.number or "—"),
                     _progress_bar(site, results), _status_counts(site, results)])
    lines = ["## 各规划进度", "", _table(("规划", "文号", "完成进度", "状态"), rows)]
    for plan in site.evaluation.plans:
        keys = [r.key for r in site.evaluation.tasks if r.task.plan == plan.id]
        figure = _progress_figure(site, keys, plan.short_title or plan.title, plan.id, plan.period_start)
        lines += [f"### {md(plan.short_title or plan.title)}", "", *figure[2:]] if figure else []
    return lines


def _most_overdue(site: _Site) -> list[str]:
    overdue = sorted(filter(is_overdue, site.evaluation.tasks), key=risk_order)
    if not overdue:
        return ["## 逾期最久的任务", "", "目前没有逾期任务。", ""]
    return ["## 逾期最久的任务", "", _table(_TASK_HEADERS, _task_rows(site, HOME, overdue[:MOST_OVERDUE_ON_HOME]),
                                                  css="pc-cards")]


def _latest_reports(site: _Site) -> list[str]:
    reports = sorted(site.model.reports, key=lambda r: (r.reported_on, r.origin.file), reverse=True)
    known = [r for r in reports if r.reported_on <= site.evaluation.as_of][:LATEST_REPORTS_ON_HOME]
    if not known:
        return ["## 最近报送", "", "尚无进展报送。", ""]
    rows = [_report_row(site, HOME, report) for report in known]
    return ["## 最近报送", "", _table(("日期", "报送单位", "标题", "任务进展", "指标数据"), rows)]
