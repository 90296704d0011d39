"""A generated page that is only headings and finished HTML blocks, as HTML without Python-Markdown.

Once its HTML blocks are stashed (checker.site.raw_blocks), a task page is a title, two or three
headings and the placeholders between them. Python-Markdown still built a whole pipeline for each
such page: 0.3 ms a page, six seconds of a build at 20,000 tasks. `finished_page` writes the same
HTML itself, with each heading's id made by the toc extension's own `slugify` and `unique`, and the
table of contents the toc extension would have made, for MkDocs to hand to the theme.

Only what it can write exactly is taken: every paragraph is a heading line or a placeholder, and a
heading's text is plain (`md()` text: Markdown punctuation backslash-escaped, HTML as entities).
Anything else returns None and goes to Python-Markdown as before. The built site is byte-identical
(docs/dev/benchmarks.md), and tests/unit/site/finished_html_test.py holds headings of random text
to what Python-Markdown makes of them.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import nest_toc_tokens, slugify, unique

from checker.site.raw_blocks import Stash

# Python-Markdown's escapable characters, with `|` added by the tables extension.
_ESCAPABLE = "\\`*_{}[]()>#+-.!|"
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t]*")
_ENTITY = r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);"
# Plain heading text: escaped punctuation, entities, and characters that mean nothing to Markdown.
_PLAIN = re.compile(rf"(?:\\[{re.escape(_ESCAPABLE)}]|{_ENTITY}|[^\\`*_{{}}\[\]<>&!#|~])+")
_ESCAPED = re.compile(rf"\\([{re.escape(_ESCAPABLE)}])")


@dataclass(frozen=True)
class FinishedPage:
    html: str
    toc_tokens: list[Any]  # nested as Python-Markdown's toc extension gives them (md.toc_tokens)
    anchors: set[str]  # every heading id, as MkDocs's anchor check wants them


def finished_page(markdown: str, stash: Stash) -> FinishedPage | None:
    """The page's HTML and table of contents, or None when it holds anything but headings and blocks."""
    placeholders = {f"PCBLOCK{stash.token}N{index}X": block for index, block in enumerate(stash.blocks)}
    parts: list[str] = []
    tokens: list[dict[str, Any]] = []
    used: set[str] = set()
    counters: dict[str, int] = {}
    for paragraph in markdown.split("\n\n"):
        text = paragraph.strip("\n")
        if not text:
            continue
        if text in placeholders:
            parts.append(placeholders[text])
            continue
        heading = _HEADING.fullmatch(text)
        if heading is None or not _PLAIN.fullmatch(heading.group(2)):
            return None
        level, inner = len(heading.group(1)), _ESCAPED.sub(lambda m: html.escape(m.group(1), quote=False),
                                                          heading.group(2))
        anchor = unique(slugify(html.unescape(inner), "-"), used, counters)
        parts.append(f'<h{level} id="{anchor}">{inner}</h{level}>')
        tokens.append({"level": level, "id": anchor, "name": inner, "html": inner, "data-toc-label": ""})
    return FinishedPage("\n".join(parts), nest_toc_tokens(tokens), used)
