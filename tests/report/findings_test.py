"""Exact output of each findings format."""

from __future__ import annotations

import io

from checker.codes import finding
from checker.report.findings import FINDINGS_REPORTERS, escape_property, finding_text

FINDINGS = [
    finding("PC012", "键“title”在同一层级中重复出现，前面的值会被覆盖。", "policy/plans/p.yaml", 4, 1),
    finding("PC020", "第一行应为 # yaml-language-server: $schema=…/schemas/plan.schema.json。", "policy/plans/p.yaml",
            1, 1, hint=""),
]


def render(name: str) -> str:
    stream = io.StringIO()
    FINDINGS_REPORTERS[name](FINDINGS, 2, stream)
    return stream.getvalue()


def test_text_format() -> None:
    """One line per finding in path:line:column form, the fix indented below, then a verdict."""
    assert render("text") == (
        "policy/plans/p.yaml:4:1: PC012 错误 键“title”在同一层级中重复出现，前面的值会被覆盖。\n"
        "    修改建议：同一层级中同一个键只能出现一次，否则前面的值会被静默覆盖。删除或合并重复的键。\n"
        "policy/plans/p.yaml:1:1: PC020 警告 第一行应为 # yaml-language-server: $schema=…/schemas/plan.schema.json。\n"
        "未通过：检查了 2 个文件，发现 1 个错误、1 个警告。\n"
    )


def test_json_format() -> None:
    """Counts, then every field of every finding, one finding per line (for tools, grep and diff)."""
    assert render("json") == (
        '{\n  "files": 2,\n  "errors": 1,\n  "warnings": 1,\n  "findings": [\n'
        '    {"code": "PC012", "severity": "error", "message": "键“title”在同一层级中重复出现，前面的值会被覆盖。", '
        '"file": "policy/plans/p.yaml", "line": 4, "column": 1, '
        '"hint": "同一层级中同一个键只能出现一次，否则前面的值会被静默覆盖。删除或合并重复的键。"},\n'
        '    {"code": "PC020", "severity": "warning", '
        '"message": "第一行应为 # yaml-language-server: $schema=…/schemas/plan.schema.json。", '
        '"file": "policy/plans/p.yaml", "line": 1, "column": 1, "hint": ""}\n'
        "  ]\n}\n"
    )


def test_github_format() -> None:
    """Workflow annotations with escaped properties and the fix on a second line."""
    assert render("github") == (
        "::error file=policy/plans/p.yaml,line=4,col=1,title=PC012 键名重复::"
        "键“title”在同一层级中重复出现，前面的值会被覆盖。%0A修改建议：同一层级中同一个键只能出现一次，否则前面的值会被静默覆盖。删除或合并重复的键。\n"
        "::warning file=policy/plans/p.yaml,line=1,col=1,title=PC020 缺少编辑器提示行::"
        "第一行应为 # yaml-language-server: $schema=…/schemas/plan.schema.json。\n"
        "未通过：检查了 2 个文件，发现 1 个错误、1 个警告。\n"
    )


def test_clean_run_says_so() -> None:
    """No findings: a single reassuring line."""
    stream = io.StringIO()
    FINDINGS_REPORTERS["text"]([], 5, stream)
    assert stream.getvalue() == "全部通过：检查了 5 个文件，未发现问题。\n"


def test_property_escaping() -> None:
    """Colons and commas in a file name cannot break an annotation."""
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_a_finding_at_a_cell_keeps_the_line_format_and_its_escaping() -> None:
    """import-xlsx names a cell (or nothing) where validate names line:column; the rest of the line is the same,
    and a newline in the file name or the message stays on the line."""
    item = finding("PC012", "键“title”重复。", "进展\n::error ::x.xlsx", 4, 1)
    assert finding_text(item, " 任务台账!A4") == (
        "进展<U+000A>::error ::x.xlsx 任务台账!A4: PC012 错误 键“title”重复。\n"
        "    修改建议：同一层级中同一个键只能出现一次，否则前面的值会被静默覆盖。删除或合并重复的键。\n"
    )
    assert finding_text(FINDINGS[1], "") == (
        "policy/plans/p.yaml: PC020 警告 第一行应为 # yaml-language-server: $schema=…/schemas/plan.schema.json。\n"
    )
