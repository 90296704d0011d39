"""Records built in memory for unit tests of the rules: a registry, a plan and reports as mappings.

No file is written: each builder takes a mapping shaped like the YAML file (schema-valid) and
gives the records the validate stage would build. A test copies a default (`plan_data`,
`task_data`, `report_data`), changes the one field its rule reads, and asks the rule for its
problems as `(code, file, JSON path)`: the exact position in the data, which the locator turns
into a line and column (tested in tests/unit/load/locate_test.py and, end to end, in tests/acceptance/corpus).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from checker.changes import Side
from checker.evaluate import evaluate
from checker.findings import Problem
from checker.load.locate import Locator
from checker.model.build import DEFAULT_SETTINGS, build_plan, build_registry, build_report
from checker.model.records import Model
from checker.validate.references import Known

PLAN_FILE = "plans/demo-2023.yaml"
REGISTRY_FILE = "organizations/demo-city.yaml"
REPORT_FILE = "progress/city-ecology/2023-06-01-report.yaml"
ROOT = Path("/nonexistent/policy")  # a side's policy root; files outside it are shown as named

_REGISTRY: dict[str, Any] = {
    "jurisdiction": {"id": "demo-city", "name": "示例市"},
    "organizations": [
        {"id": "city-gov", "name": "示例市人民政府", "kind": "government"},
        {"id": "city-air-office", "name": "示例市大气办", "kind": "leading_group_office"},
        {"id": "city-ecology", "name": "示例市生态环境局", "kind": "department", "aliases": ["市生态环境局"]},
        {"id": "city-housing", "name": "示例市住房和城乡建设局", "kind": "department"},
    ],
    "groups": [{"id": "city-departments", "name": "市直各部门", "members": ["city-ecology", "city-housing"]}],
}

_TASK: dict[str, Any] = {
    "id": "t1", "kind": "task", "title": "任务t1", "lead": ["city-ecology"],
    "schedule": {"kind": "deadline", "text": "2023年11月15日", "deadline": "2023-11-15"},
}

_PLAN: dict[str, Any] = {
    "id": "demo-2023", "title": "示例市工作方案", "kind": "annual_work_plan", "jurisdiction": "demo-city",
    "document": {"number": "示气领办〔2023〕1号", "issuer": "city-air-office", "issued": "2023-01-01"},
    "period": {"start": "2023-01-01", "end": "2023-12-31"},
    "tasks": [_TASK],
}

_REPORT: dict[str, Any] = {
    "reporter": "city-ecology", "date": "2023-06-01",
    "source": {"title": "示例市生态环境局工作动态", "date": "2023-06-01"},
    "updates": [{"task": "demo-2023/t1", "status": "in_progress", "quote": "推进中。"}],
}


def registry_data(**fields: Any) -> dict[str, Any]:
    """The registry of demo-city (a copy), with `fields` replacing its top-level keys."""
    return {**copy.deepcopy(_REGISTRY), **fields}


def task_data(**fields: Any) -> dict[str, Any]:
    """Task t1 (due 2023-11-15, led by city-ecology), with `fields` replacing its keys."""
    return {**copy.deepcopy(_TASK), **fields}


def plan_data(**fields: Any) -> dict[str, Any]:
    """Plan demo-2023 (the year 2023, one task t1), with `fields` replacing its top-level keys."""
    return {**copy.deepcopy(_PLAN), **fields}


def report_data(**fields: Any) -> dict[str, Any]:
    """city-ecology's report of 2023-06-01 (t1 in progress), with `fields` replacing its top-level keys."""
    return {**copy.deepcopy(_REPORT), **fields}


def model_of(
    plans: Iterable[dict[str, Any]] = (), reports: Iterable[dict[str, Any]] = (),
    registry: dict[str, Any] | None = None,
) -> Model:
    """The model of one registry (default: demo-city's), the plans and the reports (in city-ecology's folder)."""
    city, organizations, groups = build_registry(REGISTRY_FILE, registry if registry is not None else registry_data())
    built = {plan.id: plan for plan in (build_plan(PLAN_FILE, data) for data in plans)}
    progress = tuple(build_report(REPORT_FILE, data, "city-ecology", built) for data in reports)
    return Model({o.id: o for o in organizations}, {g.id: g for g in groups}, built, progress, DEFAULT_SETTINGS,
                 {city: "示例市"})


def side_of(
    plans: Iterable[dict[str, Any]] = (), reports: Iterable[dict[str, Any]] = (),
    registry: dict[str, Any] | None = None, as_of: date | None = None,
) -> Side:
    """One side of a diff: the model of `model_of`, evaluated as of `as_of` (if given), and its files'
    positions in the YAML text each mapping dumps to (see `dumped`)."""
    plans, reports = list(plans), list(reports)
    registry = registry if registry is not None else registry_data()
    model = model_of(plans, reports, registry)
    texts = {REGISTRY_FILE: dumped(registry)}
    for file, data in ((PLAN_FILE, plans), (REPORT_FILE, reports)):
        if data:  # one plan and one report at most: each is positioned as the only one of its file
            texts[file] = dumped(data[0])
    evaluation = evaluate(model, as_of) if as_of is not None else None
    return Side(model, ROOT, evaluation, {file: Locator(text) for file, text in texts.items()})


def dumped(data: dict[str, Any]) -> str:
    """A mapping as the YAML text whose positions a side's findings are placed at (block style, keys in order)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def known_of(model: Model) -> Known:
    """What references may point at when no file failed to load."""
    return Known(
        units=frozenset(model.organizations) | frozenset(model.groups), plans=frozenset(model.plans),
        jurisdictions=frozenset(model.jurisdictions), broken_plans=frozenset(),
    )


def positions(problems: Iterable[Problem]) -> list[tuple[str, str, tuple[str | int, ...]]]:
    """Each problem as (code, file, JSON path), in the order the rule gave them."""
    return [(problem.code, problem.file, problem.path) for problem in problems]
