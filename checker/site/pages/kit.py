"""The small kit every page uses: the site's indexes (_Site), badges, links, tables, status counts."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from checker.evaluate.labels import Role
from checker.evaluate.progress import number, percent
from checker.evaluate.results import Evaluation, TaskResult
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.ledger.rows import UnitRows, ledger_rows, unit_rows
from checker.model.records import Model, Report, SelectionKind, UnitKind
from checker.report.views import ReportContext, accountable, default_units, named_units, responsible_by_default
from checker.site.colors import tint
from checker.site.filters import RowFacts, filter_controls, row_attributes
from checker.site.formula import render_formulas
from checker.site.markup import esc, relative
from checker.site.pages.paths import task_page, unit_page
from checker.site.progress import History
from checker.site.report_pages import report_page, reports_by_reporter
from checker.site.tables import html_table
from checker.site.titles import display_titles
from checker.wording import time_left


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
        return {key: frozenset(u for u in units if organizations[u].kind is UnitKind.COUNTY)
                for key, units in self.units_of.items()}

    @cached_property
    def involvement(self) -> dict[str, dict[str, list[Role]]]:
        """unit id → {task key → roles}: lead, cooperating, responsible (through groups too), enterprise.

        A unit answerable only through the plan-wide default has the single role Role.DEFAULT."""
        involved: dict[str, dict[str, list[Role]]] = defaultdict(lambda: defaultdict(list))
        for result in self.evaluation.tasks:
            responsible = () if responsible_by_default(result) else result.responsible
            named = ((Role.LEAD, result.lead), (Role.COOPERATING, result.cooperating), (Role.RESPONSIBLE, responsible))
            for role, unit_ids in named:
                for unit_id in unit_ids:
                    for member in self.model.members(unit_id):
                        if role not in involved[member][result.key]:
                            involved[member][result.key].append(role)
            if result.task.project and result.task.project.enterprise:
                involved[result.task.project.enterprise][result.key].append(Role.ENTERPRISE)
            for unit_id in default_units(result, self.model):  # never a unit the task names
                involved[unit_id][result.key].append(Role.DEFAULT)
        return involved


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
        return time_left(result.days_remaining)
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


def _report_row(site: _Site, page: str, report: Report) -> list[str]:
    return [esc(report.reported_on), _unit_links(site, page, [report.reporter]),
            _link(page, report_page(report), report.title), esc(_entries(report)), esc(f"{len(report.observations)}条")]


def _entries(report: Report) -> str:
    """32条（涉及36项任务）: entries as written, and the tasks they name when an entry names several."""
    entries = f"{len(report.selections)}条"
    if all(selection.kind is SelectionKind.TASK for selection in report.selections):
        return entries
    return f"{entries}（涉及{len({update.task_key for update in report.updates})}项任务）"


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


def _why(explanation: str) -> str:
    """An explanation folded under 判定依据 in a status cell."""
    return f'<details class="pc-why"><summary>判定依据</summary>{esc(explanation)}</details>' if explanation else ""


def _ledger_units(site: _Site) -> list[UnitRows]:
    return unit_rows(ledger_rows(site.evaluation, site.context), site.context)
