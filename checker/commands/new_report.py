"""plancheck new-report: write a progress-report skeleton into the unit's folder.

The file is `progress/<unit>/<date>-report.yaml`. An existing file is never overwritten; with
--update, entries for open work it does not mention yet are appended and nothing else changes.
The written text is loaded and validated like any report before it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TextIO

from checker.codes import one_line
from checker.commands.common import report_findings, require_plans, require_unit
from checker.errors import ExitCode, PlancheckError
from checker.evaluate import evaluate
from checker.load.documents import display_path
from checker.load.limits import DEFAULT_LIMITS
from checker.load.parsing import parse_bytes
from checker.load.yaml_loader import parse_yaml
from checker.offer import Offer, Offering, select
from checker.output_file import write_whole
from checker.skeleton import extend_report, new_report
from checker.validate import validate
from checker.workspace import DEFAULT_CACHE, CachePolicy, open_workspace
from checker.yamledit import NotAppendableError


@dataclass(frozen=True)
class NewReportOptions:
    unit: str
    report_date: date  # the date of the report written, and the date its open work is evaluated as of
    plans: tuple[str, ...]
    paths: tuple[Path, ...]
    update: bool
    checked_on: date  # validation_date(today, report_date): reports up to the later of the two are valid
    cache: CachePolicy = DEFAULT_CACHE
    tasks: tuple[str, ...] = ()
    match: tuple[str, ...] = ()
    everything: bool = False


def run(options: NewReportOptions, stdout: TextIO) -> int:
    workspace = open_workspace(options.paths, options.checked_on, options.cache)
    target = workspace.root / "progress" / options.unit / f"{options.report_date.isoformat()}-report.yaml"
    shown = display_path(target)
    # The file being written is left out: a skeleton being filled in is not valid yet, and
    # --update must still work on it. Everything else must be valid.
    others = [d for d in workspace.documents if d.path.resolve() != target.resolve()]
    validation = workspace.validation
    if len(others) < len(workspace.documents):
        validation = validate(others, options.checked_on)
    if not validation.valid:
        stdout.write("现有数据有错误，请先改正再生成报送文件：\n")
        report_findings(validation.findings, len(others), "text", stdout)
        return ExitCode.INVALID
    model = validation.model
    require_unit(model, options.unit)
    require_plans(model, options.plans)
    evaluation = evaluate(model, options.report_date)
    offer = Offer(options.unit, options.report_date, options.plans, options.tasks, options.match, options.everything)
    selection = select(model, evaluation, offer)
    if target.exists() and not options.update:
        raise PlancheckError(f"文件已存在：{shown}。不会覆盖。要在其中补充尚未列出的任务，请加 --update。")
    if target.exists():
        try:
            before = target.read_bytes().decode("utf-8")  # as bytes: CRLF line endings must survive
        except (OSError, UnicodeDecodeError) as error:
            raise PlancheckError(f"无法读取“{shown}”：{error}。请先用 plancheck validate 检查它。") from None
        problems = parse_bytes(before.encode("utf-8"), shown, DEFAULT_LIMITS)[2]  # screened like any file
        errors = [problem for problem in problems if problem.is_error]
        if errors:
            first = errors[0]
            where = f"{shown} 第 {first.line} 行第 {first.column} 列"
            raise PlancheckError(f"{where}：{first.message} 请先改正，再加 --update。")
        try:
            text, added = extend_report(before, model, selection, offer)
        except NotAppendableError as error:
            raise PlancheckError(f"无法在 {shown} 中补充条目：{error} 文件未改动。") from None
    else:
        text, added = new_report(model, selection, offer, shown)
    generated = parse_yaml(text, shown)[1]
    if generated:  # a defect in the generator, never the user's data: keep their file as it was
        raise PlancheckError(f"生成的内容无法解析（{generated[0].message}），未写入 {shown}。")
    if added == 0:
        name = one_line(model.unit_name(options.unit))
        stdout.write(f"{name}截至 {options.report_date} 没有尚未列出的未完成任务或指标，未写入文件。\n"
                     + _left_out(selection, offer))
        return ExitCode.OK
    write_whole(target, text)
    verb = "补充" if options.update else "列出"
    stdout.write(f"已写入 {shown}：{verb} {added} 条待填写的任务和指标。\n" + _left_out(selection, offer)
                 + f"请按文件开头的说明填写，然后运行 plancheck validate {shown} 检查。\n")
    return ExitCode.OK


def _left_out(selection: Offering, offer: Offer) -> str:
    """How many open items the request did not list, and how to list them."""
    if not selection.left_out:
        return ""
    ended_plans = selection.left_out_of_ended_plans
    ended = f"，其中 {ended_plans} 条属于已结束的规划" if ended_plans else ""
    why = "未点名本单位、未逾期，或所属规划已结束" if offer.by_default else "不在 --task、--match 指定的范围内"
    narrower = "；只列出材料讲到的，用 --task 规划ID/任务ID 或 --match 关键词" if offer.by_default else ""
    return (f"另有 {selection.left_out} 条本单位可报送的未完成任务和指标未列出（{why}{ended}）。"
            f"要列出全部，加 --all{narrower}。\n")

