"""One code repeated in one file: 20 listed, the rest as one summary line, in every output format."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from checker.changes import ChangeSet
from checker.codes import finding
from checker.findings import Finding, count_errors
from checker.repeats import RepeatCap, cap_repeats
from checker.report.diff_report import DIFF_REPORTERS
from checker.report.findings import FINDINGS_REPORTERS


def _many(code: str, file: str, count: int) -> list[Finding]:
    return [finding(code, f"第 {n} 处。", file, n, 3) for n in range(1, count + 1)]


def test_the_first_20_of_a_code_in_a_file_are_kept_and_one_summary_counts_the_rest() -> None:
    """Per (file, code): other files and other codes have their own 20."""
    findings = [*_many("PC102", "a.yaml", 25), *_many("PC102", "b.yaml", 3), *_many("PC101", "a.yaml", 21)]
    capped = cap_repeats(findings)
    summaries = [(item.file, item.code, item.line, item.column, item.omitted) for item in capped if item.omitted]
    assert summaries == [("a.yaml", "PC101", 21, 3, 1), ("a.yaml", "PC102", 21, 3, 5)]
    assert len(capped) == 20 + 1 + 3 + 20 + 1
    assert count_errors(capped) == (49, 0)  # totals stay true


def test_capping_twice_changes_nothing_and_merges_early_summaries() -> None:
    """A summary made while loading (RepeatCap) and findings added later are counted together."""
    cap = RepeatCap(shown=20)

    def at(line: int) -> Callable[[], tuple[int, int]]:
        return lambda: (line, 1)

    loaded = [finding("PC012", "重复。", "a.yaml", n, 1) for n in range(1, 1001)
              if cap.admit("PC012", "a.yaml", at(n))]
    loaded += cap.summaries()
    assert [(item.line, item.omitted) for item in loaded][-2:] == [(20, 0), (21, 980)]
    once = cap_repeats([*loaded, finding("PC012", "再一处。", "a.yaml", 5000, 1)])
    assert once[-1].omitted == 981
    assert cap_repeats(once) == once


@pytest.mark.parametrize("output_format", ["text", "json", "github"])
def test_every_findings_format_shows_20_lines_and_the_summary(output_format: str) -> None:
    """20,000 duplicate keys: 21 lines of findings, and the error count says 20000."""
    capped = cap_repeats([finding("PC012", "键“k”重复。", "p.yaml", n, 1) for n in range(2, 20_002)])
    stream = io.StringIO()
    FINDINGS_REPORTERS[output_format](capped, 1, stream)
    output = stream.getvalue()
    assert output.count("另有 19980 处同类问题（PC012 键名重复）") == 1
    if output_format == "json":
        document = json.loads(output)
        last = document["findings"][-1]
        assert (document["errors"], len(document["findings"]), last["omitted"]) == (20_000, 21, 19_980)
        assert "omitted" not in document["findings"][0]
    else:
        assert sum(line.startswith(("p.yaml:", "::error file=p.yaml")) for line in output.splitlines()) == 21
        assert output.rstrip().endswith("发现 20000 个错误、0 个警告。")


@pytest.mark.parametrize("output_format", ["text", "markdown", "github"])
def test_diff_formats_cap_repeated_findings_too(output_format: str) -> None:
    """30 findings of one code in one file from `plancheck diff`: 20 listed, one summary, the total said."""
    findings = tuple(finding("PC504", f"第 {n} 处改动。", "p.yaml", n, 3) for n in range(1, 31))
    changes = ChangeSet(date(2024, 1, 1), (), (), (), findings)
    stream = io.StringIO()
    context: Any = None  # no status rows, so the reporters never look at the model
    DIFF_REPORTERS[output_format](changes, "origin/main", True, context, stream)
    output = stream.getvalue()
    assert sum("处改动。" in line for line in output.splitlines()) == 20
    assert output.count("另有 10 处同类问题（PC504") == 1
    assert "30 个问题须先修改" in output
