"""Unit pages and the unit index."""

from __future__ import annotations

from collections import defaultdict

from checker.evaluate.labels import Role, label
from checker.model.records import Organization, UnitKind
from checker.report.views import risk_order
from checker.site.filters import registry_order
from checker.site.form_page import form_link
from checker.site.markup import esc, md, relative_md
from checker.site.pages.kit import (
    _TASK_HEADERS,
    _filterable_table,
    _front_matter,
    _link,
    _Site,
    _status_counts,
    _table,
    _task_rows,
)
from checker.site.pages.paths import UNIT_SEARCH_BOOST, UNITS, unit_download, unit_page
from checker.site.pages.plans import _progress_figure
from checker.site.report_pages import unit_reports_section


def _unit(site: _Site, organization: Organization, roles: dict[str, list[Role]]) -> str:
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
    named = [r for r in results if roles[r.key] != [Role.DEFAULT]]
    default = [r for r in results if roles[r.key] == [Role.DEFAULT]]
    if named:
        lines += [f"点名本单位的任务 {len(named)} 项（牵头、配合、责任单位或项目清单），逾期的排在前面：", "",
                  _status_counts(site, named), ""]
        lines += _progress_figure(site, [r.key for r in named], organization.name, organization.id, None,
                                  stacked=False)
        lines.append(_filterable_table(site, page, named, "pc-unit-tasks",
                                       extra=("本单位角色", [esc("、".join(map(label, roles[r.key]))) for r in named])))
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


# The sections of the index, in order; a management committee answers for its area as a county does.
_SECTIONS = (UnitKind.COUNTY, UnitKind.DEPARTMENT, UnitKind.BUREAU_BRANCH, UnitKind.LEADING_GROUP_OFFICE,
             UnitKind.COMMITTEE, UnitKind.GOVERNMENT, UnitKind.ENTERPRISE, UnitKind.OTHER)
_SECTION_OF = {UnitKind.MANAGEMENT_COMMITTEE: UnitKind.COUNTY}


def _units_index(site: _Site) -> str:
    page = UNITS
    lines = ["# 单位", "", "点击单位名称查看其牵头、配合或负责的全部任务。“点名任务”是任务本身列出本单位的"
             "（牵头、配合、责任单位或项目清单）；“统一规定”是任务未点名、只因规划统一规定"
             "（如“各县（市、区）人民政府”）而相关的，分开计数。逾期只计点名任务。", ""]
    by_kind: dict[UnitKind, list[Organization]] = defaultdict(list)
    registry = registry_order(site.model)
    for organization in site.model.organizations.values():
        by_kind[_SECTION_OF.get(organization.kind, organization.kind)].append(organization)
    for section in sorted(by_kind, key=_SECTIONS.index):
        rows = []
        for organization in sorted(by_kind[section], key=lambda o: (o.jurisdiction, registry(o.id))):
            roles = site.involvement.get(organization.id, {})
            named = [site.by_key[key] for key, held in roles.items() if held != [Role.DEFAULT]]
            overdue = sum(r.status.is_overdue for r in named)
            rows.append([_link(page, unit_page(organization.id), organization.name),
                         esc(site.model.jurisdictions.get(organization.jurisdiction, organization.jurisdiction)),
                         esc(len(named)), esc(overdue), esc(len(roles) - len(named))])
        headers = ("单位", "所属", "点名任务", "逾期", label(Role.DEFAULT))
        lines += [f"## {md(label(section))}", "", _table(headers, rows)]
    return "\n".join(lines)
