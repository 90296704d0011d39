"""Filters keep their state in the URL; the overdue list filters too; task tables become cards on a phone."""

from __future__ import annotations

from typing import Any


def test_a_filter_choice_goes_into_the_url_and_comes_back_from_it(page: Any, site_url: str) -> None:
    """Choosing 从未报送 on the overdue list writes ?reported=no; opening that URL applies it again."""
    page.goto(f"{site_url}/overdue.html")
    rows = page.locator("#pc-risky tbody tr")
    total = rows.count()
    page.select_option('select[data-pc-filter="reported"]', value="no")
    assert page.url.endswith("overdue.html?reported=no")
    shown = page.locator("#pc-risky tbody tr:not([hidden])").count()
    assert 0 < shown < total
    page.goto(f"{site_url}/overdue.html?reported=no&status=nonsense")
    assert page.locator("#pc-risky tbody tr:not([hidden])").count() == shown
    assert page.input_value('select[data-pc-filter="reported"]') == "no"
    assert page.input_value('select[data-pc-filter="status"]') == ""  # an unknown value is ignored


def test_a_second_table_on_a_page_has_its_own_url_prefix(page: Any, site_url: str) -> None:
    page.goto(f"{site_url}/plans/hd-air-2023.html")
    page.select_option('[data-pc-table="pc-projects"] select[data-pc-filter="status"]', value="overdue_unreported")
    assert "projects.status=overdue_unreported" in page.url and "?status=" not in page.url


def test_task_tables_are_cards_below_a_phone_width(browser: Any, site_url: str) -> None:
    """At 390 px the header row is hidden and each cell is labelled; IDs and dates do not break."""
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{site_url}/overdue.html")
    cell = page.locator("#pc-risky tbody tr >> nth=0").locator("td >> nth=3")
    assert page.evaluate("e => getComputedStyle(e).display", cell.element_handle()) == "block"
    label = page.evaluate("e => getComputedStyle(e, '::before').content", cell.element_handle())
    assert "截止" in label
    date = page.locator("#pc-risky tbody tr >> nth=0").locator(".pc-nowrap >> nth=0")
    box = date.bounding_box()
    assert box is not None and box["height"] < 30  # one line
    context.close()
