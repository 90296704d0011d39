"""The progress-report skeleton `plancheck new-report` writes: a unit's open work, ready to fill in.

Pure: the model and the selected work (checker/offer.py) in, YAML text out. Each selected task
becomes an entry with `status:` and `quote:` left blank, under a comment giving its current
status; each selected indicator becomes an observation with `value:` and `quote:` blank, its
`period` prefilled with the year the plan's target uses (or the last full year before it). A
blank field is PC110 (one summary per file), so a skeleton cannot be merged half-filled: the
submitter fills the entries they have news on and deletes the rest. The guide
(docs/guide/submit.md) walks through it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from ruamel.yaml.comments import CommentedMap

from checker import yamledit
from checker.evaluate.labels import Role, label
from checker.evaluate.results import IndicatorResult, TaskResult
from checker.load.yaml_loader import parse_yaml
from checker.model.records import Model
from checker.model.selection import named_tasks
from checker.offer import Offer, Offering
from checker.report.views import default_units

SCHEMA_LINE = "# yaml-language-server: $schema=../../../schemas/progress.schema.json"

_HEADER = """\
{schema_line}
#
# {unit_name}进展报送（{on}），由 plancheck new-report 生成。
# 填写方法（详见网站“报送指南”）：
#   1. source.title 填写所依据材料的标题，如“XX局工作动态（第12期）”；材料日期不同的，改 source.date。
#   2. updates 中列出本单位目前需要报送的任务（{scope}），每条上方的注释是它目前的状态。
#      有进展的任务：填写 status（done 已完成 / in_progress 推进中 / not_started 未开工）
#      和 quote（材料原文，逐字照录）；
#      有数量的可加 done、total、count_unit；已完成的加 completed_on（完成日期）。
#      没有进展要报的任务：删除整条，从“- task:”所在行删到下一条之前（上方的注释可一并删除）。
#   3. observations 中的指标同样处理：填写 value 和 quote，或整条删除。
#   4. 运行 .venv/bin/plancheck validate {path}，没有错误后提交拉取请求。
reporter: {unit}
date: {on}
source:
  title:
  date: {on}
"""

_UPDATES_NOTE = "以下任务按紧急程度排列：逾期的在前。"
_OBSERVATIONS_NOTE = ("指标观测值：period.year 已预填为规划目标年份或上一个完整年份，请按数据所属年份改正；"
                      "当年只有部分月份的，加 through_month（截至几月）。")


def new_report(model: Model, selection: Offering, offer: Offer, path: str) -> tuple[str, int]:
    """The text of a new report, and how many entries it offers."""
    unit, on = offer.unit, offer.on
    header = _HEADER.format(schema_line=SCHEMA_LINE, unit_name=model.unit_name(unit), unit=unit, on=on, path=path,
                            scope=_SCOPES["default" if offer.by_default else "all" if offer.everything else "named"])
    document = yamledit.load(header)
    added = _offer(document, model, selection, offer, known_tasks=set(), known_indicators=set())
    return yamledit.dump(document), added


_SCOPES = {
    "default": "有效规划中点名本单位或已逾期的未完成任务，及本单位报过、尚未完成的任务",
    "all": "本单位可报送的全部未完成任务",
    "named": "命令中用 --task 或 --match 指定的",
}


def extend_report(text: str, model: Model, selection: Offering, offer: Offer) -> tuple[str, int]:
    """An existing report with entries added for the selected work it does not mention yet.

    Nothing already in the file changes, byte for byte: the new entries are spliced in at the end
    of its lists (checker.yamledit.append_items), and the result is read back to prove that
    every value the file had is still there. Raises yamledit.NotAppendableError when it cannot be done.
    """
    before, _ = parse_yaml(text, "report")
    if not isinstance(before, dict):
        return text, 0
    tasks = {key for item in _items(before, "updates") for key in named_tasks(item, model.plans)}
    indicators = {str(item.get("indicator")) for item in _items(before, "observations")}
    additions = CommentedMap()
    added = _offer(additions, model, selection, offer, known_tasks=tasks, known_indicators=indicators)
    if not added:
        return text, 0
    extended = yamledit.append_items(text, additions)
    after, _ = parse_yaml(extended, "report")
    if not _only_appended(before, after, set(additions)):
        raise yamledit.NotAppendableError("补充条目后，文件原有的内容读出来与原来不同，未写入。")
    return extended, added


def _only_appended(before: dict[str, Any], after: Any, extended: set[str]) -> bool:
    """Every key and value of before is in after, in order; the extended lists only grew at their end."""
    if not isinstance(after, dict) or list(after)[: len(before)] != list(before):
        return False
    for key, value in before.items():
        if key in extended:
            old = value or []
            if not isinstance(after[key], list) or after[key][: len(old)] != old:
                return False
        elif after[key] != value:
            return False
    return True


def _items(document: dict[str, Any], key: str) -> Iterable[Any]:
    value = document.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _offer(document: CommentedMap, model: Model, selection: Offering, offer: Offer, *,
           known_tasks: set[str], known_indicators: set[str]) -> int:
    tasks = [r for r in selection.tasks if r.key not in known_tasks]
    indicators = [r for r in selection.indicators if r.key not in known_indicators]
    if tasks:
        updates = yamledit.block_list(document, "updates", before=_UPDATES_NOTE)
        for result in tasks:
            by_default = offer.unit in default_units(result, model)
            yamledit.append(updates, _update(result), _task_comment(result, model, by_default))
    if indicators:
        observations = yamledit.block_list(document, "observations", before=_OBSERVATIONS_NOTE)
        for indicator in indicators:
            yamledit.append(observations, _observation(indicator, offer.on), _indicator_comment(indicator))
    return len(tasks) + len(indicators)


def _update(result: TaskResult) -> CommentedMap:
    return yamledit.mapping(("task", result.key), ("status", None), ("quote", None))


def _observation(result: IndicatorResult, on: date) -> CommentedMap:
    return yamledit.mapping(
        ("indicator", result.key), ("period", {"year": observed_year(result, on)}), ("value", None), ("quote", None),
        flow=("period",),
    )


def observed_year(result: IndicatorResult, on: date) -> int:
    """The year an observation most likely reports: the plan's target year, or the last full year before it.

    A 2023 plan's indicators are measured for 2023 even when reported in 2025; a 2025 target is
    reported in 2025 for 2024, the last year that has ended.
    """
    return min(result.indicator.target.year, on.year - 1)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _task_comment(result: TaskResult, model: Model, by_default: bool = False) -> str:
    lines = [f"【{result.status.label}】{_one_line(result.title)}"]
    if by_default:
        wording = model.plans[result.task.plan].default_responsible_text or "默认责任单位"
        lines.append(f"未点名本单位，只因规划统一规定“{_one_line(wording)}”负责而列出")
    if result.target and result.target != result.title:
        lines.append(f"目标：{_one_line(result.target)}")
    units = "、".join(model.unit_name(unit) for unit in (result.lead or result.responsible))
    role = label(Role.LEAD if result.lead else Role.RESPONSIBLE)
    lines.append(f"状态：{_one_line(result.explanation)}" + (f"（{role}：{units}）" if units else ""))
    for quantity in result.task.quantities:
        lines.append(f"数量：{_one_line(quantity.text)}，可填 done、total、count_unit: {quantity.unit}")
    return "\n".join(lines)


def _indicator_comment(result: IndicatorResult) -> str:
    indicator = result.indicator
    unit = f"（{indicator.unit}）" if indicator.unit else ""
    return f"【{result.status.label}】{_one_line(indicator.name)}{unit}：{_one_line(result.explanation)}"
