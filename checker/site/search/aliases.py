"""Whole terms a page is known by, beyond its title: a unit's names as people say them.

A unit is called by its full name (邯郸市生态环境局), its registry aliases (市生态环境局) and the
same without the city (生态环境局); a plan by its short title and document number; the overdue page
by the labels of the statuses it lists, the home page (which counts them) by every status label. Each becomes a
whole term of the page (segment.whole), so a query that is exactly one of them puts the page first.
"""

from __future__ import annotations

from checker.evaluate.vocabulary import TaskStatus
from checker.model.records import Model
from checker.report.views import AT_RISK
from checker.site.pages import HOME, OVERDUE, plan_page, unit_page

PREFIXES = ("市", "县")
# How people shorten the standard names of government departments; the registries hold the long forms.
ABBREVIATIONS = {
    "工业和信息化局": "工信局", "发展和改革委员会": "发改委", "发展改革委": "发改委",
    "住房和城乡建设局": "住建局", "住房城乡建设局": "住建局", "人力资源和社会保障局": "人社局",
    "人力资源社会保障局": "人社局", "市场监督管理局": "市场监管局", "自然资源和规划局": "自然资源局",
    "城市管理综合行政执法局": "城管局", "生态环境局": "环保局", "交通运输局": "交通局", "农业农村局": "农业局",
}
# 邯郸市…, 武安市…: the place name before 市/县 is at most three characters in the registries.
PLACE_NAME = 3


def name_variants(name: str) -> list[str]:
    """name, and name without its place (市生态环境局, 生态环境局) or without a leading 市/县."""
    variants = [name]
    if name[:1] in PREFIXES and len(name) > 2:
        variants.append(name[1:])
    for position in range(1, PLACE_NAME + 1):
        if name[position:position + 1] in PREFIXES and len(name) > position + 2:
            rest = name[position + 1:]
            variants += [name[position] + rest, rest]
            break
    return variants


def search_aliases(model: Model) -> dict[str, list[str]]:
    """docs path → whole terms of that page."""
    found: dict[str, list[str]] = {
        HOME: [status.label for status in TaskStatus],
        OVERDUE: [status.label for status in AT_RISK],
    }
    for organization in model.organizations.values():
        names = [organization.name, *organization.aliases]
        names += [name.replace(long, short) for name in names for long, short in ABBREVIATIONS.items() if long in name]
        found[unit_page(organization.id)] = sorted({v for name in names for v in name_variants(name)})
    for plan in model.plans.values():
        found[plan_page(plan.id)] = sorted({name for name in (plan.short_title, plan.number) if name})
    return found
