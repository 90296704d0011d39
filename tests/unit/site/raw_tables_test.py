"""Tables kept away from Python-Markdown come back unchanged, in their places."""

from __future__ import annotations

import re

import markdown as python_markdown

from checker.site.raw_tables import restore_tables, stash_tables
from checker.site.tables import html_table

PAGE = ('# 标题\n\n<table class="pc-facts"><tr><td>a &amp; b</td></tr>\n<tr><td>*不是强调*</td></tr></table>\n\n'
        "正文 *强调*\n\n<table><tr><td>二</td></tr></table>\n")


def test_the_page_renders_as_markdown_would_render_it() -> None:
    """Same HTML as Python-Markdown's own raw-HTML pass-through, but for blank lines between blocks
    (the built site is byte-identical: the theme's whitespace collapsing removes them)."""
    stashed, tables = stash_tables(PAGE)
    assert len(tables) == 2 and "<table" not in stashed
    rendered = restore_tables(python_markdown.markdown(stashed), tables)
    assert re.sub(r"\n+", "\n", rendered) == re.sub(r"\n+", "\n", python_markdown.markdown(PAGE))
    assert "PCTABLE" not in rendered


def test_a_table_inside_a_line_is_left_to_markdown() -> None:
    """Only tables that start a line are swapped; inline HTML is Markdown's business."""
    stashed, tables = stash_tables("见 <table><tr><td>x</td></tr></table> 之后\n")
    assert tables == [] and stashed.startswith("见 <table>")
    assert restore_tables("<p>x</p>", []) == "<p>x</p>"


def test_a_table_in_its_scroll_wrapper_is_swapped_whole() -> None:
    """checker.site.tables wraps every table in the theme's scroll region; wrapper and table go together."""
    table = html_table(("编号",), [["*a1-01*"]])
    stashed, tables = stash_tables(f"# 标题\n{table}正文\n")
    assert tables == [table.strip()] and "scrollwrap" not in stashed
