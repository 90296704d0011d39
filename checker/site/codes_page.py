"""The site's 错误代码 page, generated from the finding catalogue so the two never drift apart.

One section per code, with a stable anchor (`#pc101`) that messages and the submission guide can
link to, grouped by the hundreds of the code. Catalogue text is escaped like any other data.
The example output is an indented code block: the site's Markdown has no fenced-code extension.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from checker.codes import CODES, Code
from checker.findings import Severity
from checker.site.markup import md

_RANGES = {"0": "文件与 YAML", "1": "结构", "2": "引用", "3": "日期与数值", "4": "报送权限", "5": "规划修改",
           "6": "Excel 台账导入"}
_SEVERITY_TEXT = {
    Severity.ERROR: f"{Severity.ERROR.label}（必须改正，否则检查不通过）",
    Severity.WARNING: f"{Severity.WARNING.label}（建议改正，不影响检查通过）",
}
_INTRO = """\
# 错误代码

在本地运行 `plancheck validate`，或提交拉取请求（PR）后由网站自动检查时，发现的每个问题都报告为一行：

    policy/progress/hd-ecology/2025-10-23-bulletin.yaml:15:5: PC102 错误 updates[1]：未知字段“qoute”。
        修改建议：删除该字段或更正拼写（常见原因是拼写错误）。

依次是：文件、行号、列号（从 1 数起）、错误代码、级别、说明，下一行是修改建议。
`updates[1]` 指文件中 `updates` 列表的第 2 条（方括号中的序号从 0 数起），
`updates[0].status` 指第 1 条的 `status` 字段。

- **错误**：必须改正，否则检查不通过。
- **警告**：建议改正，不影响检查通过。

每个代码的含义固定不变，也不会挪作他用。报送进展的完整步骤见[进展报送指南](guide/submit.md)。
"""


def finding_codes_page(codes: Mapping[str, Code] = CODES) -> str:
    """The whole page as Markdown: an introduction, then each code under its range, in code order."""
    lines = [_INTRO]
    current_range = None
    for code in sorted(codes):
        entry = codes[code]
        digit = code[2:3]
        if digit != current_range:
            current_range = digit
            name = _RANGES.get(digit, "其他")
            lines += [f"## PC{md(digit)}xx {name} {{#{_anchor(f'pc{digit}xx')}}}", ""]
        lines += [
            f"### {md(code)} {md(entry.title)} {{#{_anchor(code)}}}",
            "",
            f"**级别**：{_SEVERITY_TEXT[entry.severity]}",
            "",
            f"**如何修改**：{md(entry.fix)}",
            "",
        ]
    return "\n".join(lines)


def _anchor(text: str) -> str:
    """pc101: lower-case ASCII letters, digits and hyphens only, whatever the catalogue holds."""
    return re.sub(r"[^a-z0-9-]", "", text.lower()) or "code"
