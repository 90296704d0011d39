"""A deterministic synthetic policy tree for the benchmarks.

    python -m benchmarks.generate OUT_DIR [--tasks 10000] [--plans 10] [--updates N [--updates-per-file 100]]

The same arguments always produce byte-identical files (no randomness, no clock), so timings can be
compared across commits. The tree is valid: `plancheck validate OUT_DIR/policy` exits 0, and it
exercises the same paths the real data does (milestones, quantities, groups, project rows, progress
updates with counts and forecasts, indicator observations).

Without --updates, one office reports on every task in three reports per plan (one update per
task). With --updates N, the tree is laid out like a large repository: one department per
--updates-per-file tasks leads them, and reports on them in its own folder once per round (a
month), so the N updates are spread over about N / --updates-per-file files in as many unit folders
as there are departments; the office files one indicator report per round.
"""

from __future__ import annotations

import argparse
import shutil
from datetime import date, timedelta
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent
COUNTIES = 20
DEPARTMENTS = 30
START = date(2023, 1, 1)


def _organizations(plans: int, departments: int = DEPARTMENTS) -> str:
    # The office reports on every plan, so it must oversee them all (PC402 otherwise).
    overseen = ", ".join(f"synth-{plan:02d}" for plan in range(plans))
    lines = [
        "# yaml-language-server: $schema=../../schemas/organizations.schema.json",
        "jurisdiction: {id: synth, name: 合成市, province: 示例省}",
        "organizations:",
        "  - {id: synth-office, name: 合成市大气污染防治工作领导小组办公室, kind: leading_group_office,",
        f"     oversees: [{overseen}]}}",
    ]
    lines += [f"  - {{id: dept-{i:02d}, name: 合成市第{i}局, kind: department}}" for i in range(departments)]
    lines += [f"  - {{id: county-{i:02d}, name: 第{i}县人民政府, kind: county}}" for i in range(COUNTIES)]
    lines += ["groups:", "  - id: synth-counties", "    name: 各县人民政府", "    members:"]
    lines += [f"      - county-{i:02d}" for i in range(COUNTIES)]
    return "\n".join(lines) + "\n"


def _task(plan: int, index: int, leads: tuple[int, int] = (DEPARTMENTS, 0)) -> str:
    """Task t<index> of a plan. leads = (departments, offset): the lead is department (offset + index) % departments."""
    deadline = START + timedelta(days=30 + (index * 7) % 700)
    wording = f"{deadline.year}年{deadline.month}月{deadline.day}日"
    departments, offset = leads
    lead = f"dept-{(offset + index) % departments:02d}"
    cooperating = f"dept-{(offset + index + 1) % departments:02d}"
    text = f"""\
  - id: t{index:05d}
    kind: task
    number: "{index + 1}"
    title: 推进第{index + 1}项重点行业深度治理
    lead: [{lead}]
    cooperating: [{cooperating}]
    responsible: [county-{index % COUNTIES:02d}]
    schedule: {{kind: deadline, text: {wording}, deadline: {deadline.isoformat()}}}
    quantities:
      - {{id: projects, text: 完成{index % 50 + 10}项工程, unit: 项, comparison: at_least, value: {index % 50 + 10}}}
    source: {{row: {index + 1}}}
"""
    if index % 4 == 0:
        milestone = min(deadline - timedelta(days=20), START + timedelta(days=119))
        text += f"""\
    milestones:
      - {{id: m1, text: 阶段节点完成率不低于75%, date: {milestone.isoformat()}, share: 0.75}}
"""
    return text


def _plan(plan: int, tasks: int, leads: tuple[int, int] = (DEPARTMENTS, 0)) -> str:
    header = f"""\
# yaml-language-server: $schema=../../schemas/plan.schema.json
id: synth-{plan:02d}
title: 合成市第{plan}号大气污染综合治理工作方案
kind: annual_work_plan
jurisdiction: synth
document: {{number: 合气领办〔2023〕{plan}号, issuer: synth-office, issued: 2023-01-01}}
period: {{start: 2023-01-01, end: 2024-12-31}}
default_responsible: {{units: [synth-counties], text: 以下均需各县人民政府落实，不再一一列出}}
indicators:
  - id: pm25
    name: 细颗粒物（PM2.5）浓度
    unit: 微克/立方米
    direction: at_most
    baseline: {{year: 2022, value: 50, text: "50"}}
    target: {{year: 2024, kind: absolute, value: 42, text: "42"}}
    source: {{table: 主要指标表, row: 1}}
tasks:
"""
    return header + "".join(_task(plan, index, leads) for index in range(tasks))


def _report(plan: int, tasks: int, day: int, per_task: int) -> str:
    reported = START + timedelta(days=60 + day * 90)
    lines = [
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json",
        "reporter: synth-office",
        f"date: {reported.isoformat()}",
        f"source: {{title: 合成市工作动态第{day + 1}期, date: {reported.isoformat()}}}",
        "updates:",
    ]
    for index in range(day % per_task, tasks, per_task):
        total = index % 50 + 10
        done = min(total, (day + 1) * total // 4)
        status = "done" if done == total else "in_progress"
        lines.append(
            f"  - {{task: synth-{plan:02d}/t{index:05d}, status: {status}, done: {done}, total: {total}, "
            f"count_unit: 项, quote: 已完成{done}项。}}"
        )
    lines += [
        "observations:",
        f"  - {{indicator: synth-{plan:02d}/pm25, period: {{year: 2023, through_month: {reported.month - 1}}}, "
        "value: 46, quote: PM2.5浓度46。}",
    ]
    return "\n".join(lines) + "\n"


def report_date(round_: int) -> date:
    """The date of the progress reports of a round in the --updates layout: one round a month."""
    return START + timedelta(days=31 + 30 * round_)


def _department_report(department: int, round_: int, rounds: int, updates: list[tuple[int, int]]) -> str:
    """One department's report of a round on the tasks it leads; updates are (plan, index) pairs."""
    reported = report_date(round_).isoformat()
    lines = [
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json",
        f"reporter: dept-{department:02d}",
        f"date: {reported}",
        f"source: {{title: 合成市第{department}局工作进展第{round_ + 1}期, date: {reported}}}",
        "updates:",
    ]
    for plan, index in updates:
        total = index % 50 + 10
        # Two tasks in three are finished by the last round; the third stalls at half, so some are overdue.
        done = (round_ + 1) * total // (rounds if index % 3 else 2 * rounds)
        status = "done" if done == total else "in_progress"
        lines.append(
            f"  - {{task: synth-{plan:02d}/t{index:05d}, status: {status}, done: {done}, total: {total}, "
            f"count_unit: 项, quote: 已完成{done}项。}}"
        )
    return "\n".join(lines) + "\n"


def _indicator_report(plans: int, round_: int) -> str:
    """The office's report of a round: one PM2.5 observation per plan, for the month before."""
    reported = report_date(round_)
    month_before = reported.replace(day=1) - timedelta(days=1)
    lines = [
        "# yaml-language-server: $schema=../../../schemas/progress.schema.json",
        "reporter: synth-office",
        f"date: {reported.isoformat()}",
        f"source: {{title: 合成市环境质量月报第{round_ + 1}期, date: {reported.isoformat()}}}",
        "observations:",
    ]
    lines += [
        f"  - {{indicator: synth-{plan:02d}/pm25, period: {{year: {month_before.year}, "
        f"through_month: {month_before.month}}}, value: 46, quote: PM2.5浓度46。}}"
        for plan in range(plans)
    ]
    return "\n".join(lines) + "\n"


def _write_progress(policy: Path, tasks: int, plans: int, updates: int, departments: int) -> None:
    """Update k is round k // tasks of task k % tasks, reported by the task's lead department."""
    per_plan = tasks // plans
    rounds = -(-updates // tasks)
    for round_ in range(rounds):
        updated = min(tasks, updates - round_ * tasks)
        by_department: dict[int, list[tuple[int, int]]] = {}
        for number in range(updated):
            by_department.setdefault(number % departments, []).append(divmod(number, per_plan))
        name = f"{report_date(round_).isoformat()}-progress.yaml"
        for department, items in by_department.items():
            folder = policy / "progress" / f"dept-{department:02d}"
            folder.mkdir(exist_ok=True)
            (folder / name).write_text(_department_report(department, round_, rounds, items), encoding="utf-8")
        office = policy / "progress" / "synth-office" / f"{report_date(round_).isoformat()}-indicators.yaml"
        office.write_text(_indicator_report(plans, round_), encoding="utf-8")


def generate(
    out: Path, tasks: int = 10_000, plans: int = 10, reports_per_plan: int = 3,
    *, updates: int | None = None, updates_per_file: int = 100,
) -> Path:
    """Writes OUT/policy and OUT/schemas; returns OUT/policy.

    With `updates`, tasks // plans * plans tasks get `updates` updates in all, spread over unit
    folders as the module docstring says; `reports_per_plan` is then unused.
    """
    if updates is not None:
        return _generate_spread(out, tasks, plans, updates, updates_per_file)
    policy = _empty_tree(out)
    (policy / "organizations" / "synth.yaml").write_text(_organizations(plans), encoding="utf-8")
    per_plan = tasks // plans
    for plan in range(plans):
        (policy / "plans" / f"synth-{plan:02d}.yaml").write_text(_plan(plan, per_plan), encoding="utf-8")
        for day in range(reports_per_plan):
            report = _report(plan, per_plan, day, reports_per_plan)
            name = f"{(START + timedelta(days=60 + day * 90)).isoformat()}-synth-{plan:02d}.yaml"
            (policy / "progress" / "synth-office" / name).write_text(report, encoding="utf-8")
    return policy


def _empty_tree(out: Path) -> Path:
    """OUT/schemas copied from this repository and the folders of OUT/policy; returns OUT/policy."""
    if out.exists():
        shutil.rmtree(out)
    policy = out / "policy"
    (policy / "organizations").mkdir(parents=True)
    (policy / "plans").mkdir()
    (policy / "progress" / "synth-office").mkdir(parents=True)
    shutil.copytree(REPOSITORY / "schemas", out / "schemas")
    return policy


def _generate_spread(out: Path, tasks: int, plans: int, updates: int, updates_per_file: int) -> Path:
    per_plan = tasks // plans
    tasks = per_plan * plans
    departments = max(1, round(tasks / updates_per_file))
    policy = _empty_tree(out)
    (policy / "organizations" / "synth.yaml").write_text(_organizations(plans, departments), encoding="utf-8")
    for plan in range(plans):
        text = _plan(plan, per_plan, (departments, plan * per_plan))
        (policy / "plans" / f"synth-{plan:02d}.yaml").write_text(text, encoding="utf-8")
    _write_progress(policy, tasks, plans, updates, departments)
    return policy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=10)
    parser.add_argument("--updates", type=int, default=None, help="spread this many updates over unit folders")
    parser.add_argument("--updates-per-file", type=int, default=100)
    args = parser.parse_args()
    policy = generate(args.out, args.tasks, args.plans, updates=args.updates, updates_per_file=args.updates_per_file)
    files = list(policy.rglob("*.yaml"))
    size = sum(path.stat().st_size for path in files)
    print(f"{policy}: {args.tasks} tasks, {len(files)} files, {size / 1e6:.1f} MB of YAML")


if __name__ == "__main__":
    main()
