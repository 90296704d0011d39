"""Blank fields sized for people: one PC110 summary per file, and an emptied list is simply empty."""

from __future__ import annotations

from pathlib import Path

from checker.blank_fields import summarize_blanks
from checker.codes import finding
from tests.support import copy_base, findings_in, run_cli, run_validate

REPORT = "progress/city-ecology/2023-05-10-report.yaml"


def test_many_blanks_are_one_finding_at_the_first_naming_the_lines() -> None:
    """Ten blanks: one PC110 at the first (by position), the first eight lines named; a single blank is left alone."""
    blanks = [finding("PC110", "“quote”尚未填写（应为文字）。", "r.yaml", line, 11) for line in range(30, 10, -2)]
    other = finding("PC104", "取值不对。", "r.yaml", 5, 3)
    summary = summarize_blanks([other, *blanks])
    assert summary[0] == other
    assert [(item.code, item.line, item.column) for item in summary[1:]] == [("PC110", 12, 11)]
    lines = "第 12、14、16、18、20、22、24、26 行等"
    assert summary[1].message == f"10 处尚未填写：{lines}。首处“quote”尚未填写（应为文字）。"
    assert summarize_blanks(blanks[:1]) == blanks[:1]


def test_the_summary_is_the_same_in_every_format(tmp_path: Path) -> None:
    """text, JSON and GitHub annotations all carry the one summary (the schema stage makes it)."""
    policy = copy_base(tmp_path)
    report = policy / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("    status: in_progress\n", "    status:\n").replace(
        "    quote: 2022年PM2.5浓度50微克/立方米。\n", "    quote:\n"), encoding="utf-8")
    code, result, _ = run_validate(policy)
    assert code == 2
    assert findings_in(result, REPORT) == ["PC110 9:12"]
    assert result["findings"][0]["message"].startswith("2 处尚未填写：第 9、18 行。首处“status”尚未填写")
    for form in ("text", "github"):
        _, stdout, _ = run_cli("validate", str(policy), "--format", form, "--as-of", "2024-01-01")
        assert stdout.count("PC110") == 1


def test_an_emptied_list_is_accepted_but_one_list_needs_entries(tmp_path: Path) -> None:
    """`observations:` with its entries deleted is accepted;
    both lists left empty is PC101 at the report's first key.
    """
    policy = copy_base(tmp_path)
    report = policy / REPORT
    text = report.read_text(encoding="utf-8")
    observations = text[text.index("observations:"):]
    report.write_text(text.replace(observations, "observations:\n"), encoding="utf-8")
    assert run_validate(policy)[:2] == (0, {"files": 3, "errors": 0, "warnings": 0, "findings": []})
    updates = text[text.index("updates:"):]
    report.write_text(text.replace(updates, "updates:\nobservations:\n"), encoding="utf-8")
    code, result, _ = run_validate(policy)
    assert code == 2
    assert findings_in(result, REPORT) == ["PC101 2:1"]
    assert result["findings"][0]["message"] == (
        "须至少填写以下字段之一（只写字段名、不填内容的，不算填写）：“updates”、“observations”。")
