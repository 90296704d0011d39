"""One small tree for the exact-output tests of every check format: the statuses that matter, two lead units.

t1 is overdue and reported unfinished (逾期未完成), t5 overdue and never reported (逾期未报送),
t6 done without a stated date in a report after its deadline (已完成（时间不详）).
"""

from __future__ import annotations

from pathlib import Path

from tests.unit.evaluate.scenario import Scenario, deadline_task

AS_OF = "2023-11-20"

_TASKS = deadline_task("t1", "2023-11-15") + deadline_task("t2", "2023-12-10") + """\
- id: t3
  kind: task
  title: 推进清洁取暖|改造
  lead: [city-industry]
  cooperating: [city-ecology]
  responsible: [county-a]
  schedule: {kind: deadline, text: 2023年10月底, deadline: 2023-10-31}
  source: {section: 三（二）1}
- id: t4
  kind: task
  title: 全年开展执法检查
  lead: [city-ecology]
  schedule: {kind: all_year, text: 全年, start: 2023-01-01, deadline: 2023-12-31}
  source: {section: 三（二）2}
- id: t5
  kind: project
  title: "关停1#高炉|<b>600m³</b>"
  responsible: [county-b]
  project: {company: 示例钢铁有限公司, content: 关停1#高炉, enterprise: ent-steel}
  schedule: {kind: deadline, text: 2023年9月30日, deadline: 2023-09-30}
  source: {attachment: 1, row: 1}
""" + deadline_task("t6", "2023-10-31")
_INDICATORS = """\
- id: pm25
  number: "1"
  name: 细颗粒物（PM2.5）浓度
  unit: 微克/立方米
  binding: binding
  direction: at_most
  baseline: {year: 2020, value: 57, text: "57"}
  target: {year: 2025, kind: absolute, value: 42, text: "42"}
  source: {table: 主要指标表, row: 1}
"""
_REPORT = """\
updates:
  - {task: demo-2023/t3, status: done, completed_on: 2023-11-05, quote: 清洁取暖改造已完成。}
  - {task: demo-2023/t4, status: in_progress, quote: 持续开展执法检查。}
  - {task: demo-2023/t2, status: in_progress, done: 2, total: 5, count_unit: 台, quote: 5台已完成2台。}
  - {task: demo-2023/t1, status: in_progress, quote: 正在推进。}
  - {task: demo-2023/t6, status: done, quote: 已完成。}
observations:
  - {indicator: demo-2023/pm25, period: {year: 2022}, value: 50, quote: 2022年PM2.5浓度50微克/立方米。}
"""


def build(tmp_path: Path) -> Path:
    """Writes the tree under tmp_path and returns its policy/ folder."""
    scenario = Scenario(tmp_path).plan(tasks=_TASKS, indicators=_INDICATORS).report("2023-11-10", _REPORT)
    scenario.model()
    return scenario.policy
