"""Drop the indentation of built pages: about a quarter of a task page is spaces.

A run of whitespace that holds a line break becomes that one line break. Outside preformatted
content HTML renders any run of whitespace as one space, so the page looks exactly the same; a
run without a line break is left alone. Inside `<pre>`, `<textarea>`, `<script>` and `<style>`
nothing changes.

Done line by line rather than with one regular expression over the page: the expression tried a
match at every character and was the largest cost of our per-page work (tests/unit/site/
html_whitespace_test.py holds both to the same output).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2

_VERBATIM = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = " \t\r"


def collapse_indentation(html: str) -> str:
    parts, start = [], 0
    for match in _VERBATIM.finditer(html):
        parts += [_collapse(html[start:match.start()]), match.group()]
        start = match.end()
    parts.append(_collapse(html[start:]))
    return "".join(parts)


def _collapse(text: str) -> str:
    """Each line stripped where it touches a line break, and blank lines dropped: one break per run."""
    lines = text.split("\n")
    if len(lines) == 1:
        return text
    inner = (line.strip(_SPACE) for line in lines[1:-1])
    return "\n".join([lines[0].rstrip(_SPACE), *[line for line in inner if line], lines[-1].lstrip(_SPACE)])


class CollapsedTemplates(jinja2.BaseLoader):
    """The theme's HTML templates, collapsed the same way before Jinja compiles them.

    A page is collapsed after it is rendered anyway; collapsing the templates first leaves Jinja less
    to write and the page's collapse half the lines to read, for the same bytes (a run of whitespace
    with a line break in the template is one in the page, and verbatim content is left alone in both;
    tests/unit/site/mkdocs_fork_test.py and the built-site comparisons hold the pages unchanged).
    """

    def __init__(self, inner: jinja2.BaseLoader) -> None:
        self.inner = inner

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.inner.get_source(environment, template)
        return (collapse_indentation(source) if template.endswith(".html") else source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.inner.list_templates()
