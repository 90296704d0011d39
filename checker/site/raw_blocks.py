"""Keep our finished HTML away from Python-Markdown, and put it back after Markdown has run.

Generated pages are almost all finished, escaped HTML (tables, charts, 录入说明, lists; 98 % of
their text), which Markdown passes through unchanged, but only after its HTML-block preprocessor
has parsed every tag of it: 40 % of a site build in a profile of the bundled data before tables were
swapped, and most of what was left of Markdown's time after. Swapping each such block for a
placeholder paragraph before Markdown, and the block back into the HTML afterwards, gives the same
page for a fraction of the work (the built site is byte-identical; docs/dev/benchmarks.md).

Swapped: a block-level element that starts a line after a blank line (or the page's start) and
whose paragraph (up to the next blank line) ends with its own closing tag, with as many opening as
closing tags of its name; and any whole table that starts and ends a line. Anything else, inline
HTML included, is left to Markdown.

Each placeholder carries a random token of its page's stash, so that text from the data that reads
like a placeholder (a note that says "PCBLOCK0X") stays text: it cannot pull a block into another
place or name one that does not exist.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

_BLOCK_TAGS = ("div", "details", "figure", "ol", "ul", "dl", "table", "section", "p")
_BLOCK = re.compile(rf"(?:\A|(?<=\n\n))<({'|'.join(_BLOCK_TAGS)})\b.*?(?=\n\n|\n?\Z)", re.S)
# A table alone, or in the scroll wrapper checker.site.tables puts around it, anywhere on its own lines.
_TABLE = re.compile(
    r'^(?:<div class="md-typeset__scrollwrap"[^>]*><div class="md-typeset__table[^"]*">)?'
    r"<table\b[^>]*>.*?</table>(?:</div></div>)?$",
    re.S | re.M,
)


@dataclass(frozen=True)
class Stash:
    """The blocks taken out of one page, and the token its placeholders carry."""

    token: str = field(default_factory=lambda: secrets.token_hex(8))
    blocks: list[str] = field(default_factory=list)


def stash_blocks(markdown: str) -> tuple[str, Stash]:
    """The Markdown with each finished HTML block replaced by a placeholder paragraph, and the blocks."""
    stash = Stash()

    def keep(match: re.Match[str]) -> str:
        stash.blocks.append(match.group())
        return f"\nPCBLOCK{stash.token}N{len(stash.blocks) - 1}X\n"

    def keep_if_whole(match: re.Match[str]) -> str:
        text, tag = match.group(), match.group(1)
        opened = len(re.findall(rf"<{tag}[\s>]", text))
        if not text.endswith(f"</{tag}>") or opened != text.count(f"</{tag}>"):
            return text
        return keep(match)

    return _TABLE.sub(keep, _BLOCK.sub(keep_if_whole, markdown)), stash


def restore_blocks(html: str, stash: Stash) -> str:
    """The rendered page with every placeholder paragraph of this stash replaced by its block."""
    if not stash.blocks:
        return html
    placeholder = re.compile(rf"<p>PCBLOCK{stash.token}N(\d+)X</p>")
    return placeholder.sub(lambda match: stash.blocks[int(match.group(1))], html)
