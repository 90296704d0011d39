"""Submissions on the site: a page per report, a unit's list of its reports, links both ways, everything escaped."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import build_site
from checker.site.report_pages import report_page_of
from checker.workspace import CachePolicy, open_workspace
from tests.support import copy_base

REPORT = "progress/city-ecology/2023-05-10-report.yaml"


def _pages(policy: Path) -> dict[str, str]:
    """The site's pages with the cells' attributes (data-label, class) dropped, to compare cell contents."""
    as_of = date(2023, 6, 1)
    model = open_workspace([policy], as_of, CachePolicy(enabled=False)).validation.model
    pages = build_site(evaluate(model, as_of), ReportContext(model)).pages
    return {path: re.sub(r"<td [^>]*>", "<td>", page) for path, page in pages.items()}


def _with_number_and_sections(tmp_path: Path) -> Path:
    policy = copy_base(tmp_path)
    report = policy / REPORT
    text = report.read_text(encoding="utf-8").replace("  date: 2023-05-10\n", "  date: 2023-05-10\n  number: 第9期\n")
    quote = "    quote: 已完成24项，其余6项正在推进。\n"
    text = text.replace(quote, quote + "    section: 【工作动态】\n")
    report.write_text(text.replace("title: 示例市生态环境局工作动态\n", "title: 工作动态<script>x</script>\n"),
                      encoding="utf-8")
    return policy


def test_the_unit_page_lists_its_reports_with_number_sections_and_counts(tmp_path: Path) -> None:
    """Date, linked title (escaped), issue number, sections quoted and entry counts."""
    page = _pages(_with_number_and_sections(tmp_path))["units/city-ecology.md"]
    section = page[page.index("## 进展报送"):]
    assert "本单位报送 1 次，最近的在前：" in section
    assert ('<tr><td>2023-05-10</td><td><a href="../reports/city-ecology/2023-05-10-report.html">'
            "工作动态&lt;script&gt;x&lt;/script&gt;</a></td><td>第9期</td><td>【工作动态】</td>"
            "<td>1条任务进展，1条指标数据</td></tr>") in section


def test_a_report_page_shows_what_it_is_and_every_entry(tmp_path: Path) -> None:
    """Facts, each update linked to its task with its section and quote, each observation; the task page links back."""
    pages = _pages(_with_number_and_sections(tmp_path))
    page = pages["reports/city-ecology/2023-05-10-report.md"]
    assert page.startswith('---\ntitle: "2023-05-10 工作动态＜script＞x＜/script＞"\n---\n')
    assert "<tr><td>期号或文号</td><td>第9期</td></tr>" in page
    assert '<a href="../../tasks/demo-2023/a5-01.html">demo-2023/a5-01 大力实施VOCs治理</a>' in page
    assert ("<td>推进中，已完成24/30项</td><td>【工作动态】</td>"
            "<td><blockquote>已完成24项，其余6项正在推进。</blockquote>") in page
    assert "<td>demo-2023/pm25 细颗粒物（PM2.5）浓度</td><td>2022年</td><td>50微克/立方米</td>" in page
    task = pages["tasks/demo-2023/a5-01.md"]
    link = '<a href="../../reports/city-ecology/2023-05-10-report.html">工作动态&lt;script&gt;x&lt;/script&gt;</a>'
    assert link in task


def test_units_without_reports_say_so_and_odd_file_names_get_a_safe_page_name() -> None:
    """A file name unfit for a URL (spaces, #, Chinese) gets a stable hashed page name;
    .yml does not clash with .yaml.
    """
    assert report_page_of("hd-wuan", "2025-11-20-monthly.yaml") == "reports/hd-wuan/2025-11-20-monthly.md"
    assert report_page_of("hd-wuan", "x.yml") == "reports/hd-wuan/x-yml.md"
    odd = report_page_of("hd-wuan", "11月 报送#1.yaml")
    assert odd.startswith("reports/hd-wuan/report-") and odd.endswith(".md") and "#" not in odd


def test_a_unit_without_reports(tmp_path: Path) -> None:
    """A unit that has submitted nothing says so in its 进展报送 section."""
    page = _pages(copy_base(tmp_path))["units/county-a.md"]
    assert page.endswith("## 进展报送\n\n本单位尚无进展报送。\n")


def test_an_entry_naming_several_tasks_is_one_row_and_counted_as_written(tmp_path: Path) -> None:
    """`tasks: [a1-01, a5-01]` is one entry: one row linking both tasks, counted 1条（涉及2项任务）."""
    policy = copy_base(tmp_path)
    report = policy / REPORT
    text = report.read_text(encoding="utf-8")
    text = text.replace("    done: 24\n    total: 30\n    count_unit: 项\n", "")  # counts belong to one task
    report.write_text(text.replace("  - task: demo-2023/a5-01\n", "  - tasks: [demo-2023/a1-01, demo-2023/a5-01]\n"),
                      encoding="utf-8")
    pages = _pages(policy)
    page = pages["reports/city-ecology/2023-05-10-report.md"]
    assert page.count("<blockquote>已完成24项，其余6项正在推进。</blockquote>") == 1
    assert ('<a href="../../tasks/demo-2023/a1-01.html">demo-2023/a1-01 关停1#高炉</a>、'
            '<a href="../../tasks/demo-2023/a5-01.html">demo-2023/a5-01 大力实施VOCs治理</a>') in page
    assert "<td>1条任务进展（涉及2项任务），1条指标数据</td>" in pages["units/city-ecology.md"]
