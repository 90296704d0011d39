"""The built site in headless Chromium: counts, task pages, filters and Chinese search."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from checker.evaluate.vocabulary import TaskStatus
from tests.built_site import AS_OF, save_artifact, search
from tests.support import REPOSITORY, run_cli


def _check_json() -> dict[str, Any]:
    options = ("--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    code, stdout, _ = run_cli("check", str(REPOSITORY / "policy"), *options)
    assert code == 0
    result: dict[str, Any] = json.loads(stdout)
    return result


def _label_and_count(badge: str) -> tuple[str, int]:
    """A status badge's label and count, from its text: a mark, the label, the count."""
    match = re.match(r"\S+ (\S+) (\d+)$", badge)
    assert match, badge
    return match[1], int(match[2])


def test_home_page_counts_equal_the_checker_and_a_screenshot_is_kept(page: Any, site_url: str) -> None:
    """The home page's status badges show the same counts as `check --format json`; a screenshot is saved."""
    page.goto(f"{site_url}/index.html")
    assert AS_OF in page.inner_text("article")
    badges = page.locator("#pc-counts .pc-badge").all_inner_texts()
    shown = dict(_label_and_count(badge) for badge in badges)
    expected = {TaskStatus(status).label: count for status, count in _check_json()["summary"].items() if count}
    assert shown == expected
    save_artifact("home.png", page.screenshot(full_page=True))


def test_task_page_shows_why_and_the_history_with_quotes(page: Any, site_url: str) -> None:
    """A task page gives the reason for its status and the five quoted statements of its history."""
    page.goto(f"{site_url}/tasks/hd-eco-14th/s4-2-1.html")
    article = page.inner_text("article")
    assert "判定依据" in article and "截止2025-12-31" in article
    timeline = page.locator(".pc-timeline li")
    assert timeline.count() == 5  # the bulletin's five statements on s4-2-1
    assert "6台烧结机一氧化碳治理任务已完成3台" in timeline.all_inner_texts()[-1] or any(
        "已完成3台" in text for text in timeline.all_inner_texts()
    )
    assert "预计2025-11-30完成" in article
    with page.expect_navigation():  # units are links
        page.click("table.pc-facts a[href$='units/hd-ecology.html'] >> nth=0")
    assert page.url.endswith("/units/hd-ecology.html")
    assert "hd-eco-14th/s4-2-1" in page.inner_text("article")  # and the unit page lists the task


def test_overdue_task_explains_itself(page: Any, site_url: str) -> None:
    """a5-10 (due 2023-10-31) is reported as still under way in 2025: overdue, and the page says since when."""
    page.goto(f"{site_url}/tasks/hd-air-2023/a5-10.html")
    assert "截止2023-10-31，已逾期" in page.inner_text("article")
    assert "✖ 逾期未完成" in page.inner_text(".pc-badge >> nth=0")


def test_an_attachment_1_row_linked_by_a_group_entry_shows_the_quote(page: Any, site_url: str) -> None:
    """a1-01 is one of the rows the bulletin's rows_of entry names: its page quotes 全部退出 and is not 逾期未完成."""
    page.goto(f"{site_url}/tasks/hd-air-2023/a1-01.html")
    assert "100吨以下转炉、步进式烧结机、4.3米以下焦炉全部退出" in page.inner_text(".pc-timeline")
    assert "逾期未完成" not in page.inner_text(".pc-badge >> nth=0")


def test_plan_page_filter_narrows_the_table(page: Any, site_url: str) -> None:
    """Choosing a county in the plan page's project filter hides some of the 67 project rows, not all."""
    page.goto(f"{site_url}/plans/hd-air-2023.html")
    rows = page.locator("#pc-projects tbody tr")
    total = rows.count()
    assert total == 67  # project rows of attachments 1, 2 and 4: 16 + 50 + 1
    page.select_option('[data-pc-table="pc-projects"] select[data-pc-filter="county"]', label="武安市人民政府")
    visible = page.locator("#pc-projects tbody tr:not([hidden])")
    assert 0 < visible.count() < total
    assert all("武安" in text or "钢铁" in text or text for text in visible.all_inner_texts())
    assert f"/ {total} 项" in page.inner_text('[data-pc-count="pc-projects"]')
    page.select_option('[data-pc-table="pc-projects"] select[data-pc-filter="county"]', value="")
    page.select_option('[data-pc-table="pc-projects"] select[data-pc-filter="status"]', value="overdue_unreported")
    statuses = page.locator("#pc-projects tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => r.dataset.status)"
    )
    assert statuses and set(statuses) == {"overdue_unreported"}


SEARCHES = [
    ("邯郸市生态环境局", "units/hd-ecology.html"),  # a department
    ("安阳市生态环境局", "units/ay-ecology.html"),
    ("交通运输局", "units/hd-transport.html"),  # part of a name
    ("武安市", "units/hd-wuan.html"),  # a county
    ("魏县", "units/hd-weixian.html"),
    ("林州市", "units/ay-linzhou.html"),
    ("武安市裕华钢铁有限公司", "units/hd-ent-wuan-yuhua-steel.html"),  # a company
    ("裕华钢铁", "units/hd-ent-wuan-yuhua-steel.html"),
    ("烧结机", "tasks/"),
    ("散煤", "tasks/ay-eco-2023-2025/t16.html"),
    ("公转铁", "tasks/hd-air-2023/s3-2-5.html"),
    ("退后十", "plans/hd-air-2023.html"),
    ("细颗粒物", "indicators.html"),
    ("邯气领办〔2023〕5号", "plans/hd-air-2023.html"),  # a document number
    ("a1-01", "tasks/hd-air-2023/a1-01.html"),  # task IDs
    ("t05", "tasks/ay-eco-2023-2025/t05.html"),
]


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_chinese_search_finds_the_page_in_the_first_five(page: Any, site_url: str, query: str, expected: str) -> None:
    """A Chinese query typed into the search box lists the expected page among the first five results."""
    links = search(page, site_url, query)[:5]
    assert any(expected in link for link in links), f"{query}: {links}"


def test_site_screenshot_dir_is_ignored_by_git() -> None:
    """The screenshots the browser tests save (test-artifacts/) are never committed."""
    assert "test-artifacts/" in (REPOSITORY / ".gitignore").read_text(encoding="utf-8")


def test_no_page_is_listed_per_task_in_the_navigation(site: Path) -> None:
    """Outside the article, the home page links no task page: tasks are not listed in the navigation."""
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "tasks/" not in re.sub(r"<article.*?</article>", "", html, flags=re.S)
