"""plancheck check: the status of every task, milestone and indicator as of a date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.errors import ExitCode, PlancheckError
from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import FailOn
from checker.model.records import Model
from checker.report.check import CHECK_REPORTERS
from checker.report.findings import FINDINGS_REPORTERS
from checker.report.views import ReportContext, involves
from checker.workspace import DEFAULT_CACHE, CachePolicy, open_workspace


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[Path, ...]
    as_of: date
    today: date
    format: str
    fail_on: FailOn
    plans: tuple[str, ...]
    unit: str | None
    color: bool
    cache: CachePolicy = DEFAULT_CACHE


def narrow(evaluation: Evaluation, model: Model, plans: tuple[str, ...], unit: str | None) -> Evaluation:
    """Keep only the given plans and the tasks a unit is involved in."""
    for plan_id in plans:
        if plan_id not in model.plans:
            raise PlancheckError(f"规划“{plan_id}”不存在。可选：{'、'.join(sorted(model.plans))}。")
    if unit is not None and unit not in model.organizations and unit not in model.groups:
        raise PlancheckError(f"单位“{unit}”不在单位名录中。")
    keep = set(plans) or set(model.plans)
    tasks = tuple(
        r for r in evaluation.tasks if r.task.plan in keep and (unit is None or involves(r, unit, model))
    )
    indicators = tuple(r for r in evaluation.indicators if r.indicator.plan in keep and unit is None)
    return replace(evaluation, plans=tuple(p for p in evaluation.plans if p.id in keep), tasks=tasks,
                   indicators=indicators)


def run(options: CheckOptions, stdout: TextIO) -> int:
    # A report dated after a past as-of date is valid, just not yet known then: evaluate() skips it.
    # Only a report dated after today, the real date passed in from the edge, is a validation error.
    workspace = open_workspace(options.paths, options.today, options.cache)
    validation = workspace.validation
    if not validation.valid:
        findings_format = options.format if options.format in FINDINGS_REPORTERS else "text"
        FINDINGS_REPORTERS[findings_format](validation.findings, len(workspace.documents), stdout)
        return ExitCode.INVALID
    evaluation = narrow(evaluate(validation.model, options.as_of), validation.model, options.plans, options.unit)
    CHECK_REPORTERS[options.format](evaluation, ReportContext(validation.model, options.color), stdout)
    tripped = any(options.fail_on.trips(result.status) for result in evaluation.tasks)
    return ExitCode.FINDINGS if tripped else ExitCode.OK
