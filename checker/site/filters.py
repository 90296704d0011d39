"""Filters for a task table: the controls above it and the data each row carries for them. Pure.

Five filters, each shown only when it would offer a choice (two options or more): plan, status,
unit (the tasks that name it, enterprise included), county (named through a task's units) and
reported or not. Each row carries its values as data-plan, data-status, data-unit, data-county
and data-reported (space-separated IDs); docs/assets/tables.js hides the rows that do not
match and keeps the choices in the page's query string (`?status=overdue_unreported&unit=…`), so
a filtered view can be shared as a link and reopens filtered. A second table on the same page
prefixes its keys (`project-county=…`).

Units are offered in registry order (policy/organizations/, departments before enterprises),
the order a government lists its offices in, never by character code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from checker.evaluate.labels import label
from checker.evaluate.results import TaskResult
from checker.model.records import Model, UnitKind
from checker.site.markup import esc

# Kinds in the order a government lists its offices; anything else after, enterprises last.
_KIND_ORDER = ("government", "leading_group_office", "committee", "department", "bureau_branch",
               "county", "management_committee", "other", "enterprise")


def registry_order(model: Model) -> Callable[[str], tuple[int, int]]:
    """A sort key for unit IDs: the kind's rank, then the position in policy/organizations/."""
    position = {unit_id: index for index, unit_id in enumerate(model.organizations)}

    def key(unit_id: str) -> tuple[int, int]:
        organization = model.organizations.get(unit_id)
        kind = organization.kind if organization is not None else "other"
        rank = _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER) - 1
        return rank, position.get(unit_id, len(position))

    return key


@dataclass(frozen=True)
class RowFacts:
    """What the filters know about each task: the units and counties it names (by task key)."""

    units_of: Mapping[str, frozenset[str]]
    counties_of: Mapping[str, frozenset[str]]


def row_attributes(results: Sequence[TaskResult], facts: RowFacts) -> list[str]:
    return [
        f'data-plan="{esc(r.task.plan)}" data-status="{r.status.value}" '
        f'data-unit="{esc(" ".join(sorted(facts.units_of[r.key])))}" '
        f'data-county="{esc(" ".join(sorted(facts.counties_of[r.key])))}" '
        f'data-reported="{"yes" if r.updates else "no"}"'
        for r in results
    ]


def filter_controls(model: Model, results: Sequence[TaskResult], facts: RowFacts, table_id: str,
                    query_prefix: str = "") -> str:
    """The labelled selects above table_id, the ones with a real choice only, and a live row count."""
    order = registry_order(model)
    plans = [p for p in model.plans if any(r.task.plan == p for r in results)]
    statuses = sorted({r.status for r in results}, key=lambda s: s.risk)
    units = sorted({u for r in results for u in facts.units_of[r.key]}, key=order)
    counties = sorted({u for r in results for u in facts.counties_of[r.key]}, key=order)
    reported = sorted({bool(r.updates) for r in results}, reverse=True)
    choices = [
        ("plan", "规划", [(p, model.plans[p].short_title or model.plans[p].title) for p in plans]),
        ("status", "状态", [(s.value, s.label) for s in statuses]),
        ("unit", "单位", [(u, model.unit_name(u)) for u in units]),
        ("county", label(UnitKind.COUNTY), [(c, model.unit_name(c)) for c in counties]),
        ("reported", "报送", [("yes" if r else "no", "已报送" if r else "从未报送") for r in reported]),
    ]
    selects = "".join(_select(name, title, options, table_id) for name, title, options in choices if len(options) > 1)
    if not selects:
        return ""
    return (f'<div class="pc-filters" data-pc-table="{esc(table_id)}" data-pc-query="{esc(query_prefix)}">'
            f'{selects}<span class="pc-filter-count" aria-live="polite" data-pc-count="{esc(table_id)}"></span></div>')


def _select(name: str, label: str, options: Iterable[tuple[str, str]], table_id: str) -> str:
    items = "".join(f'<option value="{esc(value)}">{esc(text)}</option>' for value, text in options)
    return (f'<label>{esc(label)} <select data-pc-filter="{name}" aria-controls="{esc(table_id)}">'
            f'<option value="">全部</option>{items}</select></label>')
