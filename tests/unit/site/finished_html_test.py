"""Pages of headings and finished blocks come out as Python-Markdown would write them, or not at all."""

from __future__ import annotations

import random

import markdown
import pytest

from checker.site.finished_html import finished_page
from checker.site.markup import md
from checker.site.raw_blocks import restore_blocks, stash_blocks

_EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list"]  # MkDocs's built-ins, then mkdocs.yml's
_BLOCKS = ['<div class="md-typeset__scrollwrap"><table><tr><td>一</td></tr></table></div>',
           '<details class="pc-entry"><summary>录入说明</summary><dl><dt>a</dt><dd>b</dd></dl></details>',
           '<ol class="pc-timeline">\n<li><p>二</p></li>\n</ol>']
_CHARACTERS = [*"大气污染防治 第1项PM2.5 ab-c_d*e[f](g)#h!i|j{k}l<m>n&o`p~q\\r'\"", "&amp;", "  ", "重点行业"]


def _python_markdown(page: str) -> tuple[str, list[object], set[str]]:
    converter = markdown.Markdown(extensions=_EXTENSIONS, extension_configs={"toc": {"permalink": False}})
    stashed, stash = stash_blocks(page)
    html = restore_blocks(converter.convert(stashed), stash)
    tokens = getattr(converter, "toc_tokens", [])
    return html, tokens, {str(token["id"]) for token in _flat(tokens)}


def _flat(tokens: list[dict[str, object]]) -> list[dict[str, object]]:
    return [item for token in tokens for item in [token, *_flat(token["children"])]]  # type: ignore[arg-type]


def _ours(page: str) -> tuple[str, list[object], set[str]] | None:
    stashed, stash = stash_blocks(page)
    finished = finished_page(stashed, stash)
    return None if finished is None else (finished.html, finished.toc_tokens, finished.anchors)


def test_random_headings_and_blocks_are_written_as_python_markdown_writes_them() -> None:
    """3,000 pages of headings (any text, through md() as the page modules write it, repeats
    included) between blocks: the same HTML, the same ids and the same table of contents."""
    generator = random.Random(18)
    taken = 0
    for _ in range(3000):
        parts = []
        for _ in range(generator.randint(1, 6)):
            if generator.random() < 0.5:
                title = "".join(generator.choices(_CHARACTERS, k=generator.randint(0, 8))) or "阶段节点"
                parts.append("#" * generator.randint(1, 3) + " " + md(title))
            else:
                parts.append(generator.choice(_BLOCKS))
        page = ("\n" * generator.randint(2, 4)).join(parts) + "\n"
        ours = _ours(page)
        if ours is None:
            continue
        taken += 1
        assert ours == _python_markdown(page), page
    assert taken > 2000


@pytest.mark.parametrize("page", [
    "# 标题\n\n正文一段。\n",  # a paragraph of text
    "# 标题\n\n- 列表\n",
    "# *强调*\n",  # Markdown the heading text would render
    "# 标题 {: #own-id }\n",  # an attribute list
    "# 标题 #\n",  # closing hashes
    "#标题\n",  # no space: still a heading to Python-Markdown, not taken here
    "    # 缩进\n",
    "## 标题\n正文紧接着标题\n",
    "!!! note\n    提示\n",
])
def test_anything_but_plain_headings_and_blocks_is_left_to_python_markdown(page: str) -> None:
    """A page with text, lists, markup in a heading, attributes or indentation is not taken."""
    assert _ours(page) is None


def test_a_page_of_our_kind_is_taken() -> None:
    """A task page's shape: title, facts and 录入说明, then headed sections."""
    title = md("a1-01 推进[重点]行业*深度*治理")
    page = f"# {title}\n\n\n{_BLOCKS[0]}\n\n{_BLOCKS[1]}\n\n## 阶段节点\n\n{_BLOCKS[2]}\n"
    ours = _ours(page)
    assert ours is not None and ours == _python_markdown(page)
    assert 'id="_1">阶段节点</h2>' in ours[0]
