"""libyaml's syntax errors as Chinese findings, at the line and column a reader should look at."""

from __future__ import annotations

from typing import Any

import yaml

from checker.codes import finding
from checker.findings import Finding


def mark_position(mark: Any) -> tuple[int, int]:
    """1-based line and column of a libyaml mark (marks are always set on parser events)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_PROBLEMS_IN_CHINESE = (
    ("expected a single document", "一个文件中出现了多个文档（“---”分隔）"),
    ("mapping values are not allowed here", "此处不能出现“键: 值”：若文字中含有“: ”请给整段文字加引号，否则检查缩进"),
    ("could not find expected ':'", "找不到键后面的冒号：检查这一行是否缺少“: ”，或上一行的引号没有闭合"),
    ("found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    ("did not find expected key", "找不到预期的键：检查缩进是否与上下文对齐"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("did not find expected node content", "缺少内容：检查“-”或“:”后面是否漏写了值"),
    ("expected <block end>", "缩进不对齐：同一层级的键须从同一列开始"),
    ("found unknown escape character", "双引号文字中有无效的转义（\\ 后的字符不合法），可改用单引号"),
    ("expected ',' or ']'", "方括号列表 [...] 没有正确闭合或缺少逗号"),
    ("expected ',' or '}'", "花括号映射 {...} 没有正确闭合或缺少逗号"),
    ("found character '\\t'", "此处有制表符（Tab），YAML 只能用空格"),
    ("found a tab character", "此处有制表符（Tab），YAML 只能用空格"),
    ("found undefined alias", "使用了未定义的别名"),
    ("while scanning a quoted scalar", "引号没有闭合"),
    ("while scanning a block scalar", "多行文字块（| 或 >）的缩进不对"),
    ("found unexpected ':'", "出现了意外的冒号：给含冒号的文字加引号"),
)


def syntax_finding(error: yaml.MarkedYAMLError, file: str, text: str) -> Finding:
    # An unclosed quote or bracket fails at the end of the file; where it opened is more useful.
    context = error.context or ""
    opened_here = context.startswith("while scanning") or "flow" in context
    mark = (error.context_mark if opened_here else None) or error.problem_mark or error.context_mark
    line, column = mark_position(mark)
    lines = text.splitlines() or [""]
    if line > len(lines):  # libyaml places an error at the end of input on the line after the last one
        line, column = len(lines), len(lines[-1]) + 1
    english = " ".join(part for part in (error.context, error.problem) if part)
    code = "PC011" if "expected a single document" in english else "PC009"
    chinese = next((text for key, text in _PROBLEMS_IN_CHINESE if key in english), "YAML 语法错误")
    return finding(code, f"{chinese}。（解析器原文：{english}）", file, line, column)
