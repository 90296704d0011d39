"""The 错误代码 page: every catalogued code once, under its range, with a stable anchor; catalogue text escaped."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import markdown

from checker.codes import CODES, Code
from checker.findings import Severity
from checker.site.codes_page import finding_codes_page
from tests.support import REPOSITORY


class _Tags(HTMLParser):
    """The element names and attribute names in a piece of HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.add(tag)
        self.attributes |= {name for name, _ in attrs}


_HEADING = re.compile(r"^(#{2,3}) (PC\S+) (.*) \{#([a-z0-9-]+)\}$", re.MULTILINE)


def _render(page: str) -> str:
    """As MkDocs renders it: Python-Markdown with the extensions mkdocs.yml enables."""
    html: str = markdown.markdown(page, extensions=["admonition", "attr_list", "tables", "toc"])
    return html


def test_every_code_is_a_heading_exactly_once() -> None:
    """The finding-codes page has one heading per code of the catalogue, none twice."""
    page = finding_codes_page()
    headings = Counter(match[1] for match in _HEADING.findall(page) if match[0] == "###")
    assert set(headings) == set(CODES)
    assert set(headings.values()) == {1}


def test_each_code_has_its_anchor_title_severity_and_fix() -> None:
    """## PC101 缺少必填字段 {#pc101}, then the severity and the fix from the catalogue."""
    html = _render(finding_codes_page())
    for code, entry in CODES.items():
        section = html.split(f'<h3 id="{code.lower()}">', 1)[1].split("<h", 1)[0]
        assert section.startswith(f"{code} ")
        assert ("错误" if entry.severity is Severity.ERROR else "警告") in section
        assert "如何修改" in section


def test_codes_are_grouped_by_range_in_order() -> None:
    """PC0xx 文件与 YAML … PC6xx Excel 台账导入, in order; each code under its own range."""
    page = finding_codes_page()
    groups = [(level, code, title) for level, code, title, _ in _HEADING.findall(page) if level == "##"]
    assert [(code, title) for _, code, title in groups] == [
        ("PC0xx", "文件与 YAML"), ("PC1xx", "结构"), ("PC2xx", "引用"), ("PC3xx", "日期与数值"), ("PC4xx", "报送权限"),
        ("PC5xx", "规划修改"), ("PC6xx", "Excel 台账导入"),
    ]
    current = ""
    for level, code, _, _ in _HEADING.findall(page):
        if level == "##":
            current = code[:3]
        else:
            assert code.startswith(current)


def test_catalogue_text_cannot_inject_markup() -> None:
    """Titles and fixes are data: no tags, links, emphasis or attribute lists survive rendering."""
    hostile = {
        "PC999": Code("PC999", "<img src=x onerror=alert(1)> *强调* {: onclick=x}", Severity.ERROR,
                      "[点我](javascript:alert(1)) `code` <script>alert(1)</script> _下划线_ # 标题"),
    }
    section = _render(finding_codes_page(hostile)).split('<h3 id="pc999">', 1)[1]
    tags = _Tags()
    tags.feed(section)
    assert tags.names <= {"h3", "p", "strong"}
    assert not [name for name in tags.attributes if name.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "*强调*" in section and "[点我](javascript:alert(1))" in section


def test_page_is_deterministic_and_links_to_the_submission_guide() -> None:
    """The page is the same on every build and links to the submission guide, which exists."""
    page = finding_codes_page()
    assert page == finding_codes_page()
    assert page.startswith("# 错误代码\n")
    assert "](guide/submit.md)" in page
    assert (REPOSITORY / "docs" / "guide" / "submit.md").is_file()
