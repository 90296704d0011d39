"""What of a page the index reads: the title, headings and text, without task listings or markup."""

from __future__ import annotations

from checker.site.search.text import page_text

LISTING = ('<table><thead><tr><th scope="col">编号</th><th scope="col">任务</th></tr></thead>'
           "<tbody><tr><td>a1-01 关停高炉</td></tr></tbody></table>")


def test_front_matter_title_headings_and_body() -> None:
    """The front-matter title wins over the first heading; the first heading is not repeated."""
    text = page_text('---\ntitle: "邯郸市生态环境局"\nsearch:\n  boost: 4\n---\n# 邯郸市生态环境局\n\n'
                     "又称：市生态环境局\n\n## 任务\n\n" + LISTING + "\n")
    assert text.title == "邯郸市生态环境局"
    assert text.headings == ["任务"]
    assert text.body == "又称：市生态环境局"


def test_facts_tables_stay_and_markup_goes() -> None:
    """A facts table is the page's own content; tags, links, attribute lists and escapes are removed."""
    text = page_text('# 规划\n\n<table class="pc-facts"><tr><td>文号</td><td>邯气领办〔2023〕5号 &amp; 附件</td>'
                     "</tr></table>\n\n见[指标](../indicators.md){: .x } \\*注\n")
    assert text.title == "规划"
    assert "邯气领办〔2023〕5号 & 附件" in text.body and "见 指标" not in text.body
    assert "指标" in text.body and "*注" in text.body and "<" not in text.body and ".md" not in text.body
