"""Site tables: the theme's wrapper as a labelled keyboard region, labelled cells, IDs and dates kept whole."""

from __future__ import annotations

from checker.site.tables import html_table


def test_a_table_comes_in_a_labelled_focusable_scroll_region() -> None:
    """A table comes wrapped in a focusable scroll region labelled for screen readers."""
    html = html_table(("编号", "任务"), [["a1-01", "关停"]], label="任务表")
    assert html.startswith('\n<div class="md-typeset__scrollwrap" tabindex="0" role="region" aria-label="任务表">'
                           '<div class="md-typeset__table"><table class="pc-table">')
    assert html.endswith("</tbody></table></div></div>\n\n")


def test_every_cell_carries_its_header_and_id_and_date_columns_never_wrap() -> None:
    """Each cell carries its header as data-label; ID and date cells never wrap; the label names the first
    columns."""
    html = html_table(("编号", "任务", "截止"), [["a1-01", "关停", "2023-11-15"]])
    assert ('<td data-label="编号" class="pc-nowrap">a1-01</td><td data-label="任务">关停</td>'
            '<td data-label="截止" class="pc-nowrap">2023-11-15</td>') in html
    assert 'aria-label="表格：编号、任务、截止"' in html  # named after its first columns by default


def test_a_card_table_says_so_on_the_table_and_its_wrapper_and_keeps_its_id_and_row_data() -> None:
    """A card table is marked on the table and its wrapper, and keeps its ID and row attributes."""
    html = html_table(("编号",), [["x"]], cards=True, css="pc-tasks", table_id="pc-tasks", row_attrs=['data-a="1"'])
    wrapper = '<div class="md-typeset__table pc-cards-wrap">'
    assert wrapper + '<table class="pc-table pc-cards pc-tasks" id="pc-tasks">' in html
    assert '<tr data-a="1">' in html
