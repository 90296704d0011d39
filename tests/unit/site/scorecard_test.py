"""Who is behind: headline figures and the per-unit scorecard, named tasks only, worst first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.model.records import Model
from checker.site.scorecard import Headline, headline, scorecard
from checker.workspace import open_workspace
from tests.unit.report.check_scenario import AS_OF, build


def _evaluated(tmp_path: Path) -> tuple[Evaluation, Model]:
    as_of = date.fromisoformat(AS_OF)
    model = open_workspace([build(tmp_path)], as_of).validation.model
    return evaluate(model, as_of), model


def test_the_headline_counts_overdue_unreported_and_due_soon(tmp_path: Path) -> None:
    """t1 is reported unfinished past its deadline, t5 has no report at all; t2 is due in 20 days."""
    evaluation, _ = _evaluated(tmp_path)
    assert headline(evaluation.tasks) == Headline(overdue=2, unreported=1, due_soon=1)


def test_units_are_ranked_worst_first_with_ties_in_registry_order(tmp_path: Path) -> None:
    """county-b (one overdue, unreported) before city-ecology (one overdue, reported; one due soon): at equal
    overdue counts the unreported weigh more. The two without overdue tasks keep the registry's order; units
    named by no task (city-gov, ent-steel: an enterprise is not named) are absent."""
    evaluation, model = _evaluated(tmp_path)
    scores = scorecard(evaluation, model)
    assert [s.unit_id for s in scores] == ["county-b", "city-ecology", "city-industry", "county-a"]
    ecology = scores[1]
    assert (ecology.tasks, ecology.overdue, ecology.unreported, ecology.due_soon, ecology.done) == (5, 1, 0, 1, 2)


def test_the_on_time_rate_counts_only_deadlines_met_or_missed(tmp_path: Path) -> None:
    """city-industry's only task was done late: 0 of 1 on time; a task still open is not in the rate."""
    evaluation, model = _evaluated(tmp_path)
    industry = next(s for s in scorecard(evaluation, model) if s.unit_id == "city-industry")
    assert (industry.on_time, industry.judged, industry.on_time_rate) == (0, 1, 0.0)
    ecology = next(s for s in scorecard(evaluation, model) if s.unit_id == "city-ecology")
    assert ecology.judged == 2  # t1 overdue, t3 done late; t2, t4 not yet due; t6 done at an unknown date
