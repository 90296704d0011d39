"""plancheck validate: report every problem in the data, each at its file, line and column."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.commands.common import report_findings
from checker.errors import ExitCode
from checker.findings import has_errors
from checker.workspace import DEFAULT_CACHE, CachePolicy, open_workspace


@dataclass(frozen=True)
class ValidateOptions:
    paths: tuple[Path, ...]
    format: str
    checked_on: date  # a report dated after it is an error (PC302); one after a past --as-of date is not
    cache: CachePolicy = DEFAULT_CACHE


def run(options: ValidateOptions, stdout: TextIO) -> int:
    workspace = open_workspace(options.paths, options.checked_on, options.cache)
    findings = workspace.selected_findings  # every finding is printed, valid or not: the tree stays open
    report_findings(findings, len(workspace.selected), options.format, stdout)
    return ExitCode.INVALID if has_errors(findings) else ExitCode.OK
