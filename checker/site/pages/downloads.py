"""The downloads page: check JSON, the 台账 and each unit's fill-in file."""

from __future__ import annotations

from checker.site.markup import md
from checker.site.pages.kit import _ledger_units, _Site
from checker.site.pages.paths import unit_download


def _downloads(site: _Site) -> str:
    return "\n".join([
        "# 下载",
        "",
        f"数据截至 **{site.evaluation.as_of}**，与本网站同时生成。",
        "",
        "- [任务台账（Excel）](downloads/ledger.xlsx)：每项任务一行，按紧急程度排序，状态按红黄绿灯着色，"
        "已设置横向 A4 打印；第一张表为全部任务，其后每个单位一张表。",
        "- [任务台账（CSV）](downloads/ledger.csv)：内容与 Excel 第一张表相同，UTF-8 编码，Excel 可直接打开。",
        "- [检查结果（JSON）](downloads/check.json)：`plancheck check --format json` 的完整输出，"
        "格式见 `schemas/report.schema.json`。",
        "",
        "## 各单位可填写的台账",
        "",
        "每个单位一个 Excel 文件，列出点名本单位的任务，并留有黄色的填写列（本次进展、数量、日期、原文摘录、备注）。"
        "填好后按[报送指南](guide/submit.md)转为进展报送文件。",
        "",
        *(f"- [{md(unit.name)}]({unit_download(unit.unit)})" for unit in _ledger_units(site)),
        "",
    ])
