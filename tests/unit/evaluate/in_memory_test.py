"""Records built in memory, with no file on disk: a record's origin is a plain value (file, path, line)."""

from __future__ import annotations

from datetime import date
from typing import Any

from checker.evaluate import evaluate
from checker.evaluate.vocabulary import Light, TaskStatus
from checker.model.build import DEFAULT_SETTINGS, build_plan, build_report
from checker.model.records import Model, Origin

PLAN: dict[str, Any] = {
    "id": "demo-2023", "title": "示例市工作方案", "kind": "annual_work_plan", "jurisdiction": "city",
    "document": {"number": "示气领办〔2023〕1号", "issuer": "city-air-office", "issued": "2023-01-01"},
    "period": {"start": "2023-01-01", "end": "2023-12-31"},
    "tasks": [{"id": "t1", "kind": "task", "title": "任务t1", "lead": ["city-ecology"],
               "schedule": {"kind": "deadline", "text": "2023年11月15日", "deadline": "2023-11-15"}}],
}


def _model(*reports: dict[str, Any]) -> Model:
    plan = build_plan("plans/demo.yaml", PLAN)
    built = tuple(build_report(f"progress/city-ecology/{n}.yaml", data, "city-ecology", {plan.id: plan})
                  for n, data in enumerate(reports))
    return Model({}, {}, {plan.id: plan}, built, DEFAULT_SETTINGS)


def test_a_plan_built_from_a_mapping_evaluates_like_one_read_from_a_file() -> None:
    """The same status and wording as tasks_test's first case, without writing YAML anywhere."""
    (result,) = evaluate(_model(), date(2023, 11, 23)).tasks
    assert (result.status, result.light, result.days_overdue) == (TaskStatus.OVERDUE_UNREPORTED, Light.RED, 8)
    assert result.explanation == "截止2023-11-15，已逾期8天，未报送任何进展"
    assert result.task.origin == Origin("plans/demo.yaml", ("tasks", 0), 1)


def test_a_report_built_from_a_mapping_is_read_as_progress() -> None:
    """A report built from a mapping is the task's latest progress, and its origin places a problem at a JSON
    path."""
    report = {"reporter": "city-ecology", "date": "2023-10-01",
              "source": {"title": "示例市生态环境局工作动态", "date": "2023-10-01"},
              "updates": [{"task": "demo-2023/t1", "status": "in_progress", "quote": "推进中。"}]}
    (result,) = evaluate(_model(report), date(2023, 11, 23)).tasks
    assert (result.status, result.light, result.days_overdue) == (TaskStatus.OVERDUE, Light.RED, 8)
    assert result.explanation == "截止2023-11-15，已逾期8天，最近报送：2023-10-01 示例市生态环境局工作动态（推进中）"
    assert result.task.origin.at("PC203", "…", "lead").path == ("tasks", 0, "lead")
