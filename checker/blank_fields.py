"""Blank fields sized for people: one summary per file instead of one finding per blank.

A new-report skeleton leaves `status:`, `quote:` and `value:` blank in every entry, and an
untouched one of a hundred entries used to print several hundred PC110 findings. Per file, every
blank field now makes one PC110 finding at the first blank, saying how many there are and on which
lines. `validate()` gathers them, so every output format (text, JSON, GitHub annotations) sees
the same single finding; the parse cache keeps the findings one by one. A single blank keeps its own
message (which field, and what it accepts).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from checker.findings import Finding

BLANK = "PC110"
_LINES_SHOWN = 8


def summarize_blanks(findings: list[Finding]) -> list[Finding]:
    """The findings with every PC110 of the document replaced by one summary at the first of them."""
    blanks = [item for item in findings if item.code == BLANK]
    if len(blanks) < 2:
        return findings
    first = min(blanks, key=Finding.sort_key)
    lines = sorted({item.line for item in blanks})
    shown = "、".join(str(line) for line in lines[:_LINES_SHOWN])
    more = "等" if len(lines) > _LINES_SHOWN else ""
    message = f"{len(blanks)} 处尚未填写：第 {shown} 行{more}。首处{first.message}"
    others = [item for item in findings if item.code != BLANK]
    return [*others, replace(first, message=message)]


def gather_blank_fields(findings: Iterable[Finding]) -> list[Finding]:
    """summarize_blanks applied to each file's findings."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for item in findings:
        by_file[item.file].append(item)
    return [item for items in by_file.values() for item in summarize_blanks(items)]
