"""The three ways data text reaches a page, each unable to produce markup."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.site.markup import esc, free_text, md, relative, relative_md


def test_esc_escapes_html_and_quotes() -> None:
    """esc() escapes <, >, & and double quotes."""
    assert esc('<a href="x">&') == "&lt;a href=&quot;x&quot;&gt;&amp;"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("关停1#高炉", "关停1\\#高炉"),
        ("a|b", "a\\|b"),
        ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
        ("{: onclick=1}", "\\{: onclick=1\\}"),
        ("[l](javascript:x)", "\\[l\\]\\(javascript:x\\)"),
        ("两行\n文字", "两行 文字"),
    ],
)
def test_md_leaves_no_markdown_or_html(text: str, expected: str) -> None:
    """md() makes text inert for Markdown: each case renders as the literal text."""
    assert md(text) == expected


def test_free_text_renders_markdown_but_no_html_or_unsafe_links() -> None:
    """Free text renders emphasis and https links (nofollow), but no HTML, no javascript: link and no image."""
    html = free_text("**重点** [官网](https://www.gov.cn) [坏](javascript:alert(1)) <script>x</script> ![图](a.png)")
    assert "<strong>重点</strong>" in html
    assert '<a rel="nofollow noopener" href="https://www.gov.cn">官网</a>' in html
    assert "javascript:" not in html.replace("[坏](javascript:alert(1))", "")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html


def test_links_between_pages_are_relative() -> None:
    """Links between pages are relative, to .html for pages and .md for sources."""
    assert relative("tasks/hd-air-2023/a1-01.md", "units/hd-wuan.md") == "../../units/hd-wuan.html"
    assert relative("index.md", "plans/hd-air-2023.md") == "plans/hd-air-2023.html"
    assert relative_md("plans/hd-air-2023.md", "indicators.md") == "../indicators.md"


_FOLDERS = st.lists(st.sampled_from(["a", "b", "tasks"]), max_size=3)


@given(_FOLDERS, st.sampled_from(["x.md", "a.md"]), _FOLDERS, st.sampled_from(["y.md", "b.md", "z.html"]))
def test_relative_agrees_with_posixpath(source: list[str], name: str, target: list[str], file: str) -> None:
    """The fast path computation gives posixpath.relpath's answer for every pair of page paths."""
    from_page, to_page = "/".join([*source, name]), "/".join([*target, file])
    expected_target = to_page[:-3] + ".html" if to_page.endswith(".md") else to_page
    assert relative(from_page, to_page) == posixpath.relpath(expected_target, posixpath.dirname(from_page) or ".")
