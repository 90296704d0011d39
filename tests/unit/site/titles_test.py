"""Display titles on the bundled data: one per task within a plan, no source numbering, built from the source."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import cache

from checker.evaluate import evaluate
from checker.evaluate.results import Evaluation
from checker.site.titles import display_titles, strip_numbering
from checker.workspace import open_workspace
from tests.support import REPOSITORY

AS_OF = date(2025, 10, 23)


@cache
def _bundled() -> Evaluation:
    model = open_workspace([REPOSITORY / "policy"], AS_OF).validation.model
    return evaluate(model, AS_OF)


def test_no_two_tasks_of_a_plan_share_a_display_title() -> None:
    """In the bundled data no two tasks of a plan share a display title."""
    evaluation = _bundled()
    titles = display_titles(evaluation.tasks)
    shared = Counter((r.task.plan, titles[r.key]) for r in evaluation.tasks)
    assert [pair for pair, count in shared.items() if count > 1] == []


def test_no_display_title_starts_with_the_sources_numbering_or_ends_with_a_full_stop() -> None:
    """No display title keeps the source's numbering (1. （一） 三、) or a closing 。."""
    titles = display_titles(_bundled().tasks)
    numbered = re.compile(r"^\s*(\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)")
    assert [t for t in titles.values() if numbered.match(t) or t.endswith("。")] == []


def test_the_four_vocs_rows_are_told_apart_by_their_target() -> None:
    """a5-34…a5-37 are all titled 1.大力实施VOCs治理。 in attachment 5; the category leads, the content follows."""
    titles = display_titles(_bundled().tasks)
    rows = [titles[f"hd-air-2023/a5-{n}"] for n in range(34, 38)]
    assert all(t.startswith("大力实施VOCs治理：") for t in rows)
    assert rows[1] == "大力实施VOCs治理：按时完成泄漏检测与修复（LDAR）工作"
    assert len(set(rows)) == 4


def test_a_plan_level_task_keeps_the_bare_category_its_breakdown_rows_share() -> None:
    """A plan-level task keeps the bare category (大力实施VOCs治理) that its breakdown rows share."""
    titles = display_titles(_bundled().tasks)
    assert titles["hd-air-2023/s3-5-1"] == "大力实施VOCs治理"


def test_a_project_keeps_its_company_and_content() -> None:
    """A project's display title is its company and its content."""
    titles = display_titles(_bundled().tasks)
    assert titles["hd-air-2023/a1-01"] == "武安市裕华钢铁有限公司 关停1#600m³高炉"


def test_strip_numbering_handles_the_forms_the_sources_use() -> None:
    """Each numbering form of the sources is stripped; PM2.5 and a bare number are not numbering."""
    cases = {"1.大力实施VOCs治理。": "大力实施VOCs治理", "（一）加强监管": "加强监管", "三、重点任务": "重点任务",
             "3．严格控制": "严格控制", "2、推进": "推进", "(2)推进": "推进", "PM2.5达标": "PM2.5达标",
             "1.": "1."}
    assert {text: strip_numbering(text) for text in cases} == cases
