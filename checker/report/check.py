"""The registry of check reporters; it also feeds --format's choices."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checker.evaluate.results import Evaluation
from checker.report.github_report import report_github
from checker.report.json_report import report_json
from checker.report.markdown_report import report_markdown
from checker.report.text_report import report_text
from checker.report.views import ReportContext

CheckReporter = Callable[[Evaluation, ReportContext, TextIO], None]

CHECK_REPORTERS: dict[str, CheckReporter] = {
    "text": report_text,
    "json": report_json,
    "markdown": report_markdown,
    "github": report_github,
}
