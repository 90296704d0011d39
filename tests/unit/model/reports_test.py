"""An entry naming several tasks becomes one update per task, each carrying the entry's quote and fields."""

from __future__ import annotations

from pathlib import Path

from checker.evaluate.vocabulary import TaskStatus
from checker.model.records import SelectionKind
from tests.unit.evaluate.scenario import Scenario

_PLAN = """\
- id: s3-2-2
  kind: task
  title: 推进钢铁行业转型升级
  lead: [city-industry]
  schedule: {kind: plan_period}
  source: {section: 三（二）2}
- id: a1-01
  kind: project
  title: 关停1#高炉
  parent: s3-2-2
  responsible: [county-a]
  project: {industry: 钢铁, content: 关停1#600m³高炉}
  schedule: {kind: deadline, text: 2023年11月15日, deadline: 2023-11-15}
  source: {attachment: 1, row: 1}
- id: a1-02
  kind: project
  title: 关停焦炉
  parent: s3-2-2
  responsible: [county-b]
  project: {industry: 焦化, content: 关停4.3米焦炉}
  schedule: {kind: deadline, text: 2023年11月15日, deadline: 2023-11-15}
  source: {attachment: 1, row: 2}
- id: a1-03
  kind: project
  title: 关停2#高炉
  parent: s3-2-2
  responsible: [county-b]
  project: {industry: 钢铁, content: 关停2#600m³高炉}
  schedule: {kind: deadline, text: 2023年11月15日, deadline: 2023-11-15}
  source: {attachment: 1, row: 3}
"""


def test_rows_of_with_a_filter_updates_each_matching_row_and_no_other(tmp_path: Path) -> None:
    """钢铁 rows a1-01 and a1-03 are done on 2023-10-01 (before their deadline); the 焦化 row hears nothing."""
    body = """\
    updates:
      - rows_of: demo-2023/attachment-1
        where: {industry: 钢铁}
        status: done
        completed_on: 2023-10-01
        quote: 全市600立方米高炉全部关停。
    """
    scenario = Scenario(tmp_path).plan(tasks=_PLAN).report("2023-10-08", body, reporter="city-air-office")
    evaluation = scenario.evaluate("2023-10-31")
    by_id = {result.task.id: result for result in evaluation.tasks}
    assert [update.task for update in by_id["a1-01"].updates] == ["a1-01"]
    assert [update.task for update in by_id["a1-03"].updates] == ["a1-03"]
    assert by_id["a1-02"].updates == ()
    assert (by_id["a1-01"].status, by_id["a1-03"].status) == (TaskStatus.DONE, TaskStatus.DONE)
    selection = by_id["a1-01"].updates[0].selection
    assert (selection.kind, selection.expanded) == (SelectionKind.ROWS, ("demo-2023/a1-01", "demo-2023/a1-03"))
    assert selection.describe() == "demo-2023/attachment-1的行（industry=钢铁）"


def test_a_tasks_list_gives_each_task_the_same_quote_in_list_order(tmp_path: Path) -> None:
    """[a1-03, a1-02]: two updates, numbered 0 and 1 within the entry, pointing at their list items."""
    body = """\
    updates:
      - tasks: [demo-2023/a1-03, demo-2023/a1-02]
        status: in_progress
        quote: 正在拆除。
    """
    scenario = Scenario(tmp_path).plan(tasks=_PLAN).report("2023-10-08", body, reporter="city-industry")
    report = scenario.model().reports[0]
    assert [(u.task, u.reference, u.index_in_entry, u.quote) for u in report.updates] == [
        ("a1-03", ("tasks", 0), 0, "正在拆除。"),
        ("a1-02", ("tasks", 1), 1, "正在拆除。"),
    ]
