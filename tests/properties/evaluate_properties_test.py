"""The checker on random valid plans and reports: one status per task, consistent days, nothing from the future.

Each example is a small plan (one to four tasks with random schedules, parents and milestones) and
one to five progress reports with random dates, statuses, counts, completion and forecast dates,
written as YAML and run through the real load and validate stages (tests/unit/evaluate/scenario.py);
the scenario must validate, so the generator only makes data a submitter could legitimately write.
"""

from __future__ import annotations

import dataclasses
import tempfile
import textwrap
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from hypothesis import event, example, given
from hypothesis import strategies as st

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.model.records import Model
from tests.properties.strategies import property_settings
from tests.unit.evaluate.scenario import Scenario, deadline_task

PERIOD_START, PERIOD_END = date(2023, 1, 1), date(2023, 12, 31)
SCHEDULES = ("deadline", "ongoing", "all_year", "plan_period")
_TASK = """\
- id: {id}
  kind: task
  title: 任务{id}
  lead: [city-ecology]
  schedule: {schedule}
  source: {{section: 三（一）1}}
"""


@dataclass(frozen=True)
class TaskSpec:
    id: str
    schedule: str
    start: date | None
    deadline: date | None
    parent: str | None
    milestone: tuple[date, float] | None

    def yaml(self) -> str:
        extra = f"parent: {self.parent}\n" if self.parent else ""
        if self.milestone is not None:
            day, share = self.milestone
            extra += f"milestones:\n  - {{id: m1, text: 阶段节点, date: {day}, share: {share}}}\n"
        if self.schedule == "deadline" and self.deadline is not None:
            return deadline_task(self.id, self.deadline.isoformat(), extra=extra)
        if self.schedule == "ongoing" and self.start is not None:
            schedule = f"{{kind: ongoing, text: {_wording(self.start)}起, start: {self.start}}}"
        elif self.schedule == "all_year":
            schedule = f"{{kind: all_year, text: 全年, start: {self.start}, deadline: {self.deadline}}}"
        else:
            schedule = "{kind: plan_period}"
        return _TASK.format(id=self.id, schedule=schedule) + textwrap.indent(extra, "  ")


@dataclass(frozen=True)
class UpdateSpec:
    task: str
    status: str
    counts: tuple[int, int] | None
    completed_days_earlier: int | None
    forecast_days_later: int | None
    milestone: bool

    def yaml(self, on: date) -> str:
        fields = [f"task: demo-2023/{self.task}", f"status: {self.status}", "quote: 原文摘录。"]
        if self.milestone:
            fields.append("milestone: m1")
        if self.counts is not None:
            fields += [f"done: {self.counts[0]}", f"total: {self.counts[1]}"]
        if self.completed_days_earlier is not None:
            fields.append(f"completed_on: {on - timedelta(days=self.completed_days_earlier)}")
        if self.forecast_days_later is not None:
            forecast = on + timedelta(days=self.forecast_days_later)
            fields.append(f"forecast: {{date: {forecast}, text: 预计{_wording(forecast)}完成}}")
        return "  - {" + ", ".join(fields) + "}\n"


@dataclass(frozen=True)
class PlanSpec:
    tasks: tuple[TaskSpec, ...]
    reports: tuple[tuple[date, tuple[UpdateSpec, ...]], ...]
    as_of: date


def _wording(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@st.composite
def task_specs(draw: st.DrawFn, index: int) -> TaskSpec:
    schedule = draw(st.sampled_from(SCHEDULES))
    first = draw(st.dates(PERIOD_START, PERIOD_END))
    second = draw(st.dates(PERIOD_START, PERIOD_END))
    start, deadline = min(first, second), max(first, second)
    parent = draw(st.none() | st.sampled_from([f"t{i}" for i in range(index)])) if index else None
    milestone = None
    if schedule in ("deadline", "plan_period") and draw(st.booleans()):
        latest = deadline if schedule == "deadline" else PERIOD_END
        milestone = (draw(st.dates(PERIOD_START, latest)), draw(st.sampled_from([0.25, 0.5, 0.75, 1])))
    return TaskSpec(
        f"t{index}", schedule, start if schedule in ("ongoing", "all_year") else None,
        deadline if schedule in ("deadline", "all_year") else None, parent, milestone,
    )


@st.composite
def update_specs(draw: st.DrawFn, task: TaskSpec) -> UpdateSpec:
    status = draw(st.sampled_from(["done", "in_progress", "not_started"]))
    total = draw(st.none() | st.integers(1, 40))
    if total is None:
        counts = None
    elif status == "done":
        counts = (total, total)
    else:
        counts = (draw(st.integers(0, total)), total)
    done = status == "done"
    return UpdateSpec(
        task.id, status, counts,
        completed_days_earlier=draw(st.none() | st.integers(0, 60)) if done else None,
        forecast_days_later=None if done else draw(st.none() | st.integers(0, 200)),
        milestone=done and task.milestone is not None and draw(st.booleans()),
    )


@st.composite
def plan_specs(draw: st.DrawFn) -> PlanSpec:
    count = draw(st.integers(1, 4))
    tasks = tuple(draw(task_specs(index)) for index in range(count))
    days = draw(st.lists(st.dates(PERIOD_START, date(2024, 3, 31)), min_size=1, max_size=5, unique=True))
    reports = []
    for day in days:
        chosen = draw(st.lists(st.sampled_from(tasks), min_size=1, max_size=count, unique_by=lambda t: t.id))
        reports.append((day, tuple(draw(update_specs(task)) for task in chosen)))
    return PlanSpec(tasks, tuple(reports), draw(st.dates(date(2022, 12, 1), date(2024, 6, 30))))


def build(spec: PlanSpec, root: Path) -> Model:
    """Write the plan and its reports into a fresh tree and return the validated model."""
    scenario = Scenario(root).plan(tasks="".join(task.yaml() for task in spec.tasks))
    for day, updates in spec.reports:
        scenario.report(day.isoformat(), "updates:\n" + "".join(update.yaml(day) for update in updates))
    return scenario.model()


def evaluated(spec: PlanSpec) -> tuple[Model, Evaluation]:
    with tempfile.TemporaryDirectory() as directory:
        model = build(spec, Path(directory))
    return model, evaluate(model, spec.as_of)


@property_settings(max_examples=150)
@given(plan_specs())
def test_every_task_gets_one_result_whose_light_follows_its_status(spec: PlanSpec) -> None:
    """One result per task, in plan order; the light is the status's own, or grey for a stale ongoing duty."""
    model, evaluation = evaluated(spec)
    assert [r.key for r in evaluation.tasks] == [t.key for t in model.plans["demo-2023"].tasks]
    for result in evaluation.tasks:
        event(f"{result.status.value}{' (parent)' if result.children else ''}")
        assert result.light is result.status.light or (result.status, result.light) == (TaskStatus.ONGOING, Light.GREY)
        if result.days_remaining is not None:
            assert result.due is not None and result.due >= spec.as_of and not result.status.is_done, result


# Found by this property: a parent past its own deadline whose only child is done is done late, but kept
# the 41 days overdue of its own verdict (the site printed "✔ 逾期完成" next to "逾期41天"). Fixed in the
# roll-up (3c049b3); kept as an explicit example so it stays fixed.
PARENT_DONE_THROUGH_ITS_CHILD = PlanSpec(
    tasks=(
        TaskSpec("t0", "deadline", start=None, deadline=date(2023, 6, 30), parent=None, milestone=None),
        TaskSpec("t1", "deadline", start=None, deadline=date(2023, 12, 31), parent="t0", milestone=None),
    ),
    reports=((date(2023, 8, 1), (UpdateSpec("t1", "done", None, None, None, milestone=False),)),),
    as_of=date(2023, 8, 10),
)


@property_settings(max_examples=150)
@given(plan_specs())
@example(PARENT_DONE_THROUGH_ITS_CHILD)
def test_days_overdue_are_given_exactly_for_overdue_tasks(spec: PlanSpec) -> None:
    """Days overdue only on an overdue status, and always on one the task's own deadline or milestone gives.

    A parent overdue only through its children (rollup_note) keeps the days of its own deadline: none
    before it (the site once printed 逾期184天 next to a deadline 91 days ahead).
    """
    _model, evaluation = evaluated(spec)
    for result in evaluation.tasks:
        if result.days_overdue is not None:
            assert result.status.is_overdue and result.days_overdue > 0, result
        elif result.status.is_overdue:
            assert result.rollup_note is not None, result


@property_settings(max_examples=150)
@given(plan_specs())
def test_a_passed_deadline_without_completion_is_overdue_by_the_days_since(spec: PlanSpec) -> None:
    """A task without children, not done, past its deadline is overdue by exactly as_of minus deadline:
    逾期未完成 when anything was reported on it, 逾期未报送 when nothing was."""
    _model, evaluation = evaluated(spec)
    for result in evaluation.tasks:
        if result.children or result.status.is_done or result.due is None:
            continue
        if spec.as_of > result.due:
            expected = TaskStatus.OVERDUE if result.updates else TaskStatus.OVERDUE_UNREPORTED
            assert (result.status, result.days_overdue) == (expected, (spec.as_of - result.due).days)


@property_settings(max_examples=150)
@given(plan_specs())
def test_a_done_task_has_a_known_completion_date(spec: PlanSpec) -> None:
    """Done means completed by a day no later than as_of; on time, late or unknown exactly as the bounds say."""
    _model, evaluation = evaluated(spec)
    for result in evaluation.tasks:
        if not result.status.is_done:
            continue
        completion = result.completion
        assert completion is not None and completion.latest <= spec.as_of, result
        assert completion.earliest is None or completion.earliest <= completion.latest, result
        if result.due is None or completion.latest <= result.due:
            assert result.status is TaskStatus.DONE, result
        elif completion.earliest is not None and completion.earliest > result.due:
            assert result.status is TaskStatus.DONE_LATE, result
        else:
            assert result.status is TaskStatus.DONE_UNDATED, result


@property_settings(max_examples=100)
@given(plan_specs())
def test_evaluation_is_repeatable_and_blind_to_reports_after_as_of(spec: PlanSpec) -> None:
    """The same model gives equal results twice, and dropping reports dated after as_of changes nothing."""
    model, evaluation = evaluated(spec)
    assert evaluate(model, spec.as_of) == evaluation
    known = tuple(report for report in model.reports if report.reported_on <= spec.as_of)
    assert evaluate(dataclasses.replace(model, reports=known), spec.as_of) == evaluation

