"""Drop the indentation of built pages: about a quarter of a task page is spaces.

A run of whitespace that holds a line break becomes that one line break. Outside preformatted
content HTML renders any run of whitespace as one space, so the page looks exactly the same; a
run without a line break is left alone. Inside `<pre>`, `<textarea>`, `<script>` and `<style>`
nothing changes.
"""

from __future__ import annotations

import re

# A verbatim element, kept as it is, or a run of whitespace holding a line break.
_VERBATIM_OR_BREAK = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|[ \t\r\n]*\n[ \t\r\n]*",
                                re.IGNORECASE | re.DOTALL)


def collapse_indentation(html: str) -> str:
    return _VERBATIM_OR_BREAK.sub(lambda match: match.group(1) or "\n", html)
