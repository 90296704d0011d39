"""Plan pages, the plan index, the indicator and discrepancy pages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from checker.evaluate.labels import label
from checker.evaluate.progress import number
from checker.evaluate.results import IndicatorResult
from checker.model.records import Binding, ChangeField, Observation, Plan, TaskKind
from checker.site.charts import indicator_chart
from checker.site.markup import esc, md, relative_md
from checker.site.pages.kit import (
    _badge,
    _filterable_table,
    _front_matter,
    _link,
    _progress_bar,
    _Site,
    _status_counts,
    _table,
    _unit_links,
    _why,
)
from checker.site.pages.paths import INDICATORS, PLAN_SEARCH_BOOST, PLANS, plan_page
from checker.site.progress_chart import STACK_ORDER, UNIT_LINES, describe, progress_chart


def _plans_index(site: _Site) -> str:
    page = PLANS
    rows = [
        [_link(page, plan_page(p.id), p.title), esc(p.number or "—"), esc(site.model.unit_name(p.issuer)),
         esc(p.issued), esc(f"{p.period_start} 至 {p.period_end}")]
        for p in site.evaluation.plans
    ]
    return "\n".join(["# 规划", "", _table(("规划", "文号", "印发单位", "印发日期", label(ChangeField.PERIOD)), rows)])


def _plan(site: _Site, plan: Plan) -> str:
    page = plan_page(plan.id)
    results = [r for r in site.evaluation.tasks if r.task.plan == plan.id]
    tasks = [r for r in results if r.task.kind is not TaskKind.PROJECT]
    projects = [r for r in results if r.task.kind is TaskKind.PROJECT]
    info = [
        ["文号", esc(plan.number or "—")],
        ["印发单位", _unit_links(site, page, [plan.issuer])],
        ["印发日期", esc(plan.issued)],
        [label(ChangeField.PERIOD), esc(f"{plan.period_start} 至 {plan.period_end}")],
        ["任务状态", _status_counts(site, results)],
        ["完成进度", _progress_bar(site, results)],
    ]
    if plan.default_responsible:
        info.append(["默认责任单位", _unit_links(site, page, plan.default_responsible)])
    lines = [_front_matter(plan.title, PLAN_SEARCH_BOOST), f"# {md(plan.title)}", "",
             _table(("项目", "内容"), info, css="pc-facts")]
    name = plan.short_title or plan.title
    lines += _progress_figure(site, [r.key for r in results], name, plan.id, plan.period_start)
    indicators = [i for i in site.evaluation.indicators if i.indicator.plan == plan.id]
    if indicators:
        lines += ["## 指标", "", _indicator_table(site, page, indicators),
                  f"各指标的趋势图见[指标]({relative_md(page, INDICATORS)})。", ""]
    if tasks:
        lines += ["## 任务", "", "可按状态、单位、县（市、区）和是否报送筛选。",
                  _filterable_table(site, page, tasks, "pc-tasks")]
    if projects:
        lines += ["## 项目清单", "", _filterable_table(site, page, projects, "pc-projects", query_prefix="project-")]
    if plan.amendments:
        rows = [[esc(a.date), esc(a.number), esc(a.title or "—"), esc(len(a.changes))] for a in plan.amendments]
        lines += ["## 修订", "", _table(("日期", "文号", "标题", "修订项数"), rows)]
    return "\n".join(lines)


def _progress_figure(site: _Site, keys: Sequence[str], name: str, ident: str, since: date | None,
                     *, stacked: bool = True) -> list[str]:
    """The status counts at each month end as a chart (a plan: stacked bands; a unit: 逾期 and 已完成 lines)."""
    if site.history is None or not keys:
        return []
    series = site.history.counts(keys, since)
    title = f"{name}：各月末任务状态" if stacked else f"{name}：点名本单位的任务，各月末逾期与已完成项数"
    chart = progress_chart(series, site.model.settings.lights, title, f"progress-{ident}", stacked=stacked)
    if not chart:
        return []
    caption = describe(series, STACK_ORDER if stacked else UNIT_LINES)
    heading = "## 进展变化" if stacked else "## 逾期与完成的变化（点名本单位的任务）"
    return [heading, "", f'<figure class="pc-progress">{chart}<figcaption>{esc(caption)}</figcaption></figure>', ""]


def _value(value: float | None, unit: str | None) -> str:
    return "—" if value is None else f"{number(value)}{unit or ''}"


def _period(observation: Observation) -> str:
    """The period a report speaks of, in its own words or as 2023年."""
    return observation.period_text or f"{observation.year}年"


def _observed(observation: Observation, unit: str | None) -> str:
    """The value a report gave, or its assessment in words (已达到) when it gave none."""
    if observation.value is not None:
        return _value(observation.value, unit)
    return label(observation.assessment) if observation.assessment else "—"


def _indicator_table(site: _Site, page: str, results: Sequence[IndicatorResult]) -> str:
    rows = []
    for r in results:
        i = r.indicator
        baseline = f"{i.baseline.text}（{i.baseline.year}年）" if i.baseline else "—"
        latest = "—"
        if r.latest is not None:
            latest = f"{_observed(r.latest, i.unit)}（{_period(r.latest)}）"
        status = _badge(site, r.light, r.status.label) + _why(r.explanation)
        rows.append([
            esc(i.number or ""), esc(i.name), status, esc(latest), esc(f"{i.target.text}（{i.target.year}年）"),
            esc(baseline), esc(i.unit or "—"), esc(_binding(i.binding)),
        ])
    # 状态 right after the name: the table is wider than the page column and must not hide it.
    headers: tuple[str, ...] = ("序号", "指标", "状态", "最新", "目标", "基期", "单位", "属性")
    if not any(r.indicator.number for r in results):  # a plan that does not number its indicators
        headers, rows = headers[1:], [row[1:] for row in rows]
    return _table(headers, rows, css="pc-indicators")


def _binding(binding: Binding | None) -> str:
    return "—" if binding is None else label(binding)


def _indicators(site: _Site) -> str:
    page = INDICATORS
    palette = site.model.settings.lights
    lines = ["# 指标", "", f"数据截至 **{site.evaluation.as_of}**。图中虚线为基期到目标的直线路径（序时进度），"
             "空心点为阶段数据（如前三季度），只用于判断进度，不作达标判定。", ""]
    for plan in site.evaluation.plans:
        results = [r for r in site.evaluation.indicators if r.indicator.plan == plan.id]
        if not results:
            continue
        lines += [f"## {md(plan.short_title or plan.title)}", "", _indicator_table(site, page, results)]
        for result in results:
            chart = indicator_chart(result, palette)
            if not chart:
                continue
            figure = f'<figure class="pc-chart" tabindex="0">{chart}</figure>'  # scrolls sideways on a phone
            lines += [f"### {md(result.indicator.name)}", "", figure, ""]
            if result.observations:
                rows = [[esc(_period(o)), esc(_observed(o, result.indicator.unit)),
                         esc(o.quote), esc(o.reported_on)] for o in result.observations]
                lines.append(_table(("统计期", "数值", "原文", "报送日期"), rows))
    return "\n".join(lines)


def _discrepancies(site: _Site) -> str:
    lines = ["# 源文件前后不一致之处", "", "同一文件前后说法不同时，两种读法都记录在案，并注明本系统按哪一种跟踪。", ""]
    for plan in site.evaluation.plans:
        if not plan.discrepancies:
            continue
        lines += [f"## {md(plan.short_title or plan.title)}", ""]
        rows = []
        for d in plan.discrepancies:
            readings = "<br>".join(f"{esc(r.source.describe())}：{esc(r.text)}" for r in d.readings)
            rows.append([esc(d.id), esc(d.summary), readings, esc(d.tracked_as or "—")])
        lines.append(_table(("编号", "问题", "各处读法", "跟踪依据"), rows))
    return "\n".join(lines)
