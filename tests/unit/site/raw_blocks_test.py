"""HTML blocks and tables kept away from Python-Markdown come back unchanged, in their places."""

from __future__ import annotations

import random
import re

import markdown as python_markdown

from checker.site.raw_blocks import restore_blocks, stash_blocks
from checker.site.tables import html_table

PAGE = ('# 标题\n\n<table class="pc-facts"><tr><td>a &amp; b</td></tr>\n<tr><td>*不是强调*</td></tr></table>\n\n'
        "正文 *强调*\n\n<table><tr><td>二</td></tr></table>\n")


def test_the_page_renders_as_markdown_would_render_it() -> None:
    """Same HTML as Python-Markdown's own raw-HTML pass-through, but for blank lines between blocks
    (the built site is byte-identical: the theme's whitespace collapsing removes them)."""
    stashed, stash = stash_blocks(PAGE)
    assert len(stash.blocks) == 2 and "<table" not in stashed
    rendered = restore_blocks(python_markdown.markdown(stashed), stash)
    assert re.sub(r"\n+", "\n", rendered) == re.sub(r"\n+", "\n", python_markdown.markdown(PAGE))
    assert "PCTABLE" not in rendered


def test_a_table_inside_a_line_is_left_to_markdown() -> None:
    """Only tables that start a line are swapped; inline HTML is Markdown's business."""
    stashed, stash = stash_blocks("见 <table><tr><td>x</td></tr></table> 之后\n")
    assert stash.blocks == [] and stashed.startswith("见 <table>")
    assert restore_blocks("<p>x</p>", stash) == "<p>x</p>"


def test_a_table_in_its_scroll_wrapper_is_swapped_whole() -> None:
    """checker.site.tables wraps every table in the theme's scroll region; wrapper and table go together."""
    table = html_table(("编号",), [["*a1-01*"]])
    stashed, stash = stash_blocks(f"# 标题\n{table}正文\n")
    assert stash.blocks == [table.strip()] and "scrollwrap" not in stashed


BLOCKS = ('# 标题\n\n<details class="pc-entry"><summary>录入说明</summary>'
          "<dl><dt>*编号*</dt><dd>a&amp;b</dd></dl></details>\n\n"
          "<figure><svg><text>1 < 2</text></svg>\n<figcaption>图</figcaption></figure>\n\n"
          "<ol>\n<li>一</li>\n<li>二</li>\n</ol>\n\n<div>不完整\n\n</div>\n\n"
          '<span class="x">行内</span> *强调*\n\n<p>段</p> 尾巴\n')


def test_whole_blocks_render_as_markdown_would_render_them() -> None:
    """details, figure and ol blocks are swapped, under one placeholder since only blank lines part
    them; Markdown's output is the same but for blank lines."""
    stashed, stash = stash_blocks(BLOCKS)
    assert len(stash.blocks) == 1 and stashed.count("PCBLOCK") == 1
    assert [line.split(">", 1)[0] for line in stash.blocks[0].split("\n") if line.startswith("<")] == [
        '<details class="pc-entry"', "<figure", "<figcaption", "<ol", "<li", "<li", "</ol"]
    rendered = restore_blocks(python_markdown.markdown(stashed), stash)
    assert re.sub(r"\n+", "\n", rendered) == re.sub(r"\n+", "\n", python_markdown.markdown(BLOCKS))


def test_unbalanced_inline_or_trailing_html_is_left_to_markdown() -> None:
    """A block cut by a blank line, an inline element and a block with text after its end stay Markdown's."""
    stashed, _ = stash_blocks(BLOCKS)
    assert "<div>不完整" in stashed and '<span class="x">行内</span>' in stashed and "<p>段</p> 尾巴" in stashed


def test_text_that_reads_like_a_placeholder_stays_text() -> None:
    """A note saying PCBLOCK0X or PCBLOCK99X neither pulls a block in nor fails the build."""
    page = "<details><summary>说明</summary></details>\n\nPCBLOCK0X\n\nPCBLOCK99X\n"
    stashed, stash = stash_blocks(page)
    rendered = restore_blocks(python_markdown.markdown(stashed), stash)
    assert rendered.count("<details>") == 1
    assert "<p>PCBLOCK0X</p>" in rendered and "<p>PCBLOCK99X</p>" in rendered


# The expression-based stash this module replaced, kept as the reference for what gets swapped.
_OLD_BLOCK = re.compile(r"(?:\A|(?<=\n\n))<(div|details|figure|ol|ul|dl|table|section|p)\b.*?(?=\n\n|\n?\Z)", re.S)
_OLD_TABLE = re.compile(r'^(?:<div class="md-typeset__scrollwrap"[^>]*><div class="md-typeset__table[^"]*">)?'
                        r"<table\b[^>]*>.*?</table>(?:</div></div>)?$", re.S | re.M)


def _old_render(markdown: str) -> str:
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        blocks.append(match.group())
        return f"\nOLDBLOCK{len(blocks) - 1}X\n"

    def keep_if_whole(match: re.Match[str]) -> str:
        text, tag = match.group(), match.group(1)
        if not text.endswith(f"</{tag}>") or len(re.findall(rf"<{tag}[\s>]", text)) != text.count(f"</{tag}>"):
            return text
        return keep(match)

    html = python_markdown.markdown(_OLD_TABLE.sub(keep, _OLD_BLOCK.sub(keep_if_whole, markdown)))
    return re.sub(r"<p>OLDBLOCK(\d+)X</p>", lambda match: blocks[int(match.group(1))], html)


_PIECES = ["# 标题", "## 节", "正文 *强调*", "<details><summary>说明</summary></details>", "<div>不完整", "</div>",
           "<ol>\n<li>一</li>\n</ol>", "<p>段</p> 尾巴", "<pre>x</pre>", "<divx>不是</divx>", "<p>段</p>",
           '<table class="pc-facts"><tr><td>a &amp; b</td></tr></table>', "见 <table><tr><td>x</td></tr></table>",
           "<ul><li><ul><li>二</li></ul></li></ul>", "", "\n", "<section>\n\n</section>", "文字\n<dl><dt>a</dt></dl>"]


def test_the_split_stash_renders_as_the_expression_stash_did() -> None:
    """On 3,000 random pages of blocks, text and blank lines, the page renders as it did with the
    expression-based stash, but for runs of line breaks (which the site's whitespace pass collapses)."""
    generator = random.Random(18)
    for _ in range(3000):
        pieces = generator.choices(_PIECES, k=generator.randint(1, 8))
        separators = generator.choices(["\n", "\n\n", "\n\n\n", "\n\n\n\n"], k=len(pieces))
        page = "".join(piece + separator for piece, separator in zip(pieces, separators, strict=True))
        page = page[:len(page) - generator.randint(0, 1)] if generator.random() < 0.3 else page
        stashed, stash = stash_blocks(page)
        rendered = restore_blocks(python_markdown.markdown(stashed), stash)
        assert _comparable(rendered) == _comparable(_old_render(page)), page


def _comparable(html: str) -> str:
    """Runs of line breaks as one; placeholders Markdown swallowed (after an unclosed div) as one word,
    since one of the new stash may stand for several of the old."""
    unnamed = re.sub(r"(?:PC|OLD)BLOCK(?:[0-9a-f]+N)?\d+X", "BLOCK", re.sub(r"\n+", "\n", html))
    return re.sub(r"BLOCK(?:\nBLOCK)+", "BLOCK", unnamed)
