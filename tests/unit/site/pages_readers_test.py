"""Pages for readers: 判定依据, data-entry details collapsed, units in registry order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import site_pages
from checker.site.pages import task_page
from checker.workspace import open_workspace
from tests.unit.report.check_scenario import AS_OF, build


def _pages(tmp_path: Path) -> dict[str, str]:
    as_of = date.fromisoformat(AS_OF)
    model = open_workspace([build(tmp_path)], as_of).validation.model
    return site_pages(evaluate(model, as_of), ReportContext(model))


def test_the_task_page_names_the_grounds_and_folds_the_data_file_away(tmp_path: Path) -> None:
    """判定依据 instead of 为什么; the data file is in a collapsed 录入说明, not among the facts."""
    page = _pages(tmp_path)[task_page("demo-2023/t1")]
    assert ">判定依据</td>" in page and "为什么" not in page
    collapsed = page[page.index('<details class="pc-entry"><summary>录入说明</summary>'):]
    assert "<dt>数据文件</dt>" in collapsed and "第" in collapsed
    assert page.count("数据文件") == 1


def test_units_are_listed_in_the_registry_order(tmp_path: Path) -> None:
    """county-a (甲县) before county-b (乙县), city-ecology (生态) before city-industry (工业), as the registry
    lists them; character-code order would put each pair the other way round."""
    page = _pages(tmp_path)["units/index.md"]
    assert page.index('href="county-a.html"') < page.index('href="county-b.html"')
    assert page.index('href="city-ecology.html"') < page.index('href="city-industry.html"')
