"""Findings: what the loader and validator say about the input, as data.

A finding is a frozen record. Nothing in the pipeline raises for bad input; every stage returns
its findings next to its result, and the CLI decides the exit status from them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    """How bad a finding is. Only errors make the input invalid (exit status 2)."""

    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """Chinese label shown to users."""
        return "错误" if self is Severity.ERROR else "警告"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file, at a 1-based line and column."""

    code: str
    severity: Severity
    message: str
    file: str
    line: int
    column: int
    hint: str = ""
    omitted: int = 0  # a summary of this many further findings of its code in its file, not listed

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def weight(self) -> int:
        """How many findings this one stands for: one, or the number a summary line counts."""
        return self.omitted or 1

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order, without exact duplicates."""
    return sorted(set(findings), key=Finding.sort_key)


def count_errors(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings), counting what summary lines stand for."""
    errors = warnings = 0
    for item in findings:
        if item.is_error:
            errors += item.weight
        else:
            warnings += item.weight
    return errors, warnings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(finding.is_error for finding in findings)


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding before its line and column are known: the file, and the JSON path in it the finding is about.

    Rules and the schema check say what is wrong and where in the data; the file's text (see
    `checker.load.locate.Locator.place`) turns the JSON path into a line and column.
    """

    file: str
    code: str
    message: str
    path: tuple[str | int, ...]
    key: bool = False  # at the key of the path's last step rather than at its value
