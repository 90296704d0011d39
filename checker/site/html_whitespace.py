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
