"""Readers see Chinese words for kinds, never the schema's spelling (met, deadline) in a page."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.evaluate.labels import LABELS
from checker.report.views import ReportContext
from checker.site.build import site_content
from checker.site.pages.paths import plan_page, task_page
from checker.workspace import open_workspace
from tests.support import REPOSITORY
from tests.unit.evaluate.scenario import Scenario, deadline_task
from tests.unit.evaluate.tasks_test import AMENDMENTS

_CELL_TEXT = re.compile(r">([a-z_]+)(?:（[^<]*）)?</(?:td|span|li|dd)>")  # a bare word, perhaps with its period


def _schema_words() -> set[str]:
    return {str(member.value) for members in LABELS.values() for member in members}


def test_no_page_of_the_bundled_site_shows_a_schema_spelling_as_a_value() -> None:
    """Every generated page as of the bulletin: no cell, badge, item or value that is a bare enum value."""
    as_of = date(2025, 10, 23)
    model = open_workspace([REPOSITORY / "policy"], date(2026, 12, 7)).validation.model
    pages = site_content(evaluate(model, as_of), ReportContext(model)).pages
    leaks = {(path, word) for path, page in pages.items() for word in _CELL_TEXT.findall(page)
             if word in _schema_words()}
    assert leaks == set()
    assert ">已达到（2023年）</td>" in pages[plan_page("hd-air-2023")]  # the bulletin's 排名 assessment, once "met"


def test_the_amendment_history_names_the_field_in_chinese(tmp_path: Path) -> None:
    """A task page's 调整记录 says 截止日期 where the amendment says field: deadline."""
    scenario = Scenario(tmp_path).plan(
        tasks=deadline_task("t1", "2023-06-30", "2023年6月底") + deadline_task("t2", "2023-12-31", "2023年12月底"),
        amendments=AMENDMENTS,
    )
    pages = site_content(scenario.evaluate("2023-07-01"), ReportContext(scenario.model())).pages
    page = pages[task_page("demo-2023/t1")]
    assert ">截止日期</td>" in page and ">deadline</td>" not in page


def test_the_not_found_page_speaks_chinese(site: Path) -> None:
    """The theme writes "404 - Not found"; the built 404 page says it in Chinese and where to look."""
    page = (site / "404.html").read_text(encoding="utf-8")
    assert "404 - 找不到该页面" in page and "Not found" not in page
