"""The page generator as a pure function: which pages exist, what a unit sees first, determinism."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import site_pages
from checker.site.pages import plan_page, task_page, unit_page
from checker.workspace import open_workspace
from tests.support import copy_base
from tests.unit.report import responsibility_scenario as responsibility
from tests.unit.report.check_scenario import AS_OF, build


def _pages(tmp_path: Path) -> dict[str, str]:
    return _pages_of(build(tmp_path))


def _pages_of(policy: Path) -> dict[str, str]:
    as_of = date.fromisoformat(AS_OF)
    model = open_workspace([policy], as_of).validation.model
    return site_pages(evaluate(model, as_of), ReportContext(model))


def _cells(line: str) -> str:
    """A table row with the cells' attributes (data-label, class) dropped, to compare cell contents."""
    return re.sub(r"<td[^>]*>", "<td>", line)


def test_one_page_per_plan_task_and_organization(tmp_path: Path) -> None:
    """The generator makes a page per plan, task and unit, and the index pages."""
    pages = _pages(tmp_path)
    assert plan_page("demo-2023") in pages
    assert {task_page(f"demo-2023/t{n}") for n in range(1, 6)} <= set(pages)
    assert {unit_page(u) for u in ("city-ecology", "county-a", "ent-steel")} <= set(pages)
    assert {"index.md", "overdue.md", "indicators.md", "units/index.md", "plans/index.md"} <= set(pages)


def test_a_unit_page_lists_its_overdue_tasks_first_with_its_role(tmp_path: Path) -> None:
    """A unit page lists overdue before due soon, ongoing and done, and names the unit's role (配合)."""
    page = _pages(tmp_path)[unit_page("city-ecology")]
    order = [page.index(f">demo-2023/t{n}<") for n in (1, 2, 4, 3)]  # overdue, due soon, ongoing, done late
    assert order == sorted(order)
    assert ">配合<" in page  # city-ecology cooperates on t3


def test_the_task_page_says_why_and_quotes_the_report(tmp_path: Path) -> None:
    """A task page says why it has its status and quotes the report."""
    page = _pages(tmp_path)[task_page("demo-2023/t2")]
    assert "截止2023-12-10，还剩20天" in page
    assert "<blockquote>5台已完成2台。</blockquote>" in page
    assert page.startswith('---\ntitle: "t2 任务t2"\n')


def test_the_same_input_gives_the_same_pages(tmp_path: Path) -> None:
    """The same tree and date give the same pages."""
    policy = build(tmp_path)
    assert _pages_of(policy) == _pages_of(policy)


def _responsibility_pages(tmp_path: Path) -> dict[str, str]:
    policy = responsibility.build(tmp_path)
    as_of = date.fromisoformat(responsibility.AS_OF)
    model = open_workspace([policy], as_of).validation.model
    return site_pages(evaluate(model, as_of), ReportContext(model))


def test_a_county_page_leads_with_the_tasks_that_name_it_and_shows_default_ones_apart(tmp_path: Path) -> None:
    """A county's page lists the tasks that name it first, and those it answers for only by a plan-wide default
    apart."""
    page = _responsibility_pages(tmp_path)[unit_page("county-a")]
    named, apart = page.split("## 仅因规划统一规定相关的任务")
    assert "点名本单位的任务 1 项" in named and ">demo-2023/named<" in named
    assert ">demo-2023/by-default<" not in named and ">demo-2023/by-default<" in apart
    assert "以下 2 项任务没有点名本单位，只因规划对各县（市、区）的统一规定而与本单位相关" in apart
    assert "（原文：“各县（市、区）人民政府”）" in apart


def test_units_index_counts_named_tasks_and_overdue_among_them_apart_from_default_ones(tmp_path: Path) -> None:
    """The units index counts named tasks, overdue among them, and by-default tasks in separate columns."""
    index = _responsibility_pages(tmp_path)["units/index.md"]
    row = _cells(next(line for line in index.splitlines() if ">甲县人民政府<" in line))
    assert row.endswith("<td>1</td><td>1</td><td>2</td></tr>")  # named 1, overdue 1, by default 2


def test_the_county_filter_offers_only_counties_a_task_names(tmp_path: Path) -> None:
    """A task answered for only by default has no county for the filter; a task naming a county has it."""
    plan = _responsibility_pages(tmp_path)[plan_page("demo-2023")]
    by_default = next(line for line in plan.splitlines() if ">demo-2023/by-default<" in line)
    assert 'data-county=""' in by_default
    named = next(line for line in plan.splitlines() if ">demo-2023/named<" in line)
    assert 'data-county="county-a"' in named


def test_a_parent_red_because_of_a_child_says_so_and_keeps_its_own_time(tmp_path: Path) -> None:
    """Home, overdue list and plan table: 下属任务逾期未报送1项 beside the parent's own 还剩26天."""
    pages = _responsibility_pages(tmp_path)
    for path in ("index.md", "overdue.md", plan_page("demo-2023")):
        row = _cells(next(line for line in pages[path].splitlines() if ">demo-2023/parent<" in line))
        assert "⊘ 逾期未报送（下属任务逾期未报送1项）" in row, path
        cells = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        assert "还剩26天" in cells and "2023-12-31" in cells and not any(c.startswith("逾期") for c in cells), path


def test_the_home_page_counts_a_group_entry_once_and_says_how_many_tasks_it_names(tmp_path: Path) -> None:
    """Two entries, one a rows_of naming the base plan's two rows of s3-1-1: “2条（涉及3项任务）”."""
    policy = copy_base(tmp_path)
    (policy / "progress" / "city-ecology" / "2023-06-01-group.yaml").write_text(
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json\n"
        "reporter: city-ecology\ndate: 2023-06-01\nsource: {title: 工作动态, date: 2023-06-01}\nupdates:\n"
        "  - {rows_of: demo-2023/s3-1-1, status: in_progress, quote: 正在推进。}\n"
        "  - {task: demo-2023/s3-1-1, status: in_progress, quote: 正在推进。}\n",
        encoding="utf-8",
    )
    home = _pages_of(policy)["index.md"]
    assert "2条（涉及3项任务）" in home
    assert "1条" in home  # the base tree's own report names one task per entry


def test_the_task_page_folds_data_entry_details_into_a_closed_details(tmp_path: Path) -> None:
    """Registry key, data file and line are for maintainers: under 录入说明, not in the public facts."""
    page = _pages(tmp_path)[task_page("demo-2023/t2")]
    facts, notes = page.split('<details class="pc-entry"><summary>录入说明</summary>')
    assert ">判定依据<" in facts and ">为什么<" not in facts
    assert ">数据文件<" not in facts and ">demo-2023/t2<" not in facts
    assert "<dt>任务编号</dt><dd>demo-2023/t2</dd><dt>数据文件</dt>" in notes
