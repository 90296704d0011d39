"""PC340: quotes checked against the source text a report names, at the first differing character."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.support import copy_base, findings_in, run_cli, run_validate

REPORT = "progress/city-ecology/2023-05-10-report.yaml"
SOURCE = "示例市生态环境局工作动态\n已完成 24 项，其余6项正在\n推进。\n2022年PM2.5浓度为50微克/立方米。\n"


def with_source_text(tmp_path: Path, source: str = SOURCE) -> Path:
    """The base tree, its report naming a text committed beside it (source.text on line 7)."""
    policy = copy_base(tmp_path)
    report = policy / REPORT
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("  date: 2023-05-10\n", "  date: 2023-05-10\n  text: 2023-05-10-source.txt\n"),
                      encoding="utf-8")
    (report.parent / "2023-05-10-source.txt").write_text(source, encoding="utf-8")
    return policy


def test_a_quote_that_differs_is_pinned_at_its_first_differing_character(tmp_path: Path) -> None:
    """The update's quote matches across the line break and spaces; the observation's lacks “为”."""
    policy = with_source_text(tmp_path)
    code, result, _ = run_validate(policy)
    assert code == 2
    assert findings_in(result, REPORT) == ["PC340 19:24"]
    assert result["findings"][0]["message"] == (
        "quote 与原文“2023-05-10-source.txt”不符：第 13 个字是“5”，原文第 4 行此处是“为”（前文“M2.5浓度”相同）。")


def test_matching_quotes_pass_and_the_text_file_is_not_a_stray_file(tmp_path: Path) -> None:
    """The named .txt raises no PC022; an unnamed one still does."""
    policy = with_source_text(tmp_path, SOURCE.replace("浓度为50", "浓度50"))
    (policy / "progress" / "city-ecology" / "notes.txt").write_text("别的文字\n", encoding="utf-8")
    code, result, _ = run_validate(policy)
    assert code == 0
    assert [(item["code"], item["file"].rsplit("/", 1)[1]) for item in result["findings"]] == [("PC022", "notes.txt")]


def test_forecast_text_is_checked_too_and_quoted_scalars_point_inside_the_quotes(tmp_path: Path) -> None:
    """forecast.text is the source's words too;
    in a flow mapping and in a double-quoted scalar the column is the character's.
    """
    policy = with_source_text(tmp_path, SOURCE.replace("浓度为50", "浓度50") + "预计6月底完成。\n")
    report = policy / REPORT
    text = report.read_text(encoding="utf-8").replace(
        "    quote: 已完成24项，其余6项正在推进。\n",
        "    forecast: {date: 2023-06-30, text: 预计6月底全部完成}\n    quote: \"已完成24项，其余6项正推进。\"\n")
    report.write_text(text, encoding="utf-8")
    code, result, _ = run_validate(policy)
    assert code == 2
    assert findings_in(result, REPORT) == ["PC340 14:45", "PC340 15:25"]
    messages = sorted(item["message"] for item in result["findings"])
    assert messages[0].startswith("forecast.text 与原文“2023-05-10-source.txt”不符：第 6 个字是“全”")
    assert messages[1].startswith("quote 与原文“2023-05-10-source.txt”不符：第 13 个字是“推”，原文第 2 行此处是“在”")


def test_the_same_finding_in_text_output(tmp_path: Path) -> None:
    """The text format prints the same file:line:column as the JSON."""
    policy = with_source_text(tmp_path)
    code, stdout, _ = run_cli("validate", str(policy / REPORT), "--as-of", "2024-01-01")
    assert code == 2
    assert f"{(policy / REPORT).as_posix()}:19:24: PC340 错误 quote 与原文" in stdout


def test_checking_stops_after_the_usual_number_of_repeated_findings(tmp_path: Path) -> None:
    """A source text for another document: 20 PC340, then one PC223 warning at source.text saying how many were left."""
    policy = with_source_text(tmp_path, "另一份材料的文字。\n")
    report = policy / REPORT
    entry = "  - task: demo-2023/a5-01\n    status: in_progress\n    quote: 第{}条。\n"
    text = report.read_text(encoding="utf-8")
    text = text.replace("updates:\n", "updates:\n" + "".join(entry.format(n) for n in range(25)))
    report.write_text(text, encoding="utf-8")
    _, result, _ = run_validate(policy)
    codes = [item["code"] for item in result["findings"]]
    assert (codes.count("PC340"), codes.count("PC223")) == (20, 1)
    assert "PC223 7:9" in findings_in(result, REPORT)
    (stopped,) = [item["message"] for item in result["findings"] if item["code"] == "PC223"]
    assert stopped == "已有 20 条不符，其余 7 条摘录未与原文“2023-05-10-source.txt”核对。"


def test_checking_stops_when_the_searches_would_scan_too_much(tmp_path: Path) -> None:
    """With a budget smaller than two searches, the second quote is not checked and PC223 says so at source.text."""
    from checker.validate.quotes import check_quotes
    from checker.workspace import CachePolicy, open_workspace

    policy = with_source_text(tmp_path, SOURCE.replace("浓度为50", "浓度50"))
    workspace = open_workspace((policy,), date(2024, 1, 1), CachePolicy(enabled=False))
    (report,) = [r for r in workspace.validation.model.reports if r.source_text]
    texts = {report.origin.file: ("2023-05-10-source.txt", SOURCE.replace("浓度为50", "浓度50"))}
    positions = workspace.validation.positions
    assert check_quotes(workspace.validation.model, texts, positions) == []
    (stopped,) = check_quotes(workspace.validation.model, texts, positions, budget=60)
    assert (stopped.code, stopped.line, stopped.column) == ("PC223", 7, 9)
    assert stopped.message == "原文与摘录的总量超过核对上限，其余 1 条摘录未与原文“2023-05-10-source.txt”核对。"


def test_an_entry_naming_several_tasks_is_checked_once(tmp_path: Path) -> None:
    """One entry for a1-01 and a5-01 has one quote: one PC340, not one per task."""
    policy = with_source_text(tmp_path, SOURCE.replace("其余6项", "其余五项"))
    report = policy / REPORT
    text = report.read_text(encoding="utf-8").replace(
        "  - task: demo-2023/a5-01\n", "  - tasks: [demo-2023/a1-01, demo-2023/a5-01]\n")
    report.write_text(text.replace("    done: 24\n    total: 30\n    count_unit: 项\n", ""), encoding="utf-8")
    _, result, _ = run_validate(policy)
    assert [item for item in findings_in(result, REPORT) if item.startswith("PC340 11:")] == ["PC340 11:21"]
