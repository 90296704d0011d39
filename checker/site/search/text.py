"""What of a generated or hand-written page goes into the search index: title, headings, text.

Task-listing tables (headed 编号 | 任务) are left out: every row repeats a task page that is itself
indexed, and on unit, plan and overview pages they were most of the old index (1.4 MB of 4.2 MB
for unit pages alone). Everything else a page shows stays searchable: facts, indicator tables,
progress quotes, prose. Markup is dropped; entities and Markdown escapes are decoded.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
_TABLE = re.compile(r"<table\b.*?</table>", re.S)
_LISTING = '<th scope="col">编号</th><th scope="col">任务</th>'
# None of these reaches past a line's end, so a page's body lines are made plain in one pass each.
_TAG = re.compile(r"<[^>\n]*>")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_ATTRIBUTES = re.compile(r"\{:[^}\n]*\}")
_ESCAPE = re.compile(r"\\(.)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass(frozen=True)
class PageText:
    title: str
    headings: list[str]
    body: str


def _plain(markdown: str) -> str:
    text = _ATTRIBUTES.sub(" ", markdown)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    return html.unescape(_ESCAPE.sub(r"\1", text))


def _title(front: str) -> str:
    found = _TITLE.search(front)
    if not found:
        return ""
    value = found.group(1).strip()
    try:
        loaded = json.loads(value)
    except ValueError:
        return value.strip("'\"")
    return loaded if isinstance(loaded, str) else value


def page_text(markdown: str) -> PageText:
    """Split a page's Markdown into what search weighs differently."""
    front = _FRONT_MATTER.match(markdown)
    title = _title(front.group(1)) if front else ""
    markdown = markdown[front.end():] if front else markdown
    markdown = _TABLE.sub(lambda table: "\n" if _LISTING in table.group() else table.group(), markdown)
    headings, body = [], []
    for line in markdown.splitlines():
        heading = _HEADING.match(line)
        if heading:
            text = " ".join(_plain(heading.group(2)).split())
            if heading.group(1) == "#":
                title = title or text
            else:
                headings.append(text)
        elif line.strip():
            body.append(line)
    return PageText(title, headings, " ".join(_plain("\n".join(body)).split()))
