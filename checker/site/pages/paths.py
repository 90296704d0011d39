"""Where each generated page lives (docs-relative paths) and the page-level constants."""

from __future__ import annotations

HOME = "index.md"


OVERDUE = "overdue.md"


PLANS = "plans/index.md"


UNITS = "units/index.md"


INDICATORS = "indicators.md"


DISCREPANCIES = "discrepancies.md"


DOWNLOADS = "downloads.md"


def plan_page(plan_id: str) -> str:
    return f"plans/{plan_id}.md"


def task_page(task_key: str) -> str:
    return f"tasks/{task_key}.md"


def unit_download(unit_id: str) -> str:
    """Where a unit's fill-in ledger is offered, relative to docs/."""
    return f"downloads/units/{unit_id}.xlsx"


def unit_page(unit_id: str) -> str:
    return f"units/{unit_id}.md"


# Material's query segmenter splits a Chinese query into tokens it finds in the index and matches
# each as a prefix, so a unit's or plan's own page competes with every task that mentions it.
# Boosting those pages puts "what is mine" first when someone searches for a unit or a plan.
UNIT_SEARCH_BOOST = 4


PLAN_SEARCH_BOOST = 3
