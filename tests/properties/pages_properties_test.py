"""Hostile text in the data stays text on every page: no live markup, no unsafe link, tables keep their rows.

Unit level: `esc`, `md` and `free_text` on random strings mixed with attack fragments. End to end:
the base tree with those strings as plan, task, indicator and unit names, a discrepancy, and a
progress report's title, quote and note, validated and evaluated, then every page from
`site_pages` checked as written and as MkDocs' Markdown (Python-Markdown with mkdocs.yml's
extensions) renders it.
"""

from __future__ import annotations

import html
import re
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from checker.evaluate import evaluate
from checker.report.views import ReportContext
from checker.site.build import site_pages
from checker.site.markup import esc, free_text, md
from checker.workspace import open_workspace
from tests.properties.html_checks import problems_in, render, text_and_tags
from tests.properties.strategies import property_settings
from tests.support import copy_base

ATTACKS = (
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/a.js>", "<img src=x onerror=alert(1)>",
    '" onclick="alert(1)', "' onmouseover='alert(1)", "javascript:alert(1)", "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))", "[x](java&#9;script:alert(1))", "<javascript:alert(1)>",
    "[x](data:text/html,<script>alert(1)</script>)", '<a href="javascript:alert(1)">x</a>',
    '{: onclick="alert(1)"}', "| a | b |\n|---|---|\n| c | d |", "`", "```js\nx\n```", "&", "&amp;", "&lt;",
    "&#60;script&#62;", "<", ">", '"', "'", "|", "{", "}", "[", "]", "~", "*", "_", "\\", "\n", "\n\n", "---",
    "# ", "!!! note", "<!--", "-->", "</td></tr></table>", "<tr><td>", "</title>", "\u200b", "\u202e",
)
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Unit level: anything but surrogates, DEL and C0 controls other than tab and line breaks (no data can hold
# those, and Python-Markdown uses STX/ETX as its own placeholders). Bidi controls stay in: md() must cope.
DATA_CHARACTERS = st.characters(
    exclude_categories=["Cs"], exclude_characters="".join(map(chr, [*range(9), 11, 12, *range(14, 32), 127])),
)
# The schemas' `name` pattern: no controls, line breaks, zero-width or bidi characters, look-alike radicals.
NAME_FORBIDDEN = re.compile(
    "[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2069\u2e80-\u2fdf\uf900-\ufaff\ufeff]"
)


def hostile(characters: st.SearchStrategy[str], remove: str = "") -> st.SearchStrategy[str]:
    """Attack fragments and random characters, joined; `remove` is a character class deleted from the result."""
    pieces = st.sampled_from(ATTACKS) | st.text(characters, min_size=1, max_size=5)
    joined = st.lists(pieces, min_size=1, max_size=6).map("".join)
    return joined if not remove else joined.map(lambda text: re.sub(remove, "", text)).filter(bool)


unit_text = hostile(DATA_CHARACTERS)
# End to end: what the schemas' text and name patterns let through, so the tree validates.
data_text = hostile(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn")), remove=f"[{BIDI}]")
data_name = hostile(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp")),
                    remove=NAME_FORBIDDEN.pattern)


# ---------------------------------------------------------------- unit level


@property_settings(max_examples=150)
@given(unit_text)
def test_esc_leaves_no_markup_and_loses_nothing(text: str) -> None:
    """esc() output has no character that opens a tag or ends an attribute, and decodes back to the input."""
    escaped = esc(text)
    assert not set("<>\"'") & set(escaped)
    assert html.unescape(escaped) == text


@property_settings(max_examples=150)
@given(unit_text)
def test_md_is_one_line_of_plain_text_in_prose_and_headings(text: str) -> None:
    """md() output, as a paragraph or a heading, renders to one element carrying no markup from the data."""
    escaped = md(text)
    assert "\n" not in escaped and "<" not in escaped
    for line, element in ((escaped, "p"), (f"# {escaped}", "h1")):
        rendered = render(line)
        assert problems_in(rendered) == []
        _text, tags = text_and_tags(rendered)
        assert tags in ([], [element]), rendered


@property_settings(max_examples=150)
@given(unit_text)
@example("约5~10天")  # md() writes 约5\~10天; Python-Markdown has no \~ escape and shows the backslash
def test_md_text_renders_as_itself(text: str) -> None:
    """What md() writes, MkDocs shows verbatim (whitespace collapsed): every escape is one Python-Markdown undoes."""
    rendered = render(md(text))
    shown, _tags = text_and_tags(rendered)
    assert shown == " ".join(text.split()).strip(), rendered


@property_settings(max_examples=150)
@given(unit_text)
def test_free_text_renders_markdown_without_html_or_unsafe_links(text: str) -> None:
    """A note's Markdown becomes only Markdown's own elements; raw HTML is text, javascript:/data: links are dropped."""
    rendered = free_text(text)
    assert problems_in(rendered) == []
    _text, tags = text_and_tags(rendered)
    allowed = {"p", "em", "strong", "code", "pre", "a", "ul", "ol", "li", "blockquote", "hr", "br"}
    assert set(tags) <= allowed | {f"h{level}" for level in range(1, 7)}, rendered


# ---------------------------------------------------------------- end to end

AS_OF = date(2023, 11, 21)


def quoted(text: str) -> str:
    """A YAML double-quoted scalar; characters outside libyaml's printable set are escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '\\"':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or char in "\u2028\u2029\ufeff\ufffe\uffff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


REPORT = """\
# yaml-language-server: $schema=../../../schemas/progress.schema.json
reporter: city-ecology
date: 2023-11-20
title: {title}
source: {{title: {source}, date: 2023-11-20}}
updates:
  - {{task: demo-2023/a5-01, status: in_progress, done: 27, total: 30, quote: {quote}, note: {note}}}
  - {{task: demo-2023/s3-1-1, status: in_progress, quote: {quote}, note: {note}}}
"""


def hostile_tree(root: Path, texts: list[str], names: list[str]) -> Path:
    """The base tree with hostile strings in every kind of place a page shows data."""
    policy = copy_base(root)
    plan = policy / "plans" / "demo-2023.yaml"
    replacements = {
        "title: 示例市2023年大气污染综合治理工作方案": f"title: {quoted(texts[0])}",
        "title: 加强污染精准治理": f"title: {quoted(texts[1])}",
        "target: 完成示例热电退城搬迁。": f"target: {quoted(texts[2])}",
        "title: 关停1#高炉": f"title: {quoted(texts[3])}",
        "name: 细颗粒物（PM2.5）浓度": f"name: {quoted(texts[4])}",
        "summary: 正文与附件5的VOCs项目总数不同。": f"summary: {quoted(texts[5])}",
        "text: 全市开展28项": f"text: {quoted(texts[0])}",
        "title: VOCs重点治理项目任务清单": f"title: {quoted(texts[1])}",
    }
    text = plan.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    plan.write_text(text, encoding="utf-8")
    registry = policy / "organizations" / "city.yaml"
    text = registry.read_text(encoding="utf-8")
    text = text.replace("name: 甲县人民政府", f"name: {quoted(names[0])}")
    text = text.replace("aliases: [甲县]", f"aliases: [{quoted(names[1])}]")
    text = text.replace("name: 示例市生态环境局", f"name: {quoted(names[2])}")
    registry.write_text(text, encoding="utf-8")
    title, source, quote, note = (quoted(text) for text in texts[2:6])
    report = REPORT.format(title=title, source=source, quote=quote, note=note)
    (policy / "progress" / "city-ecology" / "2023-11-20-hostile.yaml").write_text(report, encoding="utf-8")
    return policy


def pages_of(policy: Path) -> dict[str, str]:
    validation = open_workspace([policy], AS_OF).validation
    errors = [f"{f.file}:{f.line}:{f.column} {f.code} {f.message}" for f in validation.findings if f.is_error]
    assert errors == []
    return site_pages(evaluate(validation.model, AS_OF), ReportContext(validation.model))


@property_settings(max_examples=60)
@given(st.lists(data_text, min_size=6, max_size=6), st.lists(data_name, min_size=3, max_size=3, unique=True))
def test_every_page_keeps_hostile_data_as_text(texts: list[str], names: list[str]) -> None:
    """Every generated page, as written and as rendered: no script, no handler, no unsafe link, tables intact."""
    with tempfile.TemporaryDirectory() as directory:
        pages = pages_of(hostile_tree(Path(directory), texts, names))
    for path, page in pages.items():
        body, meta = get_data(page)
        assert "<script" not in page.lower(), path
        assert set(meta) <= {"title", "search"} and not set("<>&\n") & set(meta.get("title", "")), (path, meta)
        assert (path, problems_in(body)) == (path, [])
        assert (path, problems_in(render(body))) == (path, [])
