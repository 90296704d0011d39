"""What a progress-report skeleton offers a unit: the work it is expected to report now, or exactly what it names.

Pure: the model, an evaluation as of the report date and the request in, the chosen items out.
Everything offered is something the unit may report (the PC402 rule, `reportable`). Within that:

- by default, the work the unit is expected to report on the report date:
  1. open tasks (neither done nor cancelled) that name the unit — as lead, cooperating or named
     responsible unit, itself or through a group; a plan-wide default such as 各县（市、区）人民
     政府 does not count, nor does leading the task above a breakdown or project row —
  2. other open tasks it may report that are past a deadline (its overdue items),
  both in plans in force on the report date (within the plan period) or named with `--plan`;
  3. open tasks the unit has reported on before, in any plan: what it said was under way stays
     on its list until it reports it done;
  4. the indicators of plans in force (or named with `--plan`) that it may report;
- `tasks` (`--task`): exactly the named tasks and indicators, whatever their status;
- `match` (`--match`): the open items whose title, target or name contains the text;
- `everything` (`--all`): every open item it may report.

Named tasks first, then those answerable only through a plan-wide default; within each, most
urgent first: by status, then deadline. docs/guide/submit.md states the same rule.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from checker.errors import PlancheckError
from checker.evaluate.results import Evaluation, IndicatorResult, TaskResult
from checker.evaluate.vocabulary import TaskStatus
from checker.model.records import Model, Plan
from checker.report.views import default_units
from checker.validate.permissions import Reportable, reportable_index


@dataclass(frozen=True)
class Offer:
    """The request: whose report, on which date, and which items (see the module docstring)."""

    unit: str
    on: date
    plans: tuple[str, ...] = ()
    tasks: tuple[str, ...] = ()
    match: tuple[str, ...] = ()
    everything: bool = False

    @property
    def by_default(self) -> bool:
        return not (self.tasks or self.match or self.everything)


@dataclass(frozen=True)
class Offering:
    """The chosen items, most urgent first, and how many open items the request left out."""

    tasks: list[TaskResult]
    indicators: list[IndicatorResult]
    left_out: int
    left_out_of_ended_plans: int


def select(model: Model, evaluation: Evaluation, offer: Offer, index: Reportable | None = None) -> Offering:
    """What the request offers; `index` (reportable_index of the model) when asking for many units."""
    allowed_tasks, allowed_indicators = (index or reportable_index(model)).of(offer.unit)
    task_keys = {task.key for task in allowed_tasks if not offer.plans or task.plan in offer.plans}
    indicator_keys = {i.key for i in allowed_indicators if not offer.plans or i.plan in offer.plans}
    _check_named(model, offer, task_keys | indicator_keys)
    tasks = [r for r in evaluation.tasks if r.key in task_keys]
    indicators = [r for r in evaluation.indicators if r.key in indicator_keys]
    open_tasks = [r for r in tasks if _is_open(r)]
    keep_task, keep_indicator = _rules(model, offer)
    # Tasks that name the unit lead; those it answers for only through a plan-wide default follow.
    def urgency(r: TaskResult) -> tuple[bool, int, date, str]:
        return offer.unit in default_units(r, model), r.status.risk, r.due or date.max, r.key

    chosen_tasks = sorted((r for r in tasks if keep_task(r)), key=urgency)
    chosen_indicators = [r for r in indicators if keep_indicator(r)]
    left = [r for r in open_tasks if not keep_task(r)] + [r for r in indicators if not keep_indicator(r)]
    ended = sum(1 for r in left if not _in_force(model.plans[_plan_of(r)], offer.on))
    return Offering(chosen_tasks, chosen_indicators, len(left), ended)


def _rules(model: Model, offer: Offer) -> tuple[Callable[[TaskResult], bool], Callable[[IndicatorResult], bool]]:
    """Which tasks and which indicators the request keeps."""
    if offer.everything:
        return _is_open, lambda _: True
    if not offer.by_default:
        named = set(offer.tasks)
        return (lambda r: r.key in named or (_is_open(r) and _matches(offer.match, r.title, r.target)),
                lambda r: r.key in named or _matches(offer.match, r.indicator.name))
    reported = {u.task_key for report in model.reports if report.reporter == offer.unit for u in report.updates}

    def current(plan_id: str) -> bool:
        return plan_id in offer.plans or _in_force(model.plans[plan_id], offer.on)

    def keep_task(result: TaskResult) -> bool:
        if not _is_open(result):
            return False
        if result.key in reported:
            return True
        return current(result.task.plan) and (_names(model, result, offer.unit) or bool(result.days_overdue))

    return keep_task, lambda r: current(r.indicator.plan)


def _is_open(result: TaskResult) -> bool:
    return not result.status.is_done and result.status is not TaskStatus.CANCELLED


def _in_force(plan: Plan, on: date) -> bool:
    return plan.period_start <= on <= plan.period_end


def _names(model: Model, result: TaskResult, unit: str) -> bool:
    """Whether the task names the unit (or a group it belongs to); a plan-wide default names nobody."""
    responsible = () if result.task.responsible_is_default else result.responsible
    return any(unit == named or unit in model.members(named)
               for named in (*result.lead, *result.cooperating, *responsible))


def _matches(words: tuple[str, ...], *texts: str | None) -> bool:
    """Whether any word occurs in any text, spaces ignored (PDF extraction scatters them)."""
    joined = "".join("".join(text.split()) for text in texts if text)
    return any("".join(word.split()) in joined for word in words if word.strip())


def _plan_of(result: TaskResult | IndicatorResult) -> str:
    return result.task.plan if isinstance(result, TaskResult) else result.indicator.plan


def _check_named(model: Model, offer: Offer, allowed: set[str]) -> None:
    """Every --task ID must exist and be the unit's to report; the message says what to write instead."""
    known = set(model.tasks) | set(model.indicators)
    for key in offer.tasks:
        if key.count("/") != 1 or key.startswith((".", "/")) or key.endswith("/"):  # `--task a/b policy`
            raise PlancheckError(f"“{key}”不是“规划ID/任务ID”的写法。policy 目录请写在 --task 之前。")
        if key not in known:
            close = difflib.get_close_matches(key, sorted(allowed), n=3, cutoff=0.6)
            hint = f"是否应为：{'、'.join(close)}？" if close else "任务写作“规划ID/任务ID”，可在网站任务页查到。"
            raise PlancheckError(f"任务或指标“{key}”不存在。{hint}")
        if key not in allowed:
            scope = "（或不在 --plan 指定的规划中）" if offer.plans else ""
            raise PlancheckError(f"{model.unit_name(offer.unit)}无权报送“{key}”{scope}，见错误代码 PC402 的说明。")
