"""The site as data: checker results in, `{docs-relative path: Markdown}` out. Pure; no MkDocs here.

Pages: home, overdue / at risk, plans (one each), tasks (one each), units (one per organization,
counties included), indicators with charts, source discrepancies, downloads. Tables are our own
HTML with every value escaped (checker.site.markup); headings and prose use escaped Markdown.
Task, unit and plan pages are linked from tables, never listed in the navigation, which keeps
every page small (see docs/dev/site.md).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from checker.evaluate.progress import number, percent, update_detail
from checker.evaluate.quantities import describe as describe_target
from checker.evaluate.results import Evaluation, IndicatorResult, TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.ledger.rows import UnitRows, ledger_rows, unit_rows
from checker.model.records import Model, Organization, Plan, Report, SelectionKind
from checker.report.views import (
    AT_RISK,
    ReportContext,
    accountable,
    default_units,
    named_units,
    responsible_by_default,
    risk_order,
)
from checker.site.charts import indicator_chart
from checker.site.colors import tint
from checker.site.filters import RowFacts, filter_controls, registry_order, row_attributes
from checker.site.form_page import form_link
from checker.site.formula import render_formulas
from checker.site.markup import esc, free_text, md, relative, relative_md
from checker.site.progress import History
from checker.site.progress_chart import STACK_ORDER, UNIT_LINES, describe, progress_chart
from checker.site.report_pages import report_page, report_page_of, reports_by_reporter, unit_reports_section
from checker.site.tables import html_table
from checker.site.task_facts import entry_notes, project_facts
from checker.site.titles import display_titles

HOME = "index.md"
OVERDUE = "overdue.md"
PLANS = "plans/index.md"
UNITS = "units/index.md"
INDICATORS = "indicators.md"
DISCREPANCIES = "discrepancies.md"
DOWNLOADS = "downloads.md"
DEFAULT_ROLE = "统一规定"  # answerable only through the plan's 默认责任单位, not named by the task


def plan_page(plan_id: str) -> str:
    return f"plans/{plan_id}.md"


def task_page(task_key: str) -> str:
    return f"tasks/{task_key}.md"


def unit_download(unit_id: str) -> str:
    """Where a unit's fill-in ledger is offered, relative to docs/."""
    return f"downloads/units/{unit_id}.xlsx"


def unit_page(unit_id: str) -> str:
    return f"units/{unit_id}.md"


@dataclass(frozen=True)
class _Site:
    evaluation: Evaluation
    context: ReportContext
    history: History | None = None

    @property
    def model(self) -> Model:
        return self.context.model

    @cached_property
    def by_key(self) -> dict[str, TaskResult]:
        return {result.key: result for result in self.evaluation.tasks}

    @cached_property
    def titles(self) -> dict[str, str]:
        """task key → its display title, distinct within the plan (checker.site.titles)."""
        return display_titles(self.evaluation.tasks)

    @cached_property
    def ledger_units(self) -> frozenset[str]:
        """The units offered a fill-in ledger (those a task names)."""
        return frozenset(unit.unit for unit in _ledger_units(self))

    @cached_property
    def reports_by_unit(self) -> dict[str, list[Report]]:
        return reports_by_reporter(self.model)

    @cached_property
    def units_of(self) -> dict[str, frozenset[str]]:
        """task key → the organizations the task names (through groups too), its enterprise included.

        Units answerable only through the plan-wide default (各县（市、区）人民政府) are left out, so
        the unit and county filters pick out the tasks that name a unit."""
        involved = {}
        for result in self.evaluation.tasks:
            units = named_units(result, self.model)
            if result.task.project and result.task.project.enterprise:
                units.add(result.task.project.enterprise)
            involved[result.key] = frozenset(u for u in units if u in self.model.organizations)
        return involved

    @cached_property
    def counties_of(self) -> dict[str, frozenset[str]]:
        organizations = self.model.organizations
        return {key: frozenset(u for u in units if organizations[u].kind == "county")
                for key, units in self.units_of.items()}

    @cached_property
    def involvement(self) -> dict[str, dict[str, list[str]]]:
        """unit id → {task key → roles}: lead, cooperating, responsible (through groups too), enterprise.

        A unit answerable only through the plan-wide default has the single role DEFAULT_ROLE."""
        involved: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for result in self.evaluation.tasks:
            responsible = () if responsible_by_default(result) else result.responsible
            for role, unit_ids in (("牵头", result.lead), ("配合", result.cooperating), ("责任", responsible)):
                for unit_id in unit_ids:
                    for member in self.model.members(unit_id):
                        if role not in involved[member][result.key]:
                            involved[member][result.key].append(role)
            if result.task.project and result.task.project.enterprise:
                involved[result.task.project.enterprise][result.key].append("企业")
            for unit_id in default_units(result, self.model):  # never a unit the task names
                involved[unit_id][result.key].append(DEFAULT_ROLE)
        return involved


def build_pages(evaluation: Evaluation, context: ReportContext, history: History | None = None) -> dict[str, str]:
    """Every generated page but the home page (checker.site.home), keyed by its path under docs/.

    With a history (checker.site.progress), plan and unit pages show their progress over time."""
    site = _Site(evaluation, context, history)
    pages = {
        OVERDUE: _overdue(site),
        PLANS: _plans_index(site),
        UNITS: _units_index(site),
        INDICATORS: _indicators(site),
        DISCREPANCIES: _discrepancies(site),
        DOWNLOADS: _downloads(site),
    }
    for plan in evaluation.plans:
        pages[plan_page(plan.id)] = _plan(site, plan)
    for result in evaluation.tasks:
        pages[task_page(result.key)] = _task(site, result)
    for organization in site.model.organizations.values():
        pages[unit_page(organization.id)] = _unit(site, organization, site.involvement.get(organization.id, {}))
    return dict(sorted(pages.items()))


# ---------------------------------------------------------------- shared pieces

# Material's query segmenter splits a Chinese query into tokens it finds in the index and matches
# each as a prefix, so a unit's or plan's own page competes with every task that mentions it.
# Boosting those pages puts "what is mine" first when someone searches for a unit or a plan.
UNIT_SEARCH_BOOST = 4
PLAN_SEARCH_BOOST = 3
BADGE_FILL = 0.14  # share of the status colour in a badge's background


def _front_matter(title: str, boost: int | None = None) -> str:
    """The page's <title> and search boost. MkDocs would take the title from the heading with its
    entities decoded and the theme prints it unescaped, so a title from the data is given here with
    < > & replaced by their full-width forms: it cannot close <title> or open a tag."""
    safe = render_formulas(title).translate(_TITLE_SAFE)
    lines = ["---", f"title: {json.dumps(' '.join(safe.split()), ensure_ascii=False)}"]
    if boost is not None:
        lines += ["search:", f"  boost: {boost}"]
    return "\n".join([*lines, "---", ""])


_TITLE_SAFE = str.maketrans({"<": "＜", ">": "＞", "&": "＆"})



def _badge(site: _Site, light: Light, label: str, count: int | None = None, icon: str | None = None) -> str:
    style = site.context.style(light)
    text = f"{icon or style.icon} {label}" + (f" {count}" if count is not None else "")
    fill = tint(style.color, BADGE_FILL)
    colors = f"--pc-color:{style.color}" + (f";--pc-fill:{fill}" if fill else "")
    return f'<span class="pc-badge pc-{light.value}" style="{esc(colors)}">{esc(text)}</span>'


def _status_badge(site: _Site, result: TaskResult) -> str:
    """The status with its own icon; a parent red because of its children says so (下属任务逾期3项)."""
    icon = site.context.icon(result.status, result.light)
    return _badge(site, result.light, site.context.label(result), icon=icon)


def _plain_status_badge(site: _Site, status: TaskStatus, count: int | None = None) -> str:
    light = site.context.light(status)
    return _badge(site, light, status.label, count, icon=site.context.icon(status, light))


def _link(page: str, target: str, text: str) -> str:
    return f'<a href="{esc(relative(page, target))}">{esc(text)}</a>'


def _unit_links(site: _Site, page: str, unit_ids: Iterable[str]) -> str:
    links = []
    for unit_id in unit_ids:
        name = site.model.unit_name(unit_id)
        if unit_id in site.model.organizations:
            links.append(_link(page, unit_page(unit_id), name))
        elif unit_id in site.model.groups:
            members = "、".join(site.model.unit_name(m) for m in site.model.groups[unit_id].members)
            links.append(f'<span title="{esc(members)}">{esc(name)}</span>')
        else:
            links.append(esc(name))
    return "、".join(links) or "—"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], css: str = "", row_attrs: Sequence[str] = (),
           table_id: str | None = None) -> str:
    """An HTML table of escaped cells (checker.site.tables); a task table becomes cards on a phone."""
    cards = tuple(headers[: len(_TASK_HEADERS)]) == _TASK_HEADERS
    return html_table(headers, rows, css=css, row_attrs=row_attrs, table_id=table_id, cards=cards)


def _when(result: TaskResult) -> str:
    if result.days_overdue:
        return f"逾期{result.days_overdue}天"
    if result.days_remaining is not None and not result.status.is_done:
        return "今天截止" if result.days_remaining == 0 else f"还剩{result.days_remaining}天"
    return ""


def _task_rows(site: _Site, page: str, results: Sequence[TaskResult]) -> list[list[str]]:
    return [
        [
            _link(page, task_page(r.key), r.key),
            esc(site.titles[r.key]),
            _status_badge(site, r),
            f'<span class="pc-nowrap">{esc(str(r.due) if r.due else "长期")}</span>',
            f'<span class="pc-nowrap">{esc(_when(r))}</span>',
            _unit_links(site, page, accountable(r)),
        ]
        for r in results
    ]


_TASK_HEADERS = ("编号", "任务", "状态", "截止", "时间", "负责单位")


def _status_counts(site: _Site, results: Iterable[TaskResult]) -> str:
    counts = Counter(r.status for r in results)
    return " ".join(_plain_status_badge(site, s, counts[s]) for s in TaskStatus if counts[s])


def _progress_bar(site: _Site, results: Sequence[TaskResult]) -> str:
    """A stacked bar by light, with the same figures as text for screen readers and printing."""
    active = [r for r in results if r.status is not TaskStatus.CANCELLED]
    if not active:
        return ""
    counts = Counter(r.light for r in active)
    done = sum(r.status.is_done for r in active)
    parts = []
    for light in (Light.GREEN, Light.YELLOW, Light.RED, Light.GREY):
        if counts[light]:
            width = number(counts[light] * 100 / len(active))
            color = site.context.style(light).color
            parts.append(f'<span class="pc-bar-{light.value}" style="width:{width}%;background:{esc(color)}"></span>')
    summary = f"已完成{done}/{len(active)}项（{percent(done / len(active))}）"
    timeliness = Counter(r.status.on_time for r in active if r.status.is_done)
    if timeliness[None]:  # a completion of unknown date is done, but neither on time nor late
        summary += f"，其中按期{timeliness[True]}项、逾期完成{timeliness[False]}项、完成时间不详{timeliness[None]}项"
    return f'<div class="pc-bar" role="img" aria-label="{esc(summary)}">{"".join(parts)}</div> {esc(summary)}'


# ---------------------------------------------------------------- pages


def _report_row(site: _Site, page: str, report: Report) -> list[str]:
    return [esc(report.reported_on), _unit_links(site, page, [report.reporter]),
            _link(page, report_page(report), report.title), esc(_entries(report)), esc(f"{len(report.observations)}条")]


def _entries(report: Report) -> str:
    """32条（涉及36项任务）: entries as written, and the tasks they name when an entry names several."""
    entries = f"{len(report.selections)}条"
    if all(selection.kind is SelectionKind.TASK for selection in report.selections):
        return entries
    return f"{entries}（涉及{len({update.task_key for update in report.updates})}项任务）"


def _overdue(site: _Site) -> str:
    page = OVERDUE
    risky = sorted((r for r in site.evaluation.tasks if r.status in AT_RISK), key=risk_order)
    lines = [
        "# 逾期与风险任务",
        "",
        f"数据截至 **{site.evaluation.as_of}**。逾期的排在前面：逾期未完成（报送称尚未完成，需督办）在前，"
        "逾期未报送（截止后仍无任何报送，需催报）在后，各按逾期天数从多到少；"
        f"其后是临期（{site.model.settings.due_soon_days}天内截止）和滞后于序时进度的任务。"
        "状态来自下属任务的，标明“下属任务逾期×项”，时间一栏仍按本任务自己的截止日期计。",
        "",
    ]
    if not risky:
        return "\n".join([*lines, "目前没有逾期或临期的任务。", ""])
    lines.append("可按规划、状态、单位、县（市、区）和是否报送筛选；筛选条件写在网址中，可复制链接分享。")
    lines.append(_filterable_table(site, page, risky, "pc-overdue", why=True))
    return "\n".join(lines)


def _plans_index(site: _Site) -> str:
    page = PLANS
    rows = [
        [_link(page, plan_page(p.id), p.title), esc(p.number or "—"), esc(site.model.unit_name(p.issuer)),
         esc(p.issued), esc(f"{p.period_start} 至 {p.period_end}")]
        for p in site.evaluation.plans
    ]
    return "\n".join(["# 规划", "", _table(("规划", "文号", "印发单位", "印发日期", "规划期"), rows)])


def _filterable_table(site: _Site, page: str, results: Sequence[TaskResult], table_id: str, *,
                      extra: tuple[str, Sequence[str]] | None = None, query_prefix: str = "", why: bool = False) -> str:
    """A task table (plus an optional column) under its filters (checker.site.filters).

    With `why`, the status cell folds the explanation under 判定依据: a column of it would push
    the table past the page column and out of sight."""
    facts = RowFacts(site.units_of, site.counties_of)
    rows = _task_rows(site, page, results)
    if why:
        rows = [[*row[:2], row[2] + _why(r.explanation), *row[3:]] for row, r in zip(rows, results, strict=True)]
    headers: tuple[str, ...] = _TASK_HEADERS
    if extra is not None:
        headers = (*headers, extra[0])
        rows = [[*row, cell] for row, cell in zip(rows, extra[1], strict=True)]
    table = _table(headers, rows, css="pc-tasks", row_attrs=row_attributes(results, facts), table_id=table_id)
    return "\n" + filter_controls(site.model, results, facts, table_id, query_prefix) + "\n" + table


def _plan(site: _Site, plan: Plan) -> str:
    page = plan_page(plan.id)
    results = [r for r in site.evaluation.tasks if r.task.plan == plan.id]
    tasks = [r for r in results if r.task.kind.value != "project"]
    projects = [r for r in results if r.task.kind.value == "project"]
    info = [
        ["文号", esc(plan.number or "—")],
        ["印发单位", _unit_links(site, page, [plan.issuer])],
        ["印发日期", esc(plan.issued)],
        ["规划期", esc(f"{plan.period_start} 至 {plan.period_end}")],
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


def _indicator_table(site: _Site, page: str, results: Sequence[IndicatorResult]) -> str:
    rows = []
    for r in results:
        i = r.indicator
        baseline = f"{i.baseline.text}（{i.baseline.year}年）" if i.baseline else "—"
        latest = "—"
        if r.latest is not None:
            shown = _value(r.latest.value, i.unit) if r.latest.value is not None else (r.latest.assessment or "—")
            latest = f"{shown}（{r.latest.period_text or r.latest.year}）"
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


def _why(explanation: str) -> str:
    """An explanation folded under 判定依据 in a status cell."""
    return f'<details class="pc-why"><summary>判定依据</summary>{esc(explanation)}</details>' if explanation else ""


def _binding(binding: str | None) -> str:
    return {"binding": "约束性", "expected": "预期性"}.get(binding or "", "—")


def _task(site: _Site, result: TaskResult) -> str:
    task, page = result.task, task_page(result.key)
    plan = site.model.plans[task.plan]
    facts = [
        ["规划", _link(page, plan_page(plan.id), plan.short_title or plan.title)],
        ["状态", _status_badge(site, result)],
        ["判定依据", esc(result.explanation)],
        ["目标", esc(result.target or "—")],
        ["牵头单位", _unit_links(site, page, result.lead)],
        ["配合单位", _unit_links(site, page, result.cooperating)],
        ["责任单位", _unit_links(site, page, result.responsible)
         + (esc("（规划统一规定）") if task.responsible_is_default and result.responsible else "")],
        ["完成时限", esc(result.schedule_text or "原文未注明")],
        ["截止日期", f'<span class="pc-nowrap">{esc(result.due or "—")}</span>'],
        ["来源位置", esc(f"{plan.short_title or plan.title} {task.source.describe()}")],
    ]
    if task.units_text:
        facts.insert(7, ["原文单位表述", esc(task.units_text)])
    if task.project is not None:
        facts += project_facts(task.project, lambda unit: _enterprise_link(site, page, unit))
    tolerance = site.model.settings.approximate_tolerance_percent
    facts += [["量化目标", esc(describe_target(task, quantity, tolerance))] for quantity in task.quantities]
    if task.parent:
        parent_key = f"{task.plan}/{task.parent}"
        facts.append(["上级任务", _link(page, task_page(parent_key), parent_key)])
    # The local ID leads the heading: people quote it ("a1-01"), and search finds it as a whole word.
    title = site.titles[result.key]
    lines = [_front_matter(f"{task.id} {title}"), f"# {md(task.id)} {md(title)}", "",
             _table(("项目", "内容"), facts, css="pc-facts"), entry_notes(result)]
    if result.children:
        children = [site.by_key[key] for key in result.children]
        lines += ["## 下属任务", "", _table(_TASK_HEADERS, _task_rows(site, page, sorted(children, key=risk_order)),
                                               css="pc-cards")]
    if result.milestones:
        rows = [[esc(m.text), esc(m.due), _plain_status_badge(site, m.status), esc(m.explanation)]
                for m in result.milestones]
        lines += ["## 阶段节点", "", _table(("节点", "日期", "状态", "说明"), rows)]
    lines += ["## 进展记录", ""]
    if result.updates:
        lines.append('<ol class="pc-timeline">')
        for update in reversed(result.updates):
            detail = esc(update_detail(update))
            note = (f'<details class="pc-entry-note"><summary>录入说明</summary><div class="pc-note">'
                    f"{free_text(update.note)}</div></details>") if update.note else ""
            lines.append(
                f"<li><p><strong>{esc(update.reported_on)}</strong> "
                f"{_link(page, report_page_of(update.reporter, update.origin.file_name), update.report_title)}"
                f"（{_unit_links(site, page, [update.reporter])}）：{detail}</p>"
                f"<blockquote>{esc(update.quote)}</blockquote>{note}</li>"
            )
        lines += ["</ol>", ""]
    else:
        lines += ["尚无进展报送。", ""]
    if result.history:
        rows = [[esc(h.date), esc(h.number), esc(h.field), esc(h.before), esc(h.after)] for h in result.history]
        lines += ["## 修订记录", "", _table(("日期", "文号", "修订字段", "修订前", "修订后"), rows)]
    return "\n".join(lines)


def _enterprise_link(site: _Site, page: str, unit: str) -> str | None:
    return _link(page, unit_page(unit), site.model.unit_name(unit)) if unit in site.model.organizations else None


def _unit(site: _Site, organization: Organization, roles: dict[str, list[str]]) -> str:
    page = unit_page(organization.id)
    results = sorted((site.by_key[key] for key in roles), key=risk_order)
    lines = [_front_matter(organization.name, UNIT_SEARCH_BOOST), f"# {md(organization.name)}", ""]
    if organization.aliases:
        lines += ["又称：" + "、".join(md(alias) for alias in organization.aliases), ""]
    if organization.parent and organization.parent in site.model.organizations:
        parent = organization.parent
        lines += [f"上级单位：{_link(page, unit_page(parent), site.model.unit_name(parent))}", ""]
    lines += [form_link(page, organization.id), ""]
    submissions = unit_reports_section(site.reports_by_unit.get(organization.id, []), page)
    if not results:
        return "\n".join([*lines, "目前没有与本单位相关的任务。", "", *submissions])
    if organization.id in site.ledger_units:
        lines += [f"[下载本单位台账（Excel，可填写进展）]({relative_md(page, unit_download(organization.id))})　"
                  f"打印本页即为本单位的督办单（数据截至 {site.evaluation.as_of}，横向 A4）。", ""]
    named = [r for r in results if roles[r.key] != [DEFAULT_ROLE]]
    default = [r for r in results if roles[r.key] == [DEFAULT_ROLE]]
    if named:
        lines += [f"点名本单位的任务 {len(named)} 项（牵头、配合、责任单位或项目清单），逾期的排在前面：", "",
                  _status_counts(site, named), ""]
        lines += _progress_figure(site, [r.key for r in named], organization.name, organization.id, None,
                                  stacked=False)
        lines.append(_filterable_table(site, page, named, "pc-unit-tasks",
                                       extra=("本单位角色", [esc("、".join(roles[r.key])) for r in named])))
    else:
        lines += ["没有点名本单位的任务。", ""]
    if default:
        wording = "、".join(sorted({f"“{site.model.plans[r.task.plan].default_responsible_text}”" for r in default
                                    if site.model.plans[r.task.plan].default_responsible_text}))
        source = f"（原文：{md(wording)}）" if wording else ""
        lines += ["## 仅因规划统一规定相关的任务", "",
                  f"以下 {len(default)} 项任务没有点名本单位，"
                  f"只因规划对各县（市、区）的统一规定而与本单位相关{source}：",
                  "",
                  _status_counts(site, default), "",
                  _table(_TASK_HEADERS, _task_rows(site, page, default), css="pc-cards")]
    return "\n".join([*lines, *submissions])


_KIND_LABELS = {
    "county": "县（市、区）", "management_committee": "县（市、区）", "department": "市直部门",
    "bureau_branch": "生态环境分局", "leading_group_office": "领导小组办公室", "committee": "委员会",
    "government": "人民政府", "enterprise": "企业", "other": "其他单位",
}


def _units_index(site: _Site) -> str:
    page = UNITS
    lines = ["# 单位", "", "点击单位名称查看其牵头、配合或负责的全部任务。“点名任务”是任务本身列出本单位的"
             "（牵头、配合、责任单位或项目清单）；“统一规定”是任务未点名、只因规划统一规定"
             "（如“各县（市、区）人民政府”）而相关的，分开计数。逾期只计点名任务。", ""]
    by_kind: dict[str, list[Organization]] = defaultdict(list)
    registry = registry_order(site.model)
    for organization in site.model.organizations.values():
        by_kind[_KIND_LABELS.get(organization.kind, "其他单位")].append(organization)
    order = list(dict.fromkeys(_KIND_LABELS.values()))
    for heading in sorted(by_kind, key=order.index):
        rows = []
        for organization in sorted(by_kind[heading], key=lambda o: (o.jurisdiction, registry(o.id))):
            roles = site.involvement.get(organization.id, {})
            named = [site.by_key[key] for key, held in roles.items() if held != [DEFAULT_ROLE]]
            overdue = sum(r.status.is_overdue for r in named)
            rows.append([_link(page, unit_page(organization.id), organization.name),
                         esc(site.model.jurisdictions.get(organization.jurisdiction, organization.jurisdiction)),
                         esc(len(named)), esc(overdue), esc(len(roles) - len(named))])
        lines += [f"## {md(heading)}", "", _table(("单位", "所属", "点名任务", "逾期", "统一规定"), rows)]
    return "\n".join(lines)


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
                rows = [[esc(o.period_text or f"{o.year}年"), esc(_value(o.value, result.indicator.unit)),
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


def _downloads(site: _Site) -> str:
    return "\n".join([
        "# 下载",
        "",
        f"数据截至 **{site.evaluation.as_of}**，与本网站同时生成。",
        "",
        "- [任务台账（Excel）](downloads/ledger.xlsx)：每项任务一行，按紧急程度排序，状态按红黄绿灯着色，"
        "已设置横向 A4 打印；第一张表为全部任务，其后每个单位一张表。",
        "- [任务台账（CSV）](downloads/ledger.csv)：内容与 Excel 第一张表相同，UTF-8 编码，Excel 可直接打开。",
        "- [检查结果（JSON）](downloads/check.json)：`plancheck check --format json` 的完整输出，"
        "格式见 `schemas/report.schema.json`。",
        "",
        "## 各单位可填写的台账",
        "",
        "每个单位一个 Excel 文件，列出点名本单位的任务，并留有黄色的填写列（本次进展、数量、日期、原文摘录、备注）。"
        "填好后按[报送指南](guide/submit.md)转为进展报送文件。",
        "",
        *(f"- [{md(unit.name)}]({unit_download(unit.unit)})" for unit in _ledger_units(site)),
        "",
    ])


def _ledger_units(site: _Site) -> list[UnitRows]:
    return unit_rows(ledger_rows(site.evaluation, site.context), site.context)

