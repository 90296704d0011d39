"""Keep our HTML tables away from Python-Markdown, and put them back after it has run.

Generated pages carry their tables as finished, escaped HTML (checker.site.pages), which Markdown
passes through unchanged, but only after its HTML-block preprocessor has parsed every tag of it:
40 % of a site build in a profile of the bundled data (docs/dev/benchmarks.md). Swapping each table
for a placeholder paragraph before Markdown and the table back into the HTML afterwards gives the
same page for a fraction of the work. Only whole tables that start and end a line are swapped;
their cells never hold tables.
"""

from __future__ import annotations

import re

# A table alone, or in the scroll wrapper checker.site.tables puts around it.
_TABLE = re.compile(
    r'^(?:<div class="md-typeset__scrollwrap"[^>]*><div class="md-typeset__table[^"]*">)?'
    r"<table\b[^>]*>.*?</table>(?:</div></div>)?$",
    re.S | re.M,
)
_PLACEHOLDER = re.compile(r"<p>PCTABLE(\d+)X</p>")


def stash_tables(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each table replaced by a placeholder paragraph, and the tables in order."""
    tables: list[str] = []

    def keep(match: re.Match[str]) -> str:
        tables.append(match.group())
        return f"\nPCTABLE{len(tables) - 1}X\n"

    return _TABLE.sub(keep, markdown), tables


def restore_tables(html: str, tables: list[str]) -> str:
    """The rendered page with every placeholder paragraph replaced by its table."""
    return _PLACEHOLDER.sub(lambda match: tables[int(match.group(1))], html) if tables else html
