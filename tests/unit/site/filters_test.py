"""Task-table filters: units in registry order, only real choices offered, the data each row carries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.site.filters import RowFacts, filter_controls, registry_order, row_attributes
from checker.workspace import open_workspace
from tests.support import copy_base

AS_OF = date(2023, 11, 20)


def test_registry_order_lists_offices_as_the_registry_does_and_enterprises_last(tmp_path: Path) -> None:
    """Units in filters follow the registry's order, government first and enterprises last."""
    model = open_workspace([copy_base(tmp_path)], AS_OF).validation.model
    units = ["ent-steel", "county-b", "city-industry", "county-a", "city-ecology", "city-gov"]
    assert sorted(units, key=registry_order(model)) == [
        "city-gov", "city-ecology", "city-industry", "county-a", "county-b", "ent-steel"]


def test_controls_offer_only_filters_with_a_choice_and_rows_say_whether_reported(tmp_path: Path) -> None:
    """A filter with one choice is not offered, and each row carries whether it was reported."""
    model = open_workspace([copy_base(tmp_path)], AS_OF).validation.model
    results = evaluate(model, AS_OF).tasks
    facts = RowFacts({r.key: frozenset({"city-ecology"}) for r in results}, {r.key: frozenset() for r in results})
    controls = filter_controls(model, results, facts, "pc-x", "project-")
    assert 'data-pc-table="pc-x" data-pc-query="project-"' in controls
    assert 'data-pc-filter="status"' in controls
    assert 'data-pc-filter="unit"' not in controls and 'data-pc-filter="county"' not in controls  # one choice each
    attributes = row_attributes(results, facts)
    assert all('data-unit="city-ecology" data-county=""' in a for a in attributes)
    assert {a.rsplit("data-reported=", 1)[1] for a in attributes} <= {'"yes"', '"no"'}
