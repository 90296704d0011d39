"""Repeated findings of one code in one file: the first few listed, the rest as one summary line.

A hostile or broken file can repeat one mistake tens of thousands of times (20,000 duplicate
keys, a control character on every line). Listing each would bury everything else and cost
memory, so each (file, code) pair shows at most `shown` findings, followed by one summary
finding of the same code that says how many more there are (its `omitted` count; the summaries
of error counts add it back, so totals stay true).

Two places apply the cap: the stages that can produce many findings stop building them early
(`RepeatCap`), and the final list handed to the reporters is capped again (`cap_repeats`), which
also merges the early summaries, so every output format shows the same lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from checker.codes import CODES, finding
from checker.findings import Finding, sorted_findings

SHOWN_PER_CODE = 20


def summary(first_omitted: Finding, omitted: int) -> Finding:
    """The line standing for `omitted` findings of a code in a file, at the first one left out."""
    title = CODES[first_omitted.code].title if first_omitted.code in CODES else first_omitted.code
    message = f"另有 {omitted} 处同类问题（{first_omitted.code} {title}）未逐一列出；请改正以上各处后再次检查。"
    item = finding(first_omitted.code, message, first_omitted.file, first_omitted.line, first_omitted.column)
    return Finding(item.code, first_omitted.severity, item.message, item.file, item.line, item.column, item.hint,
                   omitted)


@dataclass
class RepeatCap:
    """Counts findings per (file, code) while they are produced; admits the first `shown` of each."""

    shown: int = SHOWN_PER_CODE
    _seen: dict[tuple[str, str], int] = field(default_factory=dict)
    _first_omitted: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)

    def admit(self, code: str, file: str, where: Callable[[], tuple[int, int]]) -> tuple[int, int] | None:
        """The position to build this finding at, or None past the cap, where it is only counted.

        `where` is called only for a finding that is built or is the first left out: computing a
        position can cost a pass over the text, and a hostile file can repeat a mistake a million times.
        """
        key = (file, code)
        seen = self._seen.get(key, 0)
        self._seen[key] = seen + 1
        if seen < self.shown:
            return where()
        if key not in self._first_omitted:
            self._first_omitted[key] = where()
        return None

    def summaries(self) -> list[Finding]:
        findings = []
        for (file, code), (line, column) in self._first_omitted.items():
            first = finding(code, "", file, line, column)
            findings.append(summary(first, self._seen[(file, code)] - self.shown))
        return findings


def cap_repeats(findings: Iterable[Finding], shown: int = SHOWN_PER_CODE) -> list[Finding]:
    """Findings in reading order with at most `shown` per (file, code) and one summary for the rest."""
    kept: list[Finding] = []
    counts: dict[tuple[str, str], int] = {}
    omitted: dict[tuple[str, str], tuple[Finding, int]] = {}
    for item in sorted_findings(findings):
        key = (item.file, item.code)
        if not item.omitted and counts.get(key, 0) < shown:
            counts[key] = counts.get(key, 0) + 1
            kept.append(item)
            continue
        first, total = omitted.get(key, (item, 0))
        omitted[key] = (first, total + item.weight)
    kept += (summary(first, total) for first, total in omitted.values())
    return sorted_findings(kept)
