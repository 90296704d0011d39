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

Blocks that follow one another with only blank lines between them share one placeholder: Markdown's
cost grows with its paragraphs, and a task page's facts table and 录入说明 are then one. Pages are
cut at blank lines with str.split rather than searched with an expression that tried every
position (tests/unit/site/raw_blocks_test.py holds the two to the same rendered page).

Each placeholder carries a random token of its page's stash, so that text from the data that reads
like a placeholder (a note that says "PCBLOCK0X") stays text: it cannot pull a block into another
place or name one that does not exist.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

_BLOCK_TAGS = ("div", "details", "figure", "ol", "ul", "dl", "table", "section", "p")
_BLOCK_START = re.compile(rf"<({'|'.join(_BLOCK_TAGS)})\b")
_OPENING = {tag: re.compile(rf"<{tag}[\s>]") for tag in _BLOCK_TAGS}
# A table alone, or in the scroll wrapper checker.site.tables puts around it, anywhere on its own lines.
_TABLE = re.compile(
    r'^(?:<div class="md-typeset__scrollwrap"[^>]*><div class="md-typeset__table[^"]*">)?'
    r"<table\b[^>]*>.*?</table>(?:</div></div>)?$",
    re.S | re.M,
)
_PLACEHOLDER = re.compile(r"<p>PCBLOCK([0-9a-f]+)N(\d+)X</p>")


@dataclass(frozen=True)
class Stash:
    """The blocks taken out of one page, and the token its placeholders carry."""

    token: str = field(default_factory=lambda: secrets.token_hex(8))
    blocks: list[str] = field(default_factory=list)

    def keep(self, block: str) -> str:
        self.blocks.append(block)
        return f"\nPCBLOCK{self.token}N{len(self.blocks) - 1}X\n"


def stash_blocks(markdown: str) -> tuple[str, Stash]:
    """The Markdown with each finished HTML block replaced by a placeholder paragraph, and the blocks."""
    stash = Stash()
    parts = markdown.split("\n\n")
    kept: list[str] = []
    merging = False  # the last part that was not blank was a block
    for index, part in enumerate(parts):
        # A part starts right after a blank line, or with the one line break of a longer run of them.
        lead = "\n" if part.startswith("\n") else ""
        body = part[len(lead):]
        tail = "\n" if index == len(parts) - 1 and body.endswith("\n") else ""
        body = body[:len(body) - len(tail)]
        if _whole_block(body):
            if merging:
                stash.blocks[-1] += "\n" + body
                kept.append(lead + tail)
            else:
                kept.append(lead + stash.keep(body) + tail)
            merging = True
        else:
            kept.append(part)
            merging = merging and not part.strip()
    stashed = "\n\n".join(kept)
    if "<table" in stashed:
        stashed = _TABLE.sub(lambda match: stash.keep(match.group()), stashed)
    return stashed, stash


def _whole_block(text: str) -> bool:
    """A block-level element that ends the text with its own closing tag, opened as often as closed."""
    start = _BLOCK_START.match(text)
    if start is None:
        return False
    tag = start.group(1)
    closing = f"</{tag}>"
    return text.endswith(closing) and len(_OPENING[tag].findall(text)) == text.count(closing)


def restore_blocks(html: str, stash: Stash) -> str:
    """The rendered page with every placeholder paragraph of this stash replaced by its block."""
    if not stash.blocks:
        return html

    def block(match: re.Match[str]) -> str:
        index = int(match.group(2))
        own = match.group(1) == stash.token and index < len(stash.blocks)
        return stash.blocks[index] if own else match.group()

    return _PLACEHOLDER.sub(block, html)
