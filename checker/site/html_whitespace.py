"""Drop the indentation of built pages: about a quarter of a task page is spaces.

A run of whitespace that holds a line break becomes that one line break. Outside preformatted
content HTML renders any run of whitespace as one space, so the page looks exactly the same; a
run without a line break is left alone. Inside `<pre>`, `<textarea>`, `<script>` and `<style>`
nothing changes.
"""

from __future__ import annotations

import re

_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.IGNORECASE | re.DOTALL)
_RUN_WITH_BREAK = re.compile(r"[ \t\r\n]*\n[ \t\r\n]*")


def collapse_indentation(html: str) -> str:
    parts = _VERBATIM.split(html)
    # split() with two groups yields [text, verbatim, tag name, text, verbatim, tag name, ..., text]
    out = []
    for index in range(0, len(parts), 3):
        out.append(_RUN_WITH_BREAK.sub("\n", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
