"""Small hand-made policy trees for the evaluation tests, run through the real load and validate stages.

A scenario is a plan (tasks, indicators, amendments as YAML text) plus progress reports, on the
base fixture's organization registry (units city-ecology, city-industry, county-a, county-b,
group city-counties). The tree must validate cleanly; the evaluation is then computed as of a date.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation, IndicatorResult, TaskResult
from checker.model.records import Model
from checker.workspace import open_workspace
from tests.support import copy_tree, write

_PLAN_HEADER = """\
# yaml-language-server: $schema=../../schemas/plan.schema.json
id: demo-2023
title: 示例市工作方案
kind: annual_work_plan
jurisdiction: city
document: {{number: 示气领办〔{start_year}〕1号, issuer: city-air-office, issued: {start}}}
period: {{start: {start}, end: {end}}}
"""
_REPORT_HEADER = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: {reporter}
date: {date}
source: {{title: 示例市生态环境局工作动态, date: {date}}}
"""
_FAR_FUTURE = date(2099, 12, 31)  # validate without the "report dated after as_of" rule getting in the way


class Scenario:
    def __init__(self, root: Path, period: tuple[str, str] = ("2023-01-01", "2023-12-31")) -> None:
        self.policy = copy_tree(root, only=("organizations",))
        (self.policy / "plans").mkdir()
        (self.policy / "progress" / "city-ecology").mkdir(parents=True)
        self.period = period
        self.sections: dict[str, str] = {}
        self.settings: str | None = None

    def plan(self, **sections: str) -> Scenario:
        """tasks=..., indicators=..., amendments=...: YAML list bodies, indented as top-level keys."""
        self.sections.update({name: textwrap.dedent(text) for name, text in sections.items()})
        return self

    def report(self, on: str, body: str, reporter: str = "city-ecology") -> Scenario:
        """A progress report dated `on`; body holds `updates:` and/or `observations:`.

        The reporter must have a role in what the body reports (PC402); city-air-office oversees
        demo-2023 and may report anything in it.
        """
        text = _REPORT_HEADER.format(date=on, reporter=reporter) + textwrap.dedent(body)
        write(self.policy, f"progress/{reporter}/{on}-report.yaml", text)
        return self

    def with_settings(self, text: str) -> Scenario:
        self.settings = textwrap.dedent(text)
        return self

    def model(self) -> Model:
        start, end = self.period
        header = _PLAN_HEADER.format(start=start, end=end, start_year=start[:4])
        body = "".join(f"{name}:\n{textwrap.indent(text, '  ')}" for name, text in self.sections.items())
        write(self.policy, "plans/demo-2023.yaml", header + body)
        if self.settings is not None:
            write(self.policy, "settings.yaml", "# yaml-language-server: $schema=../schemas/settings.schema.json\n"
                  + self.settings)
        validation = open_workspace([self.policy], _FAR_FUTURE).validation
        errors = [f"{f.file}:{f.line}:{f.column}: {f.code} {f.message}" for f in validation.findings if f.is_error]
        assert not errors, "scenario does not validate:\n" + "\n".join(errors)
        return validation.model

    def evaluate(self, as_of: str) -> Evaluation:
        return evaluate(self.model(), date.fromisoformat(as_of))

    def task(self, task_id: str, as_of: str) -> TaskResult:
        return next(r for r in self.evaluate(as_of).tasks if r.task.id == task_id)

    def indicator(self, indicator_id: str, as_of: str) -> IndicatorResult:
        return next(r for r in self.evaluate(as_of).indicators if r.indicator.id == indicator_id)


def deadline_task(task_id: str, deadline: str, text: str | None = None, extra: str = "") -> str:
    """A task led by city-ecology with a plain deadline; `extra` adds indented YAML keys."""
    wording = text or f"{int(deadline[:4])}年{int(deadline[5:7])}月{int(deadline[8:])}日"
    body = f"""\
- id: {task_id}
  kind: task
  title: 任务{task_id}
  lead: [city-ecology]
  schedule: {{kind: deadline, text: {wording}, deadline: {deadline}}}
  source: {{section: 三（一）1}}
"""
    return body + textwrap.indent(textwrap.dedent(extra), "  ")
