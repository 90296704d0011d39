"""Tables, filters and charts in Chromium at a desktop (1366×900) and a phone (390×844) size.

Measured, not eyeballed: an ID or date cell is one line high, a task row is a card on the phone,
状态 is inside the visible part of the indicator table, chart text is at least 12 px. Screenshots
go to test-artifacts/ for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.built_site import save_artifact

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SIZES = {"desktop": DESKTOP, "phone": PHONE}

# How many lines each cell of the 编号 and 截止 columns takes: its height over its line height.
_LINES = """table => [...table.tBodies[0].rows].flatMap(row => [...row.cells]
  .filter(cell => cell.dataset.label === '编号' || cell.dataset.label === '截止')
  .map(cell => { const box = cell.firstChild.nodeType === 1 ? cell.firstChild : cell;
                 const range = document.createRange(); range.selectNodeContents(box);
                 return range.getClientRects().length; }))"""


@pytest.fixture(params=sorted(SIZES))
def sized(request: pytest.FixtureRequest, browser: Any) -> Iterator[tuple[str, Any]]:
    context = browser.new_context(locale="zh-CN", viewport=SIZES[request.param])
    yield request.param, context.new_page()
    context.close()


def test_the_plan_task_table_is_in_a_labelled_scroll_region_and_no_id_or_date_breaks(
        sized: tuple[str, Any], site_url: str) -> None:
    """The plan's task table scrolls in a focusable, labelled region, and no ID or date cell wraps onto two lines."""
    size, page = sized
    page.goto(f"{site_url}/plans/hd-air-2023.html")
    wrapper = page.locator("#pc-tasks").locator("xpath=ancestor::div[contains(@class,'md-typeset__scrollwrap')]")
    assert wrapper.count() == 1
    assert wrapper.get_attribute("tabindex") == "0" and wrapper.get_attribute("role") == "region"
    assert wrapper.get_attribute("aria-label")
    lines = page.locator("#pc-tasks").evaluate(_LINES)
    assert len(lines) == 2 * page.locator("#pc-tasks tbody tr").count() and set(lines) == {1}
    page.locator("#pc-tasks").scroll_into_view_if_needed()
    save_artifact(f"plan-tasks-{size}.png", page.screenshot())


def test_task_rows_are_cards_on_a_phone_and_rows_on_a_desktop(sized: tuple[str, Any], site_url: str) -> None:
    """On a phone each overdue task is a labelled card that fits the screen; on a desktop it is a table row;
    screenshots are saved."""
    size, page = sized
    page.goto(f"{site_url}/overdue.html")
    display = page.locator("#pc-overdue tbody tr >> nth=0").evaluate("row => getComputedStyle(row).display")
    label = page.locator("#pc-overdue tbody td >> nth=0").evaluate(
        "cell => getComputedStyle(cell, '::before').content")
    if size == "phone":
        assert display == "block" and label == '"编号"'
        width = page.locator("#pc-overdue tbody tr >> nth=0").evaluate("row => row.getBoundingClientRect().right")
        assert width <= PHONE["width"]  # the card fits the screen: 截止 and 负责单位 are not off to the right
    else:
        assert display == "table-row" and label in ("none", "normal")
    save_artifact(f"overdue-{size}.png", page.screenshot())


def test_a_filter_narrows_the_overdue_list_and_writes_itself_into_the_url(page: Any, site_url: str) -> None:
    """Filtering the overdue list by reporting and by unit narrows it and writes the choice into the URL."""
    page.goto(f"{site_url}/overdue.html")
    rows = page.locator("#pc-overdue tbody tr:not([hidden])")
    total = rows.count()
    page.select_option('select[data-pc-filter="reported"]', value="no")
    assert 0 < rows.count() < total
    assert set(rows.evaluate_all("rows => rows.map(r => r.dataset.reported)")) == {"no"}
    page.select_option('select[data-pc-filter="unit"]', value="hd-ecology")
    assert page.url.endswith("/overdue.html?reported=no&unit=hd-ecology")
    page.select_option('select[data-pc-filter="reported"]', value="")
    assert page.url.endswith("/overdue.html?unit=hd-ecology")


def test_a_shared_link_opens_the_filtered_view_from_the_file_system_too(page: Any, site: Path, site_url: str) -> None:
    """A URL with filter parameters opens the same filtered list, over HTTP and from file:// alike."""
    for base in (site_url, site.as_uri()):
        page.goto(f"{base}/overdue.html?status=overdue_unreported&county=hd-wuan")
        assert page.locator('select[data-pc-filter="status"]').input_value() == "overdue_unreported"
        assert page.locator('select[data-pc-filter="county"]').input_value() == "hd-wuan"
        shown = page.locator("#pc-overdue tbody tr:not([hidden])")
        assert shown.count() > 0
        assert set(shown.evaluate_all("rows => rows.map(r => r.dataset.status)")) == {"overdue_unreported"}
        assert all("hd-wuan" in c.split() for c in shown.evaluate_all("rows => rows.map(r => r.dataset.county)"))
    page.select_option('select[data-pc-filter="county"]', value="")
    assert page.url.endswith("/overdue.html?status=overdue_unreported")  # file:// keeps the query too


def test_the_project_filter_of_a_plan_page_has_its_own_query_key(page: Any, site_url: str) -> None:
    """project-county= filters the plan's project table and leaves its task table whole."""
    page.goto(f"{site_url}/plans/hd-air-2023.html?project-county=hd-wuan")
    projects = page.locator("#pc-projects tbody tr:not([hidden])")
    assert 0 < projects.count() < page.locator("#pc-projects tbody tr").count()
    assert page.locator("#pc-tasks tbody tr[hidden]").count() == 0


def test_the_indicator_table_shows_status_within_the_page_column(browser: Any, site_url: str) -> None:
    """On a desktop the indicator table's 状态 column ends within the page column, not beyond it."""
    context = browser.new_context(locale="zh-CN", viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{site_url}/indicators.html")
    edges = page.locator("table.pc-indicators").evaluate_all("""tables => tables.map(t => {
        const th = [...t.tHead.rows[0].cells].find(c => c.textContent === '状态');
        return [th.getBoundingClientRect().right, t.closest('.md-typeset__scrollwrap').getBoundingClientRect().right];
    })""")
    assert edges and all(status <= region for status, region in edges)
    assert page.locator("table.pc-indicators details.pc-why:not([open])").count() > 0
    context.close()


def test_charts_fill_the_column_and_their_text_is_readable_on_a_phone(sized: tuple[str, Any], site_url: str) -> None:
    """Indicator charts fill the column, and their smallest text renders at a readable size on a phone too."""
    size, page = sized
    page.goto(f"{site_url}/indicators.html")
    chart = page.locator(".pc-chart svg >> nth=0")
    # The rendered font size: the text's size in the chart's units times the chart's scale.
    width, text = chart.evaluate("""svg => { const width = svg.getBoundingClientRect().width;
        const scale = width / svg.viewBox.baseVal.width;
        return [width, Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize)))
                       * scale]; }""")
    assert width > 400  # never the browser's default 300 px
    assert text >= 12
    assert page.locator(".pc-chart line.lag").count() > 0
    save_artifact(f"chart-{size}.png", chart.screenshot())
