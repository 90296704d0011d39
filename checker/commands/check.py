"""plancheck check: the status of every task, milestone and indicator as of a date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.commands.common import open_valid_workspace, require_plans, require_unit
from checker.errors import ExitCode
from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import FailOn
from checker.model.records import Model
from checker.report.check import CHECK_REPORTERS
from checker.report.views import ReportContext, involves
from checker.workspace import DEFAULT_CACHE, CachePolicy


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[Path, ...]
    as_of: date  # the evaluation date
    checked_on: date  # reports dated after it are errors; a report after a past as_of is valid, just not known yet
    format: str
    fail_on: FailOn
    plans: tuple[str, ...]
    unit: str | None
    color: bool
    cache: CachePolicy = DEFAULT_CACHE
    with_default: bool = False  # with --unit: also tasks the unit answers for only through a plan-wide default


def narrow(
    evaluation: Evaluation, model: Model, plans: tuple[str, ...], unit: str | None, with_default: bool = False,
) -> Evaluation:
    """Keep only the given plans and the tasks that name a unit (with_default: or that it answers for by default).

    The plans and the unit must exist (`require_plans`, `require_unit`).
    """
    keep = set(plans) or set(model.plans)
    tasks = tuple(
        r for r in evaluation.tasks
        if r.task.plan in keep and (unit is None or involves(r, unit, model, with_default=with_default))
    )
    indicators = tuple(r for r in evaluation.indicators if r.indicator.plan in keep and unit is None)
    return replace(evaluation, plans=tuple(p for p in evaluation.plans if p.id in keep), tasks=tasks,
                   indicators=indicators)


def _default_note(with_default: Evaluation, named: Evaluation) -> str:
    """The tasks left out because the unit answers for them only through a plan-wide default, counted apart."""
    extra = len(with_default.tasks) - len(named.tasks)
    if not extra:
        return ""
    overdue = sum(r.status.is_overdue for r in with_default.tasks) - sum(r.status.is_overdue for r in named.tasks)
    return (f"\n另有 {extra} 项任务没有点名本单位，只因规划统一规定（如“各县（市、区）人民政府”）而相关，"
            f"其中逾期 {overdue} 项；未列入以上统计。加 --with-default 一并列出。\n")


def run(options: CheckOptions, stdout: TextIO) -> int:
    workspace = open_valid_workspace(options.paths, options.checked_on, stdout, options.format, options.cache)
    if workspace is None:
        return ExitCode.INVALID
    model = workspace.validation.model
    require_plans(model, options.plans)
    if options.unit is not None:
        require_unit(model, options.unit, suggest=False)
    full = evaluate(model, options.as_of)
    evaluation = narrow(full, model, options.plans, options.unit, options.with_default)
    CHECK_REPORTERS[options.format](evaluation, ReportContext(model, options.color), stdout)
    if options.unit is not None and not options.with_default and options.format in ("text", "markdown"):
        stdout.write(_default_note(narrow(full, model, options.plans, options.unit, True), evaluation))
    tripped = any(options.fail_on.trips(result.status) for result in evaluation.tasks)
    return ExitCode.FINDINGS if tripped else ExitCode.OK
