"""The site's pages as Markdown, from one evaluation: a pure function, one module per page family.

The home page is added by checker.site.build (it needs the progress history); `kit` holds what
every page uses."""

from __future__ import annotations

from checker.evaluate.results import Evaluation
from checker.report.views import ReportContext
from checker.site.pages.downloads import _downloads
from checker.site.pages.kit import _Site
from checker.site.pages.overdue import _overdue
from checker.site.pages.paths import (
    DISCREPANCIES,
    DOWNLOADS,
    HOME,
    INDICATORS,
    OVERDUE,
    PLANS,
    UNITS,
    plan_page,
    task_page,
    unit_download,
    unit_page,
)
from checker.site.pages.plans import _discrepancies, _indicators, _plan, _plans_index
from checker.site.pages.tasks import _task
from checker.site.pages.units import _unit, _units_index
from checker.site.progress import History


def build_pages(evaluation: Evaluation, context: ReportContext, history: History | None = None) -> dict[str, str]:
    """Every generated page but the home page (checker.site.pages.home), keyed by its path under docs/.

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

__all__ = [
    "DISCREPANCIES", "DOWNLOADS", "HOME", "INDICATORS", "OVERDUE", "PLANS", "UNITS",
    "build_pages", "plan_page", "task_page", "unit_download", "unit_page",
]
