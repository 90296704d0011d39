"""PC340: a quote that is not verbatim in the source text its report names.

Pure: the model, the texts read at the edge (checker/load/source_texts.py) and the positions of
the report files in, findings out.
Every `quote` of the report's updates and observations, and every `forecast.text` (the source's
own words for a forecast), must occur in the source text with whitespace ignored
(checker/verbatim.py). The finding names the first character that differs, its position in the
quote, and what the source has there and on which line; it points at that character itself
when the quote is written on one line, else at the start of the quote.

Checking is bounded (PC223 at `source.text` says where it stopped): after the usual number of
repeated findings in one report, and when the searches would scan more than SCAN_BUDGET
characters in the run, so that no report can make `validate` run for minutes.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.codes import finding
from checker.findings import Finding
from checker.load.limits import DEFAULT_LIMITS, Limits
from checker.load.locate import Locator, Positions
from checker.load.reader import line_and_column
from checker.model.records import Model, Observation, Report, Update
from checker.verbatim import Difference, Squeezed, first_difference

_CONTEXT = 6  # characters of the matching part shown before the difference
# Characters all the searches of one run may scan (a search scans at most the whole source text).
# A real bulletin of 30,000 characters with 50 quotes needs 1.5 million; a hostile report of
# 100,000 quotes against an 8 MB text would need 10^12, minutes of work, and stops here instead.
SCAN_BUDGET = 300_000_000


def check_quotes(model: Model, texts: dict[str, tuple[str, str]], positions: Positions,
                 limits: Limits = DEFAULT_LIMITS, budget: int = SCAN_BUDGET) -> list[Finding]:
    """PC340 for every quote of a report with a source text that does not occur in it; PC223 where checking stopped."""
    findings: list[Finding] = []
    for report in model.reports:
        named = texts.get(report.origin.file)
        if named is not None:
            locator = positions[report.origin.file]
            checked, budget = _report(report, named, locator, limits.max_findings_per_kind, budget)
            findings += checked
    return findings


def _report(report: Report, named: tuple[str, str], locator: Locator, cap: int,
            budget: int) -> tuple[list[Finding], int]:
    """The report's findings against its source text (as named, its text), and what is left of the budget."""
    shown, text = named
    source = Squeezed.of(text)
    findings: list[Finding] = []
    quoted = list(_quoted(report))
    for index, (item, path, words) in enumerate(quoted):
        if len(findings) >= cap or budget < len(source.text):
            why = f"已有 {cap} 条不符" if len(findings) >= cap else "原文与摘录的总量超过核对上限"
            message = f"{why}，其余 {len(quoted) - index} 条摘录未与原文“{shown}”核对。"
            return [*findings, locator.place(report.origin.at("PC223", message, "source", "text"))], budget
        budget -= len(source.text)  # what one search may scan: the cost that needs bounding
        difference = first_difference(words, source)
        if difference is not None:
            message = f"{'.'.join(path)} 与原文“{shown}”不符：{_detail(words, difference, text)}。"
            located = locator.place(item.origin.at("PC340", message, *path))
            column = _column_of(locator.text, located.line, located.column, words, difference.quote_offset)
            findings.append(finding("PC340", message, located.file, located.line, column))
    return findings, budget


def _quoted(report: Report) -> Iterator[tuple[Update | Observation, tuple[str, ...], str]]:
    """Each entry's quoted words once (an entry naming several tasks is several updates with one origin)."""
    seen: set[tuple[str | int, ...]] = set()
    for update in report.updates:
        if update.origin.path in seen:
            continue
        seen.add(update.origin.path)
        yield update, ("quote",), update.quote
        if update.forecast_text:
            yield update, ("forecast", "text"), update.forecast_text
    for observation in report.observations:
        yield observation, ("quote",), observation.quote


def _detail(quoted: str, difference: Difference, text: str) -> str:
    position = difference.quote_offset + 1
    char = quoted[difference.quote_offset]
    if not difference.matched:
        return f"第 {position} 个字“{char}”起的文字在原文中找不到"
    before = difference.matched[-_CONTEXT:]
    if difference.source_offset is None:
        return f"第 {position} 个字是“{char}”，而原文在“{before}”之后已经结束"
    line, _ = line_and_column(text, difference.source_offset)
    instead = text[difference.source_offset]
    return f"第 {position} 个字是“{char}”，原文第 {line} 行此处是“{instead}”（前文“{before}”相同）"


def _column_of(text: str | None, line: int, column: int, quoted: str, offset: int) -> int:
    """The differing character's column when the quote is written on one line as it reads, else the quote's."""
    lines = (text or "").split("\n")
    if line > len(lines):
        return column
    rest = lines[line - 1][column - 1:]
    for opening in ("", '"', "'"):
        if rest.startswith(opening + quoted):
            return column + len(opening) + offset
    return column
