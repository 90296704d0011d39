"""PC340: a quote that is not verbatim in the source text its report names.

Pure: the model and the texts read at the edge (checker/load/source_texts.py) in, findings out.
Every `quote` of the report's updates and observations, and every `forecast.text` (the source's
own words for a forecast), must occur in the source text with whitespace ignored
(checker/verbatim.py). The finding names the first character that differs, its position in the
quote, and what the source has there and on which line; it points at that character itself
when the quote is written on one line, else at the start of the quote.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.codes import finding
from checker.findings import Finding
from checker.load.reader import line_and_column
from checker.model.records import Model, Observation, Report, Update
from checker.verbatim import Difference, Squeezed, first_difference

_CONTEXT = 6  # characters of the matching part shown before the difference


def check_quotes(model: Model, texts: dict[str, tuple[str, str]]) -> list[Finding]:
    """PC340 for every quote of a report with a source text that does not occur in it."""
    findings: list[Finding] = []
    for report in model.reports:
        named = texts.get(report.origin.file)
        if named is not None:
            shown, text = named
            findings += _report(report, shown, text, Squeezed.of(text))
    return findings


def _report(report: Report, shown: str, text: str, source: Squeezed) -> Iterator[Finding]:
    for item, path, quoted in _quoted(report):
        difference = first_difference(quoted, source)
        if difference is not None:
            message = f"{'.'.join(path)} 与原文“{shown}”不符：{_detail(quoted, difference, text)}。"
            located = item.origin.at("PC340", message, *path)
            column = _column_of(item, located.line, located.column, quoted, difference.quote_offset)
            yield finding("PC340", message, located.file, located.line, column)


def _quoted(report: Report) -> Iterator[tuple[Update | Observation, tuple[str, ...], str]]:
    for update in report.updates:
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


def _column_of(item: Update | Observation, line: int, column: int, quoted: str, offset: int) -> int:
    """The differing character's column when the quote is written on one line as it reads, else the quote's."""
    text = item.origin.document.text or ""
    lines = text.split("\n")
    if line > len(lines):
        return column
    rest = lines[line - 1][column - 1:]
    for opening in ("", '"', "'"):
        if rest.startswith(opening + quoted):
            return column + len(opening) + offset
    return column
